import { legalForms } from '../lexicon/legal-forms.ts';
import { spellInLatin } from '../../core/cyrillic.ts';
import { foldCase } from './morphology.ts';

const QUOTES = /[«»“”„‟"'‘’‚‛`ʼ]/gu;
const DASHES = /[-‐‑‒–—]/gu;

/** The folded words of a name: no quotes, dashes or dots. */
export function nameWords(name: string): string[] {
  return foldCase(name)
    .replace(QUOTES, ' ')
    .replace(DASHES, ' ')
    .replace(/[.,;:()]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
}

/** Legal forms as word sequences, longest first, so "open joint stock company" goes before "joint stock company". */
const LEGAL_FORMS = [...new Set(legalForms.map((f) => nameWords(f).join(' ')))]
  .map((f) => f.split(' '))
  .sort((a, b) => b.length - a.length);

function legalFormAt(tokens: readonly string[], at: number): number {
  for (const form of LEGAL_FORMS) {
    if (form.every((w, i) => tokens[at + i] === w)) return form.length;
  }
  return 0;
}

/**
 * A company or place name reduced for comparison: lower case, ё as е, no quotes, dashes as spaces and no legal form
 * at either end («ОАО "Планар"», "OAO Planar" and "Planar JSC" all give "планар"/"planar").
 */
export function normalizeName(name: string): string {
  const tokens = nameWords(name);
  const [from, to] = withoutLegalForms(tokens);
  return tokens.slice(from, to).join(' ');
}

/** The part of a name's folded words between the legal forms at either end, as [from, to). */
export function withoutLegalForms(tokens: readonly string[]): [number, number] {
  let from = 0;
  let to = tokens.length;
  for (let n = legalFormAt(tokens, from); n > 0 && from + n < to; n = legalFormAt(tokens, from)) from += n;
  for (let moved = true; moved;) {
    moved = false;
    for (let start = from + 1; start < to; start++) {
      const n = legalFormAt(tokens, start);
      if (n > 0 && start + n === to) {
        to = start;
        moved = true;
        break;
      }
    }
  }
  return [from, to];
}

/** Spelling variants of one Russian sound in Latin renderings, each reduced to one form, in this order. */
const LOOSEN: readonly [RegExp, string][] = [
  [/shch|sch/gu, 'sh'],
  [/kh/gu, 'h'],
  [/ts|tz/gu, 'c'],
  [/ck/gu, 'k'],
  [/x/gu, 'ks'],
  [/w/gu, 'v'],
  [/q/gu, 'k'],
  [/[yj]/gu, 'i'],
  [/(\p{L})\1+/gu, '$1'],
  [/ie/gu, 'e'],
];

/**
 * A loose Latin key of a name in either script, so that «БелАЗ» and "BelAZ", «Михайловский» and "Mikhailovsky" or
 * "Mikhaylovskiy" give the same string. Not a transliteration to print: it is only for comparing.
 */
export function transliterate(name: string): string {
  // Cyrillic in the common English renderings; the loosening below merges their variants.
  let latin = spellInLatin(name.toLowerCase())
    .replace(/[^\p{L}\d\s]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
  for (const [pattern, replacement] of LOOSEN) latin = latin.replace(pattern, replacement);
  return latin;
}
