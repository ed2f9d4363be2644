import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';
import { decodeBlock, type BlockFlow } from './frozen/flow-blocks.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Blocks read at once: a block holds up to a few hundred thousand rows, a few megabytes. */
const blocksPerPage = 64;

const factColumns =
  'dataset_seq, import_seq, reporter, partner, period, flow, hs_code, hs_revision, value_cents, quantity, unit, flag, line';

interface Fact extends BlockFlow {
  datasetSeq: number;
  importSeq: number;
}

/**
 * Trade flows leave the blocks of 0005 for the trade store of 0011: every row of every block becomes a
 * fact with its import and source line, and every pair's sums by month are counted again from them. On
 * PostgreSQL the facts go into trade_facts, in this migration's transaction. A SQLite database keeps
 * them in its DuckDB file: they are written there and committed first, then the blocks are dropped; a
 * run cut short between the two is run again, and replaces what the first run wrote.
 */
export async function up(db: AnyDb): Promise<void> {
  const plain = db.withoutPlugins();
  const held = await plain.selectFrom('trade_flow_blocks').select('dataset_seq').limit(1).executeTakeFirst();
  if (held) {
    if (db.getExecutor().adapter instanceof PostgresAdapter) await intoPostgres(plain);
    else await intoDuckDb(plain);
  }
  await db.schema.dropTable('trade_flow_sums').ifExists().execute();
  await db.schema.dropTable('trade_flow_blocks').ifExists().execute();
}

/** Every fact the blocks hold, a page of blocks at a time in key order. */
async function* factsOfBlocks(db: AnyDb): AsyncIterable<Fact[]> {
  const key = ['dataset_seq', 'reporter', 'year', 'flow', 'bucket', 'import_seq', 'part'];
  let after: unknown[] | null = null;
  for (;;) {
    const from: RawBuilder<unknown> =
      after === null ? sql`` : sql`where (${sql.raw(key.join(', '))}) > (${sql.join(after)})`;
    const page: Array<Record<string, unknown>> = (
      await sql<Record<string, unknown>>`select ${sql.raw(key.join(', '))}, body, detail
      from trade_flow_blocks ${from} order by ${sql.raw(key.join(', '))} limit ${blocksPerPage}`.execute(db)
    ).rows;
    if (page.length === 0) return;
    yield page.flatMap((block) => {
      const flows = decodeBlock(
        { reporter: String(block.reporter), year: Number(block.year), flow: String(block.flow) },
        block.body as Uint8Array,
        block.detail as Uint8Array,
      );
      const datasetSeq = Number(block.dataset_seq);
      const importSeq = Number(block.import_seq);
      return flows.map((flow) => ({ ...flow, datasetSeq, importSeq }));
    });
    const last: Record<string, unknown> = page.at(-1)!;
    after = key.map((column) => last[column]);
  }
}

/** Cents as stored in the blocks (f64 when large); whole numbers always, read back as such. */
function cents(value: number): number {
  return Math.round(value);
}

async function intoPostgres(db: AnyDb): Promise<void> {
  for await (const facts of factsOfBlocks(db)) {
    const column = <T>(pick: (fact: Fact) => T) => facts.map(pick);
    // One statement a page, its columns as arrays: a row of parameters each would be thousands of statements.
    await sql`insert into trade_facts (${sql.raw(factColumns)})
      select d, i, r, p, t, f, h, v, c, q, u, null, l
      from unnest(${column((f) => f.datasetSeq)}::integer[], ${column((f) => f.importSeq)}::integer[],
        ${column((f) => f.reporter)}::text[], ${column((f) => f.partner)}::text[], ${column((f) => f.period)}::integer[],
        ${column((f) => f.flow)}::text[], ${column((f) => f.hsCode)}::text[], ${column((f) => f.hsRevision)}::text[],
        ${column((f) => cents(f.valueCents))}::bigint[], ${column((f) => f.quantity)}::double precision[],
        ${column((f) => f.unit)}::text[], ${column((f) => f.line)}::bigint[]) as x(d, i, r, p, t, f, h, v, c, q, u, l)`.execute(
      db,
    );
  }
  const converted = sql`(select distinct dataset_seq from trade_flow_blocks)`;
  await sql`delete from trade_pair_months where dataset_seq in ${converted}`.execute(db);
  await sql`insert into trade_pair_months (dataset_seq, reporter, partner, period, flow, value_cents, row_count)
    select dataset_seq, reporter, partner, period, flow, sum(value_cents), count(*) from trade_facts
    where dataset_seq in ${converted} group by dataset_seq, reporter, partner, period, flow`.execute(db);
  await sql`delete from trade_partner_months where dataset_seq in ${converted}`.execute(db);
  await sql`insert into trade_partner_months select * from trade_pair_months where dataset_seq in ${converted}`.execute(
    db,
  );
  await sql`delete from trade_product_importers where dataset_seq in ${converted}`.execute(db);
  for (const [side, importer] of [
    ['X', 'partner'],
    ['M', 'reporter'],
  ] as const) {
    await sql`insert into trade_product_importers (dataset_seq, hs_code, year, importer, side, unit, flagged,
        value_cents, quantity, measured, flows)
      select dataset_seq, hs_code, period / 100, ${sql.ref(importer)}, ${side}, unit, false,
        sum(value_cents), sum(quantity), count(quantity), count(*) from trade_facts
      where dataset_seq in ${converted} and flow = ${side}
      group by dataset_seq, hs_code, period / 100, ${sql.ref(importer)}, unit`.execute(db);
  }
}

/**
 * The DuckDB file of a SQLite records file, as the trade store finds it when this migration was written:
 * ACCORD_TRADE_DATABASE, else `<name>-trade.duckdb` beside the records.
 */
function duckDbFile(recordsFile: string): string {
  const configured = process.env.ACCORD_TRADE_DATABASE?.trim();
  if (configured) return path.resolve(configured);
  const { dir, name } = path.parse(recordsFile);
  return path.join(dir, `${name}-trade.duckdb`);
}

/** The trade store's tables when this migration was written (see src/trade/facts/duckdb.ts then). */
const duckDbSchema = [
  `create table if not exists trade_facts (
     dataset_seq integer not null, import_seq integer not null, reporter varchar not null, partner varchar not null,
     period integer not null, flow varchar not null, hs_code varchar not null, hs_revision varchar not null,
     value_cents bigint not null, quantity double, unit varchar, flag varchar, line bigint not null)`,
  `create table if not exists trade_facts_superseded (
     dataset_seq integer not null, import_seq integer not null, reporter varchar not null, partner varchar not null,
     period integer not null, flow varchar not null, hs_code varchar not null, hs_revision varchar not null,
     value_cents bigint not null, quantity double, unit varchar, flag varchar, line bigint not null,
     superseded_by integer not null)`,
  `create table if not exists trade_facts_staged (
     stage varchar not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, hs_code varchar not null, hs_revision varchar not null, value_cents bigint not null,
     quantity double, unit varchar, flag varchar, line bigint not null)`,
  `create table if not exists trade_pair_months (
     dataset_seq integer not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, value_cents hugeint not null, row_count bigint not null)`,
  `create table if not exists trade_partner_months (
     dataset_seq integer not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, value_cents hugeint not null, row_count bigint not null)`,
];

async function intoDuckDb(db: AnyDb): Promise<void> {
  const { rows } = await sql<{ name: string; file: string }>`pragma database_list`.execute(db);
  const records = rows.find((r) => r.name === 'main')?.file;
  if (!records) throw new Error('trade flows of an in-memory SQLite database have no DuckDB file to move to');
  const instance = await DuckDBInstance.create(duckDbFile(records));
  try {
    const duck = await instance.connect();
    try {
      await toDuckDb(db, duck);
    } finally {
      duck.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

async function toDuckDb(db: AnyDb, duck: DuckDBConnection): Promise<void> {
  for (const statement of duckDbSchema) await duck.run(statement);
  // The blocks' facts gather in a table of their own, then take the place of what an earlier run left.
  await duck.run(`create or replace table trade_facts_from_blocks as select ${factColumns} from trade_facts limit 0`);
  const appender = await duck.createAppender('trade_facts_from_blocks');
  try {
    for await (const facts of factsOfBlocks(db)) {
      for (const fact of facts) {
        appender.appendInteger(fact.datasetSeq);
        appender.appendInteger(fact.importSeq);
        appender.appendVarchar(fact.reporter);
        appender.appendVarchar(fact.partner);
        appender.appendInteger(fact.period);
        appender.appendVarchar(fact.flow);
        appender.appendVarchar(fact.hsCode);
        appender.appendVarchar(fact.hsRevision);
        appender.appendBigInt(BigInt(cents(fact.valueCents)));
        if (fact.quantity === null) appender.appendNull();
        else appender.appendDouble(fact.quantity);
        if (fact.unit === null) appender.appendNull();
        else appender.appendVarchar(fact.unit);
        appender.appendNull();
        appender.appendBigInt(BigInt(fact.line));
        appender.endRow();
      }
      appender.flushSync();
    }
  } finally {
    appender.closeSync();
  }
  const imports = 'select distinct import_seq from trade_facts_from_blocks';
  const datasets = 'select distinct dataset_seq from trade_facts_from_blocks';
  await duck.run('begin transaction');
  try {
    await duck.run(`delete from trade_facts where import_seq in (${imports})`);
    await duck.run(`insert into trade_facts (${factColumns}) select ${factColumns} from trade_facts_from_blocks
      order by dataset_seq, reporter, partner, period, flow, hs_code`);
    await duck.run(`delete from trade_pair_months where dataset_seq in (${datasets})`);
    await duck.run(`insert into trade_pair_months (dataset_seq, reporter, partner, period, flow, value_cents, row_count)
      select dataset_seq, reporter, partner, period, flow, sum(value_cents), count(*) from trade_facts
      where dataset_seq in (${datasets}) group by dataset_seq, reporter, partner, period, flow
      order by reporter, partner, period`);
    await duck.run(`delete from trade_partner_months where dataset_seq in (${datasets})`);
    await duck.run(`insert into trade_partner_months select * from trade_pair_months where dataset_seq in (${datasets})
      order by partner, reporter, period`);
    await duck.run('drop table trade_facts_from_blocks');
    await duck.run('commit');
  } catch (error) {
    await duck.run('rollback').catch(() => undefined);
    throw error;
  }
}
