import { isUtf8 } from 'node:buffer';
import { utf8OrNot, type Sniffed } from './text-encoding.ts';

type NotUtf8 = Extract<Sniffed, { kind: 'not-utf-8' }>;

/** What each column of a line is to the reading threads. */
export const fieldRole = { ignore: 0, t: 1, i: 2, j: 3, k: 4, v: 5, q: 6 } as const;

export interface FileChunk {
  index: number;
  start: number;
  end: number;
}

/** A chunk's plain lines as numbers, and the lines the threads leave to the full reader. */
export interface ChunkRows {
  count: number;
  /** Lines in the chunk, empty ones included: where the next chunk's numbering starts. */
  lines: number;
  /** Lines are numbered from 0 within the chunk. */
  line: Float64Array;
  t: Int32Array;
  i: Int32Array;
  j: Int32Array;
  k: Int32Array;
  kDigits: Uint8Array;
  valueCents: Float64Array;
  /** NaN where the line has no quantity (empty or NA). */
  quantity: Float64Array;
  /** `notUtf8`: where the line's bytes stop being UTF-8 (its text shows replacement characters there). */
  odd: Array<{ line: number; text: string; notUtf8?: NotUtf8 }>;
}

const powers = [1, 10, 100, 1000, 10_000, 100_000, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16];

/**
 * The plain lines of a chunk as numbers; the rest as text for the full reader. A field is plain when it
 * is digits with at most one dot after the first digit (or NA for q), with spaces around at most: each
 * is read by tight loops over the bytes, and anything else sends the whole line to the full reader.
 * `reuse`: an earlier chunk's columns, filled again when big enough (fresh memory costs a page fault
 * every 4 KiB).
 */
export function parseLines(bytes: Uint8Array, roles: number[], width: number, reuse?: ChunkRows): ChunkRows {
  // A plain line has at least 12 bytes (a 4-digit year and four one-digit fields with their commas).
  const capacity = Math.ceil(bytes.length / 12) + 1;
  // The same object is filled again: a new one of another shape would make the engine recompile its readers.
  const rows: ChunkRows =
    reuse && reuse.line.length >= capacity
      ? Object.assign(reuse, { count: 0, lines: 0, odd: [] })
      : {
          count: 0,
          lines: 0,
          line: new Float64Array(capacity),
          t: new Int32Array(capacity),
          i: new Int32Array(capacity),
          j: new Int32Array(capacity),
          k: new Int32Array(capacity),
          kDigits: new Uint8Array(capacity),
          valueCents: new Float64Array(capacity),
          quantity: new Float64Array(capacity),
          odd: [],
        };
  const { t: tColumn, i: iColumn, j: jColumn, k: kColumn, kDigits, valueCents, quantity, line: lineColumn } = rows;
  const length = bytes.length;
  const standard = width === 6 && standardRoles.every((role, field) => roles[field] === role);
  // The straight reading takes lines up to the last newline; a last line without one goes the general way.
  const standardEnd = bytes.lastIndexOf(10) + 1;
  let line = 0;
  let at = 0;
  let n = 0;
  while (at < length) {
    if (standard && at < standardEnd) {
      const next = standardLine(bytes, at, rows, n);
      if (next >= 0) {
        lineColumn[n] = line;
        n += 1;
        line += 1;
        at = next;
        continue;
      }
    }
    const lineStart = at;
    // An empty line is skipped, as the CSV reader does; it still counts.
    if (bytes[at] === 10) {
      at += 1;
      line += 1;
      continue;
    }
    let plain = true;
    let field = 0;
    let c: number;
    for (;;) {
      while (at < length && bytes[at] === 32) at += 1;
      // Digits, then a dot and more digits: x holds them all, fraction counts those after the dot.
      let x = 0;
      const first = at;
      while (at < length && (c = bytes[at]!) >= 48 && c <= 57) {
        x = x * 10 + (c - 48);
        at += 1;
      }
      let digits = at - first;
      let fraction = -1;
      if (at < length && bytes[at] === 46 && digits > 0) {
        at += 1;
        const dot = at;
        while (at < length && (c = bytes[at]!) >= 48 && c <= 57) {
          x = x * 10 + (c - 48);
          at += 1;
        }
        fraction = at - dot;
        digits += fraction;
      }
      let na = false;
      if (digits === 0 && at + 1 < length && bytes[at] === 78 && bytes[at + 1] === 65) {
        na = true;
        at += 2;
      }
      while (at < length && ((c = bytes[at]!) === 32 || c === 13)) at += 1;
      c = at < length ? bytes[at]! : 10;
      if (c !== 44 && c !== 10) {
        plain = false;
        while (at < length && (c = bytes[at]!) !== 44 && c !== 10) at += 1;
        if (at >= length) c = 10;
      }
      const role = field < width ? roles[field]! : fieldRole.ignore;
      if (role === fieldRole.t) {
        if (na || fraction >= 0 || bytes[first] === 48 || (digits !== 4 && digits !== 6)) plain = false;
        tColumn[n] = x;
      } else if (role === fieldRole.i || role === fieldRole.j) {
        if (na || fraction >= 0 || digits === 0 || digits > 6 || (bytes[first] === 48 && digits > 1)) plain = false;
        if (role === fieldRole.i) iColumn[n] = x;
        else jColumn[n] = x;
      } else if (role === fieldRole.k) {
        if (na || fraction >= 0 || digits === 0 || digits > 9) plain = false;
        kColumn[n] = x;
        kDigits[n] = digits;
      } else if (role === fieldRole.v) {
        const value = x * powers[5 - Math.max(fraction, 0)]!;
        if (na || digits === 0 || digits > 15 || fraction > 5 || !(value <= Number.MAX_SAFE_INTEGER)) plain = false;
        valueCents[n] = value;
      } else if (role === fieldRole.q) {
        if (digits > 15) plain = false;
        let q = x / powers[Math.max(fraction, 0)]!;
        if (na || digits === 0) q = NaN;
        quantity[n] = q;
      }
      field += 1;
      at += 1;
      if (c === 10) break;
    }
    if (field !== width) plain = false;
    if (plain) {
      lineColumn[n] = line;
      n += 1;
    } else {
      const end = at - 1 < length && bytes[at - 1] === 10 ? at - 1 : Math.min(at, length);
      const lineBytes = Buffer.from(bytes.buffer, bytes.byteOffset + lineStart, end - lineStart);
      const text = lineBytes.toString('utf8');
      const checked = isUtf8(lineBytes) ? null : utf8OrNot(lineBytes, true);
      rows.odd.push(checked?.kind === 'not-utf-8' ? { line, text, notUtf8: checked } : { line, text });
    }
    line += 1;
  }
  rows.count = n;
  rows.lines = line;
  return rows;
}

/** The columns of BACI's own files, in its order. */
const standardRoles = [fieldRole.t, fieldRole.i, fieldRole.j, fieldRole.k, fieldRole.v, fieldRole.q];

/**
 * A line of BACI's own layout (t,i,j,k,v,q) with nothing but digits, a dot in v or q, NA or nothing in q,
 * read straight into row n: where the next line starts, or -1 when the line is anything else (spaces, say),
 * for the general reading above, which gives the same numbers for the lines this one takes.
 */
function standardLine(bytes: Uint8Array, from: number, rows: ChunkRows, n: number): number {
  let at = from;
  let d: number;
  // Each field: digits while (byte - 48) read unsigned is below 10, one comparison a byte; `d` is then
  // what stopped it, less 48 (a comma is -4, a dot -2, a newline -38). The caller gives only lines that
  // end with a newline, so no loop needs to look for the end of the bytes.
  // t: four or six digits, not starting with 0.
  let x = 0;
  while ((d = bytes[at]! - 48) >>> 0 < 10) {
    x = x * 10 + d;
    at += 1;
  }
  if ((at - from !== 4 && at - from !== 6) || bytes[from] === 48 || d !== -4) return -1;
  rows.t[n] = x;
  // i and j: one to six digits, no leading 0 unless alone.
  for (let field = 0; field < 2; field += 1) {
    const first = (at += 1);
    x = 0;
    while ((d = bytes[at]! - 48) >>> 0 < 10) {
      x = x * 10 + d;
      at += 1;
    }
    const digits = at - first;
    if (digits === 0 || digits > 6 || (bytes[first] === 48 && digits > 1) || d !== -4) return -1;
    if (field === 0) rows.i[n] = x;
    else rows.j[n] = x;
  }
  // k: one to nine digits, leading zeros kept by their count.
  let first = (at += 1);
  x = 0;
  while ((d = bytes[at]! - 48) >>> 0 < 10) {
    x = x * 10 + d;
    at += 1;
  }
  if (at - first === 0 || at - first > 9 || d !== -4) return -1;
  rows.k[n] = x;
  rows.kDigits[n] = at - first;
  // v: digits, then at most five after a dot.
  first = at += 1;
  x = 0;
  while ((d = bytes[at]! - 48) >>> 0 < 10) {
    x = x * 10 + d;
    at += 1;
  }
  let digits = at - first;
  let fraction = 0;
  if (d === -2 && digits > 0) {
    const dot = (at += 1);
    while ((d = bytes[at]! - 48) >>> 0 < 10) {
      x = x * 10 + d;
      at += 1;
    }
    fraction = at - dot;
    digits += fraction;
  }
  const value = x * powers[5 - fraction]!;
  if (digits === 0 || digits > 15 || fraction > 5 || !(value <= Number.MAX_SAFE_INTEGER) || d !== -4) {
    return -1;
  }
  rows.valueCents[n] = value;
  // q: digits with a dot anywhere after the first, NA, or nothing; then the line's end.
  first = at += 1;
  x = 0;
  let c: number;
  while ((d = (c = bytes[at]!) - 48) >>> 0 < 10) {
    x = x * 10 + d;
    at += 1;
  }
  digits = at - first;
  fraction = 0;
  if (c === 46 && digits > 0) {
    const dot = (at += 1);
    while ((d = (c = bytes[at]!) - 48) >>> 0 < 10) {
      x = x * 10 + d;
      at += 1;
    }
    fraction = at - dot;
    digits += fraction;
  }
  // Divided even when there are no digits, then made NaN: a NaN chosen between two doubles cost an allocation a line.
  let quantity = x / powers[fraction]!;
  if (digits === 0) {
    quantity = NaN;
    if (c === 78 && bytes[at + 1] === 65) {
      at += 2;
      c = bytes[at]!;
    }
  }
  if (c === 13 && bytes[at + 1] === 10) c = bytes[(at += 1)]!;
  if (digits > 15 || c !== 10) return -1;
  rows.quantity[n] = quantity;
  return at + 1;
}
