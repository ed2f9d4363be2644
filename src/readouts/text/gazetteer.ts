import type { Lang } from './language.ts';
import { foldCase, type Morphology } from './morphology.ts';
import { nameWords, transliterate, withoutLegalForms } from './names.ts';
import type { Span } from './sentences.ts';
import { tokenize, type Token } from './tokens.ts';

export interface GazetteerEntry {
  id: string;
  kind: string;
  /**
   * Names as they are written: a capitalised name is a proper name and matches only capitalised words ("Planar",
   * not "a planar surface"); a lower-case one is a common noun ("tyres") and is never matched by transliteration.
   */
  names: string[];
  data?: unknown;
}

export interface GazetteerMatch extends Span {
  id: string;
  kind: string;
  /** The entry's name that matched, as the entry spells it. */
  name: string;
  /** 1 for the same spelling, less for a match through inflection, transliteration or case. */
  score: number;
  data?: unknown;
}

export interface Gazetteer {
  /** Names found in the text (or the part of it in `range`), longest first, none overlapping, in text order. */
  find(text: string, lang: Lang, range?: Span): GazetteerMatch[];
}

const SCORE_INFLECTED = 0.9;
const SCORE_TRANSLITERATED = 0.8;
/** Spellings a multi-word name is indexed under; beyond this only each word's first key is used. */
const MAX_PATHS = 64;
/** Shorter loose keys ("ao", "rf") would tie unrelated words together. */
const MIN_TRANSLIT = 4;
const PREFIX = 3;
const LONG_PREFIX = 4;
const LONG_KEY = 6;
const LOOSE_CACHE_LIMIT = 100_000;

/** Marks a name may have inside or around it in a text: «Минский моторный завод», Kemerovo Oblast – Kuzbass. */
/** The dots of "St. Petersburg" and "U.S." too: a name never runs across a sentence, so a dot inside is its own. */
const TRANSPARENT = new Set(['«', '»', '“', '”', '„', '"', "'", '‘', '’', '(', ')', '-', '–', '—', '.']);
/** "US", «РФ», «США»: an acronym only counts written in capitals ("let us" is not the United States). */
const ACRONYM = /^\p{Lu}{2,4}$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

interface Ending {
  entry: GazetteerEntry;
  name: string;
  /** The folded spelling of the name's words, to tell an exact match from an inflected one. */
  spelling: string;
  capitalised: boolean;
  /** The acronym a text must spell in capitals, when the name is one. */
  acronym?: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  ends: Ending[];
}

interface Candidate {
  from: number;
  to: number;
  words: number;
  ends: Ending[];
  score: number;
}

const node = (): TrieNode => ({ next: new Map(), ends: [] });

const HYPHEN = /[-‐‑]/u;

/** A name and, when it has hyphenated words, the same name with them apart ("machine-building" → "machine building"). */
function spellings(name: string): [string, string][] {
  const apart = name.replace(/(?<=[\p{L}\d])[-‐‑](?=[\p{L}\d])/gu, ' ');
  return apart === name
    ? [[name, name]]
    : [
        [name, name],
        [name, apart],
      ];
}

const SHOUTED = /^\p{Lu}{2,5}$/u;

/** How many words of an entry's spelling the text spells the same, each word counted once. */
function sameWords(entry: string, text: string): number {
  const left = text.split(' ');
  let same = 0;
  for (const word of entry.split(' ')) {
    const at = left.indexOf(word);
    if (at === -1) continue;
    left.splice(at, 1);
    same++;
  }
  return same;
}

/**
 * Whether the spelling of the first word allows the entry: an acronym only in capitals; a proper name only
 * capitalised («том» is not «Того», "a planar surface" not «Планар»); a common noun not from an acronym in capitals
 * («ГАЗ» the car maker is not «газ») and never by transliteration («друга» is not "drugs").
 */
function fits(ending: Ending, first: string, transliterated: boolean): boolean {
  if (ending.acronym) return first.startsWith(ending.acronym);
  if (!ending.capitalised) return !SHOUTED.test(first) && !transliterated;
  return /^\p{Lu}/u.test(first);
}

/** The name's words without legal forms at its ends, as tokens of the text would be. */
function nameTokens(name: string): Token[] {
  const tokens = tokenize(name).filter((t) => t.kind !== 'punct');
  const parts: string[] = [];
  const owner: number[] = [];
  tokens.forEach((t, i) => {
    for (const part of nameWords(t.text)) {
      parts.push(part);
      owner.push(i);
    }
  });
  const [from, to] = withoutLegalForms(parts);
  if (from >= to) return [];
  return tokens.slice(owner[from], owner[to - 1]! + 1);
}

/**
 * The beginnings a word must have to be worth a dictionary look-up for this key: four letters of a long key, whose
 * inflections keep them; three of a short one, and of its form without a fleeting vowel («Орел» → «орл»: «в Орле»).
 */
function prefixesOf(key: string): string[] {
  if (key.length >= LONG_KEY) return [key.slice(0, LONG_PREFIX)];
  const fleeting = /^(.+)[ео]([^аеиоуыэюяй])$/u.exec(key);
  return fleeting ? [key.slice(0, PREFIX), (fleeting[1]! + fleeting[2]!).slice(0, PREFIX)] : [key.slice(0, PREFIX)];
}

/**
 * A gazetteer over the given entries: names are matched word by word on their match keys, so «Курской области»
 * finds «Курская область», "tyres" finds "tyre" and «БелАЗа» finds "BelAZ" (single words also by transliteration).
 * Quotes and legal forms are ignored. Build it once; `find` is then cheap.
 */
export function createGazetteer(morph: Morphology, entries: readonly GazetteerEntry[]): Gazetteer {
  const root = node();
  const translit = new Map<string, Ending[]>();
  const prefixes = new Set<string>();
  const translitPrefixes = new Set<string>();

  const looseCache = new Map<string, string>();
  const loose = (word: string): string => {
    let key = looseCache.get(word);
    if (key === undefined) {
      if (looseCache.size >= LOOSE_CACHE_LIMIT) looseCache.clear();
      looseCache.set(word, (key = transliterate(word)));
    }
    return key;
  };
  const entryKeys = (word: string): string[] => [...new Set([...morph.keyOf(word, 'ru'), ...morph.keyOf(word, 'en')])];

  for (const entry of entries) {
    for (const [name, spelled] of entry.names.flatMap(spellings)) {
      const tokens = nameTokens(spelled);
      if (tokens.length === 0) continue;
      const ending: Ending = {
        entry,
        name,
        spelling: tokens.map((t) => foldCase(t.text)).join(' '),
        capitalised: /^\p{Lu}/u.test(tokens[0]!.text),
        ...(tokens.length === 1 && ACRONYM.test(tokens[0]!.text) ? { acronym: tokens[0]!.text } : {}),
      };
      let keys = tokens.map((t) => entryKeys(t.text));
      if (keys.reduce((n, k) => n * k.length, 1) > MAX_PATHS) keys = keys.map((k) => k.slice(0, 1));
      for (const k of keys.flat()) for (const p of prefixesOf(k)) prefixes.add(p);
      let level = [root];
      for (const options of keys) {
        level = level.flatMap((at) =>
          options.map((key) => {
            let child = at.next.get(key);
            if (!child) at.next.set(key, (child = node()));
            return child;
          }),
        );
      }
      for (const end of new Set(level)) end.ends.push(ending);
      if (tokens.length === 1) {
        for (const key of new Set(keys[0]!.map(transliterate))) {
          if (key.length < MIN_TRANSLIT) continue;
          translit.set(key, [...(translit.get(key) ?? []), ending]);
          translitPrefixes.add(key.slice(0, PREFIX));
        }
      }
    }
  }

  return {
    find(text, lang, range) {
      const offset = range?.start ?? 0;
      const tokens = tokenize(range ? text.slice(range.start, range.end) : text);
      const keyCache = new Map<number, string[]>();
      const keysAt = (i: number): string[] => {
        let keys = keyCache.get(i);
        if (!keys) {
          const word = tokens[i]!.text;
          const own = foldCase(word);
          // Only a word that could start a known key is worth a dictionary look-up.
          const promising =
            !CYRILLIC.test(word) ||
            prefixes.has(own.slice(0, PREFIX)) ||
            prefixes.has(own.slice(0, LONG_PREFIX)) ||
            translitPrefixes.has(loose(own).slice(0, PREFIX));
          keys = promising ? morph.keyOf(word, lang) : [own];
          keyCache.set(i, keys);
        }
        return keys;
      };

      const candidates: Candidate[] = [];
      const walk = (start: number, at: TrieNode, i: number, words: number): void => {
        const token = tokens[i];
        if (!token) return;
        if (token.kind === 'punct') {
          if (words > 0 && TRANSPARENT.has(token.text)) walk(start, at, i + 1, words);
          return;
        }
        const reached = keysAt(i).flatMap((key) => at.next.get(key) ?? []);
        // "machine-building" in the text for "machine building" in the entry: the parts one by one.
        if (HYPHEN.test(token.text)) reached.push(...partsFrom(at, token.text));
        for (const child of new Set(reached)) {
          if (child.ends.length > 0)
            candidates.push({ from: start, to: i, words: words + 1, ends: child.ends, score: 0 });
          if (child.next.size > 0) walk(start, child, i + 1, words + 1);
        }
      };
      const partsFrom = (at: TrieNode, word: string): TrieNode[] => {
        let level = [at];
        for (const part of word.split(HYPHEN).filter(Boolean)) {
          level = level.flatMap((n) => morph.keyOf(part, lang).flatMap((key) => n.next.get(key) ?? []));
        }
        return level;
      };

      for (let i = 0; i < tokens.length; i++) {
        if (tokens[i]!.kind === 'punct') continue;
        const before = candidates.length;
        walk(i, root, i, 0);
        if (candidates.length === before && /^\p{Lu}/u.test(tokens[i]!.text)) {
          for (const key of new Set(keysAt(i).map(loose))) {
            const ends = translit.get(key);
            if (ends) candidates.push({ from: i, to: i, words: 1, ends, score: SCORE_TRANSLITERATED });
          }
        }
      }

      const spellingOf = (c: Candidate) =>
        tokens
          .slice(c.from, c.to + 1)
          .filter((t) => t.kind !== 'punct')
          .map((t) => foldCase(t.text))
          .join(' ');
      const scored = candidates.map((c) => {
        const spelling = spellingOf(c);
        const first = tokens[c.from]!.text;
        return {
          ...c,
          matches: c.ends
            .filter((e) => fits(e, first, c.score === SCORE_TRANSLITERATED))
            .map((e) => ({
              ending: e,
              score: c.score || (e.spelling === spelling ? 1 : SCORE_INFLECTED),
              same: sameWords(e.spelling, spelling),
            })),
        };
      });
      const viable = scored.filter((c) => c.matches.length > 0);
      viable.sort(
        (a, b) =>
          b.words - a.words ||
          tokens[b.to]!.end - tokens[b.from]!.start - (tokens[a.to]!.end - tokens[a.from]!.start) ||
          Math.max(...b.matches.map((m) => m.score)) - Math.max(...a.matches.map((m) => m.score)) ||
          a.from - b.from,
      );

      const taken = new Uint8Array(tokens.length);
      // Entries reached on the same words by different keys («стали»: сталь, стать) all stand.
      const accepted = new Map<string, Set<string>>();
      const found: (GazetteerMatch & { same: number })[] = [];
      for (const c of viable) {
        const span = `${c.from}:${c.to}`;
        let seen = accepted.get(span);
        if (!seen) {
          if (taken.subarray(c.from, c.to + 1).some((x) => x === 1)) continue;
          taken.fill(1, c.from, c.to + 1);
          accepted.set(span, (seen = new Set()));
        }
        for (const { ending, score, same } of c.matches.sort((a, b) => b.score - a.score)) {
          if (seen.has(ending.entry.id)) continue;
          seen.add(ending.entry.id);
          found.push({
            start: tokens[c.from]!.start + offset,
            end: tokens[c.to]!.end + offset,
            id: ending.entry.id,
            kind: ending.entry.kind,
            name: ending.name,
            score,
            same,
            ...(ending.entry.data === undefined ? {} : { data: ending.entry.data }),
          });
        }
      }
      // On the same words, an entry of a kind that the text spells word for word more closely stands over one
      // reached only through a shared stem: «провинции Цзянсу» is Jiangsu, not Jiangxi («Цзянси» also has «цзянс»).
      const closest = new Map<string, number>();
      const spanOf = (m: GazetteerMatch) => `${m.start}:${m.end}:${m.kind}`;
      for (const m of found) closest.set(spanOf(m), Math.max(closest.get(spanOf(m)) ?? 0, m.same));
      return found
        .filter((m) => m.same === closest.get(spanOf(m)))
        .map(({ same: _same, ...m }) => m)
        .sort((a, b) => a.start - b.start || b.score - a.score);
    },
  };
}
