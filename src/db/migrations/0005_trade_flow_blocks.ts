import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { PartBuilder, type BlockFlow, type PartRows } from './frozen/flow-blocks.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Rows an import holds in memory before they are written out as blocks. */
const rowsPerPart = 500_000;

/** One import's rows on their way into blocks, and the number of its last part written. */
interface Load {
  datasetSeq: number;
  importSeq: number;
  part: number;
  builder: PartBuilder;
}

/**
 * Flows move from a row each to blocks of columns, with every pair's sums by month beside them (see
 * frozen/flow-blocks.ts); the sums replace both rollups, whose rows cost imports more than the flows.
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
  // Read a pair and a year at a time through the pair index, so memory is bounded by the largest pair's
  // year rather than the database; each import's rows are gathered apart (import numbers are unique
  // across datasets), written out as a part every `rowsPerPart` rows.
  const loads = new Map<number, Load>();
  const write = async (load: Load) => {
    load.part += 1;
    const part: PartRows = load.builder.take(load);
    for (const row of part.blocks) await plain.insertInto('trade_flow_blocks').values(row).execute();
    for (const row of part.sums) await plain.insertInto('trade_flow_sums').values(row).execute();
  };
  const datasets = (await plain
    .selectFrom('trade_flows')
    .select((eb) => ['dataset_seq', eb.fn.min('period').as('first'), eb.fn.max('period').as('last')])
    .groupBy('dataset_seq')
    .execute()) as Array<{ dataset_seq: number; first: number; last: number }>;
  for (const dataset of datasets) {
    const datasetSeq = Number(dataset.dataset_seq);
    const pairs = (await plain
      .selectFrom('trade_flows')
      .select(['reporter', 'partner'])
      .distinct()
      .where('dataset_seq', '=', datasetSeq)
      .execute()) as Array<{ reporter: string; partner: string }>;
    for (const pair of pairs) {
      for (
        let year = Math.floor(Number(dataset.first) / 100);
        year <= Math.floor(Number(dataset.last) / 100);
        year += 1
      ) {
        const rows = (await plain
          .selectFrom('trade_flows')
          .selectAll()
          .where('dataset_seq', '=', datasetSeq)
          .where('reporter', '=', pair.reporter)
          .where('partner', '=', pair.partner)
          .where('period', '>=', year * 100)
          .where('period', '<=', year * 100 + 12)
          .execute()) as Array<Record<string, unknown>>;
        const byImport = new Map<number, BlockFlow[]>();
        for (const r of rows) {
          const importSeq = Number(r.import_seq);
          const flows = byImport.get(importSeq) ?? [];
          byImport.set(importSeq, flows);
          flows.push({
            line: Number(r.source_line),
            period: Number(r.period),
            reporter: String(r.reporter),
            partner: String(r.partner),
            flow: String(r.flow),
            hsCode: String(r.hs_code),
            hsRevision: String(r.hs_revision),
            valueCents: Number(r.value_cents),
            quantity: r.quantity === null ? null : Number(r.quantity),
            unit: r.unit === null ? null : String(r.unit),
          });
        }
        for (const [importSeq, flows] of byImport) {
          let load = loads.get(importSeq);
          if (!load) loads.set(importSeq, (load = { datasetSeq, importSeq, part: 0, builder: new PartBuilder() }));
          for (const flow of flows) load.builder.add(flow);
          if (load.builder.rows >= rowsPerPart) await write(load);
        }
      }
    }
  }
  for (const load of loads.values()) if (load.builder.rows > 0) await write(load);
  await db.schema.dropTable('trade_pair_products').execute();
  await db.schema.dropTable('trade_pair_periods').execute();
  await db.schema.dropTable('trade_flows').execute();
}
