/**
 * Days and deadlines. Days come from chrono-node (English read day-first, as readouts in Europe write
 * "05.12.2017"; Russian through its own parser), with the year chrono would guess replaced by ours: a day
 * whose year is not written is the nearest on or before the document's date, unless its clause speaks of
 * the future ("will visit on 20 March"). Deadlines ("next year or the year after", «до 2020 года») are rules.
 */
import * as chrono from 'chrono-node';
import { addDays } from '../../core/days.ts';
import {
  afterLeads,
  byYear,
  countLinks,
  endOfYear,
  futureCues,
  inYear,
  relativeDeadlines,
  timeUnits,
  unitCounts,
  withinLeads,
} from './lexicon/dates.ts';
import type { DateMention, DueRange, FigureRule, Lang } from './model.ts';
import type { WrittenNumber } from './text.ts';
import { Lexicon, findNumbers, lowerKeepingOffsets, skipSpaces, skipSpacesBack } from './text.ts';

const flag = (phrases: string[]) => new Lexicon(phrases.map((p) => [p, true] as const));
const futureLexicon = flag(futureCues);
const unitLexicon = new Lexicon(timeUnits);
const countLexicon = new Lexicon(unitCounts);
const withinLexicon = flag(withinLeads);
const afterLexicon = flag(afterLeads);
const linkLexicon = flag(countLinks);
const deadlineLexicon = new Lexicon(relativeDeadlines);
const byYearLexicon = flag(byYear);
const inYearLexicon = flag(inYear);
const endOfYearLexicon = flag(endOfYear);
const yearWordLexicon = flag(['год*', 'г.', 'г', 'гг.']);

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/** The clause a position stands in, to look for words of the future. */
function clauseAround(lower: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !'.;!?'.includes(lower[from - 1]!)) from--;
  let to = end;
  while (to < lower.length && !'.;!?'.includes(lower[to]!)) to++;
  return lower.slice(from, to);
}

const parserFor = (lang: Lang) => (lang === 'ru' ? chrono.ru : chrono.en.GB);

export function findDates(text: string, lang: Lang, documentDate: string): DateMention[] {
  const lower = lowerKeepingOffsets(text);
  const reference = new Date(`${documentDate}T12:00:00Z`);
  const found: DateMention[] = [];
  for (const result of parserFor(lang).parse(text, { instant: reference, timezone: 0 })) {
    const when = result.start;
    if (!when.isCertain('day') && !when.isCertain('weekday')) continue;
    const day = when.get('day');
    const month = when.get('month');
    let year = when.get('year');
    if (day === null || month === null || year === null) continue;
    const end = result.index + result.text.length;
    if (!when.isCertain('year') && when.isCertain('month')) {
      const future = futureLexicon.all(clauseAround(lower, result.index, end)).length > 0;
      const docYear = Number(documentDate.slice(0, 4));
      year = iso(docYear, month, day) <= documentDate ? docYear : docYear - 1;
      if (future && iso(year, month, day) < documentDate) year += 1;
    }
    found.push({ start: result.index, end, date: iso(year, month, day) });
  }
  return found;
}

/** A day plus whole years, months and days; the day of month held where the target month is shorter. */
export function shiftDay(day: string, years: number, months: number, days: number): string {
  const total = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 + years * 12 + Math.round(months);
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return addDays(iso(year, month, Math.min(Number(day.slice(8, 10)), last)), days);
}

interface DueInput {
  lower: string;
  documentDate: string;
  year: number;
  numbers: WrittenNumber[];
}

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

const fixedPhrase: FigureRule<DueInput, DueRange> = {
  id: 'due.phrase',
  meta: {
    description: {
      en: 'A deadline phrase: "next year", "next year or the year after", "by the end of the year".',
      ru: 'Срок словами: «в следующем году», «до конца года», «в ближайшие год-два».',
    },
  },
  find({ lower, documentDate, year }) {
    return deadlineLexicon.all(lower).map(({ start, end, value: [from, to] }) => ({
      start,
      end,
      dueFrom: from === null ? null : yearStart(year + from),
      dueTo: from === null && to === 2 ? shiftDay(documentDate, 2, 0, 0) : yearEnd(year + to),
    }));
  },
};

/** A count of time units at `pos`: "one to two years", «один-два года», "a month", "6 months". */
function spanAt(input: DueInput, pos: number) {
  const { lower } = input;
  const countAt = (at: number) => {
    const number = input.numbers.find((n) => n.start === at);
    if (number && !number.partOfLarger) return { end: number.end, value: Number(number.value) };
    const word = countLexicon.at(lower, at);
    return word ? { end: word.end, value: word.value } : null;
  };
  const first = countAt(pos);
  const unitAfterFirst = unitLexicon.at(lower, skipSpaces(lower, first?.end ?? pos));
  if (!first && unitAfterFirst) return { low: 1, high: 1, unit: unitAfterFirst.value, end: unitAfterFirst.end };
  if (!first) return null;
  let high = first.value;
  let at = skipSpaces(lower, first.end);
  const link = linkLexicon.at(lower, at);
  if (link) {
    const second = countAt(skipSpaces(lower, link.end));
    if (second) {
      high = second.value;
      at = skipSpaces(lower, second.end);
    }
  }
  const unit = unitLexicon.at(lower, at);
  return unit ? { low: first.value, high, unit: unit.value, end: unit.end } : null;
}

const shiftBy = (day: string, unit: readonly [number, number, number], count: number) =>
  shiftDay(day, unit[0] * Math.floor(count), unit[1] * count + unit[0] * 12 * (count % 1), unit[2] * count);

const relativeSpan: FigureRule<DueInput, DueRange> = {
  id: 'due.span',
  meta: {
    description: {
      en: 'A span from the document\'s date: "within a month", "in one to two years".',
      ru: 'Промежуток от даты документа: «в течение месяца», «через один-два года», «в ближайшие два года».',
    },
  },
  find(input) {
    const found: DueRange[] = [];
    const leads = [
      ...withinLexicon.all(input.lower).map((hit) => ({ ...hit, within: true })),
      ...afterLexicon.all(input.lower).map((hit) => ({ ...hit, within: false })),
    ];
    for (const lead of leads) {
      const span = spanAt(input, skipSpaces(input.lower, lead.end));
      if (!span) continue;
      const to = shiftBy(input.documentDate, span.unit, span.high);
      const from = lead.within ? null : shiftBy(input.documentDate, span.unit, span.low);
      found.push({ start: lead.start, end: span.end, dueFrom: from, dueTo: to });
    }
    return found;
  },
};

const yearDeadline: FigureRule<DueInput, DueRange> = {
  id: 'due.year',
  meta: {
    description: {
      en: 'A year as a deadline or as the time of a plan: "by 2020", "by the end of 2018", "in 2018" (a future year).',
      ru: 'Год как срок или время плана: «до 2020 года», «до конца 2018 года», «в 2018 году» (будущий год).',
    },
  },
  find({ lower, year: documentYear, numbers }) {
    const found: DueRange[] = [];
    for (const number of numbers) {
      if (number.partOfLarger || !/^\d{4}$/.test(number.value)) continue;
      const year = Number(number.value);
      const before = skipSpacesBack(lower, number.start);
      const word = yearWordLexicon.at(lower, skipSpaces(lower, number.end));
      const end = word?.end ?? number.end;
      const endOf = endOfYearLexicon.before(lower, before);
      const by = byYearLexicon.before(lower, before);
      const within = inYearLexicon.before(lower, before);
      if (endOf) found.push({ start: endOf.start, end, dueFrom: null, dueTo: yearEnd(year) });
      else if (by && year > documentYear) found.push({ start: by.start, end, dueFrom: null, dueTo: yearEnd(year - 1) });
      else if (within && year > documentYear) {
        found.push({ start: within.start, end, dueFrom: yearStart(year), dueTo: yearEnd(year) });
      }
    }
    return found;
  },
};

/** The deadline rules, longest phrases first; a later rule's range that overlaps an earlier one is dropped. */
export const dueRules = [fixedPhrase, yearDeadline, relativeSpan];

export function findDueRanges(text: string, lang: Lang, documentDate: string): DueRange[] {
  const input = {
    lower: lowerKeepingOffsets(text),
    documentDate,
    year: Number(documentDate.slice(0, 4)),
    numbers: findNumbers(text, lang),
  };
  const found: DueRange[] = [];
  for (const rule of dueRules) {
    for (const range of rule.find(input)) {
      if (!found.some((m) => m.start < range.end && range.start < m.end)) found.push(range);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
