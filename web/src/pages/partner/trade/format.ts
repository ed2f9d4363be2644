import { formatMoneyShort, formatMonth } from '../../../i18n/format.ts';
import type { StructureLine, TradeSeries } from './queries.ts';

/** A change with its sign in front: "+USD 27.8 million" / "−2,1 млн долл. США"; no sign for nothing. */
export function formatMoneyChange(cents: number, currency: string, language: string): string {
  const sign = cents > 0 ? '+' : cents < 0 ? '−' : '';
  return `${sign}${formatMoneyShort(Math.abs(cents), currency, language)}`;
}

/** Colours that keep AA contrast on white for growth and decline. */
export function growthColour(value: number | null | undefined): string | undefined {
  if (value === null || value === undefined || value === 0) return undefined;
  return value > 0 ? 'teal.9' : 'red.9';
}

type Point = TradeSeries['points'][number];

/** A point's label for the reader: "Sep 2017" / "сент. 2017 г.", "Q3 2017" / "III кв. 2017", "2017". */
export function pointLabel(point: Point, granularity: string, language: string): string {
  const year = Math.floor(point.period / 100);
  if (granularity === 'year') return String(year);
  if (granularity === 'quarter') {
    const quarter = Math.floor(((point.period % 100) - 1) / 3) + 1;
    return language === 'ru' ? `${['I', 'II', 'III', 'IV'][quarter - 1]} кв. ${year}` : `Q${quarter} ${year}`;
  }
  return formatMonth(point.period, language);
}

/** The title in the reader's language, falling back to English where no Russian title is known. */
export function lineTitle(line: StructureLine, language: string): string {
  return (language === 'ru' ? (line.titleRu ?? line.titleEn) : line.titleEn) ?? line.code;
}

/** Mantine's grey table captions fall short of AA contrast on white; these are darker. */
export const tableStyles = { caption: { color: 'var(--mantine-color-gray-7)' } };

/** Amounts and percentages stay on one line ("23,2 %" must not break before its sign). */
export const noWrap = { whiteSpace: 'nowrap' } as const;
