import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationStatus, openDatabase } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { AccordError } from '../../src/core/errors.ts';
import { migrations } from '../../src/db/migrations/index.ts';
import { tradeSummary } from '../../src/trade/analytics/service.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { flowsOf } from '../support/trade.ts';

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
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
      migrationTableName: 'accord_migrations',
      migrationLockTableName: 'accord_migration_lock',
    });
    expect((await migrator.migrateTo('0004_trade_import_scan')).error).toBeUndefined();
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
    const migrator = new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(migrations) },
      migrationTableName: 'accord_migrations',
      migrationLockTableName: 'accord_migration_lock',
    });
    expect((await migrator.migrateTo('0005_trade_flow_blocks')).error).toBeUndefined();
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
