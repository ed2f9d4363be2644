/**
 * Numbers, money and dates in the reader's language. Money arrives from the API in integer cents;
 * it is divided only here, for display, never summed as floats.
 */
export type Language = 'en' | 'ru';

const locales: Record<Language, string> = { en: 'en-GB', ru: 'ru-RU' };

export function localeOf(language: string): string {
  return locales[language === 'ru' ? 'ru' : 'en'];
}

const scales = [
  { size: 1e9, en: 'billion', ru: 'млрд' },
  { size: 1e6, en: 'million', ru: 'млн' },
  { size: 1e3, en: 'thousand', ru: 'тыс.' },
] as const;

const currencyWords: Record<string, { en: string; ru: string }> = {
  USD: { en: 'USD', ru: 'долл. США' },
  EUR: { en: 'EUR', ru: 'евро' },
  RUB: { en: 'RUB', ru: 'руб.' },
  BYN: { en: 'BYN', ru: 'бел. руб.' },
};

/** A language code as its name in the reader's language: "ru" → "Russian" / "русский"; the code when unknown. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames(localeOf(language), { type: 'language', fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The currency as its readers name it beside an amount or in a caption: "USD" / "долл. США". */
export function currencyName(currency: string, language: string): string {
  const words = currencyWords[currency];
  return words ? words[language === 'ru' ? 'ru' : 'en'] : currency;
}

/** "USD 96.3 million" / "96,3 млн долл. США": the way officials say large sums. */
export function formatMoneyShort(cents: number, currency: string, language: string): string {
  const ru = language === 'ru';
  const units = cents / 100;
  const words = currencyWords[currency] ?? { en: currency, ru: currency };
  const scale = scales.find((s) => Math.abs(units) >= s.size);
  const number = new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: scale ? 1 : 0,
    minimumFractionDigits: 0,
  }).format(scale ? units / scale.size : units);
  if (ru) return scale ? `${number} ${scale.ru} ${words.ru}` : `${number} ${words.ru}`;
  return scale ? `${words.en} ${number} ${scale.en}` : `${words.en} ${number}`;
}

/** Exact amount with thousands separators, e.g. for tables: "96,312,400" / "96 312 400". */
export function formatMoneyExact(cents: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 0 }).format(Math.round(cents / 100));
}

/** Growth with its sign: "+40.5%" / "+40,5 %". Null (no base to compare) shows a dash. */
export function formatPercent(value: number | null | undefined, language: string, signed = true): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(value);
  return language === 'ru' ? `${text} %` : `${text}%`;
}

/** Percentage points: "+12.3 pp" / "+12,3 п. п.". */
export function formatPoints(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const text = new Intl.NumberFormat(localeOf(language), {
    maximumFractionDigits: 1,
    minimumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(value);
  return language === 'ru' ? `${text} п. п.` : `${text} pp`;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A measured number such as a coordinate (51.7312 / 51,7312), keeping up to six decimals as typed. */
export function formatDecimal(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 6, useGrouping: false }).format(value);
}

/** An ISO date (YYYY-MM-DD) as "5 December 2017" / "5 декабря 2017 г.". */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return iso;
  return new Intl.DateTimeFormat(localeOf(language), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcDay(year, month, day));
}

/** Date.UTC reads years 0–99 as 1900–1999; the year is set on its own so that 0001 stays 0001. */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** A month number YYYYMM or "YYYY-MM" as "Sep 2017" / "сент. 2017 г.". */
export function formatMonth(period: number | string, language: string): string {
  const text = String(period).replace('-', '');
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(4, 6));
  return new Intl.DateTimeFormat(localeOf(language), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    utcDay(year, month, 1),
  );
}
