import { MessageChannel, type MessagePort, type Transferable, type Worker } from 'node:worker_threads';
import pg from 'pg';
import { startWorker } from '../../core/workers.ts';
import { waitForWriteLock } from '../../db/sqlite-lock.ts';
import type { DatabaseTarget } from '../../db/config.ts';
import { ImportBlocks, type BlockPart, type PartRows } from './block-builder.ts';
import { movable, packedBuffers, type PackedFlows } from './packed.ts';
import { removeReplacedSlices } from './slice-replacement.ts';
import {
  SqliteFlowLoad,
  blockColumns,
  insertGroupingSql,
  sumsColumns,
  type DatasetEntry,
  type ImportEntry,
  type TerritoryEntry,
} from './sqlite-load.ts';
import type { LoadAnswer, LoadCall } from './sqlite-load-worker.ts';

/**
 * The bulk path of an import, on its own connection and in one transaction: the rows are gathered into
 * blocks (see src/trade/flow-blocks.ts) written with engine-native prepared statements, where Kysely's
 * per-statement building would dominate. Everything else in Accord goes through Kysely. The writer
 * replaces the slices (reporter, period, flow) the file holds that the dataset already had.
 */
export interface FlowWriter {
  begin(): Promise<void>;
  /** The dataset's id: the existing one of that name, or the new one given. */
  ensureDataset(dataset: DatasetEntry): Promise<string>;
  /**
   * Adds the statistical territories the file's rows point to that the registry lacks, in the import's
   * transaction, so that they go with its rows or not at all; returns the codes added.
   */
  ensureTerritories(entries: TerritoryEntry[]): Promise<string[]>;
  startLoad(load: { datasetId: string }): Promise<void>;
  /** May return before the rows are written, so the next batch is read meanwhile; a failure surfaces at a later call. */
  addFlows(batch: PackedFlows): Promise<void>;
  /** Blocks built by the reader; like `addFlows`, may return before they are written, then calls `done`. */
  addPart(part: BlockPart, done?: (spare: ArrayBufferLike[]) => void): Promise<void>;
  /**
   * Where a writer on a thread of its own takes parts straight from the threads that build them (see
   * `PartSink`); they are written once the load has started, and a failure surfaces at `endLoad`.
   */
  partPort?(): MessagePort;
  /** Completes the writes of the rows; returns how many rows of the dataset they replaced. */
  endLoad(): Promise<number>;
  recordImport(entry: ImportEntry): Promise<void>;
  finish(commit: boolean): Promise<void>;
}

/** From this size on, a file's rows go to SQLite from a worker thread; below it starting one costs more than it saves. */
const sqliteWorkerAbove = 4 * 1024 * 1024;

export function openFlowWriter(target: DatabaseTarget, fileBytes: number): FlowWriter {
  if (target.dialect === 'postgres') return new PostgresFlowWriter(target.url);
  return fileBytes > sqliteWorkerAbove ? new SqliteWorkerWriter(target.file) : new SqliteInlineWriter(target.file);
}

class SqliteInlineWriter implements FlowWriter {
  private readonly load: SqliteFlowLoad;

  constructor(file: string) {
    this.load = new SqliteFlowLoad(file, { waitForLockInThread: false });
  }

  async begin(): Promise<void> {
    await waitForWriteLock(() => this.load.begin());
  }

  async ensureDataset(dataset: DatasetEntry): Promise<string> {
    return this.load.ensureDataset(dataset);
  }

  async ensureTerritories(entries: TerritoryEntry[]): Promise<string[]> {
    return this.load.ensureTerritories(entries);
  }

  async startLoad(load: { datasetId: string }): Promise<void> {
    this.load.startLoad(load);
  }

  async addFlows(batch: PackedFlows): Promise<void> {
    this.load.addFlows(batch);
  }

  async addPart(part: BlockPart, done?: (spare: ArrayBufferLike[]) => void): Promise<void> {
    this.load.addPart(part);
    done?.(part.buffers);
  }

  async endLoad(): Promise<number> {
    return this.load.endLoad();
  }

  async recordImport(entry: ImportEntry): Promise<void> {
    this.load.recordImport(entry);
  }

  async finish(commit: boolean): Promise<void> {
    this.load.finish(commit);
  }
}

/** Batches handed to the worker and not yet written: enough to keep it busy, few enough to bound memory. */
const batchesInFlight = 8;

class SqliteWorkerWriter implements FlowWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly inFlight: Array<Promise<unknown>> = [];
  private nextId = 0;
  private stopped: Error | undefined;

  constructor(file: string) {
    this.worker = startWorker(new URL('./sqlite-load-worker.ts', import.meta.url), { file });
    this.worker.on('message', (answer: LoadAnswer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if ('error' in answer) {
        const error = new Error(answer.error.message) as NodeJS.ErrnoException;
        if (answer.error.stack) error.stack = answer.error.stack;
        if (answer.error.code) error.code = answer.error.code;
        waiter.reject(error);
      } else {
        waiter.resolve(answer.result);
      }
    });
    const stop = (error: Error) => {
      this.stopped ??= error;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`the SQLite import thread stopped (exit code ${code})`)));
  }

  private call(method: LoadCall['method'], args: unknown[], transfer: Transferable[] = []): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args } satisfies LoadCall, transfer);
    });
  }

  /** Waits for the batches handed over so far, so their failure is reported before going on. */
  private async settle(): Promise<void> {
    while (this.inFlight.length > 0) await this.inFlight.shift();
  }

  async begin(): Promise<void> {
    await this.call('begin', []);
  }

  async ensureDataset(dataset: DatasetEntry): Promise<string> {
    return (await this.call('ensureDataset', [dataset])) as string;
  }

  async ensureTerritories(entries: TerritoryEntry[]): Promise<string[]> {
    return (await this.call('ensureTerritories', [entries])) as string[];
  }

  async startLoad(load: { datasetId: string }): Promise<void> {
    await this.call('startLoad', [load]);
  }

  async addFlows(batch: PackedFlows): Promise<void> {
    await this.handOver(this.call('addFlows', [batch], movable(packedBuffers(batch))));
  }

  async addPart(part: BlockPart, done?: (spare: ArrayBufferLike[]) => void): Promise<void> {
    // The thread hands the buffers back once written.
    const written = this.call('addPart', [part], movable(part.buffers)).then((spare) =>
      done?.(spare as ArrayBufferLike[]),
    );
    await this.handOver(written);
  }

  partPort(): MessagePort {
    const { port1, port2 } = new MessageChannel();
    // Answered once the thread listens; a failure to do so surfaces at the next call.
    this.call('takeParts', [port2], [port2]).catch(() => undefined);
    return port1;
  }

  private async handOver(written: Promise<unknown>): Promise<void> {
    // Awaited later: marking it handled now keeps a failure from being reported as unhandled meanwhile.
    written.catch(() => undefined);
    this.inFlight.push(written);
    if (this.inFlight.length >= batchesInFlight) await this.inFlight.shift();
  }

  async endLoad(): Promise<number> {
    await this.settle();
    return (await this.call('endLoad', [])) as number;
  }

  async recordImport(entry: ImportEntry): Promise<void> {
    await this.call('recordImport', [entry]);
  }

  async finish(commit: boolean): Promise<void> {
    let finished = false;
    try {
      await this.settle().catch((error: unknown) => {
        if (commit) throw error;
      });
      await this.call('finish', [commit]);
      finished = true;
    } finally {
      // Once finished, the thread copies the log into the database file and ends by itself; it must not
      // keep the process alive for that, an interrupted copy being taken up by the next connection.
      if (finished) this.worker.unref();
      else await this.worker.terminate();
    }
  }
}

/** PostgreSQL gets the same blocks as SQLite, a few hundred to a statement. */
class PostgresFlowWriter implements FlowWriter {
  private readonly client: pg.Client;
  private load?: { datasetSeq: number; importSeq: number; clearSlices: boolean; blocks: ImportBlocks };

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  async begin(): Promise<void> {
    await this.client.connect();
    await this.client.query('begin');
    // One import at a time: a second waits rather than interleaving slices.
    await this.client.query('lock table trade_flow_blocks in share row exclusive mode');
  }

  async ensureDataset(d: DatasetEntry): Promise<string> {
    const existing = await this.client.query<{ id: string }>('select id from trade_datasets where name = $1', [d.name]);
    if (existing.rows[0]) return existing.rows[0].id;
    const now = new Date().toISOString();
    // Imports hold the lock on trade_flow_blocks, so no other one can take the same number meanwhile.
    await this.client.query(
      `insert into trade_datasets (id, name, seq, kind, source, notes, row_count, version, created_at, updated_at)
       values ($1, $2, (select coalesce(max(seq), 0) + 1 from trade_datasets), $3, $4, $5, 0, 1, $6, $6)`,
      [d.id, d.name, d.kind, d.source, d.notes, now],
    );
    return d.id;
  }

  async ensureTerritories(entries: TerritoryEntry[]): Promise<string[]> {
    const now = new Date().toISOString();
    const added: string[] = [];
    for (const t of entries) {
      const values = [t.code, t.numericCode, t.nameEn, t.nameRu, t.searchText, now, now];
      const result = await this.client.query(numbered(insertGroupingSql), values);
      if (result.rowCount) added.push(t.code);
    }
    return added;
  }

  async startLoad(load: { datasetId: string }): Promise<void> {
    const number = async (sql: string, args: unknown[] = []) =>
      Number((await this.client.query<{ n: number }>(sql, args)).rows[0]!.n);
    const datasetSeq = await number('select seq as n from trade_datasets where id = $1', [load.datasetId]);
    const importSeq = await number('select coalesce(max(seq), 0) + 1 as n from trade_imports');
    const clearSlices =
      (await this.client.query('select 1 from trade_flow_blocks where dataset_seq = $1 limit 1', [datasetSeq]))
        .rowCount !== 0;
    this.load = { datasetSeq, importSeq, clearSlices, blocks: new ImportBlocks({ datasetSeq, importSeq }) };
  }

  async addFlows(batch: PackedFlows): Promise<void> {
    for (const part of this.load!.blocks.add(batch)) await this.write(part);
  }

  async addPart(part: BlockPart, done?: (spare: ArrayBufferLike[]) => void): Promise<void> {
    await this.write(this.load!.blocks.addPart(part));
    done?.(part.buffers);
  }

  async endLoad(): Promise<number> {
    const { datasetSeq, importSeq, clearSlices, blocks } = this.load!;
    for (const part of blocks.rest()) await this.write(part);
    if (!clearSlices) return 0;
    return removeReplacedSlices(
      {
        all: async (sql, args) => (await this.client.query(numbered(sql), args)).rows as Array<Record<string, unknown>>,
        run: async (sql, args) => void (await this.client.query(numbered(sql), args)),
      },
      { datasetSeq, importSeq },
      blocks.slices,
    );
  }

  async recordImport(e: ImportEntry): Promise<void> {
    await this.client.query(
      `insert into trade_imports (id, dataset_id, seq, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        e.id,
        e.datasetId,
        this.load!.importSeq,
        e.format,
        e.fileName,
        e.fileHash,
        e.rowsImported,
        e.rowsReplaced,
        e.periodFrom,
        e.periodTo,
        e.importedAt,
      ],
    );
    await this.client.query(
      'update trade_datasets set row_count = row_count + $1 - $2, version = version + 1, updated_at = $3 where id = $4',
      [e.rowsImported, e.rowsReplaced, e.importedAt, e.datasetId],
    );
  }

  async finish(commit: boolean): Promise<void> {
    try {
      await this.client.query(commit ? 'commit' : 'rollback');
    } finally {
      await this.client.end();
    }
  }

  private async write(part: PartRows): Promise<void> {
    await this.insertMany('trade_flow_blocks', blockColumns, part.blocks);
    await this.insertMany('trade_flow_sums', sumsColumns, part.sums);
  }

  private async insertMany(table: string, columns: string[], rows: Array<Record<string, unknown>>): Promise<void> {
    for (let start = 0; start < rows.length; start += rowsPerStatement) {
      const chunk = rows.slice(start, start + rowsPerStatement);
      const values = chunk.flatMap((row) => columns.map((c) => row[c]));
      const tuples = chunk.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
      await this.client.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, values);
    }
  }
}

/** PostgreSQL numbers its parameters. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${(n += 1)}`);
}

/** Nine parameters a row at most: well within PostgreSQL's 65,535 per statement. */
const rowsPerStatement = 500;
