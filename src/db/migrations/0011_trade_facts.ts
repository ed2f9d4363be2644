import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const factColumns = sql.raw(`reporter text not null, partner text not null, period integer not null, flow text not null,
  hs_code text not null, hs_revision text not null, value_cents bigint not null, quantity double precision,
  unit text, flag text, line bigint not null`);

/**
 * Trade facts as plain rows. On PostgreSQL they live here, beside the records; a SQLite database keeps
 * them in its DuckDB file instead (src/trade/facts/duckdb.ts), so there this migration adds nothing.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create table trade_facts (dataset_seq integer not null, import_seq integer not null, ${factColumns})`.execute(
    db,
  );
  await sql`create table trade_facts_superseded (dataset_seq integer not null, import_seq integer not null, ${factColumns},
    superseded_by integer not null)`.execute(db);
  await sql`create table trade_facts_staged (stage text not null, ${factColumns})`.execute(db);
  await sql`create table trade_pair_months (dataset_seq integer not null, reporter text not null, partner text not null,
    period integer not null, flow text not null, value_cents bigint not null, row_count bigint not null)`.execute(db);
  await sql`create table trade_partner_months (dataset_seq integer not null, reporter text not null, partner text not null,
    period integer not null, flow text not null, value_cents bigint not null, row_count bigint not null)`.execute(db);
  await sql`create table trade_product_importers (dataset_seq integer not null, hs_code text not null,
    year integer not null, importer text not null, side text not null, unit text, flagged boolean not null,
    value_cents bigint not null, quantity double precision, measured bigint not null, flows bigint not null)`.execute(
    db,
  );
  await sql`create index trade_product_importers_product on trade_product_importers (dataset_seq, side, year, hs_code)`.execute(
    db,
  );
  await sql`create index trade_facts_pair on trade_facts (dataset_seq, reporter, partner, period)`.execute(db);
  await sql`create index trade_facts_superseded_by on trade_facts_superseded (dataset_seq, superseded_by)`.execute(db);
  await sql`create index trade_facts_staged_stage on trade_facts_staged (stage, reporter, period, flow)`.execute(db);
  await sql`create index trade_pair_months_reporter on trade_pair_months (dataset_seq, reporter, period)`.execute(db);
  await sql`create index trade_partner_months_partner on trade_partner_months (dataset_seq, partner, period)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of [
    'trade_partner_months',
    'trade_pair_months',
    'trade_facts_staged',
    'trade_facts_superseded',
    'trade_facts',
  ]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
