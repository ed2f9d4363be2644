/**
 * Loose comparison of names and phrases across spellings: the scorer must not punish "BelAZ" for «БелАЗ»,
 * "OAO Planar" for "Planar" or «Минским тракторным заводом» for «Минский тракторный завод».
 */

// prettier-ignore
const cyrillicToLatin: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'sh', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ў: 'u', ғ: 'g', қ: 'k', ң: 'n', ө: 'o',
  ұ: 'u', ү: 'u', һ: 'h', ә: 'a',
};

/** Romanisations that differ between systems, folded to one form (Mikhailovsky = Mihaylovskiy, Kaztsink = Kazzinc). */
const latinFolds: Array<[RegExp, string]> = [
  [/x/g, 'ks'],
  [/shch|sch/g, 'sh'],
  [/kh/g, 'h'],
  [/[yj]u/g, 'u'],
  [/[yj]a/g, 'a'],
  [/[yj]e/g, 'e'],
  [/[yj]o/g, 'o'],
  [/[yj]/g, 'i'],
  [/w/g, 'v'],
  [/t[sz]/g, 'z'],
  [/ph/g, 'f'],
  [/c(?!h)/g, 'k'],
  [/(.)\1+/g, '$1'],
];

/** Legal forms in both alphabets (Russian, Belarusian, Kazakh, English), compared in their folded form. */
// prettier-ignore
const legalForms = new Set(
  [
    'oao', 'ojsc', 'jsc', 'ao', 'pao', 'pjsc', 'zao', 'cjsc', 'ooo', 'llc', 'ltd', 'plc', 'inc', 'gmbh', 'llp',
    'оао', 'ао', 'пао', 'зао', 'нао', 'ооо', 'тоо', 'уп', 'руп', 'чуп', 'ип', 'гп', 'гпо', 'аат', 'зат', 'таа',
  ].map((form) => foldWord(form)),
);

/** A production association (ПО, "PO") is a legal form only in front of the name; elsewhere «по» is a word. */
const leadingLegalForms = new Set(['по', 'po'].map((form) => foldWord(form)));

/**
 * Endings of Russian inflection in their folded romanisation (ы and ий already read as i), longest first, so
 * that a case form and its nominative reduce to one stem.
 */
// prettier-ignore
const endings = [
  'ami', 'ogo', 'ego', 'omu', 'emu', 'imi', 'ih', 'ah', 'om', 'em', 'oi', 'ei', 'ie', 'oe', 'ui', 'ai', 'ia',
  'im', 'am', 'a', 'i', 'u', 'e', 'o',
];

// prettier-ignore
const stopWords = new Set([
  'the', 'and', 'of', 'for', 'with', 'to', 'in', 'on', 'a', 'an', 'by', 'from', 'that', 'this', 'its', 'would',
  'will', 'be', 'is', 'are', 'was', 'were', 'as', 'at', 'it', 'or', 'their', 'our', 'we', 'they', 'he', 'she',
  'и', 'в', 'во', 'на', 'с', 'со', 'по', 'к', 'ко', 'о', 'об', 'от', 'до', 'для', 'что', 'это', 'как', 'а', 'но',
  'за', 'из', 'у', 'не', 'же', 'бы', 'ли', 'его', 'её', 'ее', 'их', 'мы', 'он', 'она', 'они',
]);

function transliterate(text: string): string {
  let out = '';
  for (const char of text) out += cyrillicToLatin[char] ?? char;
  return out;
}

/** Lower case, ё as е, no quotes or punctuation; words split on spaces and hyphens. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/ё/g, 'е')
    .replace(/['’‘`]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** One word in the folded Latin form the comparisons use. */
export function foldWord(word: string): string {
  let folded = transliterate(word);
  for (const [pattern, replacement] of latinFolds) folded = folded.replace(pattern, replacement);
  return folded;
}

/** A word without its inflectional ending, when enough of it is left to still identify it. */
export function stem(folded: string): string {
  if (/^\d+$/.test(folded)) return folded;
  for (const ending of endings) {
    if (folded.endsWith(ending) && folded.length - ending.length >= 3) return folded.slice(0, -ending.length);
  }
  return folded;
}

/** Two words match when their stems agree, or one stem extends the other by a letter or two (Евгений, Евгением). */
export function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  const [sa, sb] = [stem(a), stem(b)];
  if (sa === sb) return true;
  const [short, long] = sa.length <= sb.length ? [sa, sb] : [sb, sa];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/** The words of a name that identify it: folded, without legal forms. */
export function nameKey(name: string): string[] {
  const folded = words(name).map(foldWord);
  const start = folded.length > 1 && leadingLegalForms.has(folded[0] ?? '') ? 1 : 0;
  return folded.slice(start).filter((word) => !legalForms.has(word));
}

/** Whether two names denote the same person, organization or place, word by word in order. */
export function namesMatch(a: string, b: string): boolean {
  const [ka, kb] = [nameKey(a), nameKey(b)];
  if (ka.length === 0 || ka.length !== kb.length) return false;
  return ka.every((word, index) => wordsMatch(word, kb[index] ?? ''));
}

/** The words that carry meaning: no stop words, no single letters; numbers are kept. */
export function contentWords(text: string): string[] {
  return words(text)
    .filter((word) => !stopWords.has(word) && (word.length > 1 || /\d/.test(word)))
    .map(foldWord);
}

/** Share of the reference's content words found in the candidate (1 when the reference has none). */
export function tokenOverlap(reference: string, candidate: string): number {
  const wanted = contentWords(reference);
  if (wanted.length === 0) return 1;
  const offered = contentWords(candidate);
  const found = wanted.filter((word) => offered.some((other) => wordsMatch(word, other))).length;
  return found / wanted.length;
}
