/**
 * How trade flows are stored. A database row per flow capped imports near a million rows a second (the
 * row and its index entries cost more than the data), so flows are kept as blocks of columns instead:
 * one block holds a reporter's trade in one year and one direction with the partners of one bucket
 * (partners are spread over `partnerBuckets` by a hash of their code, so a question about one pair
 * reads a sixteenth of a big reporter's year), its rows grouped by partner. Beside the blocks, the sums
 * by month of every reporter–partner pair are kept twice, once by reporter and once by partner, for the
 * summaries, series and rankings that need no single flow.
 *
 * A block is two binary cells, so that a question about sums reads only what it sums: the body holds a
 * 16-byte header (format version, row count, dictionary length, flags), a JSON dictionary (the block's
 * partners with the row each starts at, and its HS codes), then the value of each row (i32 when every
 * value fits, else f64), its code (u16 when the block has fewer than 65,536 codes, else u32) and its slot
 * (u8: 0 a whole-year row, 1–12 a month). The detail holds the same header, a dictionary of revisions and
 * units, then quantity (f64, NaN for none), source line (u32), unit (u16) and revision (u8).
 */

export const blockFormatVersion = 1;

/** Index 0 is the year's annual row (YYYY00), 1–12 its months. */
export const slotsPerYear = 13;

/** The unit index of a row without a unit. */
export const noUnit = 0xffff;

export const partnerBuckets = 16;

/** The bucket of a partner: FNV-1a of its code, so every reader and writer finds the same one. */
export function bucketOf(partner: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < partner.length; i += 1) {
    hash ^= partner.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partnerBuckets;
}

export interface BlockKey {
  reporter: string;
  year: number;
  flow: string;
  bucket: number;
}

export interface FlowBlock extends BlockKey {
  rowCount: number;
  body: Uint8Array;
  detail: Uint8Array;
}

/** What sums need of a block's rows, grouped by partner: partner p's rows are [starts[p], starts[p + 1]). */
export interface BlockRows {
  count: number;
  partners: string[];
  starts: number[];
  slot: Uint8Array;
  valueCents: Float64Array | Int32Array;
  /** Indexes into `codes`. */
  code: Uint32Array | Uint16Array;
  codes: string[];
}

/** The rest of each row: what it was reported with and where it came from. */
export interface BlockDetail {
  /** NaN where the row has no quantity. */
  quantity: Float64Array;
  line: Uint32Array;
  revision: Uint8Array;
  revisions: string[];
  /** `noUnit` where the row has no unit. */
  unit: Uint16Array;
  units: string[];
}

export function slotOfPeriod(period: number): number {
  return period % 100;
}

export function periodOfSlot(year: number, slot: number): number {
  return year * 100 + slot;
}

const valuesAsInt32 = 1;
const codesAsUint16 = 2;

/**
 * Hands out aligned byte ranges from a few big buffers, so the blocks of an import part are not
 * thousands of separate allocations (whose collection cost more than their encoding) and travel between
 * threads as a few buffers. `spare`: buffers of earlier parts, already written, to fill again, as fresh
 * memory costs a page fault every 4 KiB; the encoders write every byte of what they take.
 */
export class ByteArena {
  readonly buffers: ArrayBufferLike[] = [];
  private current: Uint8Array = new Uint8Array(0);
  private used = 0;

  /** `shared`: new buffers are shared memory, which threads pass to each other without counting it (see `movable`). */
  constructor(
    private readonly spare: ArrayBufferLike[] = [],
    private readonly bufferBytes = 32 * 1024 * 1024,
    private readonly shared = false,
  ) {}

  take(length: number): Uint8Array {
    const room = align8(length);
    if (this.used + room > this.current.length) {
      const size = Math.max(this.bufferBytes, room);
      const reused = this.spare.length > 0 && this.spare.at(-1)!.byteLength >= size ? this.spare.pop() : undefined;
      this.current = new Uint8Array(reused ?? (this.shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size)));
      this.buffers.push(this.current.buffer);
      this.used = 0;
    }
    const bytes = this.current.subarray(this.used, this.used + length);
    this.used += room;
    return bytes;
  }
}

/** Where an encoder without an arena gets its bytes: a buffer of its own. */
const ownBuffer = { take: (length: number) => new Uint8Array(length) };

export function encodeBlock(
  key: BlockKey,
  rows: BlockRows & BlockDetail,
  arena: Pick<ByteArena, 'take'> = ownBuffer,
): FlowBlock {
  const n = rows.count;
  if (rows.revisions.length > 0xff || rows.units.length >= noUnit) {
    throw new Error(`block of ${key.reporter} in ${key.year}: too many distinct revisions or units`);
  }
  const int32 = fitsInt32(rows.valueCents, n);
  const uint16 = rows.codes.length <= 0x10000;
  const valueBytes = int32 ? 4 : 8;
  const codeBytes = uint16 ? 2 : 4;
  // Partners and codes (letters, digits, hyphens) as one text each: one string to parse, not thousands.
  const body = withHeader(
    json
      .start()
      .key('partners')
      .joined(rows.partners)
      .key('starts')
      .numbers(rows.starts)
      .key('codes')
      .joined(rows.codes)
      .end() ??
      Buffer.from(
        JSON.stringify({ partners: rows.partners.join(','), starts: rows.starts, codes: rows.codes.join(',') }),
      ),
    n,
    (int32 ? valuesAsInt32 : 0) | (uint16 ? codesAsUint16 : 0),
    n * (valueBytes + codeBytes + 1),
    arena,
  );
  const buffer = body.bytes.buffer;
  let at = body.bytes.byteOffset + body.start;
  const values = int32 ? new Int32Array(buffer, at, n) : new Float64Array(buffer, at, n);
  values.set(rows.valueCents.subarray(0, n));
  at += valueBytes * n;
  const codes = uint16 ? new Uint16Array(buffer, at, n) : new Uint32Array(buffer, at, n);
  codes.set(rows.code.subarray(0, n));
  at += codeBytes * n;
  body.bytes.set(rows.slot.subarray(0, n), at - body.bytes.byteOffset);

  const detail = withHeader(
    json.start().key('revisions').strings(rows.revisions).key('units').strings(rows.units).end() ??
      Buffer.from(JSON.stringify({ revisions: rows.revisions, units: rows.units })),
    n,
    0,
    n * (8 + 4 + 2 + 1),
    arena,
  );
  at = detail.bytes.byteOffset + detail.start;
  new Float64Array(detail.bytes.buffer, at, n).set(rows.quantity.subarray(0, n));
  at += 8 * n;
  new Uint32Array(detail.bytes.buffer, at, n).set(rows.line.subarray(0, n));
  at += 4 * n;
  new Uint16Array(detail.bytes.buffer, at, n).set(rows.unit.subarray(0, n));
  at += 2 * n;
  detail.bytes.set(rows.revision.subarray(0, n), at - detail.bytes.byteOffset);
  return { ...key, rowCount: n, body: body.bytes, detail: detail.bytes };
}

/** Whether the first n values are all 32-bit integers: a block then keeps them in 4 bytes each. */
function fitsInt32(values: Float64Array | Int32Array, n: number): boolean {
  for (let i = 0; i < n; i += 1) {
    const value = values[i]!;
    if ((value | 0) !== value) return false;
  }
  return true;
}

/** A cell with the common header and its dictionary, and room for the columns after them. */
function withHeader(
  text: Uint8Array,
  rows: number,
  flags: number,
  columnBytes: number,
  arena: Pick<ByteArena, 'take'>,
) {
  const start = align8(16 + text.length);
  const bytes = arena.take(start + columnBytes);
  for (let at = 16 + text.length; at < start; at += 1) bytes[at] = 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 16);
  view.setUint32(0, blockFormatVersion, true);
  view.setUint32(4, rows, true);
  view.setUint32(8, text.length, true);
  view.setUint32(12, flags, true);
  bytes.set(text, 16);
  return { bytes, start };
}

function readHeader<T>(stored: Uint8Array, what: string) {
  const bytes = aligned(stored);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0, true);
  if (version !== blockFormatVersion) {
    throw new Error(`${what} of format ${version}; this Accord reads format ${blockFormatVersion}`);
  }
  const textLength = view.getUint32(8, true);
  const dictionary = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 16, textLength).toString('utf8')) as T;
  return {
    bytes,
    rows: view.getUint32(4, true),
    flags: view.getUint32(12, true),
    dictionary,
    start: bytes.byteOffset + align8(16 + textLength),
  };
}

export function decodeBlock(body: Uint8Array): BlockRows {
  const {
    bytes,
    rows: n,
    flags,
    dictionary,
    start,
  } = readHeader<{ partners: string; starts: number[]; codes: string }>(body, 'a trade flow block');
  let at = start;
  const int32 = (flags & valuesAsInt32) !== 0;
  const valueCents = int32 ? new Int32Array(bytes.buffer, at, n) : new Float64Array(bytes.buffer, at, n);
  at += (int32 ? 4 : 8) * n;
  const uint16 = (flags & codesAsUint16) !== 0;
  const code = uint16 ? new Uint16Array(bytes.buffer, at, n) : new Uint32Array(bytes.buffer, at, n);
  at += (uint16 ? 2 : 4) * n;
  const slot = new Uint8Array(bytes.buffer, at, n);
  const list = (text: string) => (text === '' ? [] : text.split(','));
  return {
    count: n,
    slot,
    valueCents,
    code,
    partners: list(dictionary.partners),
    starts: dictionary.starts,
    codes: list(dictionary.codes),
  };
}

export function decodeDetail(detail: Uint8Array): BlockDetail {
  const {
    bytes,
    rows: n,
    dictionary,
    start,
  } = readHeader<Pick<BlockDetail, 'revisions' | 'units'>>(detail, 'a trade flow block’s detail');
  let at = start;
  const quantity = new Float64Array(bytes.buffer, at, n);
  at += 8 * n;
  const line = new Uint32Array(bytes.buffer, at, n);
  at += 4 * n;
  const unit = new Uint16Array(bytes.buffer, at, n);
  at += 2 * n;
  const revision = new Uint8Array(bytes.buffer, at, n);
  return { quantity, line, unit, revision, ...dictionary };
}

/** The block without the rows of some slots (a later import replaces them), or null when none is left. */
export function blockWithoutSlots(block: FlowBlock, slots: number): { block: FlowBlock | null; removed: number } {
  const rows = decodeBlock(block.body);
  const detail = decodeDetail(block.detail);
  const keep: number[] = [];
  const partners: string[] = [];
  const starts: number[] = [];
  rows.partners.forEach((partner, p) => {
    const before = keep.length;
    for (let i = rows.starts[p]!; i < rows.starts[p + 1]!; i += 1)
      if ((slots & (1 << rows.slot[i]!)) === 0) keep.push(i);
    if (keep.length > before) {
      partners.push(partner);
      starts.push(before);
    }
  });
  starts.push(keep.length);
  const removed = rows.count - keep.length;
  if (removed === 0) return { block, removed };
  if (keep.length === 0) return { block: null, removed };
  const pick = <T extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(
    column: ArrayLike<number>,
    make: (n: number) => T,
  ) => {
    const out = make(keep.length);
    keep.forEach((from, to) => (out[to] = column[from]!));
    return out;
  };
  return {
    block: encodeBlock(block, {
      count: keep.length,
      partners,
      starts,
      codes: rows.codes,
      revisions: detail.revisions,
      units: detail.units,
      slot: pick(rows.slot, (n) => new Uint8Array(n)),
      valueCents: pick(rows.valueCents, (n) => new Float64Array(n)),
      code: pick(rows.code, (n) => new Uint32Array(n)),
      quantity: pick(detail.quantity, (n) => new Float64Array(n)),
      line: pick(detail.line, (n) => new Uint32Array(n)),
      revision: pick(detail.revision, (n) => new Uint8Array(n)),
      unit: pick(detail.unit, (n) => new Uint16Array(n)),
    }),
    removed,
  };
}

/**
 * Which way a row of sums is kept: by the reporter (its counterparts are the partners it reported) or by
 * the partner (its counterparts are the reporters that reported trade with it, for mirrored questions).
 */
export type SumsSide = 'reporter' | 'partner';

export interface SumsKey {
  side: SumsSide;
  territory: string;
  year: number;
  flow: string;
}

/** Sums by slot of a territory's trade with each counterpart: counterpart c's are months[13c … 13c + 12]. */
export interface FlowSums extends SumsKey {
  counterparts: string[];
  /** Bit s set when counterpart c has rows in slot s. */
  periods: Uint32Array;
  months: Float64Array;
}

/** Sums body: header (version, counterparts, dictionary length, 0), JSON counterparts, months f64, periods u32. */
export function encodeSums(
  sums: Pick<FlowSums, 'counterparts' | 'periods' | 'months'>,
  arena: Pick<ByteArena, 'take'> = ownBuffer,
): Uint8Array {
  const k = sums.counterparts.length;
  const text =
    json.start(false).strings(sums.counterparts).end(false) ?? Buffer.from(JSON.stringify(sums.counterparts));
  const start = align8(16 + text.length);
  const body = arena.take(start + k * (slotsPerYear * 8 + 4));
  for (let at = 16 + text.length; at < start; at += 1) body[at] = 0;
  const view = new DataView(body.buffer, body.byteOffset, 16);
  view.setUint32(0, blockFormatVersion, true);
  view.setUint32(4, k, true);
  view.setUint32(8, text.length, true);
  view.setUint32(12, 0, true);
  body.set(text, 16);
  const at = body.byteOffset + start;
  new Float64Array(body.buffer, at, k * slotsPerYear).set(sums.months.subarray(0, k * slotsPerYear));
  new Uint32Array(body.buffer, at + k * slotsPerYear * 8, k).set(sums.periods.subarray(0, k));
  return body;
}

export function decodeSums(stored: Uint8Array): Pick<FlowSums, 'counterparts' | 'periods' | 'months'> {
  const body = aligned(stored);
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const version = view.getUint32(0, true);
  if (version !== blockFormatVersion) {
    throw new Error(`trade sums of format ${version}; this Accord reads format ${blockFormatVersion}`);
  }
  const k = view.getUint32(4, true);
  const textLength = view.getUint32(8, true);
  const counterparts = JSON.parse(
    Buffer.from(body.buffer, body.byteOffset + 16, textLength).toString('utf8'),
  ) as string[];
  const start = body.byteOffset + align8(16 + textLength);
  return {
    counterparts,
    months: new Float64Array(body.buffer, start, k * slotsPerYear),
    periods: new Uint32Array(body.buffer, start + k * slotsPerYear * 8, k),
  };
}

/**
 * The sums without some slots: of every counterpart (the reporter's own row) or of one (a partner's row,
 * for that reporter). Null when nothing is left.
 */
export function sumsWithoutSlots(
  stored: Uint8Array,
  slots: number,
  counterpart: string | null,
): { body: Uint8Array | null; changed: boolean } {
  const sums = decodeSums(stored);
  const months = Float64Array.from(sums.months);
  const periods = Uint32Array.from(sums.periods);
  let changed = false;
  sums.counterparts.forEach((name, c) => {
    if ((counterpart !== null && name !== counterpart) || (periods[c]! & slots) === 0) return;
    changed = true;
    periods[c]! &= ~slots;
    for (let s = 0; s < slotsPerYear; s += 1) if (slots & (1 << s)) months[c * slotsPerYear + s] = 0;
  });
  if (!changed) return { body: stored, changed };
  const kept = sums.counterparts.map((_, c) => c).filter((c) => periods[c] !== 0);
  if (kept.length === 0) return { body: null, changed };
  const keptMonths = new Float64Array(kept.length * slotsPerYear);
  kept.forEach((c, to) => keptMonths.set(months.subarray(c * slotsPerYear, (c + 1) * slotsPerYear), to * slotsPerYear));
  return {
    body: encodeSums({
      counterparts: kept.map((c) => sums.counterparts[c]!),
      periods: Uint32Array.from(kept.map((c) => periods[c]!)),
      months: keptMonths,
    }),
    changed,
  };
}

/**
 * Writes the JSON of a dictionary as bytes, into one buffer reused from cell to cell. The texts of a block
 * (codes, territories, revisions, units) are most often printable ASCII without quotes or backslashes,
 * whose JSON is their characters: joining, stringifying and encoding them made three copies of each,
 * a third of the time of encoding a block. `end` gives null when a text was anything else, and the
 * caller takes JSON.stringify's way. What it gives is valid until the next `start`.
 */
class JsonBytes {
  private bytes = new Uint8Array(64 * 1024);
  private at = 0;
  private plain = true;
  private first = true;

  start(object = true): this {
    this.at = 0;
    this.plain = true;
    this.first = true;
    if (object) this.byte(0x7b);
    return this;
  }

  key(name: string): this {
    if (!this.first) this.byte(0x2c);
    this.first = false;
    this.byte(0x22);
    this.chars(name);
    this.byte(0x22);
    this.byte(0x3a);
    return this;
  }

  /** The texts joined by commas, as one JSON string. */
  joined(texts: readonly string[]): this {
    return this.list(texts, 0x22, 0x22, false);
  }

  strings(texts: readonly string[]): this {
    return this.list(texts, 0x5b, 0x5d, true);
  }

  /** The texts between `open` and `close`, separated by commas, each in quotes or not. */
  private list(texts: readonly string[], open: number, close: number, quoted: boolean): this {
    this.byte(open);
    for (let t = 0; t < texts.length; t += 1) {
      if (t > 0) this.byte(0x2c);
      if (quoted) this.byte(0x22);
      this.chars(texts[t]!);
      if (quoted) this.byte(0x22);
    }
    this.byte(close);
    return this;
  }

  /** Whole numbers from 0 up, as JSON.stringify writes them. */
  numbers(values: readonly number[]): this {
    this.byte(0x5b);
    for (let v = 0; v < values.length; v += 1) {
      if (v > 0) this.byte(0x2c);
      const value = values[v]!;
      if (!Number.isSafeInteger(value) || value < 0) {
        this.plain = false;
        continue;
      }
      this.chars(String(value));
    }
    this.byte(0x5d);
    return this;
  }

  end(object = true): Uint8Array | null {
    if (object) this.byte(0x7d);
    return this.plain ? this.bytes.subarray(0, this.at) : null;
  }

  private byte(value: number): void {
    if (this.at === this.bytes.length) this.grow(1);
    this.bytes[this.at++] = value;
  }

  private chars(text: string): void {
    if (this.at + text.length > this.bytes.length) this.grow(text.length);
    const bytes = this.bytes;
    let at = this.at;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) this.plain = false;
      bytes[at++] = c;
    }
    this.at = at;
  }

  private grow(more: number): void {
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + more));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }
}

const json = new JsonBytes();

/** Typed-array views need their offset aligned to the element size; a driver's buffer may not be. */
function aligned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset % 8 === 0 ? bytes : bytes.slice();
}

function align8(n: number): number {
  return (n + 7) & ~7;
}
