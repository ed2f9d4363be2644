import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { productClearSql, rollupFromImportSql } from './rollups.ts';
import type { DatabaseTarget } from '../../db/config.ts';
import { FlowUnpacker, noText, packedBuffers, type PackedFlows, type Slice } from './packed.ts';
import {
  SqliteFlowLoad,
  flowColumns,
  pairIndexSql,
  rebuildIndexAbove,
  type DatasetEntry,
  type ImportEntry,
} from './sqlite-load.ts';
import type { LoadAnswer, LoadCall } from './sqlite-load-worker.ts';

/**
 * The bulk path of an import, on its own connection and in one transaction: engine-native bulk writes
 * (multi-row prepared inserts on SQLite, COPY on PostgreSQL) where Kysely's per-statement building would
 * dominate. Everything else in Accord goes through Kysely. The writer replaces the slices (reporter,
 * period, flow) the file holds that the dataset already had, and adds the new rows to the rollups.
 */
export interface FlowWriter {
  begin(): Promise<void>;
  /** The dataset's id: the existing one of that name, or the new one given. */
  ensureDataset(dataset: DatasetEntry): Promise<string>;
  startLoad(load: { datasetId: string; fileBytes: number }): Promise<void>;
  /** May return before the rows are written, so the next batch is read meanwhile; a failure surfaces at a later call. */
  addFlows(batch: PackedFlows): Promise<void>;
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
    this.load = new SqliteFlowLoad(file);
  }

  async begin(): Promise<void> {
    this.load.begin();
  }

  async ensureDataset(dataset: DatasetEntry): Promise<string> {
    return this.load.ensureDataset(dataset);
  }

  async startLoad(load: { datasetId: string; fileBytes: number }): Promise<void> {
    this.load.startLoad(load);
  }

  async addFlows(batch: PackedFlows): Promise<void> {
    this.load.addFlows(batch);
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

/**
 * The worker is started through tsx's loader, as the CLI runs the sources: a thread does not inherit
 * a loader registered in-process, and under the test runner no Node loader is registered at all.
 */
const workerBootstrap = `
const { workerData } = require('node:worker_threads');
import(workerData.loader).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

/** Batches handed to the worker and not yet written: enough to keep it busy, few enough to bound memory. */
const batchesInFlight = 8;

class SqliteWorkerWriter implements FlowWriter {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly inFlight: Array<Promise<unknown>> = [];
  private nextId = 0;
  private stopped: Error | undefined;

  constructor(file: string) {
    this.worker = new Worker(workerBootstrap, {
      eval: true,
      workerData: {
        file,
        loader: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./sqlite-load-worker.ts', import.meta.url).href,
      },
    });
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

  private call(method: LoadCall['method'], args: unknown[], transfer: ArrayBuffer[] = []): Promise<unknown> {
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

  async startLoad(load: { datasetId: string; fileBytes: number }): Promise<void> {
    await this.call('startLoad', [load]);
  }

  async addFlows(batch: PackedFlows): Promise<void> {
    const written = this.call('addFlows', [batch], packedBuffers(batch));
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
    try {
      await this.settle().catch((error: unknown) => {
        if (commit) throw error;
      });
      await this.call('finish', [commit]);
    } finally {
      await this.worker.terminate();
    }
  }
}

/**
 * PostgreSQL takes all the rows through one COPY; the slices the file replaces are cleared after it,
 * which is the same as clearing them first: the rows of this import are told apart by their import id,
 * and the slices' rollup rows do not hold any of them yet. Then the rollups are added to from the rows.
 */
class PostgresFlowWriter implements FlowWriter {
  private readonly client: pg.Client;
  private readonly unpacker = new FlowUnpacker();
  /** The dictionary's texts escaped for COPY. */
  private copyTexts: string[] = [];
  private load?: {
    datasetId: string;
    datasetSeq: number;
    importSeq: number;
    clearSlices: boolean;
    rebuildIndex: boolean;
  };
  private copy?: { stream: NodeJS.WritableStream; done: Promise<void> };
  private copyFailure: Error | undefined;
  private slicesToClear: Slice[] = [];
  private rowsReplaced = 0;

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  async begin(): Promise<void> {
    await this.client.connect();
    await this.client.query('begin');
    // One import at a time per dataset table: a second waits rather than interleaving slices.
    await this.client.query('lock table trade_flows in share row exclusive mode');
  }

  async ensureDataset(d: DatasetEntry): Promise<string> {
    const existing = await this.client.query<{ id: string }>('select id from trade_datasets where name = $1', [d.name]);
    if (existing.rows[0]) return existing.rows[0].id;
    const now = new Date().toISOString();
    // Imports hold the lock on trade_flows, so no other one can take the same number meanwhile.
    await this.client.query(
      `insert into trade_datasets (id, name, seq, kind, source, notes, row_count, version, created_at, updated_at)
       values ($1, $2, (select coalesce(max(seq), 0) + 1 from trade_datasets), $3, $4, $5, 0, 1, $6, $6)`,
      [d.id, d.name, d.kind, d.source, d.notes, now],
    );
    return d.id;
  }

  async startLoad(load: { datasetId: string; fileBytes: number }): Promise<void> {
    const number = async (sql: string, args: unknown[] = []) =>
      Number((await this.client.query<{ n: number }>(sql, args)).rows[0]!.n);
    const datasetSeq = await number('select seq as n from trade_datasets where id = $1', [load.datasetId]);
    const importSeq = await number('select coalesce(max(seq), 0) + 1 as n from trade_imports');
    const datasetHoldsRows =
      (await this.client.query('select 1 from trade_pair_periods where dataset_id = $1 limit 1', [load.datasetId]))
        .rowCount !== 0;
    // Only into an empty table: with rows already there, rebuilding would redo their index.
    const rebuildIndex =
      load.fileBytes > rebuildIndexAbove &&
      (await this.client.query('select 1 from trade_flows limit 1')).rowCount === 0;
    if (rebuildIndex) await this.client.query('drop index if exists trade_flows_pair');
    this.load = { datasetId: load.datasetId, datasetSeq, importSeq, clearSlices: datasetHoldsRows, rebuildIndex };
  }

  async addFlows(batch: PackedFlows): Promise<void> {
    this.unpacker.learn(batch);
    if (batch.resetText) this.copyTexts = [];
    const text = this.unpacker.text;
    for (let k = this.copyTexts.length; k < text.length; k += 1) this.copyTexts.push(copyText(text[k]!));
    if (this.load!.clearSlices) for (const s of this.unpacker.freshSlices(batch)) this.slicesToClear.push(s);

    const t = this.copyTexts;
    const head = `${this.load!.datasetSeq}\t`;
    const tail = `\t${this.load!.importSeq}\t`;
    let lines = '';
    for (let i = 0; i < batch.count; i += 1) {
      const quantity = batch.quantity[i]!;
      const unit = batch.unit[i]!;
      lines += `${head}${batch.period[i]}\t${t[batch.reporter[i]!]}\t${t[batch.partner[i]!]}\t${t[batch.flow[i]!]}\t${
        t[batch.hsCode[i]!]
      }\t${t[batch.hsRevision[i]!]}\t${batch.valueCents[i]}\t${Number.isNaN(quantity) ? '\\N' : quantity}\t${
        unit === noText ? '\\N' : t[unit]
      }${tail}${batch.line[i]}\n`;
    }
    const copy = this.openCopy();
    if (this.copyFailure) throw this.copyFailure;
    if (!copy.stream.write(lines)) {
      // A COPY that fails while full never drains: its failure ends the wait too.
      await Promise.race([new Promise((resolve) => copy.stream.once('drain', resolve)), copy.done]);
    }
  }

  async endLoad(): Promise<number> {
    await this.closeCopy();
    await this.clearSlices();
    const { datasetId, datasetSeq, importSeq, clearSlices } = this.load!;
    // Grouping millions of rows in memory rather than in temporary files; for this transaction only.
    await this.client.query(`set local work_mem = '256MB'`);
    const sql = rollupFromImportSql((n) => `$${n + 1}`, { datasetWasEmpty: !clearSlices });
    for (const statement of [sql.pairs, sql.products]) {
      await this.client.query(statement, [datasetId, datasetSeq, importSeq]);
    }
    if (this.load!.rebuildIndex) await this.client.query(pairIndexSql);
    return this.rowsReplaced;
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
      if (this.copy) {
        // A COPY still open is ended (its rows are rolled back with the rest) so the connection takes the rollback.
        const { stream, done } = this.copy;
        this.copy = undefined;
        stream.end();
        await done.catch(() => undefined);
      }
      await this.client.query(commit ? 'commit' : 'rollback');
    } finally {
      await this.client.end();
    }
  }

  private openCopy(): { stream: NodeJS.WritableStream; done: Promise<void> } {
    if (this.copy) return this.copy;
    const stream = this.client.query(copyFrom(`copy trade_flows (${flowColumns.join(',')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', (error: Error) => {
        this.copyFailure ??= error;
        reject(error);
      });
    });
    done.catch(() => undefined);
    this.copy = { stream, done };
    return this.copy;
  }

  private async closeCopy(): Promise<void> {
    if (!this.copy) return;
    const { stream, done } = this.copy;
    this.copy = undefined;
    stream.end();
    await done;
  }

  /** Removes the earlier rows (flows and rollup) of the slices the file holds. */
  private async clearSlices(): Promise<void> {
    const slices = this.slicesToClear;
    this.slicesToClear = [];
    if (slices.length === 0) return;
    const { datasetId, datasetSeq, importSeq } = this.load!;
    const present = await this.client.query<Slice>(
      `select distinct p.reporter, p.period, p.flow from trade_pair_periods p
       join unnest($2::text[], $3::int[], $4::text[]) as s(reporter, period, flow)
         on p.reporter = s.reporter and p.period = s.period and p.flow = s.flow
       where p.dataset_id = $1`,
      [datasetId, slices.map((s) => s.reporter), slices.map((s) => s.period), slices.map((s) => s.flow)],
    );
    if (present.rows.length === 0) return;
    const args = [
      datasetId,
      present.rows.map((r) => r.reporter),
      present.rows.map((r) => r.period),
      present.rows.map((r) => r.flow),
    ];
    const removed = await this.client.query(
      `delete from trade_flows f using unnest($2::text[], $3::int[], $4::text[]) as s(reporter, period, flow)
       where f.dataset_seq = $1 and f.reporter = s.reporter and f.period = s.period and f.flow = s.flow
         and f.import_seq <> $5`,
      [datasetSeq, ...args.slice(1), importSeq],
    );
    this.rowsReplaced += removed.rowCount ?? 0;
    await this.client.query(
      `delete from trade_pair_periods p using unnest($2::text[], $3::int[], $4::text[]) as s(reporter, period, flow)
       where p.dataset_id = $1 and p.reporter = s.reporter and p.period = s.period and p.flow = s.flow`,
      args,
    );
    for (const s of present.rows) {
      await this.client.query(
        productClearSql(s.period, (n) => `$${n + 1}`),
        [datasetId, s.reporter, Math.floor(s.period / 100), s.flow],
      );
    }
  }
}

/** COPY's text format: backslash, tab and line breaks must be escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}
