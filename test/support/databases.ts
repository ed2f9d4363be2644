import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { newId } from '../../src/core/ids.ts';

// Free of vitest, so scripts outside the test runner (npm run fuzz) make their databases the same way.

export type Engine = 'sqlite' | 'postgres';

const adminUrl = process.env.ACCORD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Why PostgreSQL cannot be used for tests, or null when it can. */
export async function probePostgres(): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${adminUrl} is not reachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

/** A fresh database with the schema and reference data: a temp SQLite file, or a new PostgreSQL database. */
export async function createTestDatabase(engine: Engine, options: { prepare?: boolean } = {}): Promise<TestDatabase> {
  const name = `accord_test_${newId().replace(/-/g, '').slice(-16)}`;
  let database: Database;
  let drop: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
    const file = path.join(dir, `${name}.sqlite`);
    database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    database = await openDatabase({
      target: { dialect: 'postgres', url: url.toString(), display: name },
      migrations: 'none',
    });
    drop = async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    };
  }
  if (options.prepare !== false) await prepareDatabase(database.db);
  return {
    ...database,
    async drop() {
      await database.close();
      await drop();
    },
  };
}
