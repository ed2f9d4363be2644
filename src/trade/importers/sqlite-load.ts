import SQLite from 'better-sqlite3';
import { FlowTally, noText, type PackedFlows, type Slice } from './packed.ts';
import { productClearSql, productUpsertSql, productUpsertValues } from './product-rollup.ts';

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
  /**
   * Small, frequent rollup flushes spread the rollup's writes over the load, so the reading thread never
   * waits on one long flush (measured: 10k entries beat 200k by a fifth on a million rows).
   */
  private readonly tally = new FlowTally(10_000);
  private insertMany?: SQLite.Statement;
  private insertOne?: SQLite.Statement;
  private upsertRollup?: SQLite.Statement;
  private upsertProducts?: SQLite.Statement;
  private load?: {
    datasetId: string;
    datasetSeq: number;
    importSeq: number;
    clearSlices: boolean;
    rebuildIndex: boolean;
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
    this.upsertRollup = this.db.prepare(
      `insert into trade_pair_periods (dataset_id, reporter, partner, period, flow, value_cents, flow_rows)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (dataset_id, reporter, partner, period, flow)
       do update set value_cents = trade_pair_periods.value_cents + excluded.value_cents,
                     flow_rows = trade_pair_periods.flow_rows + excluded.flow_rows`,
    );
  }

  addFlows(batch: PackedFlows): void {
    const load = this.load!;
    // The rollup's keys are ids of the old dictionary: it is written out before the ids change meaning.
    if (batch.resetText) this.flushRollup();
    this.tally.learn(batch);
    const fresh = this.tally.freshSlices(batch);
    if (load.clearSlices && fresh.length > 0) this.clearSlices(fresh);
    this.insertFlows(batch);
    this.tally.add(batch);
    if (this.tally.rollupFull) this.flushRollup();
  }

  /** Writes what is left of the rollup, rebuilds the index if it was dropped; returns the rows replaced. */
  endLoad(): number {
    this.flushRollup();
    if (this.load?.rebuildIndex) this.db.exec(pairIndexSql);
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
    const text = this.tally.text;
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
    let i = 0;
    for (; i + chunk <= batch.count; i += chunk) {
      for (let j = 0; j < chunk; j += 1) fill(params, j * width, i + j);
      this.insertMany!.run(params);
    }
    const one: unknown[] = new Array(width);
    for (; i < batch.count; i += 1) {
      fill(one, 0, i);
      this.insertOne!.run(one);
    }
  }

  private flushRollup(): void {
    const datasetId = this.load!.datasetId;
    for (const e of this.tally.takeRollup()) {
      this.upsertRollup!.run(datasetId, e.reporter, e.partner, e.period, e.flow, e.valueCents, e.rows);
    }
    this.upsertProducts ??= this.db.prepare(productUpsertSql(1, () => '?'));
    for (const e of this.tally.products.drain()) this.upsertProducts.run(productUpsertValues(datasetId, e));
  }
}
