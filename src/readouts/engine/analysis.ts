/**
 * One readout as the rules see it: its sentences and words, and the territories, organizations, commodities
 * and sectors the gazetteers found in it. Built once per readout; every rule reads it.
 */
import type { Gazetteer, GazetteerMatch } from '../text/gazetteer.ts';
import type { Lang } from '../text/language.ts';
import { splitSentences, type Sentence, type Span } from '../text/sentences.ts';
import { tokenize, type Token } from '../text/tokens.ts';

export interface Gazetteers {
  territories: Gazetteer;
  organizations: Gazetteer;
  people: Gazetteer;
  commodities: Gazetteer;
  sectors: Gazetteer;
}

export interface Analysis {
  text: string;
  lang: Lang;
  documentDate: string;
  sentences: Sentence[];
  /** The title line, when the text opens with one (no full stop at its end). */
  headline: Span | null;
  tokens: Token[];
  territories: GazetteerMatch[];
  organizations: GazetteerMatch[];
  people: GazetteerMatch[];
  commodities: GazetteerMatch[];
  sectors: GazetteerMatch[];
}

export function analyse(text: string, lang: Lang, documentDate: string, gazetteers: Gazetteers): Analysis {
  const sentences = splitSentences(text, lang);
  const firstLine = text.indexOf('\n');
  const headline =
    firstLine > 0 && firstLine < 300 && !/[.!?]\s*$/u.test(text.slice(0, firstLine))
      ? { start: 0, end: firstLine }
      : null;
  return {
    text,
    lang,
    documentDate,
    sentences,
    headline,
    tokens: tokenize(text),
    territories: withoutCountryBeforeRegion(text, gazetteers.territories.find(text, lang)),
    organizations: gazetteers.organizations.find(text, lang),
    people: gazetteers.people.find(text, lang),
    commodities: gazetteers.commodities.find(text, lang),
    sectors: gazetteers.sectors.find(text, lang),
  };
}

export function within<T extends Span>(items: readonly T[], span: Span): T[] {
  return items.filter((i) => i.start >= span.start && i.end <= span.end);
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The sentence a position is in (the headline counts as one). */
export function sentenceAt(analysis: Analysis, position: number): Span {
  const found = analysis.sentences.find((s) => s.start <= position && position < s.end);
  return found ?? { start: position, end: position };
}

/** "Russia's Kursk Oblast" names one territory, the region: the country before it only says where it lies. */
function withoutCountryBeforeRegion(text: string, found: GazetteerMatch[]): GazetteerMatch[] {
  return found.filter((t, k) => {
    const next = found[k + 1];
    if (!next || t.id.includes('-') || !next.id.startsWith(`${t.id}-`)) return true;
    return !/^[\s'’s]*$/u.test(text.slice(t.end, next.start));
  });
}
