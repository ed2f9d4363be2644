import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { Migrator, sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationStatus, openDatabase, type Database, type Db } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { AccordError } from '../../src/core/errors.ts';
import { PartBuilder } from '../../src/db/migrations/frozen/flow-blocks.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { tradeStructure, tradeSummary } from '../../src/trade/analytics/service.ts';
import { tradeStoreFile } from '../../src/trade/facts/duckdb.ts';
import type { FlowRow } from '../../src/trade/model.ts';
import { createTestDatabase, describeOnEngines, engines, type TestDatabase } from '../support/engines.ts';
import { bigMonthOfExports, makeTradeDataset } from '../support/trade-datasets.ts';
import { flowsOf, insertFlows } from '../support/trade.ts';

function migratorOf(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'accord_migrations',
    migrationLockTableName: 'accord_migration_lock',
  });
}

describe.each(engines)('opening a database [%s]', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('refuses a database without the current schema and says which command to run', async () => {
    database = await createTestDatabase(engine, { prepare: false });
    const error = await openDatabase({ target: database.target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccordError);
    expect((error as AccordError).code).toBe('MIGRATION_REQUIRED');
    expect((error as AccordError).message).toContain('Run: accord migrate');
  });

  it('migrates, seeds reference data once, and opens the result without complaint', async () => {
    database = await createTestDatabase(engine, { prepare: false });
    const first = await prepareDatabase(database.db);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.seeded.territories).toBeGreaterThan(300);
    const second = await prepareDatabase(database.db);
    expect(second.applied).toEqual([]);
    expect(second.seeded).toEqual({ territories: 0, sectors: 0 });
    const reopened = await openDatabase({ target: database.target });
    expect((await migrationStatus(reopened.db)).pending).toEqual([]);
    await reopened.close();
  });

  it('refuses a database written by a newer Accord', async () => {
    database = await createTestDatabase(engine);
    await sql`insert into accord_migrations (name, timestamp) values ('9999_from_the_future', '2099-01-01T00:00:00Z')`.execute(
      database.db,
    );
    const error = await openDatabase({ target: database.target }).catch((e: unknown) => e);
    expect((error as AccordError).code).toBe('MIGRATION_REQUIRED');
    expect((error as AccordError).message).toContain('newer Accord');
  });
});

describe.each(engines)('moving trade flows into blocks (0005) [%s]', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('carries every imported row over with its line, and the figures stay the same', async () => {
    database = await createTestDatabase(engine, { prepare: false });
    const db = database.db;
    expect((await migratorOf(db).migrateTo('0004_trade_import_scan')).error).toBeUndefined();
    const now = '2018-01-10T00:00:00.000Z';
    await sql`insert into trade_datasets (id, name, seq, kind, source, row_count, version, created_at, updated_at)
      values ('d1', 'customs', 1, 'official_customs', 'test', 4, 1, ${now}, ${now})`.execute(db);
    for (const [seq, from, to] of [
      [1, 201601, 201609],
      [2, 201701, 201709],
    ] as const) {
      await sql`insert into trade_imports (id, dataset_id, seq, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
        values (${`i${seq}`}, 'd1', ${seq}, 'mapped', 'customs.csv', 'ab', 2, 0, ${from}, ${to}, ${now})`.execute(db);
    }
    const flows: Array<[number, number, string, string, string, string, number, number | null, string | null, number]> =
      [
        [1, 201603, 'BY', 'RU-KRS', 'X', '401110', 50_000_000, 12.5, 't', 7],
        [1, 201609, 'BY', 'RU-KRS', 'M', '260111', 20_000_000, null, null, 8],
        [2, 201702, 'BY', 'RU-KRS', 'X', '401110', 70_000_000, 3, 'pcs', 2],
        [2, 201709, 'RU-KRS', 'BY', 'X', '260111', 30_000_000, null, null, 3],
      ];
    for (const [importSeq, period, reporter, partner, flow, hs, value, quantity, unit, line] of flows) {
      await sql`insert into trade_flows (dataset_seq, period, reporter, partner, flow, hs_code, hs_revision, value_cents, quantity, unit, import_seq, source_line)
        values (1, ${period}, ${reporter}, ${partner}, ${flow}, ${hs}, 'H5', ${value}, ${quantity}, ${unit}, ${importSeq}, ${line})`.execute(
        db,
      );
    }

    await prepareDatabase(db);
    expect(await flowsOf(db, 'customs')).toEqual(
      flows.map(([, period, reporter, partner, flow, hsCode, valueCents, quantity, unit, sourceLine]) => ({
        sourceLine,
        period,
        reporter,
        partner,
        flow,
        hsCode,
        hsRevision: 'H5',
        valueCents,
        quantity,
        unit,
      })),
    );
    const summary = await tradeSummary(db, { home: 'BY', partner: 'RU-KRS', range: { from: 201701, to: 201709 } });
    expect(summary.current).toMatchObject({ exportsCents: 70_000_000, importsCents: 0 });
    expect(summary.previous).toMatchObject({ exportsCents: 50_000_000, importsCents: 20_000_000 });
    const tables = await db.introspection.getTables();
    expect(tables.map((t) => t.name).filter((name) => name.startsWith('trade_'))).not.toContain('trade_flows');
  });
});

describe.each(engines)('texts in two languages (0006) [%s]', (engine) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
    database = undefined;
  });

  it('moves each text written before into the column of its script, English or Russian', async () => {
    database = await createTestDatabase(engine, { prepare: false });
    const db = database.db;
    expect((await migratorOf(db).migrateTo('0005_trade_flow_blocks')).error).toBeUndefined();
    const now = '2017-12-06T00:00:00.000Z';
    const meta = sql`1, ${now}, ${now}`;
    await sql`insert into territories (code, kind, name_en, name_ru, search_text, version, created_at, updated_at)
      values ('BY', 'country', 'Belarus', 'Беларусь', 'belarus', ${meta}), ('RU-KRS', 'region', 'Kursk Oblast', 'Курская область', 'kursk', ${meta})`.execute(
      db,
    );
    await sql`insert into people (id, name_en, search_text, version, created_at, updated_at)
      values ('p1', 'Alexander Mikhailov', 'alexander mikhailov', ${meta})`.execute(db);
    await sql`insert into relationships (id, home_code, partner_code, version, created_at, updated_at)
      values ('r1', 'BY', 'RU-KRS', ${meta})`.execute(db);
    await sql`insert into documents (id, title, kind, language, version, created_at, updated_at)
      values ('d1', 'Переговоры в Минске', 'readout', 'ru', ${meta}), ('d2', 'Readout of the talks', 'readout', 'en', ${meta})`.execute(
      db,
    );
    await sql`insert into meetings (id, relationship_id, held_on, kind, title, summary, version, created_at, updated_at)
      values ('m1', 'r1', '2017-12-05', 'talks', 'Talks in Minsk', 'Обсудили поставки техники', ${meta})`.execute(db);
    await sql`insert into meeting_participants (id, meeting_id, person_id, side, role, position)
      values ('mp1', 'm1', 'p1', 'partner', 'глава делегации', 0)`.execute(db);
    await sql`insert into projects (id, relationship_id, title, kind, stage, search_text, version, created_at, updated_at)
      values ('pr1', 'r1', 'Жилой дом в Курске', 'construction_contract', 'agreed', 'жилой дом в курске', ${meta})`.execute(
      db,
    );
    await sql`insert into statements (id, meeting_id, kind, text, status, version, created_at, updated_at)
      values ('s1', 'm1', 'proposal', 'Deliver BelAZ trucks (2018)', 'open', ${meta})`.execute(db);

    await prepareDatabase(db);
    const rows = async (table: string, columns: string[]) =>
      (
        await db
          .withoutPlugins()
          .selectFrom(table as never)
          .select(['id', ...columns] as never[])
          .orderBy('id' as never)
          .execute()
      ).map((row) => Object.values(row as Record<string, unknown>));
    expect(await rows('documents', ['title_en', 'title_ru'])).toEqual([
      ['d1', null, 'Переговоры в Минске'],
      ['d2', 'Readout of the talks', null],
    ]);
    expect(await rows('meetings', ['title_en', 'title_ru', 'summary_en', 'summary_ru'])).toEqual([
      ['m1', 'Talks in Minsk', null, null, 'Обсудили поставки техники'],
    ]);
    expect(await rows('meeting_participants', ['role_en', 'role_ru'])).toEqual([['mp1', null, 'глава делегации']]);
    expect(await rows('projects', ['title_en', 'title_ru'])).toEqual([['pr1', null, 'Жилой дом в Курске']]);
    expect(await rows('statements', ['text_en', 'text_ru'])).toEqual([['s1', 'Deliver BelAZ trucks (2018)', null]]);
    const columns = (await db.introspection.getTables()).find((t) => t.name === 'statements')!.columns;
    expect(columns.map((c) => c.name)).not.toContain('text');
  });
});

/** Two datasets as a release with flow blocks kept them: customs with both sides, BACI with exports only. */
const blockImports: Array<{ datasetSeq: number; importSeq: number; flows: FlowRow[] }> = (() => {
  let line = 1;
  const flow = (
    period: number,
    reporter: string,
    partner: string,
    direction: 'X' | 'M',
    hsCode: string,
    valueCents: number,
    quantity: number | null = null,
    unit: string | null = null,
  ): FlowRow => {
    line += 1;
    return { line, period, reporter, partner, flow: direction, hsCode, hsRevision: 'H5', valueCents, quantity, unit };
  };
  return [
    {
      datasetSeq: 1,
      importSeq: 1,
      flows: [
        flow(201603, 'BY', 'RU-KRS', 'X', '401110', 50_000_000, 12.5, 't'),
        flow(201603, 'BY', 'RU-KRS', 'X', '8704', 7_000_000),
        flow(201609, 'BY', 'RU-KRS', 'M', '260111', 20_000_000),
        flow(201600, 'BY', 'KZ', 'X', '87', 900_000_000),
        flow(201604, 'BY', 'M49-899', 'X', '870410', 1_000_000, 3, 'pcs'),
      ],
    },
    {
      datasetSeq: 1,
      importSeq: 2,
      flows: [
        // Beyond 32 bits: a block keeps such values as doubles.
        flow(201702, 'BY', 'RU-KRS', 'X', '401110', 7_000_000_000_00, 3, 'pcs'),
        flow(201702, 'BY', 'RU-KRS', 'X', '870410', 40_000_000, null, null),
        flow(201703, 'BY', 'KZ', 'X', '870421', 15_000_000, 1.25, 'т'),
        flow(201709, 'RU-KRS', 'BY', 'X', '260111', 30_000_000),
        flow(201708, 'BY', 'RU-KRS', 'M', '0402', 2_500_000),
      ],
    },
    {
      datasetSeq: 2,
      importSeq: 3,
      flows: [
        flow(201700, 'BY', 'RU', 'X', '870410', 300_000_000, 120, 't'),
        flow(201700, 'RU', 'BY', 'X', '270900', 800_000_000, 5000, 't'),
        flow(201700, 'CN', 'BY', 'X', '847130', 60_000_000),
        flow(201600, 'BY', 'RU', 'X', '870410', 250_000_000, 100, 't'),
        flow(201600, 'RU', 'BY', 'X', '270900', 750_000_000),
        // A block a year: more blocks than the migration reads at once.
        ...Array.from({ length: 70 }, (_, k) => flow((1960 + k) * 100, 'KZ', 'BY', 'X', '100199', 1000 + k)),
      ],
    },
  ];
})();

/** The records of those datasets and imports, the same in any database. */
async function recordBlockDatasets(db: Db): Promise<void> {
  const now = '2018-01-10T00:00:00.000Z';
  await sql`insert into trade_datasets (id, name, seq, kind, source, row_count, version, created_at, updated_at)
    values ('d1', 'customs', 1, 'official_customs', 'test', 10, 1, ${now}, ${now}),
      ('d2', 'baci', 2, 'baci', 'test', 75, 1, ${now}, ${now})`.execute(db);
  for (const { datasetSeq, importSeq, flows } of blockImports) {
    const periods = flows.map((f) => f.period);
    await sql`insert into trade_imports (id, dataset_id, seq, format, file_name, file_hash, rows_imported, rows_replaced, period_from, period_to, imported_at)
      values (${`i${importSeq}`}, ${`d${datasetSeq}`}, ${importSeq}, 'mapped', 'trade.csv', 'ab', ${flows.length}, 0,
        ${Math.min(...periods)}, ${Math.max(...periods)}, ${now})`.execute(db);
  }
}

/** What the trade pages ask of a database, over both datasets. */
async function tradeAnswers(db: Db) {
  const answers: unknown[] = [];
  const range = { from: 201701, to: 201712 };
  for (const [home, partner, datasetId] of [
    ['BY', 'RU-KRS', 'd1'],
    ['RU-KRS', 'BY', 'd1'],
    ['BY', 'KZ', 'd1'],
    ['BY', 'RU', 'd2'],
    ['BY', 'CN', 'd2'],
    ['BY', 'KZ', 'd2'],
  ] as const) {
    answers.push(await tradeSummary(db, { home, partner, range, datasetId }));
    for (const level of ['chapter', 'heading', 'subheading'] as const) {
      answers.push(await tradeStructure(db, { home, partner, range, datasetId, level }));
    }
  }
  return answers;
}

describeOnEngines('moving trade flow blocks into the trade store (0012)', (ctx) => {
  it('carries every row of every block over with its line, and the answers stay the same', async () => {
    const database = await createTestDatabase(ctx.engine, { prepare: false });
    try {
      const db = database.db;
      expect((await migratorOf(db).migrateTo('0011_trade_facts')).error).toBeUndefined();
      await recordBlockDatasets(db);
      for (const { datasetSeq, importSeq, flows } of blockImports) {
        const builder = new PartBuilder();
        for (const flow of flows) builder.add(flow);
        const part = builder.take({ datasetSeq, importSeq, part: 1 });
        // Tables this Accord no longer knows: written as stored, untyped.
        const plain = db.withoutPlugins() as unknown as Kysely<Record<string, Record<string, unknown>>>;
        for (const row of part.blocks) await plain.insertInto('trade_flow_blocks').values(row).execute();
        for (const row of part.sums) await plain.insertInto('trade_flow_sums').values(row).execute();
      }

      expect((await prepareDatabase(db)).applied).toEqual([
        '0012_trade_blocks_to_facts',
        '0013_trade_pair_sums',
        '0014_trade_pair_headings',
      ]);
      const rowsOf = (datasetSeq: number) =>
        blockImports
          .filter((i) => i.datasetSeq === datasetSeq)
          .flatMap((i) => i.flows)
          .map(({ line, ...flow }) => ({ sourceLine: line, ...flow }));
      expect(await flowsOf(db, 'customs')).toEqual(rowsOf(1));
      expect(await flowsOf(db, 'baci')).toEqual(rowsOf(2));

      // The same rows imported into the trade store of a database that never had blocks.
      await recordBlockDatasets(ctx.db);
      for (const { datasetSeq, importSeq, flows } of blockImports) {
        await insertFlows(ctx.db, { datasetSeq, importSeq }, flows);
      }
      const answers = await tradeAnswers(db);
      expect(answers).toEqual(await tradeAnswers(ctx.db));
      expect(answers[0]).toMatchObject({
        current: { exportsCents: 700_040_000_000, importsCents: 2_500_000 },
        previous: { exportsCents: 57_000_000, importsCents: 20_000_000 },
      });

      const tables = (await db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('trade_flow_blocks');
      expect(tables).not.toContain('trade_flow_sums');
    } finally {
      await database.drop();
    }
  });

  it('leaves a database without trade as it was, opening no trade store', async () => {
    const database = await createTestDatabase(ctx.engine, { prepare: false });
    try {
      await prepareDatabase(database.db);
      const tables = (await database.db.introspection.getTables()).map((t) => t.name);
      expect(tables).not.toContain('trade_flow_blocks');
      if (database.target.dialect === 'sqlite') {
        expect(fs.existsSync(tradeStoreFile(database.target.file))).toBe(false);
      }
    } finally {
      await database.drop();
    }
  });
});

describe('a trade store written before its monthly sums counted flagged flows', () => {
  it('counts them when it opens, and a summary finds them', async () => {
    const database = await createTestDatabase('sqlite');
    let reopened: Database | undefined;
    try {
      const datasetId = await makeTradeDataset(database.db, 'comtrade', [
        { period: 201701, reporter: 'BY', partner: 'UA', flow: 'X', hs: '401110', usd: 100, flag: 'estimated' },
        { period: 201702, reporter: 'BY', partner: 'UA', flow: 'M', hs: '260111', usd: 50, flag: 'confidential' },
        { period: 201703, reporter: 'BY', partner: 'UA', flow: 'X', hs: '401110', usd: 70 },
      ]);
      await database.close();
      if (database.target.dialect !== 'sqlite') throw new Error('a SQLite database was asked for');
      const instance = await DuckDBInstance.create(tradeStoreFile(database.target.file));
      const duck = await instance.connect();
      for (const table of ['trade_pair_months', 'trade_partner_months']) {
        await duck.run(`alter table ${table} drop column flagged`);
      }
      duck.closeSync();
      instance.closeSync();

      reopened = await openDatabase({ target: database.target, migrations: 'none' });
      const range = { from: 201701, to: 201703 };
      const summary = await tradeSummary(reopened.db, { home: 'BY', partner: 'UA', range, datasetId });
      expect(summary.flagged).toBe(2);
    } finally {
      await reopened?.close();
      await database.drop();
    }
  });
});

describe('a trade store written before it kept sums by heading', () => {
  it('counts them for its big months when it opens, and a structure reads them', async () => {
    const database = await createTestDatabase('sqlite');
    let reopened: Database | undefined;
    try {
      const flows = bigMonthOfExports('BY', 'UA', 201701);
      const datasetId = await makeTradeDataset(database.db, 'comtrade', flows);
      const query = { home: 'BY', partner: 'UA', range: { from: 201701, to: 201701 }, datasetId, top: 1000 };
      const before = await tradeStructure(database.db, { ...query, level: 'heading' });
      await database.close();
      if (database.target.dialect !== 'sqlite') throw new Error('a SQLite database was asked for');
      const instance = await DuckDBInstance.create(tradeStoreFile(database.target.file));
      const duck = await instance.connect();
      const kept = await duck.runAndReadAll('select count(*) from trade_pair_headings');
      expect(Number(kept.getRows()[0]![0])).toBe(500);
      await duck.run('drop table trade_pair_headings');
      duck.closeSync();
      instance.closeSync();

      reopened = await openDatabase({ target: database.target, migrations: 'none' });
      expect(await tradeStructure(reopened.db, { ...query, level: 'heading' })).toEqual(before);
      await reopened.close();
      reopened = undefined;
      const again = await DuckDBInstance.create(tradeStoreFile(database.target.file));
      const check = await again.connect();
      const counted = await check.runAndReadAll('select count(*) from trade_pair_headings');
      expect(Number(counted.getRows()[0]![0])).toBe(500);
      check.closeSync();
      again.closeSync();
    } finally {
      await reopened?.close();
      await database.drop();
    }
  });
});

describe.each(engines.filter((engine) => engine === 'postgres'))(
  'counting flagged flows in the month sums (0013) [%s]',
  (engine) => {
    it('counts the flagged flows of the sums already written', async () => {
      const database = await createTestDatabase(engine, { prepare: false });
      try {
        const db = database.db;
        expect((await migratorOf(db).migrateTo('0012_trade_blocks_to_facts')).error).toBeUndefined();
        const fact = (period: number, flag: string | null) =>
          sql`insert into trade_facts values (1, 1, 'BY', 'UA', ${period}, 'X', '401110', 'H5', 100, null, null,
            ${flag}, 2)`.execute(db);
        await fact(201701, 'estimated');
        await fact(201701, 'confidential');
        await fact(201701, null);
        await fact(201702, null);
        for (const table of ['trade_pair_months', 'trade_partner_months']) {
          await sql`insert into ${sql.table(table)} values (1, 'BY', 'UA', 201701, 'X', 300, 3),
            (1, 'BY', 'UA', 201702, 'X', 100, 1)`.execute(db);
        }
        await prepareDatabase(db);
        for (const table of ['trade_pair_months', 'trade_partner_months']) {
          const rows = await sql<{ period: number; flagged: string }>`select period, flagged from ${sql.table(table)}
            order by period`.execute(db);
          expect(rows.rows.map((r) => [r.period, Number(r.flagged)])).toEqual([
            [201701, 2],
            [201702, 0],
          ]);
        }
      } finally {
        await database.drop();
      }
    });
  },
);

describe.each(engines.filter((engine) => engine === 'postgres'))(
  'sums by pair, heading and month (0014) [%s]',
  (engine) => {
    it('counts them for the big months of the facts already stored', async () => {
      const database = await createTestDatabase(engine, { prepare: false });
      try {
        const db = database.db;
        expect((await migratorOf(db).migrateTo('0013_trade_pair_sums')).error).toBeUndefined();
        const fact = (period: number, hs: string, cents: number) =>
          sql`insert into trade_facts values (1, 1, 'BY', 'UA', ${period}, 'X', ${hs}, 'H5', ${cents}, null, null,
            null, 2)`.execute(db);
        await fact(201701, '401110', 100);
        await fact(201701, '401120', 50);
        await fact(201701, '87', 30);
        await fact(201702, '401110', 20);
        // January as a month of many facts, February as one of few: only the first keeps sums by heading.
        await sql`insert into trade_pair_months values (1, 'BY', 'UA', 201701, 'X', 180, 5000, 0),
          (1, 'BY', 'UA', 201702, 'X', 20, 1, 0)`.execute(db);
        await prepareDatabase(db);
        const rows = await sql<{ period: number; heading: string; cents: string }>`select period, heading,
          value_cents as cents from trade_pair_headings order by period, heading`.execute(db);
        expect(rows.rows.map((r) => [r.period, r.heading, Number(r.cents)])).toEqual([
          [201701, '4011', 150],
          [201701, '87', 30],
        ]);
      } finally {
        await database.drop();
      }
    });
  },
);
