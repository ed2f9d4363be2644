import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Trade monitor storage. Periods are integers YYYYMM (months) or YYYY00 (whole years) so range scans
 * stay on integer indexes; values are USD cents (bigint); quantities keep the unit they were reported in.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('hs_codes')
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('title_ru', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('hs_codes_pk', ['revision', 'code'])
    .execute();

  await db.schema
    .createTable('trade_datasets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    // The dataset's key in trade_flows: a small integer there instead of the id on every one of millions of rows.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('row_count', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('trade_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dataset_id', 'text', (c) => c.notNull().references('trade_datasets.id').onDelete('cascade'))
    // The import's key in trade_flows, as trade_datasets.seq is the dataset's.
    .addColumn('seq', 'integer', (c) => c.notNull().unique())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('rows_imported', 'bigint', (c) => c.notNull())
    .addColumn('rows_replaced', 'bigint', (c) => c.notNull())
    .addColumn('period_from', 'integer')
    .addColumn('period_to', 'integer')
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trade_imports_dataset').on('trade_imports').column('dataset_id').execute();

  await db.schema
    .createTable('trade_flows')
    .addColumn('dataset_seq', 'integer', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('reporter', 'text', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('hs_code', 'text', (c) => c.notNull())
    .addColumn('hs_revision', 'text', (c) => c.notNull())
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('quantity', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('import_seq', 'integer', (c) => c.notNull())
    .addColumn('source_line', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('trade_flows_pair')
    .on('trade_flows')
    .columns(['dataset_seq', 'reporter', 'partner', 'period'])
    .execute();

  // Kept up to date by every import: one row per dataset, reporter, partner, month and direction.
  await db.schema
    .createTable('trade_pair_periods')
    .addColumn('dataset_id', 'text', (c) => c.notNull())
    .addColumn('reporter', 'text', (c) => c.notNull())
    .addColumn('partner', 'text', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('value_cents', 'bigint', (c) => c.notNull())
    .addColumn('flow_rows', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('trade_pair_periods_pk', ['dataset_id', 'reporter', 'partner', 'period', 'flow'])
    .execute();
  await db.schema
    .createIndex('trade_pair_periods_reporter')
    .on('trade_pair_periods')
    .columns(['dataset_id', 'reporter', 'period'])
    .execute();
  // Mirror reads (a partner's imports as the others reported them) go by partner.
  await db.schema
    .createIndex('trade_pair_periods_partner')
    .on('trade_pair_periods')
    .columns(['dataset_id', 'partner', 'period'])
    .execute();

  await db.schema
    .createTable('official_figures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reporter', 'text', (c) => c.notNull().references('territories.code'))
    .addColumn('partner', 'text', (c) => c.notNull().references('territories.code'))
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('period_from', 'integer', (c) => c.notNull())
    .addColumn('period_to', 'integer', (c) => c.notNull())
    .addColumn('value_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('growth_percent', 'text')
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('locator', 'text')
    .addColumn('notes', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('official_figures_pair')
    .on('official_figures')
    .columns(['reporter', 'partner'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'official_figures',
    'trade_pair_periods',
    'trade_flows',
    'trade_imports',
    'trade_datasets',
    'hs_codes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
