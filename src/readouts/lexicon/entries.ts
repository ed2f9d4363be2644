import type { GazetteerEntry } from '../text/gazetteer.ts';
import type { Lang } from '../text/language.ts';
import { foldCase } from '../text/morphology.ts';

/** A term a user adds to a lexicon: it maps to `code`, replacing what the built-in lexicon said about it. */
export interface ExtraTerm {
  term: string;
  language: Lang;
  code: string;
}

/** One row of a lexicon: the codes meant (the first is the one to record) and the words for them. */
export interface LexiconRow {
  codes: readonly string[];
  en: readonly string[];
  ru: readonly string[];
}

export interface LexiconData {
  /** Every code the matched term means; the entry's id is the first. */
  codes: string[];
}

/**
 * Gazetteer entries of a lexicon, one per list of codes with the first code as the id, the user's terms merged over
 * the built-in ones: a term the user maps again moves to the user's code.
 */
export function lexiconEntries(
  kind: string,
  rows: readonly LexiconRow[],
  extra: readonly ExtraTerm[],
): GazetteerEntry[] {
  const byTerm = new Map<string, { term: string; codes: string[] }>();
  for (const row of rows) {
    for (const term of [...row.en, ...row.ru]) byTerm.set(foldCase(term), { term, codes: [...row.codes] });
  }
  for (const { term, code } of extra) byTerm.set(foldCase(term), { term, codes: [code] });
  const byCodes = new Map<string, GazetteerEntry & { names: string[] }>();
  for (const { term, codes } of byTerm.values()) {
    const key = codes.join('+');
    const entry = byCodes.get(key);
    if (entry) entry.names.push(term);
    else byCodes.set(key, { id: codes[0]!, kind, names: [term], data: { codes } satisfies LexiconData });
  }
  return [...byCodes.values()];
}
