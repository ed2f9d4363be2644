import fs from 'node:fs';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../core/workers.ts';
import type { ParsedBatch, RowProblem } from '../model.ts';
import { BaciRecords, parseBaci, type BaciOptions } from './baci.ts';
import { BatchBuilder, RowCheck, headerKey, type CellCache, type FlowParser } from './common.ts';
import { fieldRole, type ChunkRows, type FileChunk } from './baci-lines.ts';
import { noText, type PackedFlows } from './packed.ts';

export type FastCall = { type: 'ack' };
export type FastMessage = { type: 'chunk'; index: number; rows: ChunkRows };

export interface ThreadedReading {
  /** Files from this size on are read by several threads; below it, starting them costs more than it saves. */
  from: number;
  /** Bytes a thread reads at once: large enough to keep it busy, small enough to bound memory. */
  chunkBytes: number;
}

const threadedReading: ThreadedReading = { from: 16 * 1024 * 1024, chunkBytes: 8 * 1024 * 1024 };

/**
 * BACI files are big (hundreds of millions of lines) and plain: digits, commas and newlines. A file like
 * that is cut into chunks at line ends and read by one thread per core into columns of numbers; this
 * thread checks each distinct period, country and code once, as the full reader does, and builds the
 * packed batches. Any line that is not plain digits where they belong goes through the full reader's
 * checks, so a bad cell gets the same report. A gzipped file, another separator, or quotes anywhere
 * (a quoted field may span lines) make the whole file go through the full reader instead.
 */
export function parseBaciFast(
  file: string,
  options: BaciOptions = {},
  reading: ThreadedReading = threadedReading,
): FlowParser {
  return async function* (input) {
    const plan = planChunks(file, reading);
    if (!plan) {
      yield* parseBaci(options)(input);
      return;
    }
    // The pipeline hashes and counts what goes through `input`, while the threads read the file
    // themselves: `input` is read as far as the rows handed on, so the progress it shows is theirs.
    const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
    let consumed = 0;
    const consumeTo = async (offset: number) => {
      while (consumed < offset) {
        const next = await source.next();
        if (next.done) return;
        consumed += next.value.length;
      }
    };
    const threads = readingThreads(file, plan);
    if (!threads) {
      const drained = consumeTo(Infinity);
      drained.catch(() => undefined);
      yield* parseBaci(options)(fs.createReadStream(file, { highWaterMark: 1 << 20 }));
      await drained;
      return;
    }
    try {
      const records = new BaciRecords(options);
      records.header(plan.header);
      const packer = new FastPacker(records);
      for await (const { rows, end } of threads.chunks()) {
        await consumeTo(end);
        yield packer.batch(rows);
      }
      await consumeTo(Infinity);
    } finally {
      threads.stop();
    }
  };
}

/** The header and the chunks of a plain comma-separated file, or null when the full reader must read it. */
function planChunks(
  file: string,
  reading: ThreadedReading,
): { header: string[]; chunks: FileChunk[]; roles: number[] } | null {
  const size = fs.statSync(file).size;
  if (size < reading.from) return null;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const got = fs.readSync(fd, head, 0, head.length, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return null;
    const newline = head.subarray(0, got).indexOf(10);
    if (newline < 0) return null;
    const headerText = head
      .subarray(0, newline)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .replace(/\r$/, '');
    if (headerText.includes('"') || !headerText.includes(',') || /[;\t]/.test(headerText)) return null;
    const header = headerText.split(',');
    const roleOf: Record<string, number> = {
      t: fieldRole.t,
      i: fieldRole.i,
      j: fieldRole.j,
      k: fieldRole.k,
      v: fieldRole.v,
      q: fieldRole.q,
    };
    const taken = new Set<string>();
    const roles = header.map((name) => {
      const key = headerKey(name);
      if (taken.has(key) || !(key in roleOf)) return fieldRole.ignore;
      taken.add(key);
      return roleOf[key]!;
    });
    const chunks: FileChunk[] = [];
    let start = newline + 1;
    const probe = Buffer.alloc(1024 * 1024);
    while (start < size) {
      let end = Math.min(size, start + reading.chunkBytes);
      while (end < size) {
        const read = fs.readSync(fd, probe, 0, probe.length, end);
        const at = probe.subarray(0, read).indexOf(10);
        if (at >= 0) {
          end += at + 1;
          break;
        }
        end += read;
      }
      chunks.push({ index: chunks.length, start, end });
      start = end;
    }
    return { header, chunks, roles };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Starts the reading threads on their chunks (every n-th) and, meanwhile, looks for quotes: a quoted field
 * may span lines, which only the full reader follows. Null when there is one.
 */
function readingThreads(file: string, plan: { chunks: FileChunk[]; roles: number[]; header: string[] }) {
  const threads = Math.max(1, Math.min(os.availableParallelism(), plan.chunks.length));
  const workers: Worker[] = [];
  const arrived = new Map<number, ChunkRows>();
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  for (let w = 0; w < threads; w += 1) {
    const worker = startWorker(new URL('./baci-fast-worker.ts', import.meta.url), {
      file,
      chunks: plan.chunks.filter((chunk) => chunk.index % threads === w),
      roles: plan.roles,
      width: plan.header.length,
    });
    worker.on('message', (message: FastMessage) => {
      arrived.set(message.index, message.rows);
      wake?.();
    });
    const stop = (error: Error) => {
      failure ??= error;
      wake?.();
    };
    worker.on('error', stop);
    worker.on('exit', (code) => {
      if (code !== 0) stop(new Error(`a BACI reading thread stopped (exit code ${code})`));
    });
    workers.push(worker);
  }
  const stop = () => {
    for (const worker of workers) void worker.terminate();
  };
  if (plan.chunks.length === 0 || holdsQuote(file, plan.chunks[0]!.start)) {
    stop();
    return null;
  }
  return {
    stop,
    /** The chunks in file order, so rejected rows are reported in the order of the file. */
    async *chunks(): AsyncGenerator<{ rows: ChunkRows; end: number }> {
      for (let index = 0; index < plan.chunks.length; index += 1) {
        while (!arrived.has(index)) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
        const rows = arrived.get(index)!;
        arrived.delete(index);
        workers[index % threads]!.postMessage({ type: 'ack' } satisfies FastCall);
        yield { rows, end: plan.chunks[index]!.end };
      }
    },
  };
}

function holdsQuote(file: string, from: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(threadedReading.chunkBytes);
    for (let at = from; ;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, at);
      if (read === 0) return false;
      if (buffer.subarray(0, read).indexOf(34) >= 0) return true;
      at += read;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Numeric codes already checked: 0 not yet, the text id + 1 when fine, -1 when refused. */
class CheckedCodes {
  private readonly small = new Int32Array(1 << 20);
  private readonly large = new Map<number, number>();

  constructor(
    private readonly cache: CellCache<string>,
    private readonly textOf: (code: number) => string,
    private readonly id: (text: string) => number,
  ) {}

  /** The text id of a code, or -1 when it is refused (`problems` then tells why, for the row). */
  of(code: number): number {
    let state = code < this.small.length ? this.small[code]! : (this.large.get(code) ?? 0);
    if (state === 0) {
      const value = this.cache.read(new RowCheck(0), this.textOf(code));
      state = value === null ? -1 : this.id(value) + 1;
      if (code < this.small.length) this.small[code] = state;
      else this.large.set(code, state);
    }
    return state - 1;
  }

  problems(row: RowCheck, code: number): void {
    this.cache.read(row, this.textOf(code));
  }
}

/** Turns the threads' numbers into packed batches, with one dictionary for the whole file. */
class FastPacker {
  private readonly texts: string[] = [];
  private readonly ids = new Map<string, number>();
  private sent = 0;
  private readonly exporters: CheckedCodes;
  private readonly importers: CheckedCodes;
  private readonly products: CheckedCodes;
  private readonly otherProducts: CheckedCodes;
  private readonly periods = new Map<number, number>();

  constructor(private readonly records: BaciRecords) {
    const id = (text: string) => this.id(text);
    this.exporters = new CheckedCodes(records.exporters, String, id);
    this.importers = new CheckedCodes(records.importers, String, id);
    this.products = new CheckedCodes(records.products, (code) => String(code).padStart(6, '0'), id);
    // Codes of other lengths by code and digit count in one number, as leading zeros tell them apart.
    this.otherProducts = new CheckedCodes(
      records.products,
      (key) => String(Math.floor(key / 16)).padStart(key % 16, '0'),
      id,
    );
  }

  private id(text: string): number {
    let at = this.ids.get(text);
    if (at === undefined) {
      at = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, at);
    }
    return at;
  }

  private period(t: number): number {
    let period = this.periods.get(t);
    if (period === undefined) {
      period = this.records.periods.read(new RowCheck(0), String(t)) ?? -1;
      this.periods.set(t, period);
    }
    return period;
  }

  /** The line number of the chunk's first line: threads number lines from 0 within their chunk. */
  private firstLine = 2;

  batch(rows: ChunkRows): ParsedBatch {
    const base = this.firstLine;
    this.firstLine += rows.lines;
    const odd = new BatchBuilder();
    for (const { line, text } of rows.odd) {
      const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (raw.length > 0) this.records.read(base + line, raw.split(','), odd);
    }
    const capacity = rows.count + odd.rows.length;
    const packed: PackedFlows = {
      count: 0,
      resetText: false,
      newText: [],
      line: new Float64Array(capacity),
      period: new Int32Array(capacity),
      valueCents: new Float64Array(capacity),
      quantity: new Float64Array(capacity),
      reporter: new Uint32Array(capacity),
      partner: new Uint32Array(capacity),
      flow: new Uint32Array(capacity),
      hsCode: new Uint32Array(capacity),
      hsRevision: new Uint32Array(capacity),
      unit: new Uint32Array(capacity),
    };
    const problems: RowProblem[] = [];
    const exports = this.id('X');
    const revision = this.id(this.records.hsRevision);
    const tonnes = this.id('t');
    let n = 0;
    let lastT = -1;
    let period = -1;
    for (let r = 0; r < rows.count; r += 1) {
      const t = rows.t[r]!;
      if (t !== lastT) {
        lastT = t;
        period = this.period(t);
      }
      const i = rows.i[r]!;
      const j = rows.j[r]!;
      const sixDigits = rows.kDigits[r] === 6;
      const products = sixDigits ? this.products : this.otherProducts;
      const k = sixDigits ? rows.k[r]! : rows.k[r]! * 16 + rows.kDigits[r]!;
      const reporter = this.exporters.of(i);
      const partner = this.importers.of(j);
      const product = products.of(k);
      if (period < 0 || reporter < 0 || partner < 0 || product < 0) {
        // The checks again, now for this line, so its problems come in the order the full reader gives.
        const row = new RowCheck(base + rows.line[r]!);
        this.records.periods.read(row, String(t));
        this.exporters.problems(row, i);
        this.importers.problems(row, j);
        products.problems(row, k);
        problems.push(...row.problems);
        continue;
      }
      const quantity = rows.quantity[r]!;
      packed.line[n] = base + rows.line[r]!;
      packed.period[n] = period;
      packed.valueCents[n] = rows.valueCents[r]!;
      packed.quantity[n] = quantity;
      packed.reporter[n] = reporter;
      packed.partner[n] = partner;
      packed.flow[n] = exports;
      packed.hsCode[n] = product;
      packed.hsRevision[n] = revision;
      packed.unit[n] = Number.isNaN(quantity) ? noText : tonnes;
      n += 1;
    }
    for (const flow of odd.rows) {
      packed.line[n] = flow.line;
      packed.period[n] = flow.period;
      packed.valueCents[n] = flow.valueCents;
      packed.quantity[n] = flow.quantity ?? NaN;
      packed.reporter[n] = this.id(flow.reporter);
      packed.partner[n] = this.id(flow.partner);
      packed.flow[n] = exports;
      packed.hsCode[n] = this.id(flow.hsCode);
      packed.hsRevision[n] = revision;
      packed.unit[n] = flow.unit === null ? noText : this.id(flow.unit);
      n += 1;
    }
    packed.count = n;
    packed.newText = this.texts.slice(this.sent);
    this.sent = this.texts.length;
    problems.push(...odd.problems);
    // Lines the threads left to the full reader are checked after the rest: back to file order.
    problems.sort((a, b) => a.line - b.line);
    return { rows: [], packed, problems, skipped: 0 };
  }
}
