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

/** The environment variable naming the prepared PostgreSQL database new test databases are copied from. */
export const postgresTemplateVariable = 'ACCORD_TEST_POSTGRES_TEMPLATE';

function postgresUrl(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(query: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(query);
  } finally {
    await admin.end();
  }
}

/**
 * A PostgreSQL database with the schema and reference data, for `createTestDatabase` to copy (CREATE DATABASE
 * ... TEMPLATE) instead of migrating and seeding each new one, about 0.7 s apiece. Returns its name and how to
 * drop it. Nothing may stay connected to it while it is copied.
 */
export async function createPostgresTemplate(): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `accord_template_${newId().replace(/-/g, '').slice(-16)}`;
  await adminQuery(`create database ${name}`);
  const drop = () => adminQuery(`drop database if exists ${name} with (force)`);
  try {
    const database = await openDatabase({
      target: { dialect: 'postgres', url: postgresUrl(name), display: name },
      migrations: 'none',
    });
    try {
      await prepareDatabase(database.db);
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, drop };
}

/**
 * A fresh database with the schema and reference data: a temp SQLite file, or a new PostgreSQL database (a copy
 * of the prepared template when the test run made one, see createPostgresTemplate).
 */
export async function createTestDatabase(engine: Engine, options: { prepare?: boolean } = {}): Promise<TestDatabase> {
  const name = `accord_test_${newId().replace(/-/g, '').slice(-16)}`;
  let prepare = options.prepare !== false;
  let database: Database;
  let drop: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
    const file = path.join(dir, `${name}.sqlite`);
    database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
    drop = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const template = prepare ? process.env[postgresTemplateVariable] : undefined;
    await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
    if (template) prepare = false;
    database = await openDatabase({
      target: { dialect: 'postgres', url: postgresUrl(name), display: name },
      migrations: 'none',
    });
    drop = () => adminQuery(`drop database if exists ${name} with (force)`);
  }
  if (prepare) await prepareDatabase(database.db);
  return {
    ...database,
    async drop() {
      await database.close();
      await drop();
    },
  };
}
