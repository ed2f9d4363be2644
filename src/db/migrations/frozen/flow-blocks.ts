/**
 * Trade flow blocks as migrations 0005 to 0012 know them, frozen here so that those migrations write and
 * read exactly this format whatever the live code becomes. Only migrations import this file.
 *
 * A block holds a reporter's flows in one year and one direction with the partners of one bucket (FNV-1a
 * of the partner's code, modulo 16), its rows grouped by partner. It is two binary cells. The body: a
 * 16-byte header (format version, row count, dictionary length, flags), a JSON dictionary (partners and
 * codes each joined by commas, and the row each partner starts at), padding to 8 bytes, then each row's
 * value in cents (i32 when every value fits, else f64), its code (u16 when there are at most 65,536
 * codes, else u32) and its slot (u8: 0 the year's annual row, 1–12 a month). The detail: the same
 * header, a dictionary of revisions and units, padding, then quantity (f64, NaN for none), source line
 * (u32), unit (u16, 0xffff for none) and revision (u8). Beside the blocks, the sums by slot of each
 * reporter–partner pair are kept once under the reporter and once under the partner: a 16-byte header
 * (version, counterparts, dictionary length, 0), the counterparts as a JSON list, padding, then 13 f64
 * sums per counterpart and a u32 mask of the slots it has rows in.
 */

/** A flow as blocks hold it. */
export interface BlockFlow {
  line: number;
  period: number;
  reporter: string;
  partner: string;
  flow: string;
  hsCode: string;
  hsRevision: string;
  valueCents: number;
  quantity: number | null;
  unit: string | null;
}

const formatVersion = 1;
const slotsPerYear = 13;
const noUnit = 0xffff;
const partnerBuckets = 16;
const valuesAsInt32 = 1;
const codesAsUint16 = 2;

export function bucketOf(partner: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < partner.length; i += 1) {
    hash ^= partner.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partnerBuckets;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** A cell: header, dictionary, zero padding, and `columnBytes` for the columns after it. */
function cell(dictionary: unknown, rows: number, flags: number, columnBytes: number) {
  const text = Buffer.from(JSON.stringify(dictionary), 'utf8');
  const start = align8(16 + text.length);
  const bytes = new Uint8Array(start + columnBytes);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, formatVersion, true);
  view.setUint32(4, rows, true);
  view.setUint32(8, text.length, true);
  view.setUint32(12, flags, true);
  bytes.set(text, 16);
  return { bytes, start };
}

/** Numbers texts from 0 in the order met. */
class Dictionary {
  readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();

  of(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.ids.set(text, id);
      this.texts.push(text);
    }
    return id;
  }
}

/** One block's two cells, from its rows grouped by partner (each group in file order). */
function encodeBlock(groups: ReadonlyArray<{ partner: string; rows: readonly BlockFlow[] }>) {
  const rows = groups.flatMap((g) => g.rows);
  const n = rows.length;
  const starts: number[] = [];
  let at = 0;
  for (const g of groups) {
    starts.push(at);
    at += g.rows.length;
  }
  starts.push(at);
  const codes = new Dictionary();
  const revisions = new Dictionary();
  const units = new Dictionary();
  const code = rows.map((r) => codes.of(r.hsCode));
  const revision = rows.map((r) => revisions.of(r.hsRevision));
  const unit = rows.map((r) => (r.unit === null ? noUnit : units.of(r.unit)));
  if (revisions.texts.length > 0xff || units.texts.length >= noUnit) {
    throw new Error(`block of ${rows[0]?.reporter}: too many distinct revisions or units`);
  }
  const int32 = rows.every((r) => (r.valueCents | 0) === r.valueCents);
  const uint16 = codes.texts.length <= 0x10000;
  const valueBytes = int32 ? 4 : 8;
  const codeBytes = uint16 ? 2 : 4;

  const body = cell(
    { partners: groups.map((g) => g.partner).join(','), starts, codes: codes.texts.join(',') },
    n,
    (int32 ? valuesAsInt32 : 0) | (uint16 ? codesAsUint16 : 0),
    n * (valueBytes + codeBytes + 1),
  );
  let offset = body.start;
  const values = rows.map((r) => r.valueCents);
  (int32 ? new Int32Array(body.bytes.buffer, offset, n) : new Float64Array(body.bytes.buffer, offset, n)).set(values);
  offset += valueBytes * n;
  (uint16 ? new Uint16Array(body.bytes.buffer, offset, n) : new Uint32Array(body.bytes.buffer, offset, n)).set(code);
  offset += codeBytes * n;
  body.bytes.set(
    rows.map((r) => r.period % 100),
    offset,
  );

  const detail = cell({ revisions: revisions.texts, units: units.texts }, n, 0, n * (8 + 4 + 2 + 1));
  offset = detail.start;
  new Float64Array(detail.bytes.buffer, offset, n).set(rows.map((r) => r.quantity ?? NaN));
  offset += 8 * n;
  const lines = new Uint32Array(detail.bytes.buffer, offset, n);
  rows.forEach((r, i) => {
    if (r.line > 0xffffffff) throw new Error(`line ${r.line} is beyond what a trade flow block records`);
    lines[i] = r.line;
  });
  offset += 4 * n;
  new Uint16Array(detail.bytes.buffer, offset, n).set(unit);
  offset += 2 * n;
  detail.bytes.set(revision, offset);
  return { rowCount: n, body: Buffer.from(body.bytes.buffer), detail: Buffer.from(detail.bytes.buffer) };
}

/** A sums cell: each counterpart's 13 sums by slot, and the mask of slots it has rows in. */
function encodeSums(counterparts: readonly string[], months: readonly Float64Array[], periods: readonly number[]) {
  const k = counterparts.length;
  const sums = cell(counterparts, k, 0, k * (slotsPerYear * 8 + 4));
  const all = new Float64Array(sums.bytes.buffer, sums.start, k * slotsPerYear);
  months.forEach((m, c) => all.set(m, c * slotsPerYear));
  new Uint32Array(sums.bytes.buffer, sums.start + k * slotsPerYear * 8, k).set(periods);
  return Buffer.from(sums.bytes.buffer);
}

/** The table rows of one part of an import: its blocks and its sums, by column name. */
export interface PartRows {
  blocks: Array<Record<string, string | number | Buffer>>;
  sums: Array<Record<string, string | number | Buffer>>;
}

/**
 * Gathers one import's flows into a part: blocks by reporter, year, direction and partner bucket, each
 * partner's rows in the order added, and the sums by slot of every pair under both its territories.
 */
export class PartBuilder {
  rows = 0;
  /** By reporter, year, direction and partner: one pair's rows of a year in one direction. */
  private readonly cells = new Map<string, BlockFlow[]>();

  add(flow: BlockFlow): void {
    const name = [flow.reporter, Math.floor(flow.period / 100), flow.flow, flow.partner].join('\t');
    const rows = this.cells.get(name);
    if (rows) rows.push(flow);
    else this.cells.set(name, [flow]);
    this.rows += 1;
  }

  take(keys: { datasetSeq: number; importSeq: number; part: number }): PartRows {
    const blocks = new Map<string, Array<{ partner: string; rows: BlockFlow[] }>>();
    const sums = new Map<string, { counterparts: string[]; months: Float64Array[]; periods: number[] }>();
    const addSums = (
      side: string,
      territory: string,
      year: number,
      flow: string,
      counterpart: string,
      rows: BlockFlow[],
    ) => {
      const name = [side, territory, year, flow].join('\t');
      let entry = sums.get(name);
      if (!entry) sums.set(name, (entry = { counterparts: [], months: [], periods: [] }));
      const months = new Float64Array(slotsPerYear);
      let periods = 0;
      for (const r of rows) {
        months[r.period % 100]! += r.valueCents;
        periods |= 1 << (r.period % 100);
      }
      entry.counterparts.push(counterpart);
      entry.months.push(months);
      entry.periods.push(periods);
    };
    for (const rows of this.cells.values()) {
      const { reporter, partner, flow, period } = rows[0]!;
      const name = [reporter, Math.floor(period / 100), flow, bucketOf(partner)].join('\t');
      const groups = blocks.get(name);
      if (groups) groups.push({ partner, rows });
      else blocks.set(name, [{ partner, rows }]);
    }
    for (const groups of blocks.values()) {
      for (const { partner, rows } of groups) {
        const { reporter, flow, period } = rows[0]!;
        const year = Math.floor(period / 100);
        addSums('reporter', reporter, year, flow, partner, rows);
        addSums('partner', partner, year, flow, reporter, rows);
      }
    }
    this.cells.clear();
    this.rows = 0;
    const base = { dataset_seq: keys.datasetSeq, import_seq: keys.importSeq, part: keys.part };
    return {
      blocks: [...blocks.values()].map((groups) => {
        const { reporter, period, flow } = groups[0]!.rows[0]!;
        const { rowCount, body, detail } = encodeBlock(groups);
        return {
          ...base,
          reporter,
          year: Math.floor(period / 100),
          flow,
          bucket: bucketOf(groups[0]!.partner),
          row_count: rowCount,
          body,
          detail,
        };
      }),
      sums: [...sums].map(([name, entry]) => {
        const [side, territory, year, flow] = name.split('\t') as [string, string, string, string];
        const body = encodeSums(entry.counterparts, entry.months, entry.periods);
        return { ...base, side, territory, year: Number(year), flow, body };
      }),
    };
  }
}

function readCell<T>(stored: Uint8Array, what: string) {
  // Typed arrays need offsets aligned to their element size; a driver's buffer may not be.
  const bytes = stored.byteOffset % 8 === 0 ? stored : stored.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(0, true);
  if (version !== formatVersion) throw new Error(`${what} of format ${version}; expected format ${formatVersion}`);
  const textLength = view.getUint32(8, true);
  const text = Buffer.from(bytes.buffer, bytes.byteOffset + 16, textLength).toString('utf8');
  return {
    bytes,
    rows: view.getUint32(4, true),
    flags: view.getUint32(12, true),
    dictionary: JSON.parse(text) as T,
    start: bytes.byteOffset + align8(16 + textLength),
  };
}

/** Every flow of a block, its partners' rows in block order. */
export function decodeBlock(
  key: { reporter: string; year: number; flow: string },
  body: Uint8Array,
  detail: Uint8Array,
): BlockFlow[] {
  const b = readCell<{ partners: string; starts: number[]; codes: string }>(body, 'a trade flow block');
  const n = b.rows;
  let at = b.start;
  const int32 = (b.flags & valuesAsInt32) !== 0;
  const values = int32 ? new Int32Array(b.bytes.buffer, at, n) : new Float64Array(b.bytes.buffer, at, n);
  at += (int32 ? 4 : 8) * n;
  const uint16 = (b.flags & codesAsUint16) !== 0;
  const code = uint16 ? new Uint16Array(b.bytes.buffer, at, n) : new Uint32Array(b.bytes.buffer, at, n);
  at += (uint16 ? 2 : 4) * n;
  const slot = new Uint8Array(b.bytes.buffer, at, n);
  const list = (text: string) => (text === '' ? [] : text.split(','));
  const partners = list(b.dictionary.partners);
  const codes = list(b.dictionary.codes);

  const d = readCell<{ revisions: string[]; units: string[] }>(detail, 'a trade flow block’s detail');
  at = d.start;
  const quantity = new Float64Array(d.bytes.buffer, at, n);
  at += 8 * n;
  const line = new Uint32Array(d.bytes.buffer, at, n);
  at += 4 * n;
  const unit = new Uint16Array(d.bytes.buffer, at, n);
  at += 2 * n;
  const revision = new Uint8Array(d.bytes.buffer, at, n);

  const flows: BlockFlow[] = [];
  partners.forEach((partner, p) => {
    for (let i = b.dictionary.starts[p]!; i < b.dictionary.starts[p + 1]!; i += 1) {
      flows.push({
        line: line[i]!,
        period: key.year * 100 + slot[i]!,
        reporter: key.reporter,
        partner,
        flow: key.flow,
        hsCode: codes[code[i]!]!,
        hsRevision: d.dictionary.revisions[revision[i]!]!,
        valueCents: values[i]!,
        quantity: Number.isNaN(quantity[i]!) ? null : quantity[i]!,
        unit: unit[i] === noUnit ? null : d.dictionary.units[unit[i]!]!,
      });
    }
  });
  return flows;
}
