/**
 * Numbers, money, dates and months as a briefing writes them in English and in Russian. Written out rather
 * than left to Intl: Russian needs month names in four cases and fixed scale words («млн долл. США»), and a
 * document must read the same whichever ICU data the server carries.
 */
import type { BriefingLanguage, MonthRange } from './model.ts';

const nbsp = '\u00a0';
const minus = '\u2212';

/** `value` rounded to `decimals`, grouped by thousands, with the language's decimal mark and a true minus. */
export function formatNumber(value: number, decimals: number, lang: BriefingLanguage): string {
  if (!Number.isFinite(value)) return '—';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  // Russian leaves four-digit numbers whole and groups longer ones with a non-breaking space.
  const group = lang === 'en' ? whole.length > 3 : whole.length > 4;
  const grouped = group ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'en' ? ',' : nbsp) : whole;
  const text = fraction === undefined ? grouped : `${grouped}${lang === 'en' ? '.' : ','}${fraction}`;
  const isZero = /^[0.]*$/.test(fixed);
  return value < 0 && !isZero ? `${minus}${text}` : text;
}

/** As formatNumber, with a plus sign before a positive value: a change. */
export function formatSigned(value: number, decimals: number, lang: BriefingLanguage): string {
  const text = formatNumber(value, decimals, lang);
  return value > 0 && !/^[0.,]*$/.test(text) ? `+${text}` : text;
}

/** "+40.5%" / «+40,5 %»; a dash when there is nothing to compare with. */
export function formatPercent(value: number | null, lang: BriefingLanguage, signed = true): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const text = signed ? formatSigned(value, 1, lang) : formatNumber(value, 1, lang);
  return lang === 'en' ? `${text}%` : `${text}${nbsp}%`;
}

/** A percentage or percentage points in a column whose header names the unit: "+40.5" / «+40,5». */
export function formatRate(value: number | null, lang: BriefingLanguage, signed = true): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return signed ? formatSigned(value, 1, lang) : formatNumber(value, 1, lang);
}

/** Currencies Russian names in words; any other code is shown as typed. */
const currencyRu: Record<string, string> = {
  USD: 'долл. США',
  EUR: 'евро',
  RUB: 'руб.',
  BYN: 'бел. руб.',
  CNY: 'юаней',
  GBP: 'ф. ст.',
};

const scales = [
  { size: 1e9, en: 'billion', ru: 'млрд', decimals: 1 },
  { size: 1e6, en: 'million', ru: 'млн', decimals: 1 },
  { size: 1e3, en: 'thousand', ru: 'тыс.', decimals: 0 },
] as const;

/**
 * An amount in minor units (cents) in words: "USD 96.3 million", «96,3 млн долл. США», «850 тыс. долл. США».
 * Rounded only here, for display.
 */
export function formatMoney(minor: number, currency: string, lang: BriefingLanguage): string {
  const units = minor / 100;
  const abs = Math.abs(units);
  // The largest scale the rounded figure still reaches: 999,960 is "USD 1.0 million", not "1,000 thousand".
  const scale = scales.find((s) => Number((abs / s.size).toFixed(s.decimals)) >= 1 && abs >= s.size * 0.9995);
  const number = scale ? formatNumber(units / scale.size, scale.decimals, lang) : formatNumber(units, 0, lang);
  if (lang === 'en') return `${currency} ${number}${scale ? ` ${scale.en}` : ''}`;
  return `${number}${scale ? ` ${scale.ru}` : ''} ${currencyRu[currency] ?? currency}`;
}

/** Cents as USD million with one decimal, for tables whose unit is in the caption: "96.3" / «96,3». */
export function formatMillions(cents: number, lang: BriefingLanguage, signed = false): string {
  const millions = cents / 1e8;
  return signed ? formatSigned(millions, 1, lang) : formatNumber(millions, 1, lang);
}

/** Cents as USD million, rounded to 0.1, for a chart's values. */
export function millions(cents: number): number {
  return Math.round(cents / 1e7) / 10;
}

const monthsEn = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthsShortEn = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Russian month names by case: «январь», «4 января», «в январе», «к январю». */
const monthsRu = {
  nominative: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  genitive: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  prepositional: [
    'январе',
    'феврале',
    'марте',
    'апреле',
    'мае',
    'июне',
    'июле',
    'августе',
    'сентябре',
    'октябре',
    'ноябре',
    'декабре',
  ],
  dative: [
    'январю',
    'февралю',
    'марту',
    'апрелю',
    'маю',
    'июню',
    'июлю',
    'августу',
    'сентябрю',
    'октябрю',
    'ноябрю',
    'декабрю',
  ],
};
const monthsShortRu = [
  'янв.',
  'февр.',
  'март',
  'апр.',
  'май',
  'июнь',
  'июль',
  'авг.',
  'сент.',
  'окт.',
  'нояб.',
  'дек.',
];

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "4 December 2017" / «4 декабря 2017 г.»; a text that is not a date is shown as it is. */
export function formatDate(iso: string, lang: BriefingLanguage): string {
  const match = isoDate.exec(iso);
  const month = match ? Number(match[2]) - 1 : -1;
  if (!match || month < 0 || month > 11) return iso;
  const day = Number(match[3]);
  return lang === 'en' ? `${day} ${monthsEn[month]} ${match[1]}` : `${day} ${monthsRu.genitive[month]} ${match[1]} г.`;
}

/**
 * How a range of months stands in a Russian sentence: the nominative of a caption («январь–сентябрь
 * 2017 г.»), «в январе–сентябре 2017 года» and «к январю–сентябрю 2016 года». English has one form.
 */
export type MonthRangeForm = 'nominative' | 'in' | 'to';

const yearOf = (period: number) => Math.floor(period / 100);
const monthOf = (period: number) => (period % 100) - 1;

/** True for January to December of one year: said as the year alone. */
const wholeYear = (range: MonthRange) =>
  yearOf(range.from) === yearOf(range.to) && monthOf(range.from) === 0 && monthOf(range.to) === 11;

export function formatMonthRange(
  range: MonthRange,
  lang: BriefingLanguage,
  form: MonthRangeForm = 'nominative',
): string {
  const fromYear = yearOf(range.from);
  const toYear = yearOf(range.to);
  if (lang === 'en') {
    const name = (period: number) => monthsEn[monthOf(period)] ?? String(period);
    if (wholeYear(range)) return `${toYear}`;
    if (range.from === range.to) return `${name(range.from)} ${toYear}`;
    if (fromYear === toYear) return `${name(range.from)}–${name(range.to)} ${toYear}`;
    return `${name(range.from)} ${fromYear} – ${name(range.to)} ${toYear}`;
  }
  const names = form === 'nominative' ? monthsRu.nominative : form === 'in' ? monthsRu.prepositional : monthsRu.dative;
  const name = (period: number) => names[monthOf(period)] ?? String(period);
  const year = (y: number) => (form === 'nominative' ? `${y} г.` : `${y} года`);
  const preposition = form === 'in' ? 'в ' : form === 'to' ? 'к ' : '';
  if (wholeYear(range)) {
    const words = form === 'nominative' ? `${toYear} г.` : form === 'in' ? `${toYear} году` : `${toYear} году`;
    return `${preposition}${words}`;
  }
  if (range.from === range.to) return `${preposition}${name(range.from)} ${year(toYear)}`;
  if (fromYear === toYear) return `${preposition}${name(range.from)}–${name(range.to)} ${year(toYear)}`;
  return `${preposition}${name(range.from)} ${year(fromYear)} – ${name(range.to)} ${year(toYear)}`;
}

/** A year's label on a chart: "2016", or "2017 (Jan–Sep)" / «2017 (янв.–сент.)» for the months known. */
export function formatYearLabel(year: number, range: MonthRange, partial: boolean, lang: BriefingLanguage): string {
  if (!partial || wholeYear(range)) return `${year}`;
  const names = lang === 'en' ? monthsShortEn : monthsShortRu;
  const from = names[monthOf(range.from)] ?? '';
  const to = names[monthOf(range.to)] ?? '';
  return range.from === range.to ? `${year} (${to})` : `${year} (${from}–${to})`;
}

/** The Russian plural for a count: pluralRu(2, 'день', 'дня', 'дней') is «дня». */
export function pluralRu(count: number, one: string, few: string, many: string): string {
  const n = Math.abs(Math.trunc(count));
  const lastTwo = n % 100;
  const last = n % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return many;
  if (last === 1) return one;
  if (last >= 2 && last <= 4) return few;
  return many;
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinalEn(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** Whole words a Russian territory name is made of, in the instrumental case («с Курской областью»). */
const instrumentalWords: Record<string, string> = {
  область: 'областью',
  беларусь: 'беларусью',
  край: 'краем',
  округ: 'округом',
  республика: 'республикой',
  федерация: 'федерацией',
  автономный: 'автономным',
  город: 'городом',
};
const consonantEnd = /[бвгджзклмнпрстфхцчшщ]$/;

/**
 * A Russian territory name in the instrumental case, or null when a word of it has a form these rules do
 * not know: the caller then writes a sentence that needs no case. «Республика Татарстан» declines its
 * first word only, as apposition does.
 */
export function instrumentalRu(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length === 0 || words[0] === '') return null;
  const appositive = words[0]!.toLowerCase() === 'республика' && words.length > 1;
  const declined = words.map((word, index) => {
    if (appositive && index > 0) return word;
    if (!/^\p{Script=Cyrillic}[\p{Script=Cyrillic}-]*$/u.test(word)) return null;
    const known = instrumentalWords[word.toLowerCase()];
    if (known !== undefined) return capitaliseLike(word, known);
    if (/ая$/.test(word)) return `${word.slice(0, -2)}ой`;
    if (/ия$/.test(word)) return `${word.slice(0, -1)}ей`;
    if (/[жшчщц]а$/.test(word)) return `${word.slice(0, -1)}ей`;
    if (/а$/.test(word)) return `${word.slice(0, -1)}ой`;
    if (/ый$/.test(word)) return `${word.slice(0, -2)}ым`;
    if (/ий$/.test(word)) return `${word.slice(0, -2)}им`;
    if (consonantEnd.test(word)) return `${word}ом`;
    return null;
  });
  return declined.every((word): word is string => word !== null) ? declined.join(' ') : null;
}

function capitaliseLike(original: string, form: string): string {
  const upper = original.charAt(0) === original.charAt(0).toUpperCase();
  return (upper ? form.charAt(0).toUpperCase() : form.charAt(0).toLowerCase()) + form.slice(1);
}

/** The first letter raised: a Russian range at the start of a caption or cell. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
