import fs from 'node:fs';
import path from 'node:path';
import { BIGINT, DOUBLE, DuckDBInstance, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import type { FlowRow } from '../model.ts';
import type { PeriodRange } from '../periods.ts';
import { heldError, storeHolder } from './holder.ts';
import { baciColumnType, checkBaciRaw } from './bulk.ts';
import * as q from './sql.ts';
import type {
  BulkChecks,
  BulkLoad,
  FactStage,
  FactView,
  FlowSum,
  PartnerPart,
  ProductQuery,
  ProductSum,
  RecordImport,
  StoredFact,
  TradeFacts,
} from './store.ts';

const schema = [
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
  // An import read in bulk from a CSV file by DuckDB waits as the file's typed columns in a table of its
  // own (`raw_table`), with the file's codes mapped to Accord's in trade_stage_codes.
  `create table if not exists trade_stages (
     stage varchar primary key, layout varchar not null, raw_table varchar not null, hs_revision varchar not null)`,
  `create table if not exists trade_stage_codes (stage varchar not null, kind varchar not null, raw bigint not null, code varchar not null)`,
  `create table if not exists trade_product_importers (
     dataset_seq integer not null, hs_code varchar not null, year integer not null, importer varchar not null,
     side varchar not null, unit varchar, flagged boolean not null, value_cents hugeint not null, quantity double,
     measured bigint not null, flows bigint not null)`,
  `create table if not exists trade_partner_months (
     dataset_seq integer not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, value_cents hugeint not null, row_count bigint not null, flagged bigint not null default 0)`,
  `create table if not exists trade_pair_headings (
     dataset_seq integer not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, heading varchar not null, value_cents hugeint not null)`,
  `create table if not exists trade_pair_months (
     dataset_seq integer not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, value_cents hugeint not null, row_count bigint not null, flagged bigint not null default 0)`,
];

/** The DuckDB file of a SQLite records file: `accord.sqlite` keeps its facts in `accord-trade.duckdb`. */
export function tradeStoreFile(recordsFile: string, configured = process.env.ACCORD_TRADE_DATABASE): string {
  if (configured && configured.trim() !== '') return path.resolve(configured.trim());
  const { dir, name } = path.parse(recordsFile);
  return path.join(dir, `${name}-trade.duckdb`);
}

function typeOf(value: unknown): DuckDBType {
  if (typeof value === 'string') return VARCHAR;
  if (typeof value === 'number') return Number.isInteger(value) ? BIGINT : DOUBLE;
  throw new Error(`cannot bind ${typeof value} to a trade-store statement`);
}

async function run(connection: DuckDBConnection, sql: string, params: unknown[] = []) {
  const values = params as Array<string | number>;
  return connection.runAndReadAll(sql, values, values.map(typeOf));
}

async function rowsOf(connection: DuckDBConnection, statement: q.Statement): Promise<Array<Record<string, unknown>>> {
  return (await run(connection, statement.text, statement.params)).getRowObjectsJS() as Array<Record<string, unknown>>;
}

/** A connection whose tables are the store's: the file is attached to an instance of its own as `store`. */
async function connectTo(instance: DuckDBInstance): Promise<DuckDBConnection> {
  const connection = await instance.connect();
  await run(connection, 'use store');
  return connection;
}

/** A DuckDB file held by another process cannot be opened here: the message names the holder. */
function lockedError(file: string, error: Error): AccordError | null {
  const held = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(error.message);
  if (!held) return null;
  const server = storeHolder(file);
  if (server) return heldError(file, server);
  return new AccordError(
    'CONFLICT',
    `the trade store ${file} is open in another process (${held[1]}, PID ${held[2]}); stop it or use its server`,
  );
}

/**
 * The embedded trade store: one DuckDB file, opened by one process, which writes imports one at a
 * time. Facts come in through a staging table, each import's under its id, and move into the facts
 * table only once the import is recorded in the records store, so that a crash at any point leaves
 * either the whole import or none of it (see `recover`).
 */
export class DuckFacts implements TradeFacts {
  readonly engine = 'duckdb';
  private writing: Promise<unknown> = Promise.resolve();
  /**
   * The pairs (dataset, reporter, partner) with any month summed by heading, read again after every
   * write: a structure of any other pair reads its facts without first asking which of its months are.
   * Only a hint: either way the answer is the same.
   */
  private headingPairs: Promise<Set<string>> | null = null;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly reader: DuckDBConnection,
    private readonly records: Db,
  ) {}

  static async open(file: string, records: Db): Promise<DuckFacts> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const instance = await DuckDBInstance.create(':memory:', {
      memory_limit: '1GB',
      threads: '2',
      // An instance held in memory would spill into `.tmp` wherever the process was started.
      temp_directory: `${file}.tmp`,
    });
    const reader = await instance.connect();
    try {
      // Row groups of 16,384 rows rather than DuckDB's 122,880: a pair's facts and a home's month sums
      // are a few thousand rows, and a question reads every row group its filters cannot rule out.
      await run(reader, `attach '${file.replace(/'/g, "''")}' as store (row_group_size 16384)`);
      await run(reader, 'use store');
    } catch (error) {
      reader.closeSync();
      instance.closeSync();
      throw lockedError(file, error as Error) ?? error;
    }
    for (const statement of schema) await run(reader, statement);
    // A store written before the flagged flows were counted by month gets the counts now, column and counts
    // together, so that a crash in between cannot leave the column with nothing counted.
    for (const table of ['trade_pair_months', 'trade_partner_months']) {
      const columns = await run(
        reader,
        `select 1 from information_schema.columns where table_name = $1 and column_name = 'flagged'`,
        [table],
      );
      if (columns.currentRowCount > 0) continue;
      await run(reader, 'begin transaction');
      await run(reader, `alter table ${table} add column flagged bigint default 0`);
      await run(reader, q.countFlagged(table));
      await run(reader, 'commit');
    }
    // A store written before the sums were kept in partners' order too gets them now.
    await run(
      reader,
      `insert into trade_partner_months select * from trade_pair_months
       where not exists (select 1 from trade_partner_months) order by partner, reporter, period`,
    );
    // …and the sums by importer, product and year.
    if ((await run(reader, 'select 1 from trade_product_importers limit 1')).currentRowCount === 0) {
      await run(
        reader,
        'create temp table all_slices as select distinct dataset_seq, reporter, period, flow from trade_pair_months',
      );
      const seqs = (await run(reader, 'select distinct dataset_seq from all_slices')).getRowObjectsJS();
      for (const { dataset_seq: seq } of seqs) {
        for (const [sql, params] of q.productImporterSteps(Number(seq), 'all_slices')) await run(reader, sql, params);
      }
      await run(reader, 'drop table all_slices');
    }
    // …and the sums by heading of its big pairs' months.
    const headings = await run(reader, 'select 1 from trade_pair_headings limit 1');
    if (headings.currentRowCount === 0) await run(reader, q.headingSums(`(${q.headingMonths})`));
    const facts = new DuckFacts(instance, reader, records);
    await facts.recover();
    return facts;
  }

  /**
   * Finishes what a crash interrupted: a staged import the records store holds is published, one it
   * does not hold is dropped; facts of datasets the records store no longer has go too.
   */
  private async recover(): Promise<void> {
    const staged = (
      await run(this.reader, 'select distinct stage from trade_facts_staged union select stage from trade_stages')
    ).getRowObjectsJS();
    for (const { stage } of staged) {
      const recorded = await this.records
        .selectFrom('tradeImports')
        .innerJoin('tradeDatasets', 'tradeDatasets.id', 'tradeImports.datasetId')
        .select(['tradeDatasets.seq as datasetSeq', 'tradeImports.seq as importSeq'])
        .where('tradeImports.id', '=', String(stage))
        .executeTakeFirst();
      if (recorded)
        await this.publish(this.reader, String(stage), Number(recorded.datasetSeq), Number(recorded.importSeq));
      else await dropStage(this.reader, String(stage));
    }
    const known = new Set(
      (await this.records.selectFrom('tradeDatasets').select('seq').execute()).map((d) => Number(d.seq)),
    );
    const held = (await run(this.reader, 'select distinct dataset_seq from trade_pair_months')).getRowObjectsJS();
    for (const { dataset_seq: seq } of held) {
      if (!known.has(Number(seq))) await this.deleteDataset(Number(seq));
    }
  }

  /** Makes a staged import's rows the dataset's (see `publishSteps`), then lets the stage go. */
  async publish(connection: DuckDBConnection, stage: string, datasetSeq: number, importSeq: number): Promise<void> {
    const source = await sourceOf(connection, stage);
    await this.inTransaction(connection, async () => {
      for (const [sql, params] of q.publishSteps(source, stage, datasetSeq, importSeq)) {
        await run(connection, sql, params);
      }
      await dropStage(connection, stage);
    });
    // Counted from the facts once they are committed: DuckDB reads a transaction's own new rows without
    // the statistics that let it skip most of them (10 M rows: 1.8 s against 0.3 s). Until they are, and
    // for good should this fail or the process stop in between, those months are read from their facts.
    try {
      await this.inTransaction(connection, async () => {
        for (const [sql, params] of q.publishHeadingSteps(datasetSeq)) await run(connection, sql, params);
      });
    } catch (error) {
      process.emitWarning(`the trade store's sums by heading were not counted: ${(error as Error).message}`);
    }
    this.headingPairs = null;
  }

  private async inTransaction(connection: DuckDBConnection, work: () => Promise<void>): Promise<void> {
    await run(connection, 'begin transaction');
    try {
      await work();
      await run(connection, 'commit');
    } catch (error) {
      await run(connection, 'rollback').catch(() => undefined);
      throw error;
    }
  }

  async sumsByPartner(view: FactView, parts: readonly PartnerPart[]): Promise<FlowSum[][]> {
    return q.sumsOfParts(await rowsOf(this.reader, q.partnerSums(view, parts)), parts.length);
  }

  async sumsByPeriod(view: FactView, partner: string, range: PeriodRange): Promise<FlowSum[]> {
    return q.sumsOf(await rowsOf(this.reader, q.periodSums(view, range, partner)));
  }

  async partnersCovered(datasetSeqs: readonly number[], home: string, partners: readonly string[], range: PeriodRange) {
    return q.coveredOf(await rowsOf(this.reader, q.partnersCovered(datasetSeqs, home, partners, range)));
  }

  private async summedByHeading(view: FactView, partner: string): Promise<boolean> {
    const key = (seq: unknown, reporter: unknown, to: unknown) => `${String(seq)} ${String(reporter)} ${String(to)}`;
    this.headingPairs ??= run(this.reader, q.headingPairs).then(
      (answer) => new Set(answer.getRowObjectsJS().map((r) => key(r.dataset_seq, r.reporter, r.partner))),
    );
    const asked = this.headingPairs;
    const pairs = await asked.catch((error: unknown) => {
      if (this.headingPairs === asked) this.headingPairs = null;
      throw error;
    });
    const seq = view.datasetSeq;
    return pairs.has(key(seq, view.home, partner)) || (view.mirrorImports && pairs.has(key(seq, partner, view.home)));
  }

  async sumsByProduct(view: FactView, partner: string, ranges: PeriodRange[], digits: 2 | 4 | 6) {
    if (ranges.length === 0) return [];
    if (digits > 4 || !(await this.summedByHeading(view, partner))) {
      const statement = q.productSums(view, partner, ranges, digits, null);
      return q.sumsOfParts(statement ? await rowsOf(this.reader, statement) : [], ranges.length);
    }
    // Which months have sums by heading, and those sums, in one snapshot: on a connection of its own, as
    // questions asked meanwhile on the shared one must not find themselves in this transaction.
    const connection = await connectTo(this.instance);
    try {
      await run(connection, 'begin transaction');
      const months = q.pairMonthsOf(await rowsOf(connection, q.pairMonths(view, partner, ranges)));
      const statement = q.productSums(view, partner, ranges, digits, months);
      const rows = statement ? await rowsOf(connection, statement) : [];
      await run(connection, 'commit');
      return q.sumsOfParts(rows, ranges.length);
    } finally {
      connection.closeSync();
    }
  }

  async covering(
    datasetSeqs: readonly number[],
    reporter: string,
    partner: string | null,
    range: PeriodRange,
    bothWays: boolean,
  ): Promise<Set<number>> {
    if (datasetSeqs.length === 0) return new Set();
    return q.seqsOf(await rowsOf(this.reader, q.datasetsCovering(datasetSeqs, reporter, partner, range, bothWays)));
  }

  async productTrade(query: ProductQuery): Promise<ProductSum[]> {
    return (await rowsOf(this.reader, q.productTrade(query))).map(q.productSum);
  }

  /**
   * Waits for the writer before (an import until it commits or is discarded, a deletion until it is
   * done); answers how to let the next one go.
   */
  private async turn(): Promise<() => void> {
    let release!: () => void;
    const before = this.writing;
    this.writing = new Promise<void>((resolve) => (release = resolve));
    await before;
    return release;
  }

  async stage(importId: string): Promise<FactStage> {
    const release = await this.turn();
    try {
      const connection = await connectTo(this.instance);
      const appender = await connection.createAppender('trade_facts_staged');
      return new DuckStage(this, connection, appender, importId, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** @internal the stage's end: records the import, then publishes its facts. */
  async finishStage(connection: DuckDBConnection, stage: string, record: RecordImport): Promise<void> {
    const source = await sourceOf(connection, stage);
    const { datasetSeq, importSeq } = await this.records.transaction().execute((trx) =>
      record(trx, async (seq) => {
        const [row] = (await run(connection, ...q.countReplaced(source, stage, seq))).getRowObjectsJS();
        return Number(row!.n);
      }),
    );
    await this.publish(connection, stage, datasetSeq, importSeq);
  }

  /**
   * On a connection of its own, after any import under way: questions asked meanwhile on the shared
   * connection must not find themselves inside the deletion's transaction.
   */
  async deleteDataset(datasetSeq: number): Promise<void> {
    const release = await this.turn();
    try {
      const connection = await connectTo(this.instance);
      try {
        await this.inTransaction(connection, async () => {
          for (const [sql, params] of q.deleteDatasetSteps(datasetSeq)) await run(connection, sql, params);
        });
        this.headingPairs = null;
      } finally {
        connection.closeSync();
      }
    } finally {
      release();
    }
  }

  async *readFacts(datasetSeq: number): AsyncIterable<StoredFact[]> {
    const reporters = (await run(this.reader, q.factReporters, [datasetSeq])).getRowObjectsJS();
    for (const { reporter } of reporters) {
      const rows = (await run(this.reader, q.factsOfReporter, [datasetSeq, String(reporter)])).getRowObjectsJS();
      yield rows.map(q.storedFact);
    }
  }

  async close(): Promise<void> {
    await this.writing;
    this.reader.closeSync();
    this.instance.closeSync();
  }
}

class DuckStage implements FactStage {
  private ended = false;

  constructor(
    private readonly store: DuckFacts,
    private readonly connection: DuckDBConnection,
    private readonly appender: Awaited<ReturnType<DuckDBConnection['createAppender']>>,
    private readonly id: string,
    private readonly release: () => void,
  ) {}

  async add(rows: readonly FlowRow[]): Promise<void> {
    const a = this.appender;
    for (const row of rows) {
      a.appendVarchar(this.id);
      a.appendVarchar(row.reporter);
      a.appendVarchar(row.partner);
      a.appendInteger(row.period);
      a.appendVarchar(row.flow);
      a.appendVarchar(row.hsCode);
      a.appendVarchar(row.hsRevision);
      a.appendBigInt(BigInt(row.valueCents));
      if (row.quantity === null) a.appendNull();
      else a.appendDouble(row.quantity);
      if (row.unit === null) a.appendNull();
      else a.appendVarchar(row.unit);
      if (row.flag == null) a.appendNull();
      else a.appendVarchar(row.flag);
      a.appendBigInt(BigInt(row.line));
      a.endRow();
    }
  }

  async addBaciFile(
    file: string,
    header: string[],
    checks: BulkChecks,
    lines: Promise<number>,
  ): Promise<BulkLoad | null> {
    const raw = rawTableOf(this.id);
    const types = { integer: 'BIGINT', decimal: 'DOUBLE', text: 'VARCHAR' };
    const columns = header.map((name) => `'${name.replace(/'/g, "''")}': '${types[baciColumnType(name)]}'`).join(', ');
    const c = this.connection;
    const declined = async () => {
      await dropStage(c, this.id);
      return null;
    };
    try {
      await run(
        c,
        `create table "${raw}" as select *${header.includes('q') ? '' : ', cast(null as double) as q'}
         from read_csv($1, header = true, auto_detect = false, delim = ',',
           quote = '"', escape = '"', nullstr = ['', 'NA'], columns = {${columns}})`,
        [file],
      );
    } catch {
      // A line DuckDB cannot read (a cell of the wrong type, a line of the wrong width, bytes that are not
      // UTF-8): the row reader names it.
      return declined();
    }
    const checked = await checkBaciRaw(
      async (sql, params) => (await run(c, sql, params)).getRowObjectsJS() as Array<Record<string, unknown>>,
      `"${raw}"`,
      checks,
      lines,
    );
    if (!checked) return declined();
    const codes = await c.createAppender('trade_stage_codes');
    for (const [kind, text, code] of checked.codes) {
      codes.appendVarchar(this.id);
      codes.appendVarchar(kind);
      codes.appendBigInt(BigInt(text));
      codes.appendVarchar(code);
      codes.endRow();
    }
    codes.closeSync();
    await run(c, 'insert into trade_stages values ($1, $2, $3, $4)', [this.id, 'baci', raw, checks.hsRevision]);
    return checked.load;
  }

  async commit(record: RecordImport): Promise<void> {
    try {
      this.appender.flushSync();
      this.appender.closeSync();
      await this.store.finishStage(this.connection, this.id, record);
    } catch (error) {
      await this.discard();
      throw error;
    }
    this.end();
  }

  async discard(): Promise<void> {
    if (this.ended) return;
    try {
      try {
        this.appender.closeSync();
      } catch {
        // Already closed by a commit that failed later on.
      }
      await dropStage(this.connection, this.id);
    } finally {
      this.end();
    }
  }

  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.connection.closeSync();
    this.release();
  }
}

/** The table a stage's CSV file was read into: named after the import's id, so it is one of a kind. */
function rawTableOf(stage: string): string {
  return `trade_stage_${stage.replace(/[^0-9a-zA-Z]/g, '')}`;
}

async function sourceOf(connection: DuckDBConnection, stage: string): Promise<q.StagedSource> {
  const [bulk] = (
    await run(connection, 'select raw_table, hs_revision from trade_stages where stage = $1', [stage])
  ).getRowObjectsJS();
  if (!bulk) return q.stagedRows;
  return q.baciSource(`"${String(bulk.raw_table)}"`, 'trade_stage_codes', String(bulk.hs_revision), 'r.rowid + 2');
}

/** Lets a stage go, whatever it held. */
async function dropStage(connection: DuckDBConnection, stage: string): Promise<void> {
  await run(connection, 'delete from trade_facts_staged where stage = $1', [stage]);
  await run(connection, `drop table if exists "${rawTableOf(stage)}"`);
  await run(connection, 'delete from trade_stage_codes where stage = $1', [stage]);
  await run(connection, 'delete from trade_stages where stage = $1', [stage]);
}
