import fs from 'node:fs';
import path from 'node:path';
import { BIGINT, DOUBLE, DuckDBInstance, VARCHAR, type DuckDBConnection, type DuckDBType } from '@duckdb/node-api';
import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import type { FlowRow } from '../model.ts';
import type { PeriodRange } from '../periods.ts';
import * as q from './sql.ts';
import type {
  FactStage,
  FactView,
  FlowSum,
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
  `create table if not exists trade_pair_months (
     dataset_seq integer not null, reporter varchar not null, partner varchar not null, period integer not null,
     flow varchar not null, value_cents hugeint not null, row_count bigint not null)`,
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

/** A DuckDB file held by another process cannot be opened here: the message names the holder. */
function lockedError(file: string, error: Error): AccordError | null {
  const held = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(error.message);
  if (!held) return null;
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

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly reader: DuckDBConnection,
    private readonly records: Db,
  ) {}

  static async open(file: string, records: Db): Promise<DuckFacts> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, { memory_limit: '1GB', threads: '2' });
    } catch (error) {
      throw lockedError(file, error as Error) ?? error;
    }
    const reader = await instance.connect();
    for (const statement of schema) await run(reader, statement);
    const facts = new DuckFacts(instance, reader, records);
    await facts.recover();
    return facts;
  }

  /**
   * Finishes what a crash interrupted: a staged import the records store holds is published, one it
   * does not hold is dropped; facts of datasets the records store no longer has go too.
   */
  private async recover(): Promise<void> {
    const staged = (await run(this.reader, 'select distinct stage from trade_facts_staged')).getRowObjectsJS();
    for (const { stage } of staged) {
      const recorded = await this.records
        .selectFrom('tradeImports')
        .innerJoin('tradeDatasets', 'tradeDatasets.id', 'tradeImports.datasetId')
        .select(['tradeDatasets.seq as datasetSeq', 'tradeImports.seq as importSeq'])
        .where('tradeImports.id', '=', String(stage))
        .executeTakeFirst();
      if (recorded) await this.publish(String(stage), Number(recorded.datasetSeq), Number(recorded.importSeq));
      else await run(this.reader, 'delete from trade_facts_staged where stage = $1', [String(stage)]);
    }
    const known = new Set(
      (await this.records.selectFrom('tradeDatasets').select('seq').execute()).map((d) => Number(d.seq)),
    );
    const held = (await run(this.reader, 'select distinct dataset_seq from trade_pair_months')).getRowObjectsJS();
    for (const { dataset_seq: seq } of held) {
      if (!known.has(Number(seq))) await this.deleteDataset(Number(seq));
    }
  }

  private async publish(stage: string, datasetSeq: number, importSeq: number): Promise<void> {
    await this.inTransaction(this.reader, async () => {
      for (const [sql, params] of q.publishSteps(stage, datasetSeq, importSeq)) await run(this.reader, sql, params);
    });
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

  async sumsByPartner(view: FactView, range: PeriodRange, partner?: string): Promise<FlowSum[]> {
    return q.sumsOf(await rowsOf(this.reader, q.pairSums(view, range, 'partner', partner)));
  }

  async sumsByPeriod(view: FactView, partner: string, range: PeriodRange): Promise<FlowSum[]> {
    return q.sumsOf(await rowsOf(this.reader, q.pairSums(view, range, 'period', partner)));
  }

  async sumsByProduct(view: FactView, partner: string, ranges: PeriodRange[], digits: 2 | 4 | 6) {
    const answers: FlowSum[][] = [];
    for (const range of ranges)
      answers.push(q.sumsOf(await rowsOf(this.reader, q.productSums(view, partner, range, digits))));
    return answers;
  }

  async covers(datasetSeq: number, reporter: string, partner: string | null, range: PeriodRange, bothWays: boolean) {
    if ((await rowsOf(this.reader, q.coverage(datasetSeq, reporter, partner, range))).length > 0) return true;
    if (!bothWays || partner === null) return false;
    return (await rowsOf(this.reader, q.coverage(datasetSeq, partner, reporter, range))).length > 0;
  }

  async productTrade(query: ProductQuery): Promise<ProductSum[]> {
    return (await rowsOf(this.reader, q.productTrade(query))).map(q.productSum);
  }

  async flaggedFlows(view: FactView, partner: string, range: PeriodRange): Promise<number> {
    return q.countOf(await rowsOf(this.reader, q.flaggedFlows(view, partner, range)));
  }

  async stage(importId: string): Promise<FactStage> {
    // Imports queue here: each waits for the one before it to commit or be discarded.
    let release!: () => void;
    const turn = this.writing;
    this.writing = new Promise<void>((resolve) => (release = resolve));
    await turn;
    try {
      const connection = await this.instance.connect();
      const appender = await connection.createAppender('trade_facts_staged');
      return new DuckStage(this, connection, appender, importId, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  /** @internal the stage's end: records the import, then publishes its facts. */
  async finishStage(connection: DuckDBConnection, stage: string, record: RecordImport): Promise<void> {
    const { datasetSeq, importSeq } = await this.records.transaction().execute((trx) =>
      record(trx, async (seq) => {
        const [row] = (await run(connection, ...q.countReplaced(stage, seq))).getRowObjectsJS();
        return Number(row!.n);
      }),
    );
    await this.inTransaction(connection, async () => {
      for (const [sql, params] of q.publishSteps(stage, datasetSeq, importSeq)) await run(connection, sql, params);
    });
  }

  async deleteDataset(datasetSeq: number): Promise<void> {
    await this.inTransaction(this.reader, async () => {
      for (const [sql, params] of q.deleteDatasetSteps(datasetSeq)) await run(this.reader, sql, params);
    });
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
      await run(this.connection, 'delete from trade_facts_staged where stage = $1', [this.id]);
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
