import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Sums by heading of a pair's months of 5,000 facts or more, PostgreSQL only as 0011 (the DuckDB store
 * counts them when it opens): a structure by heading of a big pair read all its facts (China's exports to
 * the United States over nine months: 75,000 rows of 10 M), where these sums hold a fraction of them.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`create table trade_pair_headings (dataset_seq integer not null, reporter text not null,
    partner text not null, period integer not null, flow text not null, heading text not null,
    value_cents bigint not null)`.execute(db);
  await sql`insert into trade_pair_headings
    select f.dataset_seq, f.reporter, f.partner, f.period, f.flow, substr(f.hs_code, 1, 4), sum(f.value_cents)
    from trade_pair_months m join trade_facts f on f.dataset_seq = m.dataset_seq and f.reporter = m.reporter
      and f.partner = m.partner and f.period = m.period and f.flow = m.flow
    where m.row_count >= 5000
    group by f.dataset_seq, f.reporter, f.partner, f.period, f.flow, substr(f.hs_code, 1, 4)`.execute(db);
  await sql`create index trade_pair_headings_pair on trade_pair_headings (dataset_seq, reporter, partner, period)`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop table trade_pair_headings`.execute(db);
}
