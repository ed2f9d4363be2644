import SQLite from 'better-sqlite3';
import { FlowUnpacker, noText, type PackedFlows, type Slice } from './packed.ts';
import { productClearSql, rollupFromImportSql } from './rollups.ts';

export interface DatasetEntry {
  id: string;
  name: string;
  kind: string;
  source: string;
  notes: string | null;
}

export interface ImportEntry {
  id: string;
  datasetId: string;
  format: string;
  fileName: string;
  fileHash: string;
  rowsImported: number;
  rowsReplaced: number;
  periodFrom: number | null;
  periodTo: number | null;
  importedAt: string;
}

export const flowColumns = [
  'dataset_seq',
  'period',
  'reporter',
  'partner',
  'flow',
  'hs_code',
  'hs_revision',
  'value_cents',
  'quantity',
  'unit',
  'import_seq',
  'source_line',
];

export const pairIndexSql = 'create index trade_flows_pair on trade_flows (dataset_seq, reporter, partner, period)';

/** Below this many bytes, keeping the index during the load costs less than dropping and rebuilding it. */
export const rebuildIndexAbove = 1024 * 1024;

/** Rows per insert statement: fewer calls into SQLite, while the statement stays small. */
const chunk = 100;

/**
 * One import's writes to SQLite, synchronous, on its own connection and in one transaction. It runs on
 * a worker thread for big files (so reading and checking the file on the main thread overlaps with the
 * writes) and on the calling thread for small ones, where starting a thread would cost more than it saves.
 */
export class SqliteFlowLoad {
  private readonly db: SQLite.Database;
  private readonly unpacker = new FlowUnpacker();
  private insertMany?: SQLite.Statement;
  private insertOne?: SQLite.Statement;
  private load?: {
    datasetId: string;
    datasetSeq: number;
    importSeq: number;
    clearSlices: boolean;
    rebuildIndex: boolean;
    /** The rowid of the import's first row: its rows are the ones from there on, as SQLite appends them. */
    firstRowid?: bigint;
  };
  private rowsReplaced = 0;

  constructor(file: string) {
    this.db = new SQLite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -262144');
  }

  begin(): void {
    this.db.exec('begin immediate');
  }

  ensureDataset(d: DatasetEntry): string {
    const existing = this.db.prepare('select id from trade_datasets where name = ?').get(d.name) as
      { id: string } | undefined;
    if (existing) return existing.id;
    const now = new Date().toISOString();
    // The transaction holds the write lock, so no other import can take the same number meanwhile.
    this.db
      .prepare(
        `insert into trade_datasets (id, name, seq, kind, source, notes, row_count, version, created_at, updated_at)
         values (?, ?, (select coalesce(max(seq), 0) + 1 from trade_datasets), ?, ?, ?, 0, 1, ?, ?)`,
      )
      .run(d.id, d.name, d.kind, d.source, d.notes, now, now);
    return d.id;
  }

  startLoad(load: { datasetId: string; fileBytes: number }): void {
    const row = (sql: string, ...args: unknown[]) => this.db.prepare(sql).get(...args) !== undefined;
    const number = (sql: string, ...args: unknown[]) =>
      this.db
        .prepare(sql)
        .pluck()
        .get(...args) as number;
    const datasetSeq = number('select seq from trade_datasets where id = ?', load.datasetId);
    const importSeq = number('select coalesce(max(seq), 0) + 1 from trade_imports');
    // A dataset with nothing in it has no slice to replace: the per-slice look-ups are skipped.
    const datasetHoldsRows = row('select 1 from trade_pair_periods where dataset_id = ? limit 1', load.datasetId);
    // Only into an empty table: with rows already there, rebuilding would redo their index and the slice
    // deletes would lose the index they search by.
    const rebuildIndex = load.fileBytes > rebuildIndexAbove && !row('select 1 from trade_flows limit 1');
    if (rebuildIndex) this.db.exec('drop index if exists trade_flows_pair');
    this.load = { datasetId: load.datasetId, datasetSeq, importSeq, clearSlices: datasetHoldsRows, rebuildIndex };
    const placeholders = (n: number) =>
      Array.from({ length: n }, () => `(${flowColumns.map(() => '?').join(',')})`).join(',');
    const insert = `insert into trade_flows (${flowColumns.join(',')}) values `;
    this.insertMany = this.db.prepare(insert + placeholders(chunk));
    this.insertOne = this.db.prepare(insert + placeholders(1));
  }

  addFlows(batch: PackedFlows): void {
    const load = this.load!;
    this.unpacker.learn(batch);
    const fresh = this.unpacker.freshSlices(batch);
    if (load.clearSlices && fresh.length > 0) this.clearSlices(fresh);
    this.insertFlows(batch);
  }

  /** Adds the import's rows to the rollups, rebuilds the index if it was dropped; returns the rows replaced. */
  endLoad(): number {
    const { datasetId, datasetSeq, importSeq, firstRowid, clearSlices, rebuildIndex } = this.load!;
    if (firstRowid !== undefined) {
      const sql = rollupFromImportSql(() => '?', { narrowing: 'and rowid >= ?', datasetWasEmpty: !clearSlices });
      for (const statement of [sql.pairs, sql.products]) {
        this.db.prepare(statement).run(datasetId, datasetSeq, importSeq, firstRowid);
      }
    }
    if (rebuildIndex) this.db.exec(pairIndexSql);
    return this.rowsReplaced;
  }

  recordImport(e: ImportEntry): void {
    this.db
      .prepare(
        `insert into trade_imports (id, dataset_id, seq, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
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
      );
    this.db
      .prepare(
        `update trade_datasets set row_count = row_count + ? - ?, version = version + 1, updated_at = ? where id = ?`,
      )
      .run(e.rowsImported, e.rowsReplaced, e.importedAt, e.datasetId);
  }

  finish(commit: boolean): void {
    try {
      if (this.db.inTransaction) this.db.exec(commit ? 'commit' : 'rollback');
    } finally {
      this.db.close();
    }
  }

  private clearSlices(slices: Slice[]): void {
    const { datasetId, datasetSeq } = this.load!;
    const present = this.db.prepare(
      'select 1 from trade_pair_periods where dataset_id = ? and reporter = ? and period = ? and flow = ? limit 1',
    );
    const deleteFlows = this.db.prepare(
      'delete from trade_flows where dataset_seq = ? and reporter = ? and period = ? and flow = ?',
    );
    const deleteRollup = this.db.prepare(
      'delete from trade_pair_periods where dataset_id = ? and reporter = ? and period = ? and flow = ?',
    );
    for (const s of slices) {
      if (!present.get(datasetId, s.reporter, s.period, s.flow)) continue;
      this.rowsReplaced += deleteFlows.run(datasetSeq, s.reporter, s.period, s.flow).changes;
      deleteRollup.run(datasetId, s.reporter, s.period, s.flow);
      this.db
        .prepare(productClearSql(s.period, () => '?'))
        .run(datasetId, s.reporter, Math.floor(s.period / 100), s.flow);
    }
  }

  private insertFlows(batch: PackedFlows): void {
    const { datasetSeq, importSeq } = this.load!;
    const text = this.unpacker.text;
    const width = flowColumns.length;
    const params: unknown[] = new Array(chunk * width);
    const fill = (into: unknown[], at: number, i: number) => {
      const unit = batch.unit[i]!;
      const quantity = batch.quantity[i]!;
      into[at] = datasetSeq;
      into[at + 1] = batch.period[i];
      into[at + 2] = text[batch.reporter[i]!];
      into[at + 3] = text[batch.partner[i]!];
      into[at + 4] = text[batch.flow[i]!];
      into[at + 5] = text[batch.hsCode[i]!];
      into[at + 6] = text[batch.hsRevision[i]!];
      into[at + 7] = batch.valueCents[i];
      into[at + 8] = Number.isNaN(quantity) ? null : quantity;
      into[at + 9] = unit === noText ? null : text[unit];
      into[at + 10] = importSeq;
      into[at + 11] = batch.line[i];
    };
    const load = this.load!;
    const run = (statement: SQLite.Statement, values: unknown[], rows: number) => {
      const { lastInsertRowid } = statement.run(values);
      // A multi-row insert reports the rowid of its last row; its first is that many rows before.
      load.firstRowid ??= BigInt(lastInsertRowid) - BigInt(rows - 1);
    };
    let i = 0;
    for (; i + chunk <= batch.count; i += chunk) {
      for (let j = 0; j < chunk; j += 1) fill(params, j * width, i + j);
      run(this.insertMany!, params, chunk);
    }
    const one: unknown[] = new Array(width);
    for (; i < batch.count; i += 1) {
      fill(one, 0, i);
      run(this.insertOne!, one, 1);
    }
  }
}
