import { isUtf8 } from 'node:buffer';
import { Transform } from 'node:stream';

/** Character sets a CSV file is read in: UTF-8 is read as it is, the others are turned into it. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** What the first bytes of a file say it is. */
export type Sniffed =
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
  /** Bytes that are not UTF-8, from `byte` at `line`; `looksLike` when they read as Cyrillic in Windows-1251. */
  | { kind: 'not-utf-8'; line: number; byte: number; looksLike: 'windows-1251' | null }
  | { kind: 'binary'; what: string };

/** Formats people hand over by mistake for a CSV, by their first bytes. */
const magicNumbers: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (unpack it and import the CSV inside)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an Excel 97-2003 workbook (.xls) or another old Office file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x42, 0x5a, 0x68], what: 'a bzip2 archive' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], what: 'an xz archive' },
  { bytes: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file' },
  { bytes: [...Buffer.from('SQLite format 3\0')], what: 'an SQLite database' },
];

/**
 * Tells from the first bytes of a file (after unpacking) whether it is text and in which character set:
 * UTF-8, UTF-16 (by its byte order mark, or by the zero bytes every other byte that Latin letters and
 * digits have in it), bytes that are not UTF-8 (and whether they look like Windows-1251 Cyrillic, as
 * customs offices export), or a binary file such as a PDF or an archive.
 */
export function sniffText(head: Uint8Array): Sniffed {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return utf8OrNot(head);
  if (startsWith(head, [0xff, 0xfe])) return { kind: 'text', encoding: 'utf-16le' };
  if (startsWith(head, [0xfe, 0xff])) return { kind: 'text', encoding: 'utf-16be' };
  const magic = magicNumbers.find((m) => startsWith(head, m.bytes));
  if (magic) return { kind: 'binary', what: magic.what };
  const pairs = Math.floor(head.length / 2);
  let zerosEven = 0;
  let zerosOdd = 0;
  let controls = 0;
  for (let i = 0; i < head.length; i += 1) {
    const b = head[i]!;
    if (b === 0) {
      if (i % 2 === 0) zerosEven += 1;
      else zerosOdd += 1;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) {
      controls += 1;
    }
  }
  if (pairs > 0 && zerosOdd >= pairs * 0.2 && zerosEven <= pairs * 0.01) return { kind: 'text', encoding: 'utf-16le' };
  if (pairs > 0 && zerosEven >= pairs * 0.2 && zerosOdd <= pairs * 0.01) return { kind: 'text', encoding: 'utf-16be' };
  if (zerosEven + zerosOdd > 0) return { kind: 'binary', what: 'it has zero bytes, which no text has' };
  if (controls > 4 && controls > head.length * 0.02) {
    return { kind: 'binary', what: 'it has control bytes, which no text has' };
  }
  return utf8OrNot(head);
}

/**
 * Whether a file's head is UTF-8, and if not where it stops being and what it looks like instead. A
 * character the head cuts at its end is not held against it.
 */
function utf8OrNot(bytes: Uint8Array): Extract<Sniffed, { kind: 'text' | 'not-utf-8' }> {
  const checked = bytes.subarray(0, completeUtf8End(bytes));
  if (isUtf8(checked)) return { kind: 'text', encoding: 'utf-8' };
  const bad = firstInvalidUtf8(checked);
  return {
    kind: 'not-utf-8',
    line: linesBefore(checked, bad) + 1,
    byte: checked[bad]!,
    looksLike: looksLikeCyrillic1251(checked) ? 'windows-1251' : null,
  };
}

/**
 * Windows-1251 writes Cyrillic letters as bytes C0–FF (and Ё, ё as A8, B8), whole words of them in a
 * row; Latin-1 and Windows-1252 use the same bytes for accented letters, one among plain ones (Côte).
 */
function looksLikeCyrillic1251(bytes: Uint8Array): boolean {
  const letter = (b: number | undefined) => b !== undefined && (b >= 0xc0 || b === 0xa8 || b === 0xb8);
  let high = 0;
  let letters = 0;
  let inWords = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i]!;
    if (b < 0x80) continue;
    high += 1;
    if (!letter(b)) continue;
    letters += 1;
    if (letter(bytes[i - 1]) || letter(bytes[i + 1])) inWords += 1;
  }
  return high > 0 && letters >= high * 0.7 && inWords >= letters * 0.6;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function linesBefore(bytes: Uint8Array, end: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(10); at >= 0 && at < end; at = bytes.indexOf(10, at + 1)) lines += 1;
  return lines;
}

/** Where a character cut off by the end of the bytes starts (a chunk ends anywhere); else their length. */
function completeUtf8End(bytes: Uint8Array): number {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 4; i -= 1) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + length > bytes.length ? i : bytes.length;
  }
  return bytes.length;
}

/** The offset of the first byte that is not part of a well-formed UTF-8 character, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) more = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      more = 2;
      if (b === 0xe0) low = 0xa0;
      if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      more = 3;
      if (b === 0xf0) low = 0x90;
      if (b === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= more; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += more + 1;
  }
  return -1;
}

/**
 * Checks a stream of bytes, chunk by chunk, for being UTF-8: a character may be split between chunks.
 * Files are mostly ASCII, which the built-in check passes at memory speed; only a chunk that fails it is
 * looked at byte by byte, to say where.
 */
export class Utf8Check {
  private carry: Buffer = Buffer.alloc(0);

  /** The first byte that is not UTF-8 and its offset in `chunk` (0 when it came with the chunk before), or null. */
  check(chunk: Buffer): { at: number; byte: number } | null {
    const carried = this.carry.length;
    const bytes = carried > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const end = completeUtf8End(bytes);
    this.carry = Buffer.from(bytes.subarray(end));
    const whole = bytes.subarray(0, end);
    if (isUtf8(whole)) return null;
    const bad = firstInvalidUtf8(whole);
    return { at: Math.max(0, bad - carried), byte: whole[bad]! };
  }

  /** Whether the bytes ended inside a character. */
  get cutShort(): boolean {
    return this.carry.length > 0;
  }
}

/** How messages show a byte that is not UTF-8. */
export function notUtf8Byte(byte: number): string {
  return `byte ${byte.toString(16).toUpperCase().padStart(2, '0')}, which is not UTF-8`;
}

/** Turns a stream of bytes in `encoding` into UTF-8 (a UTF-16 byte order mark is dropped). */
export function toUtf8(encoding: Exclude<TextEncoding, 'utf-8'>): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, Buffer.from(decoder.decode(chunk, { stream: true })));
    },
    flush(callback) {
      callback(null, Buffer.from(decoder.decode()));
    },
  });
}
