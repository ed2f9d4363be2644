import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Utf8Check, notUtf8Byte } from './text-encoding.ts';

export interface CsvRecord {
  /** 1-based line number where the record starts, for error reports. */
  line: number;
  fields: string[];
  /** The file's last record, when no line break ends it: a file cut short ends so. */
  unterminated?: true;
}

export interface CsvOptions {
  /** Field separator; detected from the header line (comma, semicolon or tab) when not given. */
  delimiter?: string;
  /** Records per yielded batch. */
  batchSize?: number;
  /** A record longer than this (in characters) is refused: no trade table has one, and it would fill memory. */
  maxRecordChars?: number;
}

const defaultMaxRecordChars = 1 << 20;

/**
 * Streams CSV records in batches, with RFC 4180 quoting (separators, quotes and line breaks inside quoted
 * fields). Memory stays bounded by the batch size and the longest record, whatever the file size.
 * The bytes must be UTF-8: any that are not are refused with their line (`CsvEncodingError`), rather than
 * read as replacement characters into the cells.
 */
export async function* readCsv(input: Readable, options: CsvOptions = {}): AsyncGenerator<CsvRecord[]> {
  const decoder = new StringDecoder('utf8');
  const batchSize = options.batchSize ?? 10_000;
  const maxRecordChars = options.maxRecordChars ?? defaultMaxRecordChars;
  const tooLong = (text: string, start: number) =>
    new CsvSyntaxError(
      line,
      `the row is longer than ${maxRecordChars.toLocaleString('en')} characters, which no trade table's row is; it starts: ${JSON.stringify(text.slice(start, start + 40))}…`,
    );
  let delimiter = options.delimiter;
  let pending = '';
  let line = 1;
  let first = true;
  let batch: CsvRecord[] = [];
  const utf8 = new Utf8Check();
  const notUtf8 = (text: string, detail: string) => new CsvEncodingError(line + (text.split('\n').length - 1), detail);

  const consume = function* (text: string, final: boolean): Generator<CsvRecord[]> {
    let start = 0;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline === -1 && !final) break;
      const end = newline === -1 ? text.length : newline;
      if (end === start && newline === -1) break;
      if (end - start > maxRecordChars) throw tooLong(text, start);
      let raw = text.slice(start, end);
      if (raw.includes('"')) {
        // A quoted field may span lines: parse from here and see where the record really ends.
        const parsed = parseQuoted(text, start, delimiter ?? ',', final);
        if (!parsed) break;
        if (parsed.next - start > maxRecordChars) throw tooLong(text, start);
        if (first) {
          delimiter ??= detectDelimiter(text.slice(start, end));
          first = false;
          const reparsed = parseQuoted(text, start, delimiter, final)!;
          batch.push({ line, fields: reparsed.fields });
        } else {
          batch.push({ line, fields: parsed.fields });
        }
        const last = text[parsed.next - 1];
        if (final && parsed.next === text.length && last !== '\n' && last !== '\r') batch.at(-1)!.unterminated = true;
        line += parsed.lines;
        start = parsed.next;
      } else {
        if (raw.endsWith('\r')) raw = raw.slice(0, -1);
        if (first) {
          if (raw.charCodeAt(0) === 0xfeff) raw = raw.slice(1);
          delimiter ??= detectDelimiter(raw);
          first = false;
        }
        if (raw.length > 0) {
          batch.push(
            newline === -1
              ? { line, fields: raw.split(delimiter!), unterminated: true }
              : { line, fields: raw.split(delimiter!) },
          );
        }
        line += 1;
        start = end + 1;
      }
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
      if (newline === -1) break;
    }
    pending = text.slice(start);
    if (pending.length > maxRecordChars) throw tooLong(pending, 0);
  };

  for await (const chunk of input) {
    if (typeof chunk !== 'string') {
      const bad = utf8.check(chunk as Buffer);
      if (bad) throw notUtf8(pending + decoder.write((chunk as Buffer).subarray(0, bad.at)), notUtf8Byte(bad.byte));
    }
    const text = pending + (typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer));
    yield* consume(text, false);
  }
  if (utf8.cutShort) throw notUtf8(pending, 'a character cut short by the end of the file');
  yield* consume(pending + decoder.end(), true);
  if (pending.length > 0) {
    throw new CsvSyntaxError(
      line,
      'the file ends inside a quoted field that starts on this line: a closing quote is missing, or the file is cut short',
    );
  }
  if (batch.length > 0) yield batch;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Bytes that are not UTF-8, at the line where they are; `detail` says which. */
export class CsvEncodingError extends CsvSyntaxError {
  constructor(
    line: number,
    readonly detail: string,
  ) {
    super(line, detail);
  }
}

function detectDelimiter(header: string): string {
  const clean = header.replace(/^\uFEFF/, '');
  const counts = [',', ';', '\t'].map((d) => [d, clean.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

/** Parses one record that contains quotes, starting at `start`; null when the text ends mid-record. */
function parseQuoted(
  text: string,
  start: number,
  delimiter: string,
  final: boolean,
): { fields: string[]; next: number; lines: number } | null {
  const fields: string[] = [];
  let field = '';
  let i = start;
  let lines = 1;
  let quoted = false;
  if (text.charCodeAt(i) === 0xfeff) i += 1;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        if (i + 1 >= text.length && !final) return null;
        quoted = false;
        i += 1;
        continue;
      }
      if (c === '\n') lines += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field.length === 0) {
      quoted = true;
      i += 1;
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (c === '\n' || c === '\r') {
      fields.push(field);
      let next = i + 1;
      if (c === '\r' && text[next] === '\n') next += 1;
      else if (c === '\r' && next >= text.length && !final) return null;
      return { fields, next, lines };
    }
    field += c;
    i += 1;
  }
  if (!final || quoted) return null;
  fields.push(field);
  return { fields, next: text.length, lines };
}
