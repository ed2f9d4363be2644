import {
  bucketOf,
  encodeBlock,
  encodeSums,
  noUnit,
  slotOfPeriod,
  slotsPerYear,
  type BlockKey,
  type BlockDetail,
  type BlockRows,
  type FlowBlock,
  type FlowSums,
  type SumsKey,
  type SumsSide,
} from '../flow-blocks.ts';
import { FlowUnpacker, noText, type PackedFlows, type Slice } from './packed.ts';

/** Years 1950–2100, as periods are validated: 8 bits of a group key. */
const firstYear = 1950;

/** What one part of an import writes: its blocks, and the sums by month of every pair in them. */
export interface BlockPart {
  blocks: FlowBlock[];
  sums: FlowSums[];
}

/**
 * Gathers an import's packed rows into blocks (reporter, year, direction, partner bucket). Rows are only
 * tagged with their block as they come; `take` then orders them by block and partner with two counting
 * passes and encodes each block, so the cost per row is a few array writes whatever the number of blocks.
 */
export class FlowBlockBuilder {
  private batches: PackedFlows[] = [];
  private groupsOf: Int32Array[] = [];
  private keys: BlockKey[] = [];
  private byIds = new Map<number, number>();
  private byName = new Map<string, number>();
  /** The bucket of each partner text id met, -1 before. */
  private buckets = new Int8Array(0);
  rows = 0;

  /** `text`: the dictionary the batch's ids point into; it must not start afresh before `take`. */
  add(batch: PackedFlows, text: readonly string[]): void {
    if (this.buckets.length < text.length) {
      const grown = new Int8Array(Math.max(text.length, this.buckets.length * 2)).fill(-1);
      grown.set(this.buckets);
      this.buckets = grown;
    }
    const { count, flow: flows, partner: partners, reporter: reporters, period: periods } = batch;
    const buckets = this.buckets;
    const groups = new Int32Array(count);
    let lastKey = -1;
    let lastGroup = -1;
    let lastFlowId = -1;
    let lastFlowBit = 0;
    for (let i = 0; i < count; i += 1) {
      const flowId = flows[i]!;
      if (flowId !== lastFlowId) {
        lastFlowId = flowId;
        lastFlowBit = text[flowId] === 'X' ? 0 : 1;
      }
      const partner = partners[i]!;
      let bucket = buckets[partner]!;
      if (bucket < 0) {
        bucket = bucketOf(text[partner]!);
        buckets[partner] = bucket;
      }
      const year = Math.floor(periods[i]! / 100);
      const key = ((reporters[i]! * 256 + (year - firstYear)) * 2 + lastFlowBit) * 16 + bucket;
      if (key !== lastKey) {
        lastKey = key;
        lastGroup = this.groupOf(key, reporters[i]!, year, flowId, bucket, text);
      }
      groups[i] = lastGroup;
    }
    this.batches.push(batch);
    this.groupsOf.push(groups);
    this.rows += batch.count;
  }

  private groupOf(key: number, reporter: number, year: number, flow: number, bucket: number, text: readonly string[]) {
    let group = this.byIds.get(key);
    if (group === undefined) {
      const blockKey = { reporter: text[reporter]!, year, flow: text[flow]!, bucket };
      const name = `${blockKey.reporter}\t${year}\t${blockKey.flow}\t${bucket}`;
      group = this.byName.get(name);
      if (group === undefined) {
        group = this.keys.length;
        this.keys.push(blockKey);
        this.byName.set(name, group);
      }
      this.byIds.set(key, group);
    }
    return group;
  }

  /** Encodes the rows added since the last call into blocks and sums, and starts empty. */
  take(text: readonly string[]): BlockPart {
    const { fromBatch, fromRow, groupStarts } = this.ordered(text.length);
    let largest = 0;
    for (let g = 0; g < this.keys.length; g += 1) largest = Math.max(largest, groupStarts[g + 1]! - groupStarts[g]!);
    const scratch: BlockRows & BlockDetail & { valueCents: Float64Array; code: Uint32Array } = {
      count: 0,
      partners: [],
      starts: [],
      slot: new Uint8Array(largest),
      valueCents: new Float64Array(largest),
      quantity: new Float64Array(largest),
      line: new Uint32Array(largest),
      code: new Uint32Array(largest),
      codes: [],
      revision: new Uint8Array(largest),
      revisions: [],
      unit: new Uint16Array(largest),
      units: [],
    };
    const codeIndex = new LocalIndex(text.length);
    const revisionIndex = new LocalIndex(text.length);
    const unitIndex = new LocalIndex(text.length);
    const sums = new SumsCollector();
    const blocks: FlowBlock[] = [];
    const months = new Float64Array(slotsPerYear);
    const batches = this.batches;
    for (let g = 0; g < this.keys.length; g += 1) {
      const key = this.keys[g]!;
      const from = groupStarts[g]!;
      const n = groupStarts[g + 1]! - from;
      if (n === 0) continue;
      scratch.partners = [];
      scratch.starts = [];
      let partner = -1;
      let periods = 0;
      for (let k = 0; k < n; k += 1) {
        const batch = batches[fromBatch[from + k]!]!;
        const i = fromRow[from + k]!;
        if (batch.partner[i] !== partner) {
          if (partner >= 0) sums.add(key, text[partner]!, periods, months);
          months.fill(0);
          periods = 0;
          partner = batch.partner[i]!;
          scratch.partners.push(text[partner]!);
          scratch.starts.push(k);
        }
        const line = batch.line[i]!;
        if (line > 0xffffffff) throw new Error(`line ${line} is beyond what a trade flow block records`);
        const slot = slotOfPeriod(batch.period[i]!);
        const value = batch.valueCents[i]!;
        months[slot]! += value;
        periods |= 1 << slot;
        scratch.slot[k] = slot;
        scratch.valueCents[k] = value;
        scratch.quantity[k] = batch.quantity[i]!;
        scratch.line[k] = line;
        scratch.code[k] = codeIndex.of(batch.hsCode[i]!);
        scratch.revision[k] = revisionIndex.of(batch.hsRevision[i]!);
        const unit = batch.unit[i]!;
        scratch.unit[k] = unit === noText ? noUnit : unitIndex.of(unit);
      }
      sums.add(key, text[partner]!, periods, months);
      scratch.starts.push(n);
      scratch.count = n;
      scratch.codes = codeIndex.take(text);
      scratch.revisions = revisionIndex.take(text);
      scratch.units = unitIndex.take(text);
      blocks.push(encodeBlock(key, scratch));
    }
    this.batches = [];
    this.groupsOf = [];
    this.keys = [];
    this.byIds = new Map();
    this.byName = new Map();
    this.rows = 0;
    return { blocks, sums: sums.result() };
  }

  /** The rows in block order, partners in id order within a block: a counting pass by partner, then a stable one by block. */
  private ordered(textIds: number) {
    const total = this.rows;
    const batches = this.batches;
    const groupsOf = this.groupsOf;
    const partnerStarts = new Uint32Array(textIds + 1);
    for (const batch of batches) {
      const partners = batch.partner;
      for (let i = 0; i < batch.count; i += 1) partnerStarts[partners[i]! + 1]! += 1;
    }
    for (let p = 0; p < textIds; p += 1) partnerStarts[p + 1]! += partnerStarts[p]!;
    const byPartnerBatch = new Uint32Array(total);
    const byPartnerRow = new Uint32Array(total);
    for (let b = 0; b < batches.length; b += 1) {
      const partners = batches[b]!.partner;
      const count = batches[b]!.count;
      for (let i = 0; i < count; i += 1) {
        const at = partnerStarts[partners[i]!]!++;
        byPartnerBatch[at] = b;
        byPartnerRow[at] = i;
      }
    }
    const groupCount = this.keys.length;
    const groupStarts = new Uint32Array(groupCount + 1);
    for (const groups of groupsOf) for (let i = 0; i < groups.length; i += 1) groupStarts[groups[i]! + 1]! += 1;
    for (let g = 0; g < groupCount; g += 1) groupStarts[g + 1]! += groupStarts[g]!;
    const fill = groupStarts.slice(0, groupCount);
    const fromBatch = new Uint32Array(total);
    const fromRow = new Uint32Array(total);
    for (let k = 0; k < total; k += 1) {
      const b = byPartnerBatch[k]!;
      const i = byPartnerRow[k]!;
      const at = fill[groupsOf[b]![i]!]!++;
      fromBatch[at] = b;
      fromRow[at] = i;
    }
    return { fromBatch, fromRow, groupStarts };
  }
}

/** Collects each pair's sums by month twice: under its reporter and under its partner. */
class SumsCollector {
  private readonly rows = new Map<string, SumsRow>();

  add(block: BlockKey, partner: string, periods: number, months: Float64Array): void {
    this.row('reporter', block.reporter, block).push(partner, periods, months);
    this.row('partner', partner, block).push(block.reporter, periods, months);
  }

  private row(side: SumsSide, territory: string, block: BlockKey): SumsRow {
    const name = `${side}\t${territory}\t${block.year}\t${block.flow}`;
    let row = this.rows.get(name);
    if (!row) {
      row = new SumsRow({ side, territory, year: block.year, flow: block.flow });
      this.rows.set(name, row);
    }
    return row;
  }

  result(): FlowSums[] {
    return [...this.rows.values()].map((row) => ({
      ...row.key,
      counterparts: row.counterparts,
      periods: Uint32Array.from(row.periods),
      months: Float64Array.from(row.months),
    }));
  }
}

class SumsRow {
  readonly counterparts: string[] = [];
  readonly periods: number[] = [];
  readonly months: number[] = [];

  constructor(readonly key: SumsKey) {}

  push(counterpart: string, periods: number, months: Float64Array): void {
    this.counterparts.push(counterpart);
    this.periods.push(periods);
    for (let s = 0; s < slotsPerYear; s += 1) this.months.push(months[s]!);
  }
}

/** Numbers the texts one block uses from 0, reusing one array across blocks instead of a map per block. */
class LocalIndex {
  private readonly local: Int32Array;
  private used: number[] = [];

  constructor(size: number) {
    this.local = new Int32Array(size).fill(-1);
  }

  of(id: number): number {
    let at = this.local[id]!;
    if (at < 0) {
      at = this.used.length;
      this.local[id] = at;
      this.used.push(id);
    }
    return at;
  }

  /** The texts in local order; resets for the next block. */
  take(text: readonly string[]): string[] {
    const texts = this.used.map((id) => text[id]!);
    for (const id of this.used) this.local[id] = -1;
    this.used = [];
    return texts;
  }
}

/** The slices an import replaces, gathered by reporter, year and direction: a mask of the slots of each. */
export function slicesByBlock(
  slices: ReadonlyArray<{ reporter: string; period: number; flow: string }>,
): Array<{ reporter: string; year: number; flow: string; slots: number }> {
  const byBlock = new Map<string, { reporter: string; year: number; flow: string; slots: number }>();
  for (const s of slices) {
    const year = Math.floor(s.period / 100);
    const name = `${s.reporter}\t${year}\t${s.flow}`;
    const entry = byBlock.get(name) ?? { reporter: s.reporter, year, flow: s.flow, slots: 0 };
    entry.slots |= 1 << slotOfPeriod(s.period);
    byBlock.set(name, entry);
  }
  return [...byBlock.values()];
}

/** Rows an import holds in memory before writing them out as blocks: bounds memory on any file size. */
export const rowsPerPart = 4_000_000;

export type PartRows = ReturnType<typeof partRows>;

/**
 * An import's rows on their way to the database, for any writer: packed batches go in, and the rows of
 * a part come out every `rowsPerPart` rows (and before the dictionary starts afresh, since the rows held
 * point into it). With `clearSlices`, it notes the slices (reporter, period, direction) the import holds,
 * for the writer to take out of earlier imports at the end.
 */
export class ImportBlocks {
  private readonly unpacker = new FlowUnpacker();
  private readonly builder = new FlowBlockBuilder();
  private part = 0;
  readonly slices: Slice[] = [];

  constructor(private readonly keys: { datasetSeq: number; importSeq: number; clearSlices: boolean }) {}

  /** Takes a batch; returns the parts now due to be written, most often none. */
  add(batch: PackedFlows): PartRows[] {
    const due: PartRows[] = [];
    if (batch.resetText && this.builder.rows > 0) due.push(this.take());
    this.unpacker.learn(batch);
    if (this.keys.clearSlices) for (const s of this.unpacker.freshSlices(batch)) this.slices.push(s);
    this.builder.add(batch, this.unpacker.text);
    if (this.builder.rows >= rowsPerPart) due.push(this.take());
    return due;
  }

  /** The last part, when rows are left. */
  rest(): PartRows[] {
    return this.builder.rows > 0 ? [this.take()] : [];
  }

  private take(): PartRows {
    this.part += 1;
    return partRows(this.builder.take(this.unpacker.text), { ...this.keys, part: this.part });
  }
}

/** The rows a part adds to trade_flow_blocks and trade_flow_sums, by column name. */
export function partRows(part: BlockPart, keys: { datasetSeq: number; importSeq: number; part: number }) {
  return {
    blocks: part.blocks.map((b) => ({
      dataset_seq: keys.datasetSeq,
      reporter: b.reporter,
      year: b.year,
      flow: b.flow,
      bucket: b.bucket,
      import_seq: keys.importSeq,
      part: keys.part,
      row_count: b.rowCount,
      body: bytes(b.body),
      detail: bytes(b.detail),
    })),
    sums: part.sums.map((s) => ({
      dataset_seq: keys.datasetSeq,
      side: s.side,
      territory: s.territory,
      year: s.year,
      flow: s.flow,
      import_seq: keys.importSeq,
      part: keys.part,
      body: bytes(encodeSums(s)),
    })),
  };
}

/** Drivers take binary cells as Buffers; this wraps the bytes without copying them. */
export function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
