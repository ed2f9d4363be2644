import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DatabaseTarget } from '../../db/config.ts';
import type { FlowRow } from '../model.ts';

/** One (dataset, reporter, partner, period, flow) sum to add to the pair rollup. */
export interface RollupEntry {
  reporter: string;
  partner: string;
  period: number;
  flow: string;
  valueCents: number;
  rows: number;
}

/** What one import replaces: a reporter's trade in one direction in one period. */
export interface Slice {
  reporter: string;
  period: number;
  flow: string;
}

/**
 * The bulk path of an import, on its own connection and in one transaction: engine-native bulk writes
 * (multi-row prepared inserts on SQLite, COPY on PostgreSQL) where Kysely's per-statement building would
 * dominate. Everything else in Accord goes through Kysely.
 */
export interface FlowWriter {
  begin(): Promise<void>;
  /** Rows the table holds in all datasets: decides whether rebuilding the index after the load pays. */
  totalFlowRows(): Promise<number>;
  dropPairIndex(): Promise<void>;
  createPairIndex(): Promise<void>;
  ensureDataset(dataset: {
    id: string;
    name: string;
    kind: string;
    source: string;
    notes: string | null;
  }): Promise<string>;
  /** Deletes the dataset's rows (flows and rollup) of these reporter-period-flows; returns flow rows removed. */
  clearSlices(datasetId: string, slices: Slice[]): Promise<number>;
  insertFlows(datasetId: string, importId: string, rows: FlowRow[]): Promise<void>;
  addRollup(datasetId: string, entries: RollupEntry[]): Promise<void>;
  recordImport(entry: {
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
  }): Promise<void>;
  finish(commit: boolean): Promise<void>;
}

const flowColumns = [
  'dataset_id',
  'period',
  'reporter',
  'partner',
  'flow',
  'hs_code',
  'hs_revision',
  'value_cents',
  'quantity',
  'unit',
  'import_id',
  'source_line',
];

const pairIndexSql = 'create index trade_flows_pair on trade_flows (dataset_id, reporter, partner, period)';

export function openFlowWriter(target: DatabaseTarget): FlowWriter {
  return target.dialect === 'sqlite' ? new SqliteFlowWriter(target.file) : new PostgresFlowWriter(target.url);
}

class SqliteFlowWriter implements FlowWriter {
  private readonly db: SQLite.Database;
  private readonly chunk = 100;
  private insertMany?: SQLite.Statement;
  private insertOne?: SQLite.Statement;

  constructor(file: string) {
    this.db = new SQLite(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -262144');
  }

  async begin(): Promise<void> {
    this.db.exec('begin immediate');
    const placeholders = (n: number) =>
      Array.from({ length: n }, () => `(${flowColumns.map(() => '?').join(',')})`).join(',');
    this.insertMany = this.db.prepare(
      `insert into trade_flows (${flowColumns.join(',')}) values ${placeholders(this.chunk)}`,
    );
    this.insertOne = this.db.prepare(`insert into trade_flows (${flowColumns.join(',')}) values ${placeholders(1)}`);
  }

  async totalFlowRows(): Promise<number> {
    const row = this.db.prepare('select count(*) as n from (select 1 from trade_flows limit 1000000)').get() as {
      n: number;
    };
    return row.n;
  }

  async dropPairIndex(): Promise<void> {
    this.db.exec('drop index if exists trade_flows_pair');
  }

  async createPairIndex(): Promise<void> {
    this.db.exec(pairIndexSql);
  }

  async ensureDataset(d: {
    id: string;
    name: string;
    kind: string;
    source: string;
    notes: string | null;
  }): Promise<string> {
    const existing = this.db.prepare('select id from trade_datasets where name = ?').get(d.name) as
      { id: string } | undefined;
    if (existing) return existing.id;
    const now = new Date().toISOString();
    this.db
      .prepare(
        'insert into trade_datasets (id, name, kind, source, notes, row_count, version, created_at, updated_at) values (?, ?, ?, ?, ?, 0, 1, ?, ?)',
      )
      .run(d.id, d.name, d.kind, d.source, d.notes, now, now);
    return d.id;
  }

  async clearSlices(datasetId: string, slices: Slice[]): Promise<number> {
    const present = this.db.prepare(
      'select 1 from trade_pair_periods where dataset_id = ? and reporter = ? and period = ? and flow = ? limit 1',
    );
    const deleteFlows = this.db.prepare(
      'delete from trade_flows where dataset_id = ? and reporter = ? and period = ? and flow = ?',
    );
    const deleteRollup = this.db.prepare(
      'delete from trade_pair_periods where dataset_id = ? and reporter = ? and period = ? and flow = ?',
    );
    let removed = 0;
    for (const s of slices) {
      if (!present.get(datasetId, s.reporter, s.period, s.flow)) continue;
      removed += deleteFlows.run(datasetId, s.reporter, s.period, s.flow).changes;
      deleteRollup.run(datasetId, s.reporter, s.period, s.flow);
    }
    return removed;
  }

  async insertFlows(datasetId: string, importId: string, rows: FlowRow[]): Promise<void> {
    const values = (r: FlowRow) => [
      datasetId,
      r.period,
      r.reporter,
      r.partner,
      r.flow,
      r.hsCode,
      r.hsRevision,
      r.valueCents,
      r.quantity,
      r.unit,
      importId,
      r.line,
    ];
    let i = 0;
    const params: unknown[] = new Array(this.chunk * flowColumns.length);
    for (; i + this.chunk <= rows.length; i += this.chunk) {
      let k = 0;
      for (let j = i; j < i + this.chunk; j += 1) {
        for (const v of values(rows[j]!)) params[k++] = v;
      }
      this.insertMany!.run(params);
    }
    for (; i < rows.length; i += 1) this.insertOne!.run(values(rows[i]!));
  }

  async addRollup(datasetId: string, entries: RollupEntry[]): Promise<void> {
    const upsert = this.db.prepare(
      `insert into trade_pair_periods (dataset_id, reporter, partner, period, flow, value_cents, flow_rows)
       values (?, ?, ?, ?, ?, ?, ?)
       on conflict (dataset_id, reporter, partner, period, flow)
       do update set value_cents = trade_pair_periods.value_cents + excluded.value_cents,
                     flow_rows = trade_pair_periods.flow_rows + excluded.flow_rows`,
    );
    for (const e of entries) upsert.run(datasetId, e.reporter, e.partner, e.period, e.flow, e.valueCents, e.rows);
  }

  async recordImport(e: Parameters<FlowWriter['recordImport']>[0]): Promise<void> {
    this.db
      .prepare(
        `insert into trade_imports (id, dataset_id, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.id,
        e.datasetId,
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

  async finish(commit: boolean): Promise<void> {
    try {
      if (this.db.inTransaction) this.db.exec(commit ? 'commit' : 'rollback');
    } finally {
      this.db.close();
    }
  }
}

class PostgresFlowWriter implements FlowWriter {
  private readonly client: pg.Client;

  constructor(url: string) {
    this.client = new pg.Client({ connectionString: url });
  }

  async begin(): Promise<void> {
    await this.client.connect();
    await this.client.query('begin');
    // One import at a time per dataset table: a second waits rather than interleaving slices.
    await this.client.query('lock table trade_flows in share row exclusive mode');
  }

  async totalFlowRows(): Promise<number> {
    const r = await this.client.query<{ n: number }>(
      'select count(*)::int as n from (select 1 from trade_flows limit 1000000) s',
    );
    return r.rows[0]!.n;
  }

  async dropPairIndex(): Promise<void> {
    await this.client.query('drop index if exists trade_flows_pair');
  }

  async createPairIndex(): Promise<void> {
    await this.client.query(pairIndexSql);
  }

  async ensureDataset(d: {
    id: string;
    name: string;
    kind: string;
    source: string;
    notes: string | null;
  }): Promise<string> {
    const existing = await this.client.query<{ id: string }>('select id from trade_datasets where name = $1', [d.name]);
    if (existing.rows[0]) return existing.rows[0].id;
    const now = new Date().toISOString();
    await this.client.query(
      'insert into trade_datasets (id, name, kind, source, notes, row_count, version, created_at, updated_at) values ($1, $2, $3, $4, $5, 0, 1, $6, $6)',
      [d.id, d.name, d.kind, d.source, d.notes, now],
    );
    return d.id;
  }

  async clearSlices(datasetId: string, slices: Slice[]): Promise<number> {
    if (slices.length === 0) return 0;
    const present = await this.client.query<Slice>(
      `select distinct p.reporter, p.period, p.flow from trade_pair_periods p
       join unnest($2::text[], $3::int[], $4::text[]) as s(reporter, period, flow)
         on p.reporter = s.reporter and p.period = s.period and p.flow = s.flow
       where p.dataset_id = $1`,
      [datasetId, slices.map((s) => s.reporter), slices.map((s) => s.period), slices.map((s) => s.flow)],
    );
    if (present.rows.length === 0) return 0;
    const args = [
      datasetId,
      present.rows.map((r) => r.reporter),
      present.rows.map((r) => r.period),
      present.rows.map((r) => r.flow),
    ];
    const removed = await this.client.query(
      `delete from trade_flows f using unnest($2::text[], $3::int[], $4::text[]) as s(reporter, period, flow)
       where f.dataset_id = $1 and f.reporter = s.reporter and f.period = s.period and f.flow = s.flow`,
      args,
    );
    await this.client.query(
      `delete from trade_pair_periods p using unnest($2::text[], $3::int[], $4::text[]) as s(reporter, period, flow)
       where p.dataset_id = $1 and p.reporter = s.reporter and p.period = s.period and p.flow = s.flow`,
      args,
    );
    return removed.rowCount ?? 0;
  }

  async insertFlows(datasetId: string, importId: string, rows: FlowRow[]): Promise<void> {
    const stream = this.client.query(copyFrom(`copy trade_flows (${flowColumns.join(',')}) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('finish', resolve);
      stream.on('error', reject);
    });
    const lines: string[] = [];
    for (const r of rows) {
      lines.push(
        `${datasetId}\t${r.period}\t${copyText(r.reporter)}\t${copyText(r.partner)}\t${r.flow}\t${copyText(r.hsCode)}\t${copyText(
          r.hsRevision,
        )}\t${r.valueCents}\t${r.quantity ?? '\\N'}\t${r.unit === null ? '\\N' : copyText(r.unit)}\t${importId}\t${r.line}\n`,
      );
    }
    stream.end(lines.join(''));
    await done;
  }

  async addRollup(datasetId: string, entries: RollupEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 5000) {
      const part = entries.slice(i, i + 5000);
      await this.client.query(
        `insert into trade_pair_periods (dataset_id, reporter, partner, period, flow, value_cents, flow_rows)
         select $1, * from unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::bigint[], $7::int[])
         on conflict (dataset_id, reporter, partner, period, flow)
         do update set value_cents = trade_pair_periods.value_cents + excluded.value_cents,
                       flow_rows = trade_pair_periods.flow_rows + excluded.flow_rows`,
        [
          datasetId,
          part.map((e) => e.reporter),
          part.map((e) => e.partner),
          part.map((e) => e.period),
          part.map((e) => e.flow),
          part.map((e) => String(e.valueCents)),
          part.map((e) => e.rows),
        ],
      );
    }
  }

  async recordImport(e: Parameters<FlowWriter['recordImport']>[0]): Promise<void> {
    await this.client.query(
      `insert into trade_imports (id, dataset_id, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        e.id,
        e.datasetId,
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
}

/** COPY's text format: backslash, tab and line breaks must be escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}
