import type { z } from 'zod';
import { invalid } from './errors.ts';

/**
 * Records keep the texts users write in English, in Russian or in both, each in its own field: `titleEn`
 * and `titleRu`, `textEn` and `textRu`… At least one of a pair is needed.
 */
export interface Pair {
  en: string;
  ru: string;
}

export const pairOf = (base: string): Pair => ({ en: `${base}En`, ru: `${base}Ru` });

const cyrillic = /\p{Script=Cyrillic}/u;

/**
 * Where a text of unknown language belongs: Russian when it holds a Cyrillic letter, else English. Used for
 * texts written before records kept both languages, where the script is all that tells them apart.
 */
export function placeByScript(text: string | null | undefined): { en: string | null; ru: string | null } {
  if (text === null || text === undefined || text === '') return { en: null, ru: null };
  return cyrillic.test(text) ? { en: null, ru: text } : { en: text, ru: null };
}

/** The problem code of a pair with neither field: `title_needed` for titleEn and titleRu. */
function neededCode(pair: Pair): string {
  return `${pair.en.slice(0, -'En'.length)}_needed`;
}

/** `what` with its article, as the message says it: "the title", "a name". */
function missingMessage(pair: Pair, what: string): string {
  return `give ${what} in English (${pair.en}) or Russian (${pair.ru})`;
}

/**
 * Options for `superRefine(requirePair(pair, …), pairCheck(pair))`: zod skips an object's refinements once
 * another field is at fault, and a form should hear of every problem in one answer; a field of the pair
 * already refused (too long, blank) is not reported twice.
 */
export function pairCheck(pair: Pair) {
  return {
    // Running despite other faults means running on input that may not be an object at all (a body of null).
    when: (payload: z.core.ParsePayload) =>
      typeof payload.value === 'object' &&
      payload.value !== null &&
      !Array.isArray(payload.value) &&
      !payload.issues.some((issue) => issue.path?.[0] === pair.en || issue.path?.[0] === pair.ru),
  };
}

/** A zod refinement refusing an object with neither field of the pair, naming both. */
export function requirePair(pair: Pair, what: string) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    if (!value[pair.en] && !value[pair.ru]) {
      ctx.addIssue({
        code: 'custom',
        path: [pair.en],
        message: missingMessage(pair, what),
        params: { code: neededCode(pair) },
      });
    }
  };
}

/**
 * An update may clear one language; the pair is then checked against what the record would keep.
 * Returns the pair as it will be stored.
 */
export function pairAfterUpdate(
  pair: Pair,
  what: string,
  current: Record<string, unknown>,
  patch: Record<string, unknown>,
): { en: string | null; ru: string | null } {
  const pick = (field: string) => (patch[field] === undefined ? current[field] : patch[field]) as string | null;
  const en = pick(pair.en);
  const ru = pick(pair.ru);
  if (!en && !ru) throw invalid(pair.en, `${missingMessage(pair, what)}; the record would have none`, neededCode(pair));
  return { en, ru };
}

/**
 * The text of a pair in `language`, else the other one: a file or a plain-text answer has no badge to mark
 * the fallback with, and a missing title would say less than the other language's.
 */
export function textIn(en: string | null, ru: string | null, language: 'en' | 'ru'): string {
  return (language === 'ru' ? (ru ?? en) : (en ?? ru)) ?? '';
}
