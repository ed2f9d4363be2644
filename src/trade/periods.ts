import { AccordError } from '../core/errors.ts';

/**
 * Periods are stored as integers: YYYYMM for a month, YYYY00 for a whole year. A range of months
 * ("2017-01..2017-09") is the cumulative period officials quote.
 */
export type Period = number;

export interface PeriodRange {
  from: Period;
  to: Period;
}

const monthPattern = /^(\d{4})-(\d{2})$/;
const yearPattern = /^(\d{4})$/;

export function parsePeriod(text: string, path = 'period'): Period {
  const value = text.trim();
  const month = monthPattern.exec(value);
  if (month) {
    const year = Number(month[1]);
    const m = Number(month[2]);
    if (m < 1 || m > 12) throw periodError(path, text, 'the month must be 01 to 12');
    return checkYear(year, path, text) * 100 + m;
  }
  const year = yearPattern.exec(value);
  if (year) return checkYear(Number(year[1]), path, text) * 100;
  throw periodError(path, text, 'expected YYYY-MM or YYYY');
}

function checkYear(year: number, path: string, text: string): number {
  if (year < 1950 || year > 2100) throw periodError(path, text, 'the year must be between 1950 and 2100');
  return year;
}

function periodError(path: string, text: string, reason: string): AccordError {
  return new AccordError('VALIDATION_FAILED', `${path}: ${text} is not a period (${reason})`, {
    problems: [{ path, message: `${text} is not a period (${reason})` }],
  });
}

/**
 * "2017-01..2017-09", a single month "2017-03", a year "2017" or years "2013..2017". Always answers in
 * months (years become January..December), so annual rows are counted exactly when whole years are asked.
 */
export function parsePeriodRange(text: string, path = 'period'): PeriodRange {
  const [fromText, toText, extra] = text.split('..');
  if (extra !== undefined || fromText === undefined) {
    throw periodError(path, text, 'expected FROM..TO such as 2017-01..2017-09');
  }
  const from = parsePeriod(fromText, path);
  const to = toText === undefined ? from : parsePeriod(toText, path);
  const range = { from: isYear(from) ? from + 1 : from, to: isYear(to) ? to + 12 : to };
  if (range.to < range.from) throw periodError(path, text, 'the end is before the start');
  return range;
}

/** Whether an annual row (YYYY00) belongs to a month range: only when the range covers its whole year. */
export function coversYear(range: PeriodRange, annual: Period): boolean {
  return annual + 1 >= range.from && annual + 12 <= range.to;
}

export function isYear(period: Period): boolean {
  return period % 100 === 0;
}

export function yearOf(period: Period): number {
  return Math.floor(period / 100);
}

export function monthOf(period: Period): number {
  return period % 100;
}

export function formatPeriod(period: Period): string {
  return isYear(period) ? String(yearOf(period)) : `${yearOf(period)}-${String(monthOf(period)).padStart(2, '0')}`;
}

export function formatRange(range: PeriodRange): string {
  return range.from === range.to ? formatPeriod(range.from) : `${formatPeriod(range.from)}..${formatPeriod(range.to)}`;
}

/** The same range one year earlier: Jan–Sep 2017 → Jan–Sep 2016. */
export function yearEarlier(range: PeriodRange): PeriodRange {
  return { from: range.from - 100, to: range.to - 100 };
}

/** Every month from..to inclusive (for series); years step by year. */
export function periodsIn(range: PeriodRange): Period[] {
  const out: Period[] = [];
  if (isYear(range.from)) {
    for (let y = yearOf(range.from); y <= yearOf(range.to); y += 1) out.push(y * 100);
    return out;
  }
  for (let p = range.from; p <= range.to; p = monthOf(p) === 12 ? (yearOf(p) + 1) * 100 + 1 : p + 1) out.push(p);
  return out;
}
