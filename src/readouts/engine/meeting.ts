/**
 * Which two sides a readout is about, and the meeting it tells of: its day (a year not written beside the
 * date comes from the document's date), its place and its kind.
 */
import { findDates } from '../figures/dates.ts';
import { foldCase } from '../text/morphology.ts';
import type { Span } from '../text/sentences.ts';
import type { GazetteerMatch } from '../text/gazetteer.ts';
import { within, type Analysis } from './analysis.ts';
import { meetingKinds, notNames } from './lexicon.ts';
import { inMeetingSentence } from './people.ts';
import { nominative, russianWord } from './russian.ts';

/** The country of a region's code: RU-KRS → RU. */
export const countryOf = (code: string): string => code.split('-')[0]!;

/** Whether `code` is `of` or lies within it (a region of that country). */
export const isWithin = (code: string, of: string): boolean =>
  code === of || (!of.includes('-') && countryOf(code) === of);

export interface Sides {
  home: string;
  partner: string | null;
  rule: string;
}

/**
 * Home is the side the readout speaks for: the relationship the reader chose, else the publisher's territory,
 * else the home the workspace's relationships share. The partner is the territory the text names most in its
 * title and in the sentences about the meeting, a region before its country.
 */
export function findSides(
  analysis: Analysis,
  options: {
    publisherTerritories: string[];
    given: { home: string; partner: string } | null;
    workspaceHome: string | null;
  },
): Sides {
  if (options.given) return { ...options.given, rule: 'sides.relationship' };
  // Without a publisher or a workspace to go by, the first country the text names is taken as home.
  const firstCountry = analysis.territories.find((t) => !t.id.includes('-'))?.id;
  const home =
    options.publisherTerritories[0] ??
    options.workspaceHome ??
    firstCountry ??
    countryOf(analysis.territories[0]?.id ?? 'BY');
  const scores = new Map<string, number>();
  for (const t of analysis.territories) {
    const code = t.id;
    if (isWithin(home, code) || isWithin(code, home)) continue;
    const inHeadline = analysis.headline !== null && t.start < analysis.headline.end;
    // A capital named as the meeting's place ("talks in Minsk") is seldom the partner.
    if (cityCodes.has(code) && !inHeadline) continue;
    const weight = (inHeadline ? 3 : 0) + (inMeetingSentence(analysis, t) ? 2 : 0) + 1;
    scores.set(code, (scores.get(code) ?? 0) + weight);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  let partner = ranked[0]?.[0] ?? null;
  // A regional readout names the country too ("Russia's Kursk Oblast"): the region is the partner.
  if (partner && !partner.includes('-')) {
    const region = ranked.find(([code, score]) => code.includes('-') && countryOf(code) === partner && score >= 3);
    if (region) partner = region[0];
  }
  return { home, partner, rule: options.publisherTerritories.length ? 'sides.publisher' : 'sides.workspace-home' };
}

export interface MeetingFound {
  heldOn: string | null;
  place: string | null;
  kind: (typeof meetingKinds)[number]['kind'];
  span: Span;
  sentence: Span;
  rule: string;
  confidence: number;
}

/** The sentences about the meeting, the headline first. */
function meetingSentences(analysis: Analysis): Span[] {
  const out: Span[] = [];
  if (analysis.headline) out.push(analysis.headline);
  for (const s of analysis.sentences) {
    if (analysis.headline && s.start < analysis.headline.end) continue;
    if (inMeetingSentence(analysis, s)) out.push(s);
  }
  return out;
}

const cityCodes = new Set(['BY-HM', 'RU-MOW', 'RU-SPE', 'RU-SEV', 'KZ-AST', 'KZ-ALA', 'KZ-SHY', 'UZ-TK']);

function placeIn(
  analysis: Analysis,
  sentence: Span,
  territories: GazetteerMatch[],
): { name: string; span: Span } | null {
  const text = analysis.text.slice(sentence.start, sentence.end);
  if (analysis.lang === 'en') {
    const re = /\bin ((?:\p{Lu}[\p{Ll}-]+)(?: \p{Lu}[\p{Ll}-]+)?)/gu;
    for (const m of text.matchAll(re)) {
      const start = sentence.start + m.index + 3;
      const span = { start, end: start + m[1]!.length };
      const words = m[1]!.split(' ');
      if (words.some((w) => notNames.has(foldCase(w)))) continue;
      const territory = territories.find((t) => t.start <= span.start && span.start < t.end);
      // "in Kursk" is the city; "in Kursk Oblast" or "in Russia" is no meeting place.
      if (territory && territory.kind === 'territory' && !cityCodes.has(territory.id)) continue;
      return { name: m[1]!, span };
    }
    return null;
  }
  const re = /(?:^|[\s(])(?:в|во) (\p{Lu}[\p{Ll}-]+)/gu;
  for (const m of text.matchAll(re)) {
    const word = m[1]!;
    const info = russianWord(word);
    if (!info.place || info.grammaticalCase !== 'loct') continue;
    const start = sentence.start + m.index + m[0].length - word.length;
    const territory = territories.find((t) => t.start <= start && start < t.end);
    // "in Kursk" is the city; "in Kursk Oblast" or "in Russia" is no meeting place.
    if (territory && territory.kind === 'territory' && !cityCodes.has(territory.id)) continue;
    return { name: nominative(word, (tag) => tag.includes('Geox')), span: { start, end: start + word.length } };
  }
  return null;
}

export function findMeeting(analysis: Analysis): MeetingFound | null {
  const sentences = meetingSentences(analysis);
  if (sentences.length === 0) return null;
  let heldOn: string | null = null;
  let dateSpan: Span | null = null;
  let place: { name: string; span: Span } | null = null;
  let where: Span = sentences[0]!;
  for (const sentence of sentences) {
    const part = analysis.text.slice(sentence.start, sentence.end);
    if (!heldOn) {
      // "GOMEL, 18 March (BelTA) – … held talks yesterday": the dateline dates the report, not the talks.
      const dateline = /^\p{Lu}[\p{L} .-]*,\s[^–—]{0,40}[–—]/u.exec(part)?.[0].length ?? 0;
      const date = findDates(part, analysis.lang, analysis.documentDate).find(
        (d) => d.date <= analysis.documentDate && d.start >= dateline,
      );
      if (date) {
        heldOn = date.date;
        dateSpan = { start: sentence.start + date.start, end: sentence.start + date.end };
        where = sentence;
      }
    }
    place ??= placeIn(analysis, sentence, within(analysis.territories, sentence));
  }
  // A dateline ("Kursk, 14 September 2018.") dates and places a readout that says no more of its meeting.
  if (!heldOn) {
    const opening = analysis.sentences[0];
    const dateline = opening ? analysis.text.slice(opening.start, opening.end) : '';
    const match = /^(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?),\s/u.exec(dateline);
    const date = match ? findDates(dateline, analysis.lang, analysis.documentDate)[0] : undefined;
    if (match && date && date.date <= analysis.documentDate && dateline.length < 60) {
      heldOn = date.date;
      dateSpan = { start: opening!.start + date.start, end: opening!.start + date.end };
      place ??= { name: match[1]!, span: { start: opening!.start, end: opening!.start + match[1]!.length } };
    }
  }
  const words = foldCase(sentences.map((s) => analysis.text.slice(s.start, s.end)).join(' '));
  const kind = meetingKinds.find((k) => k[analysis.lang].some((w) => words.includes(w)))?.kind ?? 'talks';
  const span = dateSpan ?? place?.span ?? sentences[0]!;
  return {
    heldOn,
    place: place?.name ?? null,
    kind,
    span,
    sentence: where,
    rule: heldOn ? `meeting.${analysis.lang}.dated` : `meeting.${analysis.lang}.undated`,
    confidence: heldOn ? 0.85 : 0.5,
  };
}
