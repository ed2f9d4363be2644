import { localeOf } from '../../../i18n/format.ts';

/** A month as the API counts it: YYYYMM. */
export type Month = number;

export interface MonthRange {
  from: Month;
  to: Month;
}

/** Why a period typed or put in the address was not taken; each has a sentence in the `trade` namespace. */
export type PeriodProblem = 'malformed' | 'endBeforeStart';

export type ParsedPeriod = { ok: true; range: MonthRange } | { ok: false; problem: PeriodProblem };

const monthPattern = /^(\d{4})-(\d{2})$/;

/** "2017-09" → 201709; anything else (including month 13 or a year outside 1950–2100) → null. */
export function parseMonth(text: string): Month | null {
  const match = monthPattern.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12 || year < 1950 || year > 2100) return null;
  return year * 100 + month;
}

/**
 * The `period` search parameter, "2017-01..2017-09" (or one month "2017-03"). Checked here as the API would,
 * so a bad address says what is wrong instead of firing five requests that all fail.
 */
export function parsePeriod(text: string): ParsedPeriod {
  const parts = text.split('..');
  if (parts.length > 2) return { ok: false, problem: 'malformed' };
  const from = parseMonth(parts[0] ?? '');
  const to = parts.length === 2 ? parseMonth(parts[1] ?? '') : from;
  if (from === null || to === null) return { ok: false, problem: 'malformed' };
  if (to < from) return { ok: false, problem: 'endBeforeStart' };
  return { ok: true, range: { from, to } };
}

export function monthParam(month: Month): string {
  return `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;
}

export function periodText(range: MonthRange): string {
  return range.from === range.to ? monthParam(range.from) : `${monthParam(range.from)}..${monthParam(range.to)}`;
}

export function yearOf(month: Month): number {
  return Math.floor(month / 100);
}

/** January to `month` of its year: the cumulative period officials quote. */
export function cumulativeTo(month: Month): MonthRange {
  return { from: yearOf(month) * 100 + 1, to: month };
}

export function isCumulative(range: MonthRange): boolean {
  return range.from % 100 === 1 && yearOf(range.from) === yearOf(range.to);
}

export function yearEarlier(range: MonthRange): MonthRange {
  return { from: range.from - 100, to: range.to - 100 };
}

function monthName(month: Month, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(yearOf(month), (month % 100) - 1, 1)),
  );
}

export function monthNames(language: string): string[] {
  return Array.from({ length: 12 }, (_, index) => monthName(200001 + index, language));
}

function monthYear(month: Month, language: string): string {
  const name = monthName(month, language);
  return language === 'ru' ? `${name} ${yearOf(month)} г.` : `${name} ${yearOf(month)}`;
}

/** "January–September 2017" / "январь–сентябрь 2017 г."; across years "November 2016 – February 2017". */
export function rangeLabel(range: MonthRange, language: string): string {
  if (range.from === range.to) return monthYear(range.from, language);
  if (yearOf(range.from) === yearOf(range.to)) {
    const to = monthYear(range.to, language);
    return `${monthName(range.from, language)}–${to}`;
  }
  return `${monthYear(range.from, language)} – ${monthYear(range.to, language)}`;
}
