import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { FlowBlockBuilder, partRows } from '../../trade/importers/block-builder.ts';
import { FlowPacker, maxPackedRows } from '../../trade/importers/packed.ts';
import type { FlowDirection, FlowRow } from '../../trade/model.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * Flows move from a row each to blocks of columns, with every pair's sums by month beside them (see
 * src/trade/flow-blocks.ts); the sums replace both rollups, whose rows cost imports more than the flows.
 * The rows already imported are carried over, each import's apart, with their source lines.
 */
export async function up(db: AnyDb): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('trade_flow_blocks')
    .addColumn('dataset_seq', 'integer', (c) => c.notNull())
    .addColumn('reporter', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('bucket', 'integer', (c) => c.notNull())
    .addColumn('import_seq', 'integer', (c) => c.notNull())
    // An import writes a big file in parts, so one key may get a block from each.
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('body', binary, (c) => c.notNull())
    // After the body, so that reading sums does not read it.
    .addColumn('detail', binary, (c) => c.notNull())
    .addPrimaryKeyConstraint('trade_flow_blocks_pk', [
      'dataset_seq',
      'reporter',
      'year',
      'flow',
      'bucket',
      'import_seq',
      'part',
    ])
    .execute();
  await db.schema
    .createTable('trade_flow_sums')
    .addColumn('dataset_seq', 'integer', (c) => c.notNull())
    // 'reporter': a reporter's sums with each partner; 'partner': a partner's with each reporter.
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('territory', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('flow', 'text', (c) => c.notNull())
    .addColumn('import_seq', 'integer', (c) => c.notNull())
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('body', binary, (c) => c.notNull())
    .addPrimaryKeyConstraint('trade_flow_sums_pk', [
      'dataset_seq',
      'side',
      'territory',
      'year',
      'flow',
      'import_seq',
      'part',
    ])
    .execute();

  if (binary === 'bytea') {
    // Blocks are numbers that do not compress much: PostgreSQL stores them as they are rather than try
    // and then unpack them on every read.
    for (const [table, column] of [
      ['trade_flow_blocks', 'body'],
      ['trade_flow_blocks', 'detail'],
      ['trade_flow_sums', 'body'],
    ]) {
      await sql`alter table ${sql.table(table!)} alter column ${sql.ref(column!)} set storage external`.execute(db);
    }
  }

  // Rows as stored (snake_case), whatever plugins the caller's connection has.
  const plain = db.withoutPlugins();
  const slices = await plain
    .selectFrom('trade_flows')
    .select(['dataset_seq', 'import_seq', 'reporter'])
    .distinct()
    .orderBy('dataset_seq')
    .orderBy('import_seq')
    .orderBy('reporter')
    .execute();
  let part = 0;
  for (const slice of slices as Array<{ dataset_seq: number; import_seq: number; reporter: string }>) {
    const rows = (await plain
      .selectFrom('trade_flows')
      .selectAll()
      .where('dataset_seq', '=', slice.dataset_seq)
      .where('import_seq', '=', slice.import_seq)
      .where('reporter', '=', slice.reporter)
      .execute()) as Array<Record<string, unknown>>;
    const flows: FlowRow[] = rows.map((r) => ({
      line: Number(r.source_line),
      period: Number(r.period),
      reporter: String(r.reporter),
      partner: String(r.partner),
      flow: r.flow as FlowDirection,
      hsCode: String(r.hs_code),
      hsRevision: String(r.hs_revision),
      valueCents: Number(r.value_cents),
      quantity: r.quantity === null ? null : Number(r.quantity),
      unit: r.unit === null ? null : String(r.unit),
    }));
    const packer = new FlowPacker();
    const builder = new FlowBlockBuilder();
    const text: string[] = [];
    for (let start = 0; start < flows.length; start += maxPackedRows) {
      const batch = packer.pack(flows, start, Math.min(flows.length, start + maxPackedRows));
      if (batch.resetText) throw new Error('too many distinct texts in one reporter’s flows to carry over');
      text.push(...batch.newText);
      builder.add(batch, text);
    }
    part += 1;
    const written = partRows(builder.take(text), { datasetSeq: slice.dataset_seq, importSeq: slice.import_seq, part });
    for (const row of written.blocks) await plain.insertInto('trade_flow_blocks').values(row).execute();
    for (const row of written.sums) await plain.insertInto('trade_flow_sums').values(row).execute();
  }
  await db.schema.dropTable('trade_pair_products').execute();
  await db.schema.dropTable('trade_pair_periods').execute();
  await db.schema.dropTable('trade_flows').execute();
}
