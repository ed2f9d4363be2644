/**
 * Periods a figure covers, as month ranges: "January–September 2017", «за 9 месяцев 2017 г.», "the first
 * half of 2017", "last year", «по итогам 2016 года». A period without its year takes the latest year in
 * which it ended before the document's date ("in January–September" read in December 2017 is 2017).
 */
import {
  monthCounts,
  monthLinks,
  monthWords,
  months,
  relativeYears,
  yearDeadlines,
  yearLeadsEn,
  yearParts,
  yearWords,
} from './lexicon/periods.ts';
import type { FigureRule, Lang, PeriodMention } from './model.ts';
import type { WrittenNumber } from './text.ts';
import { Lexicon, findNumbers, isDigit, lowerKeepingOffsets, skipSpaces, skipSpacesBack } from './text.ts';

const flag = (phrases: string[]) => new Lexicon(phrases.map((p) => [p, true] as const));
const monthLexicon = new Lexicon(months);
const countLexicon = new Lexicon(monthCounts);
const monthWordLexicon = flag(monthWords);
const partLexicon = new Lexicon(yearParts);
const relativeLexicon = new Lexicon(relativeYears);
const yearWordLexicon = flag(yearWords);
const leadEnLexicon = flag(yearLeadsEn);
const deadlineLexicon = flag(yearDeadlines);
const ofLexicon = flag(['of', 'of the', ',']);
const monthLeadLexicon = flag(['in', 'for', 'during', 'в', 'во', 'за', 'по итогам']);
const links = new Set(monthLinks);

export interface PeriodInput {
  text: string;
  lower: string;
  lang: Lang;
  /** The document's year and month. */
  year: number;
  month: number;
  numbers: WrittenNumber[];
}

const pad = (month: number) => String(month).padStart(2, '0');
const range = (fromYear: number, fromMonth: number, toYear: number, toMonth: number) => ({
  from: `${fromYear}-${pad(fromMonth)}`,
  to: `${toYear}-${pad(toMonth)}`,
});

/** The latest year in which a run of months ending in `toMonth` was over before the document's month. */
const latestYear = (input: PeriodInput, toMonth: number) => (toMonth < input.month ? input.year : input.year - 1);

const isYear = (value: string) => /^\d{4}$/.test(value) && Number(value) >= 1990 && Number(value) <= 2100;

/** A year written after a period: " 2017", " of 2017", «2017 года», " of last year", «прошлого года». */
function yearAfter(input: PeriodInput, pos: number): { year: number; end: number } | null {
  const { lower } = input;
  let at = skipSpaces(lower, pos);
  const of = ofLexicon.at(lower, at);
  if (of) at = skipSpaces(lower, of.end);
  if (isDigit(lower[at])) {
    const number = input.numbers.find((n) => n.start === at);
    if (!number || !isYear(number.value) || number.partOfLarger) return null;
    const word = yearWordLexicon.at(lower, skipSpaces(lower, number.end));
    return { year: Number(number.value), end: word?.end ?? number.end };
  }
  const relative = relativeLexicon.at(lower, at);
  return relative ? { year: input.year + relative.value, end: relative.end } : null;
}

/** English month names count only when capitalised, so that "may" the verb is not May. */
function monthsIn(input: PeriodInput) {
  return monthLexicon
    .all(input.lower)
    .filter((m) => input.lang === 'ru' || input.text[m.start] !== input.lower[m.start]);
}

const monthRun: FigureRule<PeriodInput, PeriodMention> = {
  id: 'period.month-run',
  meta: {
    description: {
      en: 'A run of months, with or without its year: "January–September 2017", "in January-September".',
      ru: 'Несколько месяцев подряд, с годом или без: «в январе–сентябре 2017 года», «за январь-сентябрь».',
    },
  },
  find(input) {
    const found: PeriodMention[] = [];
    const hits = monthsIn(input);
    for (let i = 0; i + 1 < hits.length; i++) {
      const first = hits[i]!;
      const second = hits[i + 1]!;
      if (!links.has(input.lower.slice(first.end, second.start).trim())) continue;
      if (isDigit(input.lower[skipSpacesBack(input.lower, first.start) - 1])) continue;
      const year = yearAfter(input, second.end);
      const toYear = year?.year ?? latestYear(input, second.value);
      const fromYear = first.value <= second.value ? toYear : toYear - 1;
      found.push({
        start: first.start,
        end: year?.end ?? second.end,
        ...range(fromYear, first.value, toYear, second.value),
      });
      i++;
    }
    return found;
  },
};

const monthCount: FigureRule<PeriodInput, PeriodMention> = {
  id: 'period.month-count',
  meta: {
    description: {
      en: 'The first months of a year by their count: "the nine months of 2017", "in ten months".',
      ru: 'Первые месяцы года по их числу: «за 9 месяцев 2017 г.», «за десять месяцев».',
    },
  },
  find(input) {
    const { lower } = input;
    const counts: Array<{ start: number; end: number; value: number }> = countLexicon.all(lower);
    for (const number of input.numbers) {
      const value = Number(number.value);
      if (Number.isInteger(value) && value >= 1 && value <= 12) counts.push({ ...number, value });
    }
    const found: PeriodMention[] = [];
    for (const count of counts) {
      const word = monthWordLexicon.at(lower, count.end) ?? monthWordLexicon.at(lower, skipSpaces(lower, count.end));
      if (!word || count.value < 2) continue;
      const year = yearAfter(input, word.end);
      const theYear = year?.year ?? latestYear(input, count.value);
      found.push({ start: count.start, end: year?.end ?? word.end, ...range(theYear, 1, theYear, count.value) });
    }
    return found;
  },
};

const yearPart: FigureRule<PeriodInput, PeriodMention> = {
  id: 'period.year-part',
  meta: {
    description: {
      en: 'A half or quarter of a year: "the first half of 2017", "the first quarter", "Q3 2017".',
      ru: 'Полугодие или квартал: «в первом полугодии», «за I квартал 2017 года».',
    },
  },
  find(input) {
    return partLexicon.all(input.lower).map((part) => {
      const [fromMonth, toMonth] = part.value;
      const year = yearAfter(input, part.end);
      const theYear = year?.year ?? latestYear(input, toMonth);
      return { start: part.start, end: year?.end ?? part.end, ...range(theYear, fromMonth, theYear, toMonth) };
    });
  },
};

const singleMonth: FigureRule<PeriodInput, PeriodMention> = {
  id: 'period.month',
  meta: {
    description: {
      en: 'One month, not a day in it: "in September 2017", "in September".',
      ru: 'Один месяц, а не день в нём: «в сентябре 2017 года», «за сентябрь».',
    },
  },
  find(input) {
    const { lower } = input;
    const found: PeriodMention[] = [];
    for (const month of monthsIn(input)) {
      const before = skipSpacesBack(lower, month.start);
      const year = yearAfter(input, month.end);
      // A day next to the month makes it a date: "5 December", "December 5".
      if (isDigit(lower[before - 1]) || (!year && isDigit(lower[skipSpaces(lower, month.end)]))) continue;
      if (!year && !monthLeadLexicon.before(lower, before)) continue;
      const theYear = year?.year ?? latestYear(input, month.value);
      found.push({
        start: month.start,
        end: year?.end ?? month.end,
        ...range(theYear, month.value, theYear, month.value),
      });
    }
    return found;
  },
};

const relativeYear: FigureRule<PeriodInput, PeriodMention> = {
  id: 'period.relative-year',
  meta: {
    description: {
      en: 'A year named from the document\'s: "last year", "this year".',
      ru: 'Год относительно даты документа: «в прошлом году», «в текущем году».',
    },
  },
  find(input) {
    return relativeLexicon.all(input.lower).map((hit) => {
      const year = input.year + hit.value;
      return { start: hit.start, end: hit.end, ...range(year, 1, year, 12) };
    });
  },
};

const wholeYear: FigureRule<PeriodInput, PeriodMention> = {
  id: 'period.year',
  meta: {
    description: {
      en: 'A whole year or run of years: "in 2016", "for 2016-2017"; not a deadline ("by 2020").',
      ru: 'Год или несколько лет: «в 2016 году», «по итогам 2016 года»; не срок («до 2020 года»).',
    },
  },
  find(input) {
    const { lower } = input;
    const found: PeriodMention[] = [];
    for (const number of input.numbers) {
      if (number.partOfLarger || !isYear(number.value)) continue;
      const before = skipSpacesBack(lower, number.start);
      // After a month the year belongs to a date or to the month's own period.
      if (deadlineLexicon.before(lower, before) || monthLexicon.before(lower, before)) continue;
      let end = number.end;
      let last = Number(number.value);
      const dash = lower[skipSpaces(lower, end)];
      if (dash === '-' || dash === '–' || dash === '—') {
        const next = input.numbers.find((n) => n.start === skipSpaces(lower, skipSpaces(lower, end) + 1));
        if (next && isYear(next.value) && Number(next.value) > last) {
          last = Number(next.value);
          end = next.end;
        }
      }
      const word = yearWordLexicon.at(lower, skipSpaces(lower, end));
      if (input.lang === 'ru' ? !word : !leadEnLexicon.before(lower, before)) continue;
      found.push({ start: number.start, end: word?.end ?? end, ...range(Number(number.value), 1, last, 12) });
    }
    return found;
  },
};

/** The period rules, most specific first; a later rule's mention that overlaps an earlier one is dropped. */
export const periodRules = [monthRun, monthCount, yearPart, singleMonth, relativeYear, wholeYear];

export function periodInput(text: string, lang: Lang, documentDate: string): PeriodInput {
  return {
    text,
    lower: lowerKeepingOffsets(text),
    lang,
    year: Number(documentDate.slice(0, 4)),
    month: Number(documentDate.slice(5, 7)),
    numbers: findNumbers(text, lang),
  };
}

export function findPeriods(text: string, lang: Lang, documentDate: string): PeriodMention[] {
  const input = periodInput(text, lang, documentDate);
  const found: PeriodMention[] = [];
  for (const rule of periodRules) {
    for (const mention of rule.find(input)) {
      if (!found.some((m) => m.start < mention.end && mention.start < m.end)) found.push(mention);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
