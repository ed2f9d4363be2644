import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DB } from '../../db/schema.ts';
import type { FlowRow } from '../model.ts';
import type { PeriodRange } from '../periods.ts';
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

/** Imports of this many rows or more analyze the tables they wrote (see `commit`). */
const analyzeFromRows = 10_000;

/** Any number that pg/Kysely might hand out for one advisory lock: imports of one database queue on it. */
const importLock = 0x7ac0_4d01;

/**
 * The server's trade store: facts as plain rows in the records' own PostgreSQL database, with the
 * pair-month sums beside them. An import is one transaction on a connection of its own, records and
 * facts together, so no crash can leave half of it.
 */
export class PostgresFacts implements TradeFacts {
  readonly engine = 'postgres';
  private readonly pool: pg.Pool;

  constructor(private readonly url: string) {
    // Its questions read a few thousand rows through an index: starting parallel workers would cost more
    // than it saves (a profile's sums took four times as long with them).
    this.pool = new pg.Pool({
      connectionString: url,
      max: 4,
      onConnect: async (client) => {
        await client.query('set max_parallel_workers_per_gather = 0');
      },
    });
    this.pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  }

  private async rows(statement: q.Statement): Promise<Array<Record<string, unknown>>> {
    return (await this.pool.query(statement.text, statement.params)).rows as Array<Record<string, unknown>>;
  }

  async sumsByPartner(view: FactView, parts: readonly PartnerPart[]): Promise<FlowSum[][]> {
    return q.sumsOfParts(await this.rows(q.partnerSums(view, parts)), parts.length);
  }

  async sumsByPeriod(view: FactView, partner: string, range: PeriodRange): Promise<FlowSum[]> {
    return q.sumsOf(await this.rows(q.periodSums(view, range, partner)));
  }

  async partnersCovered(datasetSeqs: readonly number[], home: string, partners: readonly string[], range: PeriodRange) {
    return q.coveredOf(await this.rows(q.partnersCovered(datasetSeqs, home, partners, range)));
  }

  /** Subheadings from the facts; coarser codes ask which months have sums by heading, and those sums, in one snapshot. */
  async sumsByProduct(view: FactView, partner: string, ranges: PeriodRange[], digits: 2 | 4 | 6) {
    if (ranges.length === 0) return [];
    if (digits > 4) {
      const statement = q.productSums(view, partner, ranges, digits, null);
      return q.sumsOfParts(statement ? await this.rows(statement) : [], ranges.length);
    }
    const client = await this.pool.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const ask = async (statement: q.Statement) =>
        (await client.query(statement.text, statement.params)).rows as Array<Record<string, unknown>>;
      const months = q.pairMonthsOf(await ask(q.pairMonths(view, partner, ranges)));
      const statement = q.productSums(view, partner, ranges, digits, months);
      const rows = statement ? await ask(statement) : [];
      await client.query('commit');
      return q.sumsOfParts(rows, ranges.length);
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
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
    return q.seqsOf(await this.rows(q.datasetsCovering(datasetSeqs, reporter, partner, range, bothWays)));
  }

  async productTrade(query: ProductQuery): Promise<ProductSum[]> {
    return (await this.rows(q.productTrade(query))).map(q.productSum);
  }

  async stage(importId: string): Promise<FactStage> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [importLock]);
      // An import sorts and sums millions of rows: in memory, not in temporary files (one import at a time).
      await client.query("set local work_mem = '256MB'");
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return new PostgresStage(client, importId);
  }

  async deleteDataset(datasetSeq: number): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      for (const [sql, params] of q.deleteDatasetSteps(datasetSeq)) await client.query(sql, params);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async *readFacts(datasetSeq: number): AsyncIterable<StoredFact[]> {
    const reporters = (await this.pool.query(q.factReporters, [datasetSeq])).rows as Array<{ reporter: string }>;
    for (const { reporter } of reporters) {
      const rows = (await this.pool.query(q.factsOfReporter, [datasetSeq, reporter])).rows;
      yield rows.map(q.storedFact);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresStage implements FactStage {
  private ended = false;
  private rows = 0;
  /** Where the staged rows wait: in trade_facts_staged, or as a BACI file copied whole. */
  private source: q.StagedSource = q.stagedRows;

  constructor(
    private readonly client: pg.Client,
    private readonly id: string,
  ) {}

  async add(rows: readonly FlowRow[]): Promise<void> {
    this.rows += rows.length;
    // One statement per batch, its columns as arrays: far fewer parameters to bind than a row each.
    const column = <T>(pick: (row: FlowRow) => T) => rows.map(pick);
    await this.client.query(
      `insert into trade_facts_staged (${q.stagedColumns.join(', ')})
       select $1, * from unnest($2::text[], $3::text[], $4::integer[], $5::text[], $6::text[], $7::text[],
         $8::bigint[], $9::double precision[], $10::text[], $11::text[], $12::bigint[])`,
      [
        this.id,
        column((r) => r.reporter),
        column((r) => r.partner),
        column((r) => r.period),
        column((r) => r.flow),
        column((r) => r.hsCode),
        column((r) => r.hsRevision),
        column((r) => r.valueCents),
        column((r) => r.quantity),
        column((r) => r.unit),
        column((r) => r.flag ?? null),
        column((r) => r.line),
      ],
    );
  }

  /**
   * A big BACI file copied whole (COPY) into a table that lives as long as the import's transaction, then
   * checked as DuckDB's store checks it; a file COPY refuses leaves nothing behind (a savepoint), and the
   * row reader says what is wrong.
   */
  async addBaciFile(
    file: string,
    header: string[],
    checks: BulkChecks,
    lines: Promise<number>,
  ): Promise<BulkLoad | null> {
    const c = this.client;
    const types = { integer: 'bigint', decimal: 'double precision', text: 'text' };
    // A quantity may be NA, as DuckDB's reader takes it: read as text, it is read as a number as it comes in.
    const names = header.map((name) => `"${(name === 'q' ? 'q_text' : name).replace(/"/g, '""')}"`);
    const columns = header.map((name, at) => `${names[at]} ${name === 'q' ? 'text' : types[baciColumnType(name)]}`);
    columns.push(
      header.includes('q')
        ? "q double precision generated always as (cast(nullif(q_text, 'NA') as double precision)) stored"
        : 'q double precision',
    );
    // Declining undoes what the copy did; a connection that cannot even do that has a trouble of its own,
    // which the import reports rather than reading the file again.
    const declined = async (cause?: unknown) => {
      try {
        await c.query('rollback to savepoint bulk');
      } catch (rollback) {
        throw cause ?? rollback;
      }
      return null;
    };
    await c.query('savepoint bulk');
    try {
      await c.query(
        `create temp table trade_bulk_raw (line bigint generated always as identity, ${columns.join(', ')})
         on commit drop`,
      );
      await pipeline(
        fs.createReadStream(file),
        c.query(
          copyFrom(`copy trade_bulk_raw (${names.join(', ')}) from stdin with (format csv, header true, null '')`),
        ),
      );
    } catch (error) {
      return declined(error);
    }
    const checked = await checkBaciRaw(
      async (sql, params) => (await c.query(sql, params)).rows as Array<Record<string, unknown>>,
      'trade_bulk_raw',
      checks,
      lines,
    );
    if (!checked) return declined();
    await c.query('create temp table trade_bulk_codes (stage text, kind text, raw bigint, code text) on commit drop');
    await c.query('insert into trade_bulk_codes select $1, * from unnest($2::text[], $3::bigint[], $4::text[])', [
      this.id,
      ...[0, 1, 2].map((at) => checked.codes.map((code) => code[at])),
    ]);
    // Fresh tables have no statistics: without them the joins below would be planned blind.
    await c.query('analyze trade_bulk_raw');
    await c.query('analyze trade_bulk_codes');
    this.source = q.baciSource('trade_bulk_raw', 'trade_bulk_codes', checks.hsRevision, 'r.line + 1');
    this.rows += checked.load.rows;
    return checked.load;
  }

  async commit(record: RecordImport): Promise<void> {
    const client = this.client;
    // The records are written through Kysely on this same connection, inside the import's transaction.
    const trx = new Kysely<DB>({
      dialect: new PostgresDialect({
        pool: {
          connect: async () => ({ query: client.query.bind(client), release: () => undefined }) as never,
          end: async () => undefined,
        },
      }),
      plugins: [new CamelCasePlugin()],
    });
    try {
      const { datasetSeq, importSeq } = await record(trx, async (seq) => {
        const result = await client.query<{ n: string | number }>(...q.countReplaced(this.source, this.id, seq));
        return Number(result.rows[0]!.n);
      });
      for (const [sql, params] of [
        ...q.publishSteps(this.source, this.id, datasetSeq, importSeq),
        ...q.publishHeadingSteps(datasetSeq),
      ]) {
        await client.query(sql, params);
      }
      await client.query('delete from trade_facts_staged where stage = $1', [this.id]);
      // A big import changes the tables too much for the planner's statistics (the first into an empty
      // database leaves it planning as if they were still empty); a small one is left to autovacuum.
      if (this.rows >= analyzeFromRows) {
        for (const table of q.factTables) await client.query(`analyze ${table}`);
      }
      await client.query('commit');
    } catch (error) {
      await this.discard();
      throw error;
    } finally {
      await trx.destroy();
    }
    await this.end();
  }

  async discard(): Promise<void> {
    if (this.ended) return;
    try {
      await this.client.query('rollback');
    } finally {
      await this.end();
    }
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    await this.client.end();
  }
}
