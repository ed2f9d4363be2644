import { PostgresAdapter, sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Imports now add to the rollups by grouping their own rows in the database, so they must find them
 * without reading every flow. PostgreSQL gets a block-range index on the import number, tiny and cheap
 * to keep since rows arrive in import order; SQLite needs none, as an import's rows follow one another
 * in rowid order. Also drops the heading rollup rows that dataset deletions used to leave behind.
 */
export async function up(db: AnyDb): Promise<void> {
  await db
    .deleteFrom('trade_pair_products')
    .where('dataset_id', 'not in', db.selectFrom('trade_datasets').select('id'))
    .execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create index trade_flows_import on trade_flows using brin (import_seq)`.execute(db);
  }
}

export async function down(db: AnyDb): Promise<void> {
  await sql`drop index if exists trade_flows_import`.execute(db);
}
