import type { BulkLoad, FactStage } from '../facts/store.ts';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import countries from 'i18n-iso-countries';
import { AccordError, excerpt } from '../../core/errors.ts';
import { normalizeSearch } from '../../core/records.ts';
import { maxMinor, parseMinor } from '../money.ts';
import {
  hsRevisions,
  type FlowRow,
  type HsRevision,
  type ImportNote,
  type ParsedBatch,
  type RowProblem,
  type StatisticalTerritory,
} from '../model.ts';
import { CsvEncodingError, CsvSyntaxError, readCsv, type CsvRecord } from './csv.ts';
import { notUtf8Byte, sniffText, toUtf8, type Sniffed } from './text-encoding.ts';

/**
 * Checks a code against the nomenclature of a revision beyond its shape (e.g. that heading 8704 exists in
 * HS 2017); returns why the code is refused, or null when it is fine.
 */
export type HsCodeCheck = (code: string, revision: HsRevision) => string | null;

/** What every format adapter hands to `importFlows`. */
export type FlowParser = (input: NodeJS.ReadableStream) => AsyncIterable<ParsedBatch>;

export const rowsPerBatch = 10_000;

/** Collects the rows, rejected cells and skipped rows of one batch. */
export class BatchBuilder {
  rows: FlowRow[] = [];
  problems: RowProblem[] = [];
  skipped = 0;
  notes: ImportNote[] = [];
  /** See `ParsedBatch.unterminatedLine`. */
  unterminatedLine: number | undefined;

  get size(): number {
    return this.rows.length + this.problems.length + this.skipped;
  }

  take(): ParsedBatch {
    const batch: ParsedBatch = { rows: this.rows, problems: this.problems, skipped: this.skipped };
    if (this.notes.length > 0) batch.notes = this.notes;
    if (this.unterminatedLine !== undefined) batch.unterminatedLine = this.unterminatedLine;
    this.rows = [];
    this.problems = [];
    this.skipped = 0;
    this.notes = [];
    this.unterminatedLine = undefined;
    return batch;
  }
}

/** The cells of one row that were refused; a row with any is rejected whole. */
export class RowCheck {
  readonly problems: RowProblem[] = [];

  constructor(readonly line: number) {}

  reject(column: string, value: string, reason: string): null {
    this.problems.push({ line: this.line, column, value: excerpt(value), reason });
    return null;
  }
}

/**
 * Remembers what a cell check said about each text met, for columns that repeat a few thousand texts
 * over millions of rows (periods, countries, HS codes): a repeated text costs one map look-up instead of
 * the check, and a bad one is reported on every row it appears in, exactly as the check reports it.
 */
export class CellCache<T> {
  private readonly known = new Map<string, { value: T | null; problems: RowProblem[] }>();

  /** `limit`: texts remembered at most, so a column that does not repeat cannot fill memory. */
  constructor(
    private readonly check: (row: RowCheck, text: string) => T | null,
    private readonly limit = 100_000,
  ) {}

  read(row: RowCheck, text: string): T | null {
    let known = this.known.get(text);
    if (!known) {
      const probe = new RowCheck(row.line);
      known = { value: this.check(probe, text), problems: probe.problems };
      if (this.known.size < this.limit) this.known.set(text, known);
    }
    for (const p of known.problems) row.problems.push({ ...p, line: row.line });
    return known.value;
  }
}

/** Headers compare case-insensitively, ignoring spacing and line breaks people put in spreadsheet titles. */
export function headerKey(text: string): string {
  return normalizeSearch(text.replace(/^\uFEFF/, ''));
}

export function headerIndex(header: string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const key = headerKey(name);
    if (key !== '' && !index.has(key)) index.set(key, i);
  });
  return index;
}

/**
 * Reads the first bytes of a stream without losing them: returns them with a stream that yields the
 * whole content again, so an adapter can recognise gzip, XLSX or the separator before parsing.
 */
export async function peek(input: NodeJS.ReadableStream, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
  const iterator = (input as Readable)[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const chunks: Buffer[] = [];
  let size = 0;
  let ended = false;
  while (size < bytes) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    chunks.push(chunk);
    size += chunk.length;
  }
  const head = Buffer.concat(chunks);
  async function* replay(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  }
  return { head, stream: Readable.from(replay(), { objectMode: false }) };
}

/** UN Comtrade's bulk files come gzipped; they are read as they are, without unpacking them first. */
export async function decompressed(input: NodeJS.ReadableStream): Promise<Readable> {
  const { head, stream } = await peek(input, 2);
  if (head[0] === 0x1f && head[1] === 0x8b) return stream.pipe(createGunzip());
  return stream;
}

/** A JSON document starts with { or [ (after a byte order mark and blanks), which no CSV header does. */
export function startsAsJson(head: Buffer): boolean {
  const text = head.toString('utf8', 0, Math.min(head.length, 1024)).replace(/^\uFEFF/, '');
  return /^\s*[{[]/.test(text);
}

/** Bytes enough to tell a file's character set, and binary files from text. */
export const sniffBytes = 64 * 1024;

/**
 * The text of a file of a format whose files are UTF-8 (UN Comtrade, BACI: their codes and numbers are
 * ASCII), as UTF-8: UTF-16, as Excel saves "Unicode text", is read; another character set or a binary
 * file is refused, naming what it is, instead of being read as columns of garbled names.
 */
export async function utf8Text(input: Readable, format: string): Promise<Readable> {
  const { head, stream } = await peek(input, sniffBytes);
  const sniffed = sniffText(head);
  if (sniffed.kind === 'binary') throw binaryFileError(sniffed.what);
  if (sniffed.kind === 'not-utf-8') {
    throw notUtf8Error(sniffed.line, utf8Hint(format, sniffed), notUtf8Byte(sniffed.byte));
  }
  return sniffed.encoding === 'utf-8' ? stream : stream.pipe(toUtf8(sniffed.encoding));
}

export function binaryFileError(what: string): AccordError {
  return new AccordError('VALIDATION_FAILED', `the file is binary, not CSV: ${what}`, {
    problems: [{ path: 'file', message: `not a CSV file: ${what}` }],
  });
}

/** `hint`: what to do about it, which depends on the format. */
export function notUtf8Error(line: number, hint: string, detail: string): AccordError {
  return new AccordError('VALIDATION_FAILED', `the file is not UTF-8: line ${line} has ${detail}; ${hint}`, {
    problems: [{ path: 'file', line, message: `${detail}; ${hint}` }],
  });
}

/** What to do about a file of a UTF-8 format that is not UTF-8, naming the character set it seems to be in. */
export function utf8Hint(format: string, sniffed?: Sniffed): string {
  const seems =
    sniffed?.kind === 'not-utf-8' && sniffed.looksLike === 'windows-1251' ? 'Windows-1251 (Cyrillic)' : null;
  return `${seems ? `it looks like ${seems}, but ` : ''}${format} files are UTF-8: save it as UTF-8 and import that`;
}

/**
 * CSV records in batches; a malformed file is refused with the line where it breaks, bytes that are not
 * UTF-8 with the line they are on and `notUtf8Hint`, what to do about it. A JSON file is refused as such:
 * read as CSV it would fail on its first line with a puzzling list of "columns".
 */
export async function* csvRecords(
  input: Readable,
  file: { delimiter?: string; notUtf8Hint?: string } = {},
): AsyncGenerator<CsvRecord[]> {
  const { head, stream } = await peek(input, 64);
  if (startsAsJson(head)) {
    throw new AccordError(
      'VALIDATION_FAILED',
      'the file is JSON, not CSV: this format reads CSV files (a UN Comtrade API response in JSON is imported with the comtrade format)',
      { problems: [{ path: 'file', line: 1, message: 'JSON where CSV was expected' }] },
    );
  }
  try {
    yield* readCsv(stream, { batchSize: rowsPerBatch, delimiter: file.delimiter });
  } catch (error) {
    if (error instanceof CsvEncodingError) {
      throw notUtf8Error(error.line, file.notUtf8Hint ?? 'save it as UTF-8 and import that', error.detail);
    }
    if (error instanceof CsvSyntaxError) {
      throw new AccordError('VALIDATION_FAILED', `the file is not valid CSV: ${error.message}`, {
        problems: [{ path: 'file', line: error.line, message: error.message }],
      });
    }
    throw error;
  }
}

/**
 * A file that lacks columns its format needs is refused before any row is read, naming all of them;
 * `layouts` says which layouts of the format are read, when it has several.
 */
export function missingColumnsError(format: string, missing: string[], found: string[], layouts = ''): AccordError {
  return new AccordError(
    'VALIDATION_FAILED',
    `the file lacks the ${missing.length === 1 ? 'column' : 'columns'} a ${format} file needs: ${missing.join(', ')} (its columns: ${headerList(found)})${layouts && `; ${layouts}`}`,
    { problems: missing.map((column) => ({ path: column, message: `${format} column ${column} is missing` })) },
  );
}

const headersListed = 30;

/**
 * A file's headers for a message: blank ones left out, control characters shown as codes and long names
 * cut, so a file that is not the table it should be cannot flood a message or a terminal.
 */
export function headerList(headers: string[]): string {
  const names = headers.map((h) => h.trim()).filter((h) => h !== '');
  if (names.length === 0) return 'none';
  const shown = names.slice(0, headersListed).map((name) =>
    excerpt(
      name.replace(/[\p{Cc}\uFFFD]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      40,
    ),
  );
  const more = names.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

export function columnCountProblem(line: number, expected: number, found: number): RowProblem {
  return {
    line,
    column: '(row)',
    value: `${found} fields`,
    reason: `expected ${expected} fields as in the header, found ${found}`,
  };
}

/** Line breaks, tabs and other characters that no code holds. */
const controlCharacters = /[\p{Cc}\u2028\u2029]/u;

/**
 * HS codes are kept as text of 2, 4 or 6 digits. A code that lost its leading zero (a spreadsheet turned
 * 010121 into the number 10121) has an odd length and gets it back; spaces between digit groups are dropped.
 * A line break is not: a quoted "0101\n11" may be a heading with a stray line as well as 010111, and
 * guessing would file goods under a code the file never gave.
 */
export function normalizeHsCode(text: string): { code: string } | { reason: string } {
  if (controlCharacters.test(text)) {
    return { reason: 'an HS code cannot hold a line break or other control character' };
  }
  const compact = text.replace(/[\s.\u00a0]/g, '');
  if (!/^\d+$/.test(compact)) return { reason: 'an HS code is 2, 4 or 6 digits' };
  const code = compact.length % 2 === 1 ? `0${compact}` : compact;
  if (code.length !== 2 && code.length !== 4 && code.length !== 6) {
    return { reason: `an HS code is 2, 4 or 6 digits, not ${compact.length}` };
  }
  if (code.startsWith('00')) return { reason: 'there is no HS chapter 00' };
  return { code };
}

/**
 * Validates an HS code cell; the shape always, the nomenclature when a checker is given. `subheadings`:
 * the column holds six-digit subheadings only, so a chapter or heading there is a broken cell.
 */
export function readHsCode(
  row: RowCheck,
  column: string,
  text: string,
  revision: HsRevision | null,
  check: HsCodeCheck | undefined,
  subheadings = false,
): string | null {
  if (text === '') return row.reject(column, text, 'the HS code is empty');
  const normalized = normalizeHsCode(text);
  if ('reason' in normalized) {
    // Shown as it is, a line break reads as a space, which a code may hold.
    const shown = controlCharacters.test(text) ? JSON.stringify(text) : text;
    return row.reject(column, shown, normalized.reason);
  }
  if (subheadings && normalized.code.length !== 6) {
    const level = normalized.code.length === 2 ? 'a chapter' : 'a heading';
    return row.reject(column, text, `expected a six-digit HS subheading, not ${level} (${normalized.code})`);
  }
  if (check && revision) {
    const reason = check(normalized.code, revision);
    if (reason) return row.reject(column, text, reason);
  }
  return normalized.code;
}

export function isHsRevision(text: string): text is HsRevision {
  return Object.hasOwn(hsRevisions, text);
}

export function readHsRevision(row: RowCheck, column: string, text: string): HsRevision | null {
  const revision = text.trim().toUpperCase();
  if (isHsRevision(revision)) return revision;
  return row.reject(column, text, `unknown HS revision: expected one of ${Object.keys(hsRevisions).join(', ')}`);
}

/** Periods as stored: YYYYMM for a month, YYYY00 for a year. */
export function periodOf(year: number, month: number): number | string {
  if (year < 1950 || year > 2100) return 'the year must be between 1950 and 2100';
  if (month < 0 || month > 12) return 'the month must be 01 to 12';
  return year * 100 + month;
}

/** 'YYYY' (a year) or 'YYYYMM' (a month), as UN Comtrade and BACI write periods. */
export function readCompactPeriod(row: RowCheck, column: string, text: string): number | null {
  const match = /^(\d{4})(\d{2})?$/.exec(text);
  if (!match) return row.reject(column, text, 'expected a period as YYYY or YYYYMM');
  const month = match[2] === undefined ? 0 : Number(match[2]);
  if (match[2] !== undefined && month === 0) return row.reject(column, text, 'the month must be 01 to 12');
  const period = periodOf(Number(match[1]), month);
  return typeof period === 'number' ? period : row.reject(column, text, period);
}

/** Amounts are kept as exact cents in a double, which holds whole numbers exactly up to `maxMinor`. */
const largestValue = `${Math.trunc(maxMinor / 100).toLocaleString('en')}.${String(maxMinor % 100).padStart(2, '0')}`;

/** A money cell in the file's unit, as exact US cents; `shift` is the power of ten from that unit to cents. */
export function readValue(row: RowCheck, column: string, text: string, shift: number): number | null {
  if (text === '') return row.reject(column, text, 'the value is empty');
  const cents = parseMinor(text, shift);
  if (cents === 'not-a-number') return row.reject(column, text, 'the value is not a number');
  if (cents === 'too-large' && text.startsWith('-')) return row.reject(column, text, 'the value is negative');
  if (cents === 'too-large')
    return row.reject(column, text, `the value is too large: at most ${largestValue} US dollars`);
  if (cents < 0) return row.reject(column, text, 'the value is negative');
  return cents;
}

/** Quantities are measurements, not money: a plain number is exact enough. */
export function readQuantity(row: RowCheck, column: string, text: string): number | null | undefined {
  if (text === '') return null;
  const cleaned = text.replace(/[\s\u00a0']/g, '');
  const normalized = /^[+-]?\d*,\d+$/.test(cleaned) ? cleaned.replace(',', '.') : cleaned;
  const quantity = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalized) ? Number(normalized) : NaN;
  if (!Number.isFinite(quantity)) {
    row.reject(column, text, 'the quantity is not a number');
    return undefined;
  }
  if (quantity < 0) {
    row.reject(column, text, 'the quantity is negative');
    return undefined;
  }
  return quantity;
}

/**
 * UN M49 codes that trade statistics use for a country with its dependencies, where ISO 3166 numeric
 * has a different code (France with Monaco, the United States with Puerto Rico and the Virgin Islands,
 * India with Sikkim, Switzerland with Liechtenstein, Norway with Svalbard).
 */
const tradeNumericCodes: Record<string, string> = { '251': 'FR', '842': 'US', '699': 'IN', '757': 'CH', '579': 'NO' };

/** ISO 3166-1 alpha-2 of a numeric country code as UN Comtrade and BACI write them, or undefined. */
export function countryOfNumeric(code: string): string | undefined {
  if (!/^\d{1,3}$/.test(code)) return undefined;
  const padded = code.padStart(3, '0');
  return tradeNumericCodes[padded] ?? countries.numericToAlpha2(padded);
}

/**
 * Codes of trade statistics for trade assigned to no country (areas not elsewhere specified, bunkers,
 * free zones), named for people when the file does not name them.
 */
const statisticalNames: Record<string, string> = {
  '129': 'Caribbean n.e.s.',
  '290': 'Northern Africa n.e.s.',
  '471': 'Central American Common Market n.e.s.',
  '472': 'Africa CAMEU region n.e.s.',
  '473': 'LAIA n.e.s.',
  '492': 'Europe EU n.e.s.',
  '527': 'Oceania n.e.s.',
  '536': 'Neutral Zone',
  '568': 'Other Europe n.e.s.',
  '577': 'Other Africa n.e.s.',
  '636': 'Rest of America n.e.s.',
  '637': 'North and Central America n.e.s.',
  '697': 'Europe EFTA n.e.s.',
  '837': 'Bunkers',
  '838': 'Free zones',
  '839': 'Special categories',
  '849': 'US Misc. Pacific Islands',
  '879': 'Western Asia n.e.s.',
  '899': 'Areas n.e.s.',
};

/**
 * The world as a partner (UN Comtrade's 0 or W00, or its name): the sum of the reporter's partners, which
 * would count its trade a second time, so importers skip and count such rows.
 */
export function isWorldPartner(code: string): boolean {
  return /^0+$/.test(code) || ['W00', 'WLD', 'WORLD', 'МИР'].includes(code.toUpperCase());
}

/**
 * The territory a numeric code of UN Comtrade or BACI stands for, the same in every importer: an ISO
 * 3166 country; Taiwan for 490, which both write as "Other Asia, n.e.s." as the UN does not list it;
 * any other code a statistical territory of its own (see `statisticalTerritoryCode`), so that no
 * trade is dropped. 0 is the world, a total rather than a territory: undefined, as for what is no code.
 */
export function territoryOfNumeric(code: string): string | undefined {
  if (!/^\d{1,3}$/.test(code) || /^0+$/.test(code)) return undefined;
  const padded = code.padStart(3, '0');
  if (padded === '490') return 'TW';
  return countryOfNumeric(padded) ?? statisticalTerritoryCode(padded);
}

/**
 * Statistical territories are coded `M49-` and the three digits of the file: an ISO 3166 code starts
 * with two letters, so the two never clash, and the code says where it came from.
 */
export function statisticalTerritoryCode(numeric: string): string {
  return `M49-${numeric.padStart(3, '0')}`;
}

export function isStatisticalTerritory(code: string): boolean {
  return /^M49-\d{3}$/.test(code);
}

/** A statistical territory as an import creates it: named by the file when it can, else by Accord's list. */
export function statisticalTerritory(code: string, name?: string | null): StatisticalTerritory {
  const numeric = code.slice('M49-'.length);
  return { code, nameEn: name?.trim() || statisticalNames[numeric] || `M49 code ${numeric}` };
}

export function countryOfAlpha3(code: string): string | undefined {
  return /^[A-Za-z]{3}$/.test(code) ? countries.alpha3ToAlpha2(code.toUpperCase()) : undefined;
}

export function isCountryAlpha2(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}

/** What a bulk reader staged: the counts and periods a report gives, the territories it met. */
export interface BulkResult extends BulkLoad {
  hsRevision: HsRevision;
  territories: StatisticalTerritory[];
}

/**
 * Reads a whole file into the stage through the store's own reader, or answers null, having staged
 * nothing, for the file to be read row by row. `lines` starts counting the file's lines, for the store
 * to check them against the rows it read.
 */
export type BulkReader = (stage: FactStage, lines: () => Promise<number>) => Promise<BulkResult | null>;
