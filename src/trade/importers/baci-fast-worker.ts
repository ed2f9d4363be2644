import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { Asked, FastCall, FastMessage, FastThreadData, PeerRows, RejectedLine, Verdicts } from './baci-fast.ts';
import { parseLines, type ChunkRows, type FileChunk } from './baci-lines.ts';
import { FlowBlockBuilder, periodSpan } from './block-builder.ts';
import { movable, noText, packedBuffers, packedShape, type PackedFlows } from './packed.ts';

/**
 * One reading thread of a BACI file. For each of its chunks: reads the lines into numbers, asks the
 * importing thread about periods, countries and codes it has not met before (that thread checks each
 * once, for all threads, with the full reader's checks, and numbers their text for all), and hands back
 * the lines it cannot read and the rows refused. Each reporter's rows are built into blocks by one
 * thread, so a block holds all of its trade in a part: the rows of reporters another thread builds go
 * to it straight, and this thread takes in the rows of its reporters from the others. Blocks are sent as
 * a part every `rowsPerPart` rows, to the writer's thread itself when there is a port to it. Rows passed
 * on and parts are in shared memory (see `movable`).
 */
const { file, roles, width, rowsPerPart, thread, threads, seedText, peers, writer } = workerData as FastThreadData;
const port = parentPort!;
const fd = fs.openSync(file, 'r');

/** The importing thread's dictionary, as far as it has been told: the text blocks are built from. */
const text: string[] = [...seedText];
const [exportsId, revisionId, tonnesId] = [0, 1, 2];

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
/** The thread that builds the blocks of each exporter. */
const builderOf = new Int32Array(codeRange);

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
const verdicts: Verdicts[] = [];
/** Chunks handed to this thread to read, and whether more may come. */
const toRead: FileChunk[] = [];
let lastChunk = false;
/** Rows of this thread's reporters read by other threads, with the chunk they come from. */
const incoming: Array<{ index: number; batch: PackedFlows; from: number }> = [];
/** Batches of rows the others sent: how many came, and how many will have come in all (once told). */
let received = 0;
let toReceive = -1;
/** Texts the rows received may point into: the dictionary must reach that far before they are encoded. */
let textsNeeded = 0;
let refusing = false;
let partsUnwritten = 0;
/** Whether the file is known to have no quotes: until then no part goes to the writer. */
let plainFile = false;
/** Buffers of parts written, to encode the next parts into. */
const spareBytes: ArrayBufferLike[] = [];
let told: () => void = () => undefined;

port.on('message', (call: FastCall) => {
  if (call.type === 'base') firstLines.set(call.index, call.base);
  else if (call.type === 'verdicts') {
    text.push(...call.texts);
    verdicts.push(call);
  } else if (call.type === 'known') {
    text.push(...call.verdicts.texts);
    know(call.asked, call.verdicts);
  } else if (call.type === 'read') {
    if (call.chunk) toRead.push(call.chunk);
    else lastChunk = true;
  } else if (call.type === 'end') toReceive = call.batches;
  else if (call.type === 'refuse') refusing = true;
  else if (call.type === 'plain') plainFile = true;
  else if (call.type === 'written') partWritten(call.spare);
  told();
});

function partWritten(spare: ArrayBufferLike[]): void {
  partsUnwritten -= 1;
  spareBytes.push(...spare);
}

writer?.on('message', ({ spare }: { type: 'written'; spare: ArrayBufferLike[] }) => {
  partWritten(spare);
  told();
});

for (const peer of peers) {
  peer?.on('message', (message: PeerRows) => {
    if (message.type === 'spare') {
      spare.push(packedShape(message.batch));
      return;
    }
    incoming.push({ index: message.index, batch: packedShape(message.batch), from: message.from });
    received += 1;
    textsNeeded = Math.max(textsNeeded, message.texts);
    told();
  });
}

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

/** The numbers of a column not met before, marked as asked. One loop for three columns: compiled once. */
function unknownIn(column: Int32Array, count: number, states: Int32Array): number[] {
  const found: number[] = [];
  for (let r = 0; r < count; r += 1) {
    const value = column[r]!;
    if (states[value] !== unknown) continue;
    states[value] = asked;
    found.push(value);
  }
  return found;
}

/** The product keys of the chunk not met before, marked as asked. */
function unknownProducts(rows: ChunkRows): number[] {
  const found: number[] = [];
  for (let r = 0; r < rows.count; r += 1) {
    const key = productKey(rows, r);
    if (productState(key) !== unknown) continue;
    if (key >= 0) productOf[key] = asked;
    else otherProducts.set(key, asked);
    found.push(key);
  }
  return found;
}

/**
 * Asks about the numbers of the chunk not met before, and waits for the answer. Its loops are functions
 * of their own: a few calls a thread, it then runs as it is instead of being compiled, loops and all,
 * again after each chunk that took a path not taken before.
 */
async function learn(index: number, rows: ChunkRows): Promise<void> {
  const ask = {
    t: unknownIn(rows.t, rows.count, periodOf),
    i: unknownIn(rows.i, rows.count, exporterOf),
    j: unknownIn(rows.j, rows.count, importerOf),
    k: unknownProducts(rows),
  };
  if (ask.t.length + ask.i.length + ask.j.length + ask.k.length === 0) return;
  port.postMessage({ type: 'ask', index, ...ask } satisfies FastMessage);
  await until(() => verdicts.length > 0);
  know(ask, verdicts.shift()!);
}

/** Takes in the answer about numbers asked, by this thread or another. */
function know(asked: Asked, answer: Verdicts): void {
  const id = (value: number | null) => (value === null ? refused : value + 1);
  answer.t.forEach((period, n) => (periodOf[asked.t[n]!] = period ?? refused));
  answer.i.forEach((value, n) => (exporterOf[asked.i[n]!] = id(value)));
  answer.builders.forEach((builder, n) => (builderOf[asked.i[n]!] = builder));
  answer.j.forEach((value, n) => (importerOf[asked.j[n]!] = id(value)));
  answer.k.forEach((value, n) => {
    const key = asked.k[n]!;
    if (key >= 0) productOf[key] = id(value);
    else otherProducts.set(key, id(value));
  });
}

/** Batches whose rows a part no longer holds, to fill again: fresh memory costs a page fault every 4 KiB. */
const spare: PackedFlows[] = [];
const inPart: Array<{ batch: PackedFlows; from: number }> = [];

/**
 * A batch whose rows are no longer needed goes back to the thread that filled it: kept by the thread
 * that took it in, batches piled up there while the other, short of them, made new ones.
 */
function giveBack(batch: PackedFlows, from: number): void {
  if (from === thread) spare.push(batch);
  else peers[from]!.postMessage({ type: 'spare', batch } satisfies PeerRows, movable(packedBuffers(batch)));
}

/** Batch sizes are rounded up, so a batch given back fits the next chunk's rows instead of missing by a few. */
const batchStep = 32_768;

function batchFor(rows: number): PackedFlows {
  // The smallest that fits: taking any that fits used big batches for small chunks, then made new big
  // ones while small ones piled up unused.
  let at = -1;
  for (let b = 0; b < spare.length; b += 1) {
    const capacity = spare[b]!.line.length;
    if (capacity >= rows && (at < 0 || capacity < spare[at]!.line.length)) at = b;
  }
  if (at >= 0) return spare.splice(at, 1)[0]!;
  const capacity = Math.max(batchStep, Math.ceil(rows / batchStep) * batchStep);
  // Shared memory: batches go to other threads (see `movable`).
  const shared = (bytes: number) => new SharedArrayBuffer(capacity * bytes);
  return {
    count: 0,
    resetText: false,
    newText: [],
    line: new Float64Array(shared(8)),
    period: new Int32Array(shared(4)),
    valueCents: new Float64Array(shared(8)),
    quantity: new Float64Array(shared(8)),
    reporter: new Uint32Array(shared(4)),
    partner: new Uint32Array(shared(4)),
    flow: new Uint32Array(shared(4)).fill(exportsId),
    hsCode: new Uint32Array(shared(4)),
    hsRevision: new Uint32Array(shared(4)).fill(revisionId),
    unit: new Uint32Array(shared(4)),
  };
}

/**
 * The chunk's rows as text ids, a batch for each thread that builds their reporters' blocks; the refused
 * ones are listed instead, for the importing thread to report. Null when a number of the chunk was not
 * met before: `learn` must ask about it first.
 */
function translate(rows: ChunkRows, rejected: RejectedLine[]): PackedFlows[] | null {
  const outs = Array.from(rowsByBuilder(rows), (count) => batchFor(count));
  const filled = translateRows(rows, outs, rejected);
  if (!filled) {
    spare.push(...outs);
    rejected.length = 0;
    return null;
  }
  outs.forEach((out, b) => (out.count = filled[b]!));
  return outs;
}

/** How many of the chunk's rows each thread builds. */
function rowsByBuilder(rows: ChunkRows): Int32Array {
  const counts = new Int32Array(threads);
  const { i, count } = rows;
  for (let r = 0; r < count; r += 1) counts[builderOf[i[r]!]!]! += 1;
  return counts;
}

/** Fills the batches; returns how many rows each got, or null as soon as a number not met before is found. */
function translateRows(rows: ChunkRows, outs: PackedFlows[], rejected: RejectedLine[]): Int32Array | null {
  const { t, i, j, line, valueCents, quantity } = rows;
  const fill = new Int32Array(threads);
  for (let r = 0; r < rows.count; r += 1) {
    const period = periodOf[t[r]!]!;
    const reporter = exporterOf[i[r]!]!;
    const partner = importerOf[j[r]!]!;
    const key = productKey(rows, r);
    const product = productState(key);
    if (period <= 0 || reporter <= 0 || partner <= 0 || product <= 0) {
      if (period === unknown || reporter === unknown || partner === unknown || product === unknown) return null;
      rejected.push({ line: line[r]!, t: t[r]!, i: i[r]!, j: j[r]!, k: key });
      continue;
    }
    const b = builderOf[i[r]!]!;
    const out = outs[b]!;
    const n = fill[b]!++;
    const q = quantity[r]!;
    out.line[n] = line[r]!;
    out.period[n] = period;
    out.valueCents[n] = valueCents[r]!;
    out.quantity[n] = q;
    out.reporter[n] = reporter - 1;
    out.partner[n] = partner - 1;
    out.hsCode[n] = product - 1;
    out.unit[n] = Number.isNaN(q) ? noText : tonnesId;
  }
  return fill;
}

let builder = new FlowBlockBuilder(true);

/** Encodes the rows held into a part and sends it. */
async function sendPart(): Promise<void> {
  // The importing thread tells every thread the texts it adds before it answers the one that asked.
  await until(() => text.length >= textsNeeded);
  const part = builder.take(text, spareBytes);
  for (const { batch, from } of inPart.splice(0)) giveBack(batch, from);
  partsUnwritten += 1;
  if (writer) {
    // Straight to the writer once the file is known to be plain; the importing thread only counts it.
    await until(() => plainFile || refusing);
    if (refusing) partWritten(part.buffers);
    else {
      writer.postMessage({ part }, movable(part.buffers));
      const span = periodSpan(part.slices)!;
      port.postMessage({ type: 'sent', rows: part.rows, ...span } satisfies FastMessage);
    }
  } else port.postMessage({ type: 'part', part } satisfies FastMessage, movable(part.buffers));
  // Two parts at most on their way to the database, so memory stays bounded when writing lags.
  await until(() => partsUnwritten < 2 || refusing);
}

/**
 * Rows of this thread's reporters, its own and those other threads read, waiting for the first line
 * number of their chunk. They go into the blocks only once it is known: waiting for it with rows held
 * could wait for a chunk this thread has yet to read.
 */
const waiting: Array<{ index: number; batch: PackedFlows; from: number }> = [];

/** Adds the rows whose line numbers are known to the blocks, sending a part whenever enough are held. */
async function build(): Promise<void> {
  for (let at = 0; at < waiting.length;) {
    const { index, batch, from } = waiting[at]!;
    const base = firstLines.get(index);
    if (base === undefined) {
      at += 1;
      continue;
    }
    waiting.splice(at, 1);
    // The importing thread hands out no more chunks while a thread has many rows of others to take in.
    if (from !== thread) port.postMessage({ type: 'taken' } satisfies FastMessage);
    if (refusing) {
      // Nothing will be imported: the rest is only read to report every refused line.
      builder = new FlowBlockBuilder(true);
      giveBack(batch, from);
      for (const held of inPart.splice(0)) giveBack(held.batch, held.from);
      continue;
    }
    builder.add(batch, text, { base });
    inPart.push({ batch, from });
    if (builder.rows >= rowsPerPart) await sendPart();
  }
}

function takeIncoming(): void {
  waiting.push(...incoming.splice(0));
}

async function run(): Promise<void> {
  let parsed: ChunkRows | undefined;
  for (;;) {
    await until(
      () => toRead.length > 0 || lastChunk || incoming.length > 0 || waiting.some((w) => firstLines.has(w.index)),
    );
    takeIncoming();
    if (toRead.length === 0 && !lastChunk) {
      await build();
      continue;
    }
    const chunk = toRead.shift();
    if (!chunk) break;
    parsed = parseLines(read(chunk), roles, width, parsed);
    const rejected: RejectedLine[] = [];
    let batches = translate(parsed, rejected);
    if (!batches) {
      await learn(chunk.index, parsed);
      batches = translate(parsed, rejected)!;
    }
    if (rejected.length > 0) refusing = true;
    const sent = new Array<number>(threads).fill(0);
    batches.forEach((batch, to) => {
      if (to === thread) return;
      if (refusing || batch.count === 0) spare.push(batch);
      else {
        const rows: PeerRows = { type: 'rows', from: thread, index: chunk.index, batch, texts: text.length };
        peers[to]!.postMessage(rows, movable(packedBuffers(batch)));
        sent[to] = 1;
      }
    });
    port.postMessage({
      type: 'chunk',
      index: chunk.index,
      lines: parsed.lines,
      rows: batches.reduce((sum, batch) => sum + batch.count, 0),
      sent,
      odd: parsed.odd,
      rejected,
    } satisfies FastMessage);
    waiting.push({ index: chunk.index, batch: batches[thread]!, from: thread });
    takeIncoming();
    await build();
  }
  fs.closeSync(fd);
  // While the other threads read the last chunks, the rows held are encoded rather than left to the end.
  takeIncoming();
  await build();
  if (!refusing && builder.rows >= rowsPerPart / 4) await sendPart();
  // Every chunk is numbered once the importing thread says so, and every row sent here has come once
  // as many batches as it counted have.
  await until(() => toReceive >= 0 && received === toReceive);
  takeIncoming();
  await build();
  if (!refusing && builder.rows > 0) await sendPart();
  // The import goes on to its end once every thread is done: its parts must be written by then.
  if (writer) await until(() => partsUnwritten === 0);
  port.postMessage({ type: 'done' } satisfies FastMessage);
}

void run();
