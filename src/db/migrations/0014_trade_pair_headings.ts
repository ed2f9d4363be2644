import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A pair's trade by heading and month, PostgreSQL only as 0011 (the DuckDB store counts them when it
 * opens): a structure by heading, chapter or section of a big pair read tens of thousands of facts
 * (China's exports to the United States over nine months: 75,000 in 10 M) where these sums hold a
 * fifteenth of them.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create table trade_pair_headings (dataset_seq integer not null, reporter text not null,
    partner text not null, period integer not null, flow text not null, heading text not null,
    value_cents bigint not null)`.execute(db);
  await sql`insert into trade_pair_headings
    select dataset_seq, reporter, partner, period, flow, substr(hs_code, 1, 4), sum(value_cents) from trade_facts
    group by dataset_seq, reporter, partner, period, flow, substr(hs_code, 1, 4)`.execute(db);
  await sql`create index trade_pair_headings_pair on trade_pair_headings (dataset_seq, reporter, partner, period)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop table trade_pair_headings`.execute(db);
}
