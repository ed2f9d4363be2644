import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationStatus, openDatabase } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { AccordError } from '../../src/core/errors.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';

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
