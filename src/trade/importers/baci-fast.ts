import fs from 'node:fs';
import os from 'node:os';
import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { startWorker } from '../../core/workers.ts';
import type { FlowRow, ParsedBatch, RowProblem } from '../model.ts';
import { BaciRecords, parseBaci, type BaciOptions } from './baci.ts';
import {
  BatchBuilder,
  RowCheck,
  headerKey,
  notUtf8Error,
  startsAsJson,
  utf8Hint,
  type FlowParser,
  type PartSink,
} from './common.ts';
import { notUtf8Byte, sniffText } from './text-encoding.ts';
import { fieldRole, type ChunkRows, type FileChunk } from './baci-lines.ts';
import { rowsPerPart, type BlockPart } from './block-builder.ts';
import { movable, type PackedFlows } from './packed.ts';

/** What a reading thread starts with. */
export interface FastThreadData {
  file: string;
  roles: number[];
  width: number;
  rowsPerPart: number;
  /** Which of how many threads it is. */
  thread: number;
  threads: number;
  /** The first texts of the dictionary: the direction, the HS revision and the unit, ids 0, 1 and 2. */
  seedText: string[];
  /** A port to each other thread (null for itself), for the rows it reads of their reporters. */
  peers: Array<MessagePort | null>;
  /** A port to the thread that writes, to send parts to (see `PartSink`); null: they go to this one. */
  writer: MessagePort | null;
}

/**
 * Rows a thread read for another, whose reporters it builds, sent to it straight: through the importing
 * thread, hundreds of megabytes of buffers counted as its memory, which made it collect its whole heap
 * again and again. `texts`: how many texts of the dictionary the rows may point into.
 */
export type PeerRows =
  | { type: 'rows'; from: number; index: number; batch: PackedFlows; texts: number }
  /** A batch of rows the thread sent, taken into a part: its own again, to fill. */
  | { type: 'spare'; batch: PackedFlows };

/** A line a thread read but whose period, country or code was refused; `k` as in `productText`. */
export interface RejectedLine {
  line: number;
  t: number;
  i: number;
  j: number;
  k: number;
}

/** From a reading thread. */
export type FastMessage =
  | ({ type: 'ask'; index: number } & Asked)
  | {
      type: 'chunk';
      index: number;
      /** Lines in the chunk, empty ones included: where the next chunk's numbering starts. */
      lines: number;
      /** Rows accepted into the threads' blocks. */
      rows: number;
      /** Batches of the chunk's rows sent to each thread. */
      sent: number[];
      /** Lines not plain digits, for the full reader; lines are numbered from 0 within the chunk. */
      odd: ChunkRows['odd'];
      rejected: RejectedLine[];
    }
  /** Rows read by another thread taken in. */
  | { type: 'taken' }
  | { type: 'part'; part: BlockPart }
  /** A part sent to the writer: its rows, and its first and last period. */
  | { type: 'sent'; rows: number; from: number; to: number }
  | { type: 'done' };

/** Numbers a thread has not met before: periods, exporters, importers, product keys (see `productText`). */
export interface Asked {
  t: number[];
  i: number[];
  j: number[];
  k: number[];
}

/** The answer to an ask, in its order. */
export interface Verdicts {
  type: 'verdicts';
  /** Periods, and text ids of the rest; null for refused. */
  t: Array<number | null>;
  i: Array<number | null>;
  /** The thread building each exporter's blocks. */
  builders: number[];
  j: Array<number | null>;
  k: Array<number | null>;
  /** Texts added to the dictionary since the thread was last told. */
  texts: string[];
}

/** To a reading thread. */
export type FastCall =
  | Verdicts
  /**
   * What another thread asked about, and the answer: the threads meet mostly the same numbers, and each
   * asked about every one in turn. Its texts are those added since this thread was last told, which rows
   * sent to it may point into.
   */
  | { type: 'known'; asked: Asked; verdicts: Verdicts }
  | { type: 'base'; index: number; base: number }
  /** A chunk to read next; null when there are no more for this thread. */
  | { type: 'read'; chunk: FileChunk | null }
  /** Every chunk has been read; `batches` of rows were sent to the thread by the others in all. */
  | { type: 'end'; batches: number }
  | { type: 'refuse' }
  /** The file has no quotes: parts may go to the writer. */
  | { type: 'plain' }
  /** A part was written (or will not be), and its buffers are free to be filled again. */
  | { type: 'written'; spare: ArrayBufferLike[] };

export interface ThreadedReading {
  /** Files from this size on are read by several threads; below it, starting them costs more than it saves. */
  from: number;
  /** Bytes a thread reads at once: large enough to keep it busy, small enough to bound memory. */
  chunkBytes: number;
  /** Rows the threads hold together before sending them as parts, each its share: bounds memory. */
  rowsHeld: number;
}

/** Reading threads at most, whatever the cores. */
const maxReadingThreads = 8;

/** Batches of rows (half a chunk, about) passed on to a thread and not yet taken in, at most, before reading waits. */
const maxRelayed = 32;

const threadedReading: ThreadedReading = {
  from: 16 * 1024 * 1024,
  chunkBytes: 8 * 1024 * 1024,
  rowsHeld: 2 * rowsPerPart,
};

/**
 * BACI files are big (hundreds of millions of lines) and plain: digits, commas and newlines. A file like
 * that is cut into chunks at line ends, handed to reading threads (one per core) that turn them into
 * numbers and then into blocks, ready to be written; they pass rows to each other, and parts straight to
 * the writer's thread when it has one (`sink`). This thread checks each distinct period, country and code
 * once, for all threads, with the full reader's checks, counts the rows passed on for back-pressure,
 * numbers the lines, and reports what was refused: any line that is not plain digits where they belong
 * goes through the full reader, so a bad cell gets the same report. A gzipped file, another separator, or
 * quotes anywhere (a quoted field may span lines) make the whole file go through the full reader instead.
 */
export function parseBaciFast(
  file: string,
  options: BaciOptions = {},
  reading: ThreadedReading = threadedReading,
): FlowParser {
  return async function* (input, sink) {
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
    const records = new BaciRecords(options);
    records.header(plan.header);
    const seedText = ['X', records.hsRevision, 't'];
    const threads = readingThreads(file, plan, { rowsHeld: reading.rowsHeld, seedText, sink });
    // A quoted field may span lines, which only the full reader follows. Quotes are looked for while the
    // threads start reading; nothing they send is passed on before it is known there are none.
    const plain = noQuoteFrom(file, plan.chunks[0]?.start ?? 0);
    plain.then((none) => none && threads.tellAll({ type: 'plain' })).catch(() => undefined);
    let quoted = false;
    try {
      const checks = new ThreadChecks(records, seedText, threads.count);
      // Answered as soon as asked, not in turn with the rest: the thread waits, and the rest may wait
      // for the file to be read this far. The others are told too: they will meet the same numbers,
      // and rows this thread sends them may point into the new texts.
      threads.answer((thread, ask) => {
        const verdicts = checks.verdicts(thread, ask);
        threads.tell(thread, verdicts);
        for (let other = 0; other < threads.count; other += 1) {
          if (other !== thread) {
            threads.tell(other, {
              type: 'known',
              asked: ask,
              verdicts: { ...verdicts, texts: checks.textsFor(other) },
            });
          }
        }
      });
      const arrived = new Map<number, Extract<FastMessage, { type: 'chunk' }>>();
      let nextChunk = 0;
      let firstLine = 2;
      let refusing = false;
      const sentTo = new Array<number>(threads.count).fill(0);
      for await (const { thread, message } of threads.messages()) {
        if (message.type === 'taken') {
          threads.relayed(thread, -1);
        } else if (message.type === 'sent') {
          const { rows, from, to } = message;
          yield { rows: [], sent: [{ rows, from, to }], problems: [], skipped: 0 };
        } else if (message.type === 'part') {
          if (!(await plain)) {
            quoted = true;
            break;
          }
          const done = (spare: ArrayBufferLike[]) => threads.tell(thread, { type: 'written', spare }, movable(spare));
          yield { rows: [], parts: [{ part: message.part, done }], problems: [], skipped: 0 };
        } else if (message.type === 'chunk') {
          message.sent.forEach((batches, to) => {
            threads.relayed(to, batches);
            sentTo[to]! += batches;
          });
          threads.handOut(thread);
          arrived.set(message.index, message);
          if (!(await plain)) {
            quoted = true;
            break;
          }
          // Chunks are reported in file order, so rejected rows come in the order of the file.
          for (let chunk = arrived.get(nextChunk); chunk; chunk = arrived.get(nextChunk)) {
            arrived.delete(nextChunk);
            threads.tellAll({ type: 'base', index: nextChunk, base: firstLine });
            const batch = checks.chunk(chunk, firstLine);
            firstLine += chunk.lines;
            await consumeTo(plan.chunks[nextChunk]!.end);
            nextChunk += 1;
            if (nextChunk === plan.chunks.length && plan.unterminated) batch.unterminatedLine = firstLine - 1;
            if (nextChunk === plan.chunks.length) {
              sentTo.forEach((batches, to) => threads.tell(to, { type: 'end', batches }));
            }
            if (batch.problems.length > 0 && !refusing) {
              refusing = true;
              threads.tellAll({ type: 'refuse' });
            }
            yield batch;
          }
        }
      }
      if (!quoted) await consumeTo(Infinity);
    } finally {
      threads.stop();
    }
    // Met while answering the threads, for rows of any chunk: handed on once all are read.
    if (!quoted) yield { rows: [], problems: [], skipped: 0, territories: records.takeTerritories() };
    if (quoted) {
      const drained = consumeTo(Infinity);
      drained.catch(() => undefined);
      yield* parseBaci(options)(fs.createReadStream(file, { highWaterMark: 1 << 20 }));
      await drained;
    }
  };
}

/** The header and the chunks of a plain comma-separated file, or null when the full reader must read it. */
function planChunks(
  file: string,
  reading: ThreadedReading,
): { header: string[]; chunks: FileChunk[]; roles: number[]; unterminated: boolean } | null {
  const size = fs.statSync(file).size;
  if (size < reading.from) return null;
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const got = fs.readSync(fd, head, 0, head.length, 0);
    // The full reader unpacks a gzipped file, and refuses a JSON one as such.
    if ((head[0] === 0x1f && head[1] === 0x8b) || startsAsJson(head.subarray(0, got))) return null;
    // UTF-16, another character set or a binary file: the full reader reads or refuses it.
    const sniffed = sniffText(head.subarray(0, got));
    if (sniffed.kind !== 'text' || sniffed.encoding !== 'utf-8') return null;
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
    // Lines are short: a little past each cut is enough to find where the line ends.
    const probe = Buffer.alloc(64 * 1024);
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
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return { header, chunks, roles, unterminated: last[0] !== 10 };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Starts the reading threads, each with a channel to each other one. Chunks are handed out as threads
 * finish them, two ahead, so a thread busy encoding a part leaves more of the file to the others.
 */
function readingThreads(
  file: string,
  plan: { chunks: FileChunk[]; roles: number[]; header: string[] },
  settings: { rowsHeld: number; seedText: string[]; sink?: PartSink },
) {
  // Past a few threads the importing thread and the single writer set the pace, and each thread's share
  // of the rows held (so of a part) only gets smaller.
  const threads = Math.max(1, Math.min(os.availableParallelism(), maxReadingThreads, plan.chunks.length));
  const workers: Worker[] = [];
  const peers = Array.from({ length: threads }, () => new Array<MessagePort | null>(threads).fill(null));
  for (let a = 0; a < threads; a += 1) {
    for (let b = a + 1; b < threads; b += 1) {
      const { port1, port2 } = new MessageChannel();
      peers[a]![b] = port1;
      peers[b]![a] = port2;
    }
  }
  const queue: Array<{ thread: number; message: Exclude<FastMessage, { type: 'ask' }> }> = [];
  let answer: (thread: number, ask: Asked) => void = () => {
    throw new Error('a reading thread asked before questions were taken');
  };
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  for (let w = 0; w < threads; w += 1) {
    const writer = settings.sink?.partPort?.() ?? null;
    const worker = startWorker(
      new URL('./baci-fast-worker.ts', import.meta.url),
      {
        file,
        roles: plan.roles,
        width: plan.header.length,
        rowsPerPart: Math.ceil(settings.rowsHeld / threads),
        thread: w,
        threads,
        seedText: settings.seedText,
        peers: peers[w]!,
        writer,
      } satisfies FastThreadData,
      [...peers[w]!.filter((port) => port !== null), ...(writer ? [writer] : [])],
    );
    const stop = (error: Error) => {
      failure ??= error;
      wake?.();
    };
    worker.on('message', (message: FastMessage) => {
      if (message.type === 'ask') {
        const { t, i, j, k } = message;
        try {
          answer(w, { t, i, j, k });
        } catch (error) {
          stop(error instanceof Error ? error : new Error(String(error)));
        }
        return;
      }
      queue.push({ thread: w, message });
      wake?.();
    });
    worker.on('error', stop);
    worker.on('exit', (code) => {
      if (code !== 0) stop(new Error(`a BACI reading thread stopped (exit code ${code})`));
    });
    workers.push(worker);
  }
  const stop = () => {
    for (const worker of workers) void worker.terminate();
  };
  let handedOut = 0;
  // Rows passed on to each thread and not yet taken in: while one has many, the others read no more,
  // so a thread slower to take in rows (its reporters trade more) does not pile them up.
  const relayed = new Int32Array(threads);
  const deferred: number[] = [];
  const handOut = (thread: number) => {
    if (relayed.some((batches) => batches > maxRelayed)) {
      deferred.push(thread);
      return;
    }
    const chunk = plan.chunks[handedOut] ?? null;
    if (chunk) handedOut += 1;
    workers[thread]!.postMessage({ type: 'read', chunk } satisfies FastCall);
  };
  for (let ahead = 0; ahead < 2; ahead += 1) for (let w = 0; w < threads; w += 1) handOut(w);
  return {
    stop,
    count: threads,
    /** Hands the thread its next chunk, when one is left, as it reports one read. */
    handOut,
    /** Counts batches of rows sent to a thread (taken in, when negative). */
    relayed: (thread: number, batches: number) => {
      relayed[thread]! += batches;
      if (batches < 0) for (let n = deferred.length; n > 0; n -= 1) handOut(deferred.shift()!);
    },
    tell: (thread: number, call: FastCall, transfer: ArrayBuffer[] = []) =>
      workers[thread]!.postMessage(call, transfer),
    tellAll: (call: FastCall) => workers.forEach((worker) => worker.postMessage(call)),
    /** Who answers the threads' questions, as soon as each comes. */
    answer: (answering: (thread: number, ask: Asked) => void) => {
      answer = answering;
    },
    /** The threads' messages as they come, until every thread is done. */
    async *messages(): AsyncGenerator<{ thread: number; message: Exclude<FastMessage, { type: 'ask' }> }> {
      let done = 0;
      while (done < threads) {
        while (queue.length === 0) {
          if (failure) throw failure;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
        const next = queue.shift()!;
        if (next.message.type === 'done') done += 1;
        else yield next;
      }
    },
  };
}

/** Whether the file has no quote from `from` on; read a chunk at a time, the thread taking messages meanwhile. */
async function noQuoteFrom(file: string, from: number): Promise<boolean> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(threadedReading.chunkBytes);
    for (let at = from; ;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      if (bytesRead === 0) return true;
      if (buffer.subarray(0, bytesRead).indexOf(34) >= 0) return false;
      at += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/** A thread's product key: a six-digit code as it is, others by code and digit count, below zero. */
export function productText(key: number): string {
  if (key >= 0) return String(key).padStart(6, '0');
  const code = -key - 1;
  return String(Math.floor(code / 16)).padStart(code % 16, '0');
}

/**
 * The checks the reading threads ask for, the dictionary their blocks share (each thread is told the
 * texts added since it was last told with every answer; rows another thread sends say how far into it
 * they point, and wait for it before they are encoded), and the report of what they could not read or
 * had refused.
 */
class ThreadChecks {
  private readonly texts: string[];
  private readonly ids = new Map<string, number>();
  private readonly told: number[];
  private readonly builders = new Map<string, number>();

  constructor(
    private readonly records: BaciRecords,
    seedText: string[],
    private readonly threads: number,
  ) {
    this.texts = [...seedText];
    seedText.forEach((text, id) => this.ids.set(text, id));
    this.told = Array.from({ length: threads }, () => seedText.length);
  }

  private id(text: string | null): number | null {
    if (text === null) return null;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  textsFor(thread: number): string[] {
    const texts = this.texts.slice(this.told[thread]);
    this.told[thread] = this.texts.length;
    return texts;
  }

  verdicts(thread: number, ask: Asked): Verdicts {
    const { records } = this;
    const check = <T>(cache: { read(row: RowCheck, text: string): T | null }, text: string) =>
      cache.read(new RowCheck(0), text);
    const exporters = ask.i.map((i) => check(records.exporters, String(i)));
    // Exporters are dealt to the threads in turn as met, so that the biggest spread over them.
    const builders = exporters.map((exporter) => {
      if (exporter === null) return 0;
      let builder = this.builders.get(exporter);
      if (builder === undefined) this.builders.set(exporter, (builder = this.builders.size % this.threads));
      return builder;
    });
    const i = exporters.map((exporter) => this.id(exporter));
    const j = ask.j.map((j) => this.id(check(records.importers, String(j))));
    const k = ask.k.map((k) => this.id(check(records.products, productText(k))));
    return {
      type: 'verdicts',
      t: ask.t.map((t) => check(records.periods, String(t))),
      i,
      builders,
      j,
      k,
      texts: this.textsFor(thread),
    };
  }

  /** The rows of the lines the thread left to the full reader, and every refused cell of the chunk. */
  chunk(chunk: Extract<FastMessage, { type: 'chunk' }>, firstLine: number): ParsedBatch & { rows: FlowRow[] } {
    const { records } = this;
    const odd = new BatchBuilder();
    for (const { line, text, notUtf8 } of chunk.odd) {
      if (notUtf8) throw notUtf8Error(firstLine + line, utf8Hint('BACI', notUtf8), notUtf8Byte(notUtf8.byte));
      const raw = text.endsWith('\r') ? text.slice(0, -1) : text;
      if (raw.length > 0) records.read(firstLine + line, raw.split(','), odd);
    }
    const problems: RowProblem[] = [];
    for (const r of chunk.rejected) {
      const row = new RowCheck(firstLine + r.line);
      records.periods.read(row, String(r.t));
      records.exporters.read(row, String(r.i));
      records.importers.read(row, String(r.j));
      records.products.read(row, productText(r.k));
      problems.push(...row.problems);
    }
    problems.push(...odd.problems);
    problems.sort((a, b) => a.line - b.line);
    return { rows: odd.rows, problems, skipped: 0, pending: chunk.rows };
  }
}
