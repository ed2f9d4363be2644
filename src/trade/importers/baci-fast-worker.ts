import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { FastCall, FastMessage, FastThreadData, RejectedLine } from './baci-fast.ts';
import { parseLines, type ChunkRows, type FileChunk } from './baci-lines.ts';
import { FlowBlockBuilder, type LineBase } from './block-builder.ts';
import { noText, type PackedFlows } from './packed.ts';

/**
 * One reading thread of a BACI file. For each of its chunks: reads the lines into numbers, asks the
 * importing thread about periods, countries and codes it has not met before (that thread checks each
 * once, for all threads, with the full reader's checks), and hands back the lines it cannot read and
 * the rows refused; the rows accepted go into its own blocks, sent as a part every `rowsPerPart` rows.
 */
const { file, chunks, roles, width, rowsPerPart, revision } = workerData as FastThreadData;
const port = parentPort!;
const fd = fs.openSync(file, 'r');

/** The thread's dictionary: the text its blocks are built from. */
const text: string[] = [];
const textIds = new Map<string, number>();
function textId(value: string): number {
  let at = textIds.get(value);
  if (at === undefined) {
    at = text.length;
    text.push(value);
    textIds.set(value, at);
  }
  return at;
}
const exportsId = textId('X');
const revisionId = textId(revision);
const tonnesId = textId('t');

/**
 * What is known of each number met: 0 not yet, -1 refused, -2 asked, else the period (t) or the text
 * id + 1 (countries and codes). Codes of other lengths than six are kept by code and digit count.
 */
const unknown = 0;
const refused = -1;
const asked = -2;
const codeRange = 1_000_000;
const periodOf = new Int32Array(codeRange);
const exporterOf = new Int32Array(codeRange);
const importerOf = new Int32Array(codeRange);
const productOf = new Int32Array(codeRange);
const otherProducts = new Map<number, number>();

let reading = new Uint8Array(0);
function read(chunk: FileChunk): Uint8Array {
  const size = chunk.end - chunk.start;
  if (reading.length < size) reading = new Uint8Array(size);
  let done = 0;
  while (done < size) done += fs.readSync(fd, reading, done, size - done, chunk.start + done);
  return reading.subarray(0, size);
}

/** What the importing thread has told: each chunk's first line number, answers, what was written. */
const firstLines = new Map<number, number>();
const verdicts: Array<Extract<FastCall, { type: 'verdicts' }>> = [];
let refusing = false;
let partsUnwritten = 0;
/** Buffers of parts written, to encode the next parts into. */
const spareBytes: ArrayBuffer[] = [];
let told: () => void = () => undefined;

port.on('message', (call: FastCall) => {
  if (call.type === 'base') firstLines.set(call.index, call.base);
  else if (call.type === 'verdicts') verdicts.push(call);
  else if (call.type === 'refuse') refusing = true;
  else if (call.type === 'written') {
    partsUnwritten -= 1;
    spareBytes.push(...call.spare);
  }
  told();
});

/** Waits until the importing thread has told enough. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise<void>((resolve) => (told = resolve));
}

function productKey(rows: ChunkRows, r: number): number {
  return rows.kDigits[r] === 6 ? rows.k[r]! : -(rows.k[r]! * 16 + rows.kDigits[r]!) - 1;
}

function productState(key: number): number {
  return key >= 0 ? productOf[key]! : (otherProducts.get(key) ?? unknown);
}

/** Asks about the numbers of the chunk not met before, and waits for the answer. */
async function learn(index: number, rows: ChunkRows): Promise<void> {
  const ask = { t: [] as number[], i: [] as number[], j: [] as number[], k: [] as number[] };
  for (let r = 0; r < rows.count; r += 1) {
    const t = rows.t[r]!;
    if (periodOf[t] === unknown) {
      periodOf[t] = asked;
      ask.t.push(t);
    }
    const i = rows.i[r]!;
    if (exporterOf[i] === unknown) {
      exporterOf[i] = asked;
      ask.i.push(i);
    }
    const j = rows.j[r]!;
    if (importerOf[j] === unknown) {
      importerOf[j] = asked;
      ask.j.push(j);
    }
    const key = productKey(rows, r);
    if (productState(key) === unknown) {
      if (key >= 0) productOf[key] = asked;
      else otherProducts.set(key, asked);
      ask.k.push(key);
    }
  }
  if (ask.t.length + ask.i.length + ask.j.length + ask.k.length === 0) return;
  port.postMessage({ type: 'ask', index, ...ask } satisfies FastMessage);
  await until(() => verdicts.length > 0);
  const answer = verdicts.shift()!;
  const id = (value: string | null) => (value === null ? refused : textId(value) + 1);
  answer.t.forEach((period, n) => (periodOf[ask.t[n]!] = period ?? refused));
  answer.i.forEach((value, n) => (exporterOf[ask.i[n]!] = id(value)));
  answer.j.forEach((value, n) => (importerOf[ask.j[n]!] = id(value)));
  answer.k.forEach((value, n) => {
    const key = ask.k[n]!;
    if (key >= 0) productOf[key] = id(value);
    else otherProducts.set(key, id(value));
  });
}

/** Batches whose rows a part no longer holds, to fill again: fresh memory costs a page fault every 4 KiB. */
const spare: PackedFlows[] = [];
const inPart: PackedFlows[] = [];

function batchFor(capacity: number): PackedFlows {
  const reused = spare.pop();
  if (reused && reused.line.length >= capacity) return reused;
  return {
    count: 0,
    resetText: false,
    newText: [],
    line: new Float64Array(capacity),
    period: new Int32Array(capacity),
    valueCents: new Float64Array(capacity),
    quantity: new Float64Array(capacity),
    reporter: new Uint32Array(capacity),
    partner: new Uint32Array(capacity),
    flow: new Uint32Array(capacity).fill(exportsId),
    hsCode: new Uint32Array(capacity),
    hsRevision: new Uint32Array(capacity).fill(revisionId),
    unit: new Uint32Array(capacity),
  };
}

/**
 * The chunk's rows as text ids; the refused ones are listed instead, for the importing thread to report.
 * Null when a number of the chunk was not met before: `learn` must ask about it first.
 */
function translate(rows: ChunkRows, rejected: RejectedLine[]): PackedFlows | null {
  const batch = batchFor(rows.count);
  const { t, i, j, k, kDigits, line, valueCents, quantity } = rows;
  const out = batch;
  const { period: periods, reporter: reporters, partner: partners, hsCode: products, unit: units } = out;
  let n = 0;
  for (let r = 0; r < rows.count; r += 1) {
    const period = periodOf[t[r]!]!;
    const reporter = exporterOf[i[r]!]!;
    const partner = importerOf[j[r]!]!;
    const key = kDigits[r] === 6 ? k[r]! : -(k[r]! * 16 + kDigits[r]!) - 1;
    const product = key >= 0 ? productOf[key]! : (otherProducts.get(key) ?? unknown);
    if (period <= 0 || reporter <= 0 || partner <= 0 || product <= 0) {
      if (period === unknown || reporter === unknown || partner === unknown || product === unknown) {
        spare.push(batch);
        rejected.length = 0;
        return null;
      }
      rejected.push({ line: line[r]!, t: t[r]!, i: i[r]!, j: j[r]!, k: key });
      continue;
    }
    const q = quantity[r]!;
    out.line[n] = line[r]!;
    periods[n] = period;
    out.valueCents[n] = valueCents[r]!;
    out.quantity[n] = q;
    reporters[n] = reporter - 1;
    partners[n] = partner - 1;
    products[n] = product - 1;
    units[n] = Number.isNaN(q) ? noText : tonnesId;
    n += 1;
  }
  batch.count = n;
  return batch;
}

let builder = new FlowBlockBuilder();
/** The chunks whose rows the builder holds, and where their line numbers start once known. */
const heldChunks: Array<{ index: number; lines: LineBase }> = [];

/** Encodes the rows held into a part and sends it, once every line number they need is known. */
async function sendPart(): Promise<void> {
  await until(() => heldChunks.every((chunk) => firstLines.has(chunk.index)));
  for (const chunk of heldChunks) chunk.lines.base = firstLines.get(chunk.index)!;
  const rows = builder.rows;
  const part = builder.take(text, spareBytes);
  let from = Infinity;
  let to = -Infinity;
  for (const slice of part.slices) {
    from = Math.min(from, slice.year * 100 + 31 - Math.clz32(slice.slots & -slice.slots));
    to = Math.max(to, slice.year * 100 + 31 - Math.clz32(slice.slots));
  }
  spare.push(...inPart.splice(0));
  heldChunks.length = 0;
  partsUnwritten += 1;
  port.postMessage({ type: 'part', part, rows, periodFrom: from, periodTo: to } satisfies FastMessage, part.buffers);
  // Two parts at most on their way to the database, so memory stays bounded when writing lags.
  await until(() => partsUnwritten < 2 || refusing);
}

async function run(): Promise<void> {
  let parsed: ChunkRows | undefined;
  for (const chunk of chunks) {
    parsed = parseLines(read(chunk), roles, width, parsed);
    const rejected: RejectedLine[] = [];
    let batch = translate(parsed, rejected);
    if (!batch) {
      await learn(chunk.index, parsed);
      batch = translate(parsed, rejected)!;
    }
    port.postMessage({
      type: 'chunk',
      index: chunk.index,
      lines: parsed.lines,
      rows: batch.count,
      odd: parsed.odd,
      rejected,
    } satisfies FastMessage);
    if (refusing || rejected.length > 0) {
      // Nothing will be imported: the rest is only read to report every refused line.
      refusing = true;
      builder = new FlowBlockBuilder();
      spare.push(batch, ...inPart.splice(0));
      heldChunks.length = 0;
      continue;
    }
    const lines = { base: 0 };
    builder.add(batch, text, lines);
    inPart.push(batch);
    heldChunks.push({ index: chunk.index, lines });
    if (builder.rows >= rowsPerPart) await sendPart();
  }
  if (!refusing && builder.rows > 0) await sendPart();
  fs.closeSync(fd);
  port.postMessage({ type: 'done' } satisfies FastMessage);
}

void run();
