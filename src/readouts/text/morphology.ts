import { createRequire } from 'node:module';
import path from 'node:path';
import Az from 'az';
import type { Lang } from './language.ts';

export interface Morphology {
  /** Lower-case normal forms of a word: «Курской» → [«курский»], "tyres" → ["tyr"] (the English stem). */
  lemmas(word: string): string[];
  /** The keys a token matches on: its normal forms and its own lower-case spelling, ё read as е. */
  keyOf(word: string, lang: Lang): string[];
}

/**
 * The dictionary first; for a word it lacks, only the cheap guesses (a known prefix, an abbreviation). az's
 * guesses from endings cost ten times a dictionary look-up and turn «Росатом» into «росат»; a bare stem does better.
 */
const DICTIONARY = ['Dictionary'];
const GUESSES = ['PrefixKnown', 'Abbr'];
/** Cached words before the cache starts afresh: a long-running server should not grow without bound. */
const CACHE_LIMIT = 200_000;

const CYRILLIC = /\p{Script=Cyrillic}/u;

let loading: Promise<void> | undefined;

function initAz(): Promise<void> {
  loading ??= new Promise<void>((resolve, reject) => {
    const require = createRequire(import.meta.url);
    const dicts = path.join(path.dirname(require.resolve('az/package.json')), 'dicts');
    Az.Morph.init(dicts, (error) => (error ? reject(error) : resolve()));
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

export function foldCase(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

/**
 * A light English stemmer that maps a word and its plural or possessive to one stem: "lorries" → "lorry",
 * "buses" → "bus", "tyres" and "tyre" → "tyr", "Belarus’" → "belarus". Both sides of a comparison go through it,
 * so the stem need not be a word.
 */
function englishStem(word: string): string {
  let w = foldCase(word).replace(/['’ʼ]s?$/u, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:ch|sh|x|z|o|s)es$/u.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Case endings of nouns and adjectives, longest first, cut from words the dictionary does not know. */
const ENDING =
  /(?:ами|ями|ыми|ими|ого|его|ому|ему|ых|их|ые|ие|ый|ий|ая|яя|ое|ее|ую|юю|ым|им|ом|ем|ой|ою|ей|ам|ям|ах|ях|ов|ев|а|я|у|ю|е|ы|и)$/u;
const MIN_STEM = 4;

function russianLemmas(word: string): string[] {
  const found = new Set<string>();
  const add = (parses: ReturnType<typeof Az.Morph>) => {
    for (const parse of parses) {
      const lemma = parse.normalize()?.word;
      if (lemma) found.add(foldCase(lemma));
    }
  };
  add(Az.Morph(word, { parsers: DICTIONARY }));
  if (found.size > 0) return [...found];
  const hyphen = word.lastIndexOf('-');
  if (hyphen > 0 && hyphen < word.length - 1) {
    // «Кабардино-Балкарской»: the last part inflects, the first stays as written.
    const head = foldCase(word.slice(0, hyphen + 1));
    return russianLemmas(word.slice(hyphen + 1)).map((tail) => head + tail);
  }
  // A guess that drops a known prefix («мототехника» → «техника») names another thing: keep only inflections.
  const own = foldCase(word).slice(0, 3);
  add(Az.Morph(word, { parsers: GUESSES }).filter((p) => foldCase(p.normalize()?.word ?? '').startsWith(own)));
  // az guesses a name it does not know differently in each case; a bare stem gives every case of «Планар»,
  // «Росатом», «Белшина» one key in common.
  const stem = foldCase(word).replace(ENDING, '');
  if (stem.length >= MIN_STEM) found.add(stem);
  return [...found];
}

/** Loads az's dictionaries once per process (~300 ms); later calls share them. */
export async function loadMorphology(): Promise<Morphology> {
  await initAz();
  const cache = new Map<string, string[]>();
  const lemmas = (word: string): string[] => {
    let hit = cache.get(word);
    if (!hit) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      hit = CYRILLIC.test(word) ? russianLemmas(word) : [englishStem(word)];
      cache.set(word, hit);
    }
    return hit;
  };
  return {
    lemmas,
    keyOf(word, lang) {
      const own = foldCase(word);
      // In a Russian text a Latin word is a brand ("BelAZ", "Planar"), not an English noun with a plural.
      if (!CYRILLIC.test(word) && lang === 'ru') return [own.replace(/['’ʼ]s?$/u, '')];
      const keys = lemmas(word);
      return keys.includes(own) ? keys : [...keys, own];
    },
  };
}
