import {
  bucketOf,
  ByteArena,
  encodeBlock,
  partnerBuckets,
  encodeSums,
  noUnit,
  slotOfPeriod,
  slotsPerYear,
  type BlockKey,
  type FlowBlock,
  type SumsKey,
  type SumsSide,
} from '../flow-blocks.ts';
import { FlowUnpacker, noText, type PackedFlows } from './packed.ts';

/** Years 1950–2100, as periods are validated: 8 bits of a group key. */
const firstYear = 1950;

/** What one part of an import writes: its blocks, and the sums by month of every pair in them. */
export interface BlockPart {
  /** Rows in its blocks. */
  rows: number;
  blocks: FlowBlock[];
  sums: EncodedSums[];
  /** What the part holds, by reporter, year and direction: a mask of the slots. */
  slices: BlockSlices[];
  /** The buffers the blocks' and sums' bytes are views of. */
  buffers: ArrayBufferLike[];
}

export type EncodedSums = SumsKey & { body: Uint8Array };

/** The first and last period the slices hold (null for none). */
export function periodSpan(slices: readonly BlockSlices[]): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  for (const { year, slots } of slices) {
    // The lowest and highest slot set: slots are the months 1–12, or 0 for the whole year.
    from = Math.min(from, year * 100 + 31 - Math.clz32(slots & -slots));
    to = Math.max(to, year * 100 + 31 - Math.clz32(slots));
  }
  return from <= to ? { from, to } : null;
}

export interface BlockSlices {
  reporter: string;
  year: number;
  flow: string;
  slots: number;
}

/** Where a batch's line numbers start: added to them when its rows are encoded, known by then. */
export interface LineBase {
  base: number;
}

const absoluteLines: LineBase = { base: 0 };

/** A growable column of 32-bit integers. */
class IntColumn {
  values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  clear(): void {
    this.length = 0;
  }
}

/** Block g of a part laid out: its cells' rows read into columns, summed, and encoded. */
function encodedBlock(
  g: number,
  layout: {
    blockKeys: BlockKey[];
    cellsFrom: Int32Array;
    cellOrder: Int32Array;
    cellRows: Int32Array;
    cellKeys: Int32Array;
  },
  columns: BlockColumns,
  sums: SumsLayout,
  arena: ByteArena,
  text: readonly string[],
): FlowBlock {
  const { blockKeys, cellsFrom, cellOrder, cellRows, cellKeys } = layout;
  const key = blockKeys[g]!;
  let count = 0;
  columns.start();
  const partners: string[] = [];
  const starts: number[] = [];
  for (let k = cellsFrom[g]!; k < cellsFrom[g + 1]!; k += 1) {
    const c = cellOrder[k]!;
    const partner = text[cellKeys[4 * c + 1]!]!;
    partners.push(partner);
    starts.push(count);
    const periods = columns.copy(c, count);
    count += cellRows[c]!;
    sums.add(c, key.reporter, partner, periods, columns.months);
  }
  starts.push(count);
  return encodeBlock(key, { ...columns.rows(text), count, partners, starts }, arena);
}

/** Where the batch's runs of one reporter, partner, direction and year start; returns how many there are. */
function runsOf(batch: PackedFlows, runStart: Int32Array): number {
  const { count, flow: flows, partner: partners, reporter: reporters, period: periods } = batch;
  let runs = 0;
  let yearFrom = 0;
  let yearTo = 0;
  for (let i = 0; i < count; i += 1) {
    const period = periods[i]!;
    if (
      i > 0 &&
      partners[i] === partners[i - 1] &&
      reporters[i] === reporters[i - 1] &&
      flows[i] === flows[i - 1] &&
      period >= yearFrom &&
      period < yearTo
    )
      continue;
    yearFrom = period - (period % 100);
    yearTo = yearFrom + 100;
    runStart[runs] = i;
    runs += 1;
  }
  return runs;
}

/** A batch held until its part is taken, with its runs: where each starts and its cell. */
interface HeldBatch {
  batch: PackedFlows;
  lines: LineBase;
  runs: number;
  runStart: Int32Array;
  runCell: Int32Array;
}

/**
 * Gathers an import's packed rows into blocks (reporter, year, direction, partner bucket), grouped by
 * partner within a block. Trade files come in runs of rows of one reporter, partner and year (BACI and
 * customs tables are sorted that way), so rows are noted as runs as they come, a cell (a pair's year in
 * one direction) looked up once a run. `take` groups the cells by block and each cell's runs, then reads
 * every block's rows run by run into its columns and sums: the reading jumps once a run, not once a row.
 */
export class FlowBlockBuilder {
  private readonly held: HeldBatch[] = [];
  private readonly cellRows = new IntColumn();
  /** Reporter, partner, flow and year of each cell, four numbers a cell. */
  private readonly cellKeys = new IntColumn();
  /** Cells by reporter, year and direction, then by partner. */
  private readonly cells = new Map<number, Map<number, number>>();
  private sumsMonths = new Float64Array(0);
  rows = 0;

  /** `sharedMemory`: parts are encoded into shared memory, for threads to pass on (see `movable`). */
  constructor(private readonly sharedMemory = false) {}

  /**
   * `text`: the dictionary the batch's ids point into; it must not start afresh before `take`.
   * `lines`: added to the batch's line numbers, and may be set any time before `take`.
   */
  add(batch: PackedFlows, text: readonly string[], lines: LineBase = absoluteLines): void {
    const runStart = new Int32Array(batch.count);
    const runs = runsOf(batch, runStart);
    const runCell = new Int32Array(runs);
    this.noteRuns(batch, runStart, runs, runCell, text);
    this.held.push({ batch, lines, runs, runStart: runStart.slice(0, runs), runCell });
    this.rows += batch.count;
  }

  /**
   * Finds the cell of each run and counts its rows. A loop in a method of its own, like the other hot
   * loops here: the engine compiles a loop it finds hot with what follows it, and code after a loop not
   * yet run has nothing to go by, so it was thrown away and compiled again at the loop's first end.
   */
  private noteRuns(
    batch: PackedFlows,
    runStart: Int32Array,
    runs: number,
    runCell: Int32Array,
    text: readonly string[],
  ): void {
    const { count, flow: flows, partner: partners, reporter: reporters, period: periods } = batch;
    const cellRows = this.cellRows;
    let context = -1;
    let byPartner: Map<number, number> | undefined;
    for (let r = 0; r < runs; r += 1) {
      const i = runStart[r]!;
      const reporter = reporters[i]!;
      const flow = flows[i]!;
      const year = Math.floor(periods[i]! / 100);
      const rowContext = (reporter * 256 + (year - firstYear)) * 2 + (text[flow] === 'X' ? 0 : 1);
      if (rowContext !== context) {
        context = rowContext;
        byPartner = this.cells.get(context);
        if (!byPartner) this.cells.set(context, (byPartner = new Map()));
      }
      const partner = partners[i]!;
      let cell = byPartner!.get(partner);
      if (cell === undefined) {
        cell = this.newCell(reporter, partner, flow, year);
        byPartner!.set(partner, cell);
      }
      runCell[r] = cell;
      cellRows.values[cell]! += (r + 1 < runs ? runStart[r + 1]! : count) - i;
    }
  }

  private newCell(reporter: number, partner: number, flow: number, year: number): number {
    const cell = this.cellRows.length;
    this.cellRows.push(0);
    this.cellKeys.push(reporter);
    this.cellKeys.push(partner);
    this.cellKeys.push(flow);
    this.cellKeys.push(year);
    return cell;
  }

  /**
   * Encodes the rows added since the last call into blocks and sums, and starts empty. `spare`: buffers
   * of parts already written, to encode into again.
   */
  take(text: readonly string[], spare: ArrayBufferLike[] = []): BlockPart {
    const cellCount = this.cellRows.length;
    const cellRows = this.cellRows.values;
    const cellKeys = this.cellKeys.values;
    const { blockOfCell, blockKeys } = blocksOfCells(cellKeys, cellCount, text);
    const { cellsFrom, cellOrder } = cellsByBlock(blockOfCell, cellCount, blockKeys.length);
    const layout = { blockKeys, cellsFrom, cellOrder, cellRows, cellKeys };
    const columns = new BlockColumns(largestBlock(layout), text.length, this.held, cellCount);
    // The months of every cell twice are tens of megabytes a part: allocated afresh each time, they came
    // back to the system late, a little later each part.
    if (this.sumsMonths.length < 2 * cellCount * slotsPerYear) {
      this.sumsMonths = new Float64Array(Math.ceil(2 * cellCount * slotsPerYear * 1.25));
    }
    const sums = new SumsLayout(layout, cellCount, text, this.sumsMonths);
    const arena = new ByteArena(spare, undefined, this.sharedMemory);
    const blocks = encodedBlocks(layout, columns, sums, arena, text);
    // Emptied, not replaced: code compiled for these fields is kept only while they hold the same object.
    this.held.length = 0;
    this.cellRows.clear();
    this.cellKeys.clear();
    this.cells.clear();
    const rows = this.rows;
    this.rows = 0;
    return { rows, blocks, ...sums.result(arena), buffers: arena.buffers };
  }
}

/** The block of each cell, blocks numbered as first met. */
function blocksOfCells(cellKeys: Int32Array, cellCount: number, text: readonly string[]) {
  const blockOfCell = new Int32Array(cellCount);
  const blockIds = new Map<number, number>();
  const blockKeys: BlockKey[] = [];
  const bucketOfText = new Int8Array(text.length).fill(-1);
  for (let c = 0; c < cellCount; c += 1) {
    const reporter = cellKeys[4 * c]!;
    const partner = cellKeys[4 * c + 1]!;
    const flow = cellKeys[4 * c + 2]!;
    const year = cellKeys[4 * c + 3]!;
    let bucket = bucketOfText[partner]!;
    if (bucket < 0) bucketOfText[partner] = bucket = bucketOf(text[partner]!);
    const key = ((reporter * partnerBuckets + bucket) * 256 + (year - firstYear)) * 2 + (text[flow] === 'X' ? 0 : 1);
    let block = blockIds.get(key);
    if (block === undefined) {
      block = blockKeys.length;
      blockIds.set(key, block);
      blockKeys.push({ reporter: text[reporter]!, year, flow: text[flow]!, bucket });
    }
    blockOfCell[c] = block;
  }
  return { blockOfCell, blockKeys };
}

/** The cells grouped by block, in the order met within each: block g's are [cellsFrom[g], cellsFrom[g + 1]) of cellOrder. */
function cellsByBlock(blockOfCell: Int32Array, cellCount: number, blockCount: number) {
  const cellsFrom = new Int32Array(blockCount + 1);
  for (let c = 0; c < cellCount; c += 1) cellsFrom[blockOfCell[c]! + 1]! += 1;
  for (let g = 0; g < blockCount; g += 1) cellsFrom[g + 1]! += cellsFrom[g]!;
  const cellOrder = new Int32Array(cellCount);
  const cellFill = cellsFrom.slice(0, blockCount);
  for (let c = 0; c < cellCount; c += 1) cellOrder[cellFill[blockOfCell[c]!]!++] = c;
  return { cellsFrom, cellOrder };
}

/** Rows in the largest block. */
function largestBlock(layout: { cellsFrom: Int32Array; cellOrder: Int32Array; cellRows: Int32Array }): number {
  const { cellsFrom, cellOrder, cellRows } = layout;
  let largest = 0;
  for (let g = 0; g + 1 < cellsFrom.length; g += 1) {
    let rows = 0;
    for (let k = cellsFrom[g]!; k < cellsFrom[g + 1]!; k += 1) rows += cellRows[cellOrder[k]!]!;
    largest = Math.max(largest, rows);
  }
  return largest;
}

function encodedBlocks(
  layout: Parameters<typeof encodedBlock>[1],
  columns: BlockColumns,
  sums: SumsLayout,
  arena: ByteArena,
  text: readonly string[],
): FlowBlock[] {
  const blocks: FlowBlock[] = [];
  for (let g = 0; g < layout.blockKeys.length; g += 1) blocks.push(encodedBlock(g, layout, columns, sums, arena, text));
  return blocks;
}

/** Turns each cell's row numbers in `at` into its places in them, in the order the blocks are encoded. */
function placeCells(
  at: Int32Array,
  fill: Int32Array,
  layout: { blockKeys: BlockKey[]; cellsFrom: Int32Array; cellOrder: Int32Array },
): void {
  const { blockKeys, cellsFrom, cellOrder } = layout;
  for (let g = 0; g < blockKeys.length; g += 1) {
    for (let k = cellsFrom[g]!; k < cellsFrom[g + 1]!; k += 1) {
      const c = cellOrder[k]!;
      at[2 * c] = fill[at[2 * c]!]!++;
      at[2 * c + 1] = fill[at[2 * c + 1]!]!++;
    }
  }
}

/**
 * Each pair's sums by month, kept twice: under its reporter and under its partner. The rows (territory,
 * year, direction, side) and the place of every cell's counterpart in them are laid out from the cells
 * before any block is encoded, in the order blocks are encoded, so the months of a cell go straight into
 * one array: rows that grew cell by cell made three times their size in garbage and were copied again.
 */
class SumsLayout {
  private readonly keys: SumsKey[] = [];
  /** Row r's counterparts are [from[r], from[r + 1]) of `counterparts`, `periods` and `months` (by 13). */
  private readonly from: Int32Array;
  /** Where cell c's sums go: 2c under its reporter, 2c + 1 under its partner. */
  private readonly at: Int32Array;
  private readonly counterparts: string[];
  private readonly periods: Uint32Array;
  private readonly months: Float64Array;

  constructor(
    layout: { blockKeys: BlockKey[]; cellsFrom: Int32Array; cellOrder: Int32Array; cellKeys: Int32Array },
    cells: number,
    text: readonly string[],
    /** Room for the months, kept from part to part; each cell's are all written. */
    months: Float64Array,
  ) {
    this.at = new Int32Array(2 * cells);
    const counts = this.numberRows(layout, text);
    this.from = new Int32Array(counts.length + 1);
    for (let r = 0; r < counts.length; r += 1) this.from[r + 1] = this.from[r]! + counts[r]!;
    placeCells(this.at, this.from.slice(0, counts.length), layout);
    this.counterparts = new Array<string>(2 * cells);
    this.periods = new Uint32Array(2 * cells);
    this.months = months;
  }

  /** Numbers the rows (by territory text id, year and direction) and puts each cell's in `at`; returns their sizes. */
  private numberRows(
    layout: { blockKeys: BlockKey[]; cellsFrom: Int32Array; cellOrder: Int32Array; cellKeys: Int32Array },
    text: readonly string[],
  ): number[] {
    const { blockKeys, cellsFrom, cellOrder, cellKeys } = layout;
    const ids = new Map<number, number>();
    const counts: number[] = [];
    const rowOf = (key: number, side: SumsSide, territory: string, block: BlockKey) => {
      let row = ids.get(key);
      if (row === undefined) {
        row = this.keys.length;
        ids.set(key, row);
        this.keys.push({ side, territory, year: block.year, flow: block.flow });
        counts.push(0);
      }
      counts[row]! += 1;
      return row;
    };
    for (let g = 0; g < blockKeys.length; g += 1) {
      const block = blockKeys[g]!;
      const context = (block.year - firstYear) * 2 + (block.flow === 'X' ? 0 : 1);
      for (let k = cellsFrom[g]!; k < cellsFrom[g + 1]!; k += 1) {
        const c = cellOrder[k]!;
        const partner = cellKeys[4 * c + 1]!;
        this.at[2 * c] = rowOf((cellKeys[4 * c]! * 256 * 2 + context) * 2, 'reporter', block.reporter, block);
        this.at[2 * c + 1] = rowOf((partner * 256 * 2 + context) * 2 + 1, 'partner', text[partner]!, block);
      }
    }
    return counts;
  }

  /** Cell c's sums by slot, of `reporter` with `partner`. */
  add(c: number, reporter: string, partner: string, periods: number, months: Float64Array): void {
    const own = this.at[2 * c]!;
    const theirs = this.at[2 * c + 1]!;
    this.counterparts[own] = partner;
    this.counterparts[theirs] = reporter;
    this.periods[own] = periods;
    this.periods[theirs] = periods;
    for (let s = 0; s < slotsPerYear; s += 1) {
      this.months[own * slotsPerYear + s] = months[s]!;
      this.months[theirs * slotsPerYear + s] = months[s]!;
    }
  }

  /** The rows encoded, and the slices (reporter, year, direction, slots) they hold. */
  result(arena: ByteArena): Pick<BlockPart, 'sums' | 'slices'> {
    const sums: EncodedSums[] = [];
    const slices: BlockSlices[] = [];
    this.keys.forEach((key, r) => {
      const from = this.from[r]!;
      const to = this.from[r + 1]!;
      const periods = this.periods.subarray(from, to);
      const body = encodeSums(
        {
          counterparts: this.counterparts.slice(from, to),
          periods,
          months: this.months.subarray(from * slotsPerYear, to * slotsPerYear),
        },
        arena,
      );
      sums.push({ ...key, body });
      if (key.side !== 'reporter') return;
      let slots = 0;
      for (let p = 0; p < periods.length; p += 1) slots |= periods[p]!;
      slices.push({ reporter: key.territory, year: key.year, flow: key.flow, slots });
    });
    return { sums, slices };
  }
}

/** The runs of the held batches grouped by cell, keeping the file's order within each (a counting sort). */
function runsByCell(held: readonly HeldBatch[], cells: number) {
  const runsFrom = new Int32Array(cells + 1);
  let runs = 0;
  for (const batch of held) {
    countRuns(batch.runCell, batch.runs, runsFrom);
    runs += batch.runs;
  }
  for (let c = 0; c < cells; c += 1) runsFrom[c + 1]! += runsFrom[c]!;
  const runBatch = new Int32Array(runs);
  const runIndex = new Int32Array(runs);
  const fill = runsFrom.slice(0, cells);
  held.forEach((batch, b) => placeRuns(batch.runCell, batch.runs, b, fill, runBatch, runIndex));
  return { runsFrom, runBatch, runIndex };
}

function countRuns(runCell: Int32Array, runs: number, runsFrom: Int32Array): void {
  for (let r = 0; r < runs; r += 1) runsFrom[runCell[r]! + 1]! += 1;
}

function placeRuns(
  runCell: Int32Array,
  runs: number,
  b: number,
  fill: Int32Array,
  runBatch: Int32Array,
  runIndex: Int32Array,
): void {
  for (let r = 0; r < runs; r += 1) {
    const at = fill[runCell[r]!]!++;
    runBatch[at] = b;
    runIndex[at] = r;
  }
}

/**
 * One block's columns, read from the part's batches a cell at a time: a small method the engine
 * optimises once, where a loop inside one long function ran unoptimised after every deoptimisation.
 */
class BlockColumns {
  readonly slot: Uint8Array;
  readonly valueCents: Float64Array;
  readonly code: Uint32Array;
  readonly quantity: Float64Array;
  readonly line: Uint32Array;
  readonly revision: Uint8Array;
  readonly unit: Uint16Array;
  readonly months = new Float64Array(slotsPerYear);
  /** Each cell's runs, in file order: [runsFrom[c], runsFrom[c + 1]) of `runBatch` and `runIndex`. */
  private readonly runsFrom: Int32Array;
  private readonly runBatch: Int32Array;
  private readonly runIndex: Int32Array;
  private readonly codes: LocalIndex;
  private readonly revisions: LocalIndex;
  private readonly units: LocalIndex;
  // Revision and unit are most often the same row after row: their last look-up is kept.
  private revisionId = -1;
  private revisionAt = 0;
  private unitId = -1;
  private unitAt = 0;

  constructor(
    largest: number,
    textIds: number,
    private readonly held: HeldBatch[],
    cells: number,
  ) {
    this.slot = new Uint8Array(largest);
    this.valueCents = new Float64Array(largest);
    this.code = new Uint32Array(largest);
    this.quantity = new Float64Array(largest);
    this.line = new Uint32Array(largest);
    this.revision = new Uint8Array(largest);
    this.unit = new Uint16Array(largest);
    ({ runsFrom: this.runsFrom, runBatch: this.runBatch, runIndex: this.runIndex } = runsByCell(held, cells));
    this.codes = new LocalIndex(textIds);
    this.revisions = new LocalIndex(textIds);
    this.units = new LocalIndex(textIds);
  }

  start(): void {
    this.revisionId = -1;
    this.unitId = -1;
  }

  /** Copies cell c's rows to the block's rows from `at`; sums them by slot into `months`; returns the slots met. */
  copy(c: number, at: number): number {
    this.months.fill(0);
    let periods = 0;
    for (let k = this.runsFrom[c]!; k < this.runsFrom[c + 1]!; k += 1) {
      const { batch, lines, runs, runStart } = this.held[this.runBatch[k]!]!;
      const r = this.runIndex[k]!;
      const from = runStart[r]!;
      const to = r + 1 < runs ? runStart[r + 1]! : batch.count;
      periods |= this.copyRun(batch, lines.base, from, to, at);
      at += to - from;
    }
    return periods;
  }

  private copyRun(batch: PackedFlows, base: number, from: number, to: number, at: number): number {
    const { months, valueCents } = this;
    const { line, period, valueCents: values, quantity, hsCode, hsRevision, unit: units } = batch;
    let periods = 0;
    for (let r = from, i = at; r < to; r += 1, i += 1) {
      const value = values[r]!;
      const slot = slotOfPeriod(period[r]!);
      months[slot]! += value;
      periods |= 1 << slot;
      valueCents[i] = value;
      this.quantity[i] = quantity[r]!;
      const rowLine = base + line[r]!;
      if (rowLine > 0xffffffff) throw new Error(`line ${rowLine} is beyond what a trade flow block records`);
      this.line[i] = rowLine;
      this.code[i] = this.codes.of(hsCode[r]!);
      const revision = hsRevision[r]!;
      if (revision !== this.revisionId) this.revisionAt = this.revisions.of((this.revisionId = revision));
      this.revision[i] = this.revisionAt;
      const unit = units[r]!;
      if (unit !== this.unitId) this.unitAt = (this.unitId = unit) === noText ? noUnit : this.units.of(unit);
      this.unit[i] = this.unitAt;
      this.slot[i] = slot;
    }
    return periods;
  }

  /** The block's columns and dictionaries; the local numbering starts afresh for the next block. */
  rows(text: readonly string[]) {
    return {
      slot: this.slot,
      valueCents: this.valueCents,
      code: this.code,
      quantity: this.quantity,
      line: this.line,
      revision: this.revision,
      unit: this.unit,
      codes: this.codes.take(text),
      revisions: this.revisions.take(text),
      units: this.units.take(text),
    };
  }
}

/** Numbers the texts one block uses from 0, reusing one array across blocks instead of a map per block. */
class LocalIndex {
  private readonly local: Int32Array;
  /** The ids met, in local order: an array that grew block after block was most of a part's garbage. */
  private readonly used: Int32Array;
  private count = 0;

  constructor(size: number) {
    this.local = new Int32Array(size).fill(-1);
    this.used = new Int32Array(size);
  }

  of(id: number): number {
    let at = this.local[id]!;
    if (at < 0) {
      at = this.count++;
      this.local[id] = at;
      this.used[at] = id;
    }
    return at;
  }

  /** The texts in local order; resets for the next block. */
  take(text: readonly string[]): string[] {
    const texts = new Array<string>(this.count);
    for (let at = 0; at < this.count; at += 1) {
      const id = this.used[at]!;
      texts[at] = text[id]!;
      this.local[id] = -1;
    }
    this.count = 0;
    return texts;
  }
}

/** Rows an import holds in memory before writing them out as blocks: bounds memory on any file size. */
export const rowsPerPart = 4_000_000;

export type PartRows = ReturnType<typeof partRows>;

/**
 * An import's rows on their way to the database, for any writer: packed batches go in, and the rows of
 * a part come out every `rowsPerPart` rows (and before the dictionary starts afresh, since the rows held
 * point into it); parts built elsewhere (by the threads reading a big file) come in numbered along.
 * It gathers the slices (reporter, year, direction, slots) the import holds, for the writer to take
 * out of earlier imports at the end.
 */
export class ImportBlocks {
  private readonly unpacker = new FlowUnpacker();
  private readonly builder = new FlowBlockBuilder();
  private part = 0;
  private readonly held = new Map<string, BlockSlices>();

  constructor(private readonly keys: { datasetSeq: number; importSeq: number }) {}

  /** Takes a batch; returns the parts now due to be written, most often none. */
  add(batch: PackedFlows): PartRows[] {
    const due: PartRows[] = [];
    if (batch.resetText && this.builder.rows > 0) due.push(this.take());
    this.unpacker.learn(batch);
    this.builder.add(batch, this.unpacker.text);
    if (this.builder.rows >= rowsPerPart) due.push(this.take());
    return due;
  }

  /** A part built elsewhere, numbered as the next one. */
  addPart(part: BlockPart): PartRows {
    for (const s of part.slices) {
      const name = `${s.reporter}\t${s.year}\t${s.flow}`;
      const entry = this.held.get(name);
      if (entry) entry.slots |= s.slots;
      else this.held.set(name, { ...s });
    }
    this.part += 1;
    return partRows(part, { ...this.keys, part: this.part });
  }

  /** The last part, when rows are left. */
  rest(): PartRows[] {
    return this.builder.rows > 0 ? [this.take()] : [];
  }

  /** The slices the import's parts hold. */
  get slices(): BlockSlices[] {
    return [...this.held.values()];
  }

  private take(): PartRows {
    return this.addPart(this.builder.take(this.unpacker.text));
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
      body: bytes(s.body),
    })),
  };
}

/** Drivers take binary cells as Buffers; this wraps the bytes without copying them. */
export function bytes(data: Uint8Array): Buffer {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
}
