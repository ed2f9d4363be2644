import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

const monthColumns = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11', 'm12'] as const;

/**
 * The commodity structure of a pair read from one row per heading and year, its twelve months side by
 * side: a January–September question sums nine columns of a few hundred rows instead of scanning every
 * flow of the pair. Imports keep it up to date.
 */
export async function up(db: AnyDb): Promise<void> {
  let table = db.schema
    .createTable('trade_pair_products')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('reporter', 'text', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('heading', 'text', (c) => c.notNull());
  for (const month of monthColumns) table = table.addColumn(month, 'bigint', (c) => c.notNull().defaultTo(0));
  // Annual rows (YYYY00) cannot be split into months; they count when a question covers the whole year.
  table = table.addColumn('annual', 'bigint', (c) => c.notNull().defaultTo(0));
  await table
    .addPrimaryKeyConstraint('trade_pair_products_pk', ['dataset_id', 'reporter', 'partner', 'year', 'flow', 'heading'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('trade_pair_products').execute();
}
