/**
 * The few things the engine asks of az beyond match keys: whether a Russian word is a first name, a surname,
 * a place or an organization, and its nominative, so «губернатором Александром Бурковым» reads back as
 * «губернатор Александр Бурков». az is initialised by loadMorphology before any of this is called.
 */
import Az from 'az';

export interface RussianWord {
  name: boolean;
  surname: boolean;
  patronymic: boolean;
  place: boolean;
  organization: boolean;
  adjective: boolean;
  verb: boolean;
  /** Known to the dictionary at all. */
  known: boolean;
  /** Grammatical case of the likeliest reading: nomn, gent, datv, accs, ablt, loct. */
  grammaticalCase: string | null;
  feminine: boolean;
}

const cache = new Map<string, RussianWord>();
const CASES = ['nomn', 'gent', 'datv', 'accs', 'ablt', 'loct'];

export function russianWord(word: string): RussianWord {
  const hit = cache.get(word);
  if (hit) return hit;
  const parses = Az.Morph(word, { parsers: ['Dictionary'] });
  const has = (grammeme: string) => parses.some((p) => Boolean(p.tag[grammeme]));
  const first = parses[0];
  const info: RussianWord = {
    name: has('Name'),
    surname: has('Surn'),
    patronymic: has('Patr'),
    place: has('Geox'),
    organization: has('Orgn'),
    adjective: has('ADJF'),
    verb: Boolean(first && (first.tag.VERB || first.tag.INFN || first.tag.GRND || first.tag.PRTF)),
    known: parses.length > 0,
    grammaticalCase: first ? (CASES.find((c) => Boolean(first.tag[c])) ?? null) : null,
    feminine: Boolean(first?.tag.femn),
  };
  if (cache.size > 50_000) cache.clear();
  cache.set(word, info);
  return info;
}

function capitalised(word: string, like: string): string {
  if (like === like.toUpperCase() && like.length > 1) return word.toUpperCase();
  return like[0] === like[0]?.toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * A word in the nominative, keeping gender and number: «Бурковым» → «Бурков», «Ивановой» → «Иванова»,
 * «Омского» → «Омский». A word az does not know is left as written.
 */
export function nominative(word: string, prefer?: (tag: string) => boolean): string {
  const all = Az.Morph(word);
  const parses = prefer ? [...all.filter((p) => prefer(p.tag.toString())), ...all] : all;
  for (const parse of parses) {
    if (parse.tag.nomn && !parse.tag.plur) return word;
    const grammemes = ['nomn'];
    if (parse.tag.femn) grammemes.push('femn');
    if (parse.tag.sing) grammemes.push('sing');
    const form = parse.inflect(grammemes);
    if (form) return capitalised(form.word, word);
  }
  return word;
}

/** A phrase whose head is its first noun-like words: «губернатором Омской области» → «Губернатор Омской области». */
export function nominativeHead(phrase: string): string {
  const words = phrase.split(/(\s+)/u);
  const out: string[] = [];
  let inHead = true;
  for (const w of words) {
    if (!inHead || /^\s+$/u.test(w) || !/\p{Script=Cyrillic}/u.test(w)) {
      out.push(w);
      continue;
    }
    const info = Az.Morph(w, { parsers: ['Dictionary'] })[0];
    out.push(nominative(w));
    // Adjectives before the head noun agree with it; the first noun ends the head.
    if (!info || !info.tag.ADJF) inHead = false;
  }
  return out.join('');
}

/** Case endings of surnames az does not know, by case: «Турдимовым» (ablt) → «Турдимов», «Заяца» → «Заяц». */
const surnameEndings: Record<string, Array<[string, string]>> = {
  ablt: [
    ['овым', 'ов'],
    ['евым', 'ев'],
    ['иным', 'ин'],
    ['ыным', 'ын'],
    ['ской', 'ская'],
    ['ой', 'а'],
    ['ьём', 'ей'],
    ['ьем', 'ей'],
    ['ом', ''],
    ['ем', ''],
  ],
  gent: [
    ['ова', 'ов'],
    ['ева', 'ев'],
    ['ина', 'ин'],
    ['ской', 'ская'],
    ['ой', 'а'],
    ['а', ''],
    ['я', 'й'],
  ],
  accs: [
    ['ова', 'ов'],
    ['ева', 'ев'],
    ['ина', 'ин'],
    ['ую', 'ая'],
    ['у', 'а'],
    ['а', ''],
    ['я', 'й'],
  ],
  datv: [
    ['ову', 'ов'],
    ['еву', 'ев'],
    ['ину', 'ин'],
    ['ой', 'а'],
    ['у', ''],
    ['ю', 'й'],
  ],
  loct: [
    ['ове', 'ов'],
    ['еве', 'ев'],
    ['ине', 'ин'],
    ['ой', 'а'],
    ['е', ''],
  ],
};

/** A surname az does not know, put in the nominative by the case of the first name beside it. */
export function guessSurname(word: string, grammaticalCase: string | null): string {
  if (!grammaticalCase || grammaticalCase === 'nomn') return word;
  for (const [ending, nominativeEnding] of surnameEndings[grammaticalCase] ?? []) {
    if (word.length > ending.length + 2 && word.endsWith(ending))
      return word.slice(0, -ending.length) + nominativeEnding;
  }
  return word;
}
