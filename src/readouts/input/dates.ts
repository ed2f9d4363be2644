import { datelineWords } from './datelines.ts';
import { monthNames } from './months.ts';

/** The document's own date as its text states it, and where (the date itself, without a time). */
export interface StatedDate {
  /** YYYY-MM-DD */
  date: string;
  start: number;
  end: number;
}

/** How many lines at each end of a text a dateline or a signature may be on. */
const edgeLines = 3;
/** A dateline's place or label before the date ("MINSK, ", "Пресс-служба Президента, ") is short. */
const maxPrefix = 80;
/** Only a line's start is read for a dateline, however long the paragraph it opens. */
const window = 200;

const space = '[ \\u00a0\\u202f\\t]';
// Russian official style quotes the day («05» декабря 2017 г.); English may say "the 5th of December".
const dayMonthYear = new RegExp(
  `(?<![\\p{L}\\p{N}])[«"“]?(\\d{1,2})(?:st|nd|rd|th)?[»"”]?${space}+(?:of${space}+)?(\\p{L}{3,9})\\.?,?${space}+(\\d{4})(?!\\d)`,
  'gu',
);
const monthDayYear = new RegExp(
  `(?<![\\p{L}\\p{N}])(\\p{L}{3,9})\\.?${space}+(\\d{1,2})(?:st|nd|rd|th)?,?${space}+(\\d{4})(?!\\d)`,
  'gu',
);
const numericDate = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/g;
const isoDate = /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d])/g;
const yearWord = { en: /^/, ru: new RegExp(`^(?:${space}*г\\.|${space}+года?(?![\\p{L}]))`, 'u') };
const time = new RegExp(
  `^(?:${space}*[,|]?${space}*(?:at|в)?${space}*)\\d{1,2}[:.]\\d{2}(?!\\d)(?:${space}*(?:UTC|GMT|MSK|мск))?`,
  'iu',
);
const separatorAfter = /^[ \u00a0\u202f\t]*[.,;:|\u2013\u2014-]/;
const separatorBefore = /[,:|/\u00b7\u2022\u2013\u2014-][ \u00a0\u202f\t]*$/;

const monthIndex = {
  en: indexMonths(monthNames.en),
  ru: indexMonths(monthNames.ru),
};

interface Candidate {
  start: number;
  end: number;
  year: number;
  month: number;
  day: number;
}

/**
 * The date a readout states for itself: in a dateline at its start ("Minsk, 5 December 2017 —", «05.12.2017
 * 14:30») or a signature at its end, read on the first and last three lines only. A date elsewhere, or
 * in a sentence that ties it to something else ("the agreement of 5 December 2016", "by 1 January
 * 2020"), is not the document's, and null tells the caller to ask for it.
 */
export function findStatedDate(text: string, lang: 'en' | 'ru'): StatedDate | null {
  const lines = nonEmptyLines(text);
  const head = lines.slice(0, edgeLines);
  const tail = lines.slice(Math.max(edgeLines, lines.length - edgeLines)).reverse();
  for (const line of [...head, ...tail]) {
    const found = datelineOn(text, line, lang);
    if (found) return found;
  }
  return null;
}

function datelineOn(text: string, line: { start: number; end: number }, lang: 'en' | 'ru'): StatedDate | null {
  const content = text.slice(line.start, line.end);
  for (const candidate of candidatesIn(content.slice(0, window), lang)) {
    if (candidate.start > maxPrefix) break;
    const prefix = content.slice(0, candidate.start);
    let end = candidate.end;
    end += yearWord[lang].exec(content.slice(end))?.[0].length ?? 0;
    const afterDate = content.slice(end);
    const rest = afterDate.slice(time.exec(afterDate)?.[0].length ?? 0);
    if (!isDateline(prefix, rest, lang)) continue;
    const date = isoOf(candidate);
    if (date) return { date, start: line.start + candidate.start, end: line.start + end };
  }
  return null;
}

/**
 * A date is a dateline when nothing ties it into a sentence: it opens the line or follows a place or label
 * and a separator, and it ends the line or a separator follows it.
 */
function isDateline(prefix: string, rest: string, lang: 'en' | 'ru'): boolean {
  const words = prefix.toLowerCase().match(/\p{L}+/gu) ?? [];
  const last = words.at(-1);
  const { labels, relations } = datelineWords[lang];
  const labelled = words.some((word) => labels.includes(word));
  if (last !== undefined && relations.includes(last) && !labelled) return false;
  const opens = prefix.trim() === '' || separatorBefore.test(prefix) || labelled;
  const ends = rest.trim() === '' || separatorAfter.test(rest);
  return (opens && ends) || (rest.trim() === '' && !/\d/.test(prefix));
}

function candidatesIn(line: string, lang: 'en' | 'ru'): Candidate[] {
  const months = monthIndex[lang];
  const found: Candidate[] = [];
  for (const m of line.matchAll(dayMonthYear)) {
    const month = months.get(m[2]!.toLowerCase());
    if (month) found.push(candidate(m, Number(m[3]), month, Number(m[1])));
  }
  for (const m of line.matchAll(monthDayYear)) {
    const month = months.get(m[1]!.toLowerCase());
    if (month) found.push(candidate(m, Number(m[3]), month, Number(m[2])));
  }
  for (const m of line.matchAll(numericDate)) found.push(candidate(m, Number(m[3]), Number(m[2]), Number(m[1])));
  for (const m of line.matchAll(isoDate)) found.push(candidate(m, Number(m[1]), Number(m[2]), Number(m[3])));
  return found.sort((a, b) => a.start - b.start);
}

function candidate(m: RegExpMatchArray, year: number, month: number, day: number): Candidate {
  return { start: m.index!, end: m.index! + m[0].length, year, month, day };
}

/** A calendar date in the years Accord's records cover, else null ("31.02.2017", "5 May 1066"). */
function isoOf({ year, month, day }: Candidate): string | null {
  if (year < 1991 || year > 2100 || month < 1 || month > 12) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function nonEmptyLines(text: string): Array<{ start: number; end: number }> {
  const lines: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (text.slice(start, end).trim() !== '') lines.push({ start, end });
    if (newline < 0) break;
    start = newline + 1;
  }
  return lines;
}

function indexMonths(names: readonly (readonly string[])[]): Map<string, number> {
  const index = new Map<string, number>();
  names.forEach((forms, i) => forms.forEach((form) => index.set(form, i + 1)));
  return index;
}
