import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The pair-month sums, PostgreSQL only as 0011:
 * - are asked for one pair far more often than for one reporter's every partner: an index on reporter and
 *   period alone made PostgreSQL read all of a big reporter's months to find one partner's, so each index
 *   now names the other side before the period;
 * - count their flagged flows, which a summary used to count in the facts.
 */
export async function up(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`drop index trade_pair_months_reporter`.execute(db);
  await sql`drop index trade_partner_months_partner`.execute(db);
  await sql`create index trade_pair_months_pair on trade_pair_months (dataset_seq, reporter, partner, period)`.execute(
    db,
  );
  await sql`create index trade_partner_months_pair on trade_partner_months (dataset_seq, partner, reporter, period)`.execute(
    db,
  );
  for (const table of ['trade_pair_months', 'trade_partner_months']) {
    await sql`alter table ${sql.table(table)} add column flagged bigint not null default 0`.execute(db);
    await sql`update ${sql.table(table)} p set flagged = f.n
      from (select dataset_seq, reporter, partner, period, flow, count(*) as n from trade_facts where flag is not null
            group by dataset_seq, reporter, partner, period, flow) f
      where p.dataset_seq = f.dataset_seq and p.reporter = f.reporter and p.partner = f.partner
        and p.period = f.period and p.flow = f.flow`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const table of ['trade_pair_months', 'trade_partner_months']) {
    await sql`alter table ${sql.table(table)} drop column flagged`.execute(db);
  }
  await sql`drop index trade_pair_months_pair`.execute(db);
  await sql`drop index trade_partner_months_pair`.execute(db);
  await sql`create index trade_pair_months_reporter on trade_pair_months (dataset_seq, reporter, period)`.execute(db);
  await sql`create index trade_partner_months_partner on trade_partner_months (dataset_seq, partner, period)`.execute(
    db,
  );
}
