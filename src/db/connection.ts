import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect } from 'kysely';
import type { MigrationResultSet } from 'kysely';
import pg from 'pg';
import { AccordError } from '../core/errors.ts';
import { resolveDatabaseTarget, type DatabaseTarget } from './config.ts';
import { attachTradeFacts, closeTradeFacts } from '../trade/facts/index.ts';
import { migrations } from './migrations/index.ts';
import { LockWaitingSqliteDialect } from './sqlite-lock.ts';
import type { DB } from './schema.ts';

export type Db = Kysely<DB>;

export interface Database {
  db: Db;
  target: DatabaseTarget;
  close(): Promise<void>;
}

// PostgreSQL returns bigint (count(*), sums, money in minor units) as strings; Accord keeps them as
// numbers and refuses values that would lose precision.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`integer ${value} is too large to be exact in JavaScript`);
  return n;
});

export type MigrationPolicy = 'apply' | 'require-current' | 'none';

/**
 * Opens the database named by ACCORD_DATABASE (or the given target). With `apply`, pending migrations
 * run; with `require-current`, an older database is refused with the command that brings it up to date.
 */
export async function openDatabase(
  options: { target?: DatabaseTarget; migrations?: MigrationPolicy } = {},
): Promise<Database> {
  const target = options.target ?? resolveDatabaseTarget();
  const db = createKysely(target);
  attachTradeFacts(db, target);
  const close = async () => {
    try {
      await closeTradeFacts(db);
    } finally {
      await db.destroy();
    }
  };
  const database: Database = { db, target, close };
  try {
    const policy = options.migrations ?? 'require-current';
    if (policy === 'apply') await migrateToLatest(db);
    else if (policy === 'require-current') await requireCurrentSchema(db, target);
  } catch (error) {
    await close();
    throw error;
  }
  return database;
}

function createKysely(target: DatabaseTarget): Db {
  if (target.dialect === 'sqlite') {
    fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    // Trade flows are stored as blocks of up to megabytes: big pages write them at about twice the speed.
    // Only a new, empty database takes it; an existing one keeps the page size it was made with.
    sqlite.pragma('page_size = 65536');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    return new Kysely<DB>({
      dialect: new LockWaitingSqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
    });
  }
  const pool = new pg.Pool({ connectionString: target.url, max: 10 });
  // An idle connection the server closes (restart, admin drop) must not take the whole process down;
  // the pool replaces it on next use.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL connection lost: ${error.message}`));
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

function migrator(db: Db): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'accord_migrations',
    migrationLockTableName: 'accord_migration_lock',
  });
}

export interface MigrationReport {
  applied: string[];
  current: string | null;
}

export async function migrateToLatest(db: Db): Promise<MigrationReport> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new AccordError('INTERNAL', `migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  const applied = (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  const status = await migrationStatus(db);
  return { applied, current: status.current };
}

export interface MigrationStatus {
  current: string | null;
  pending: string[];
  unknown: string[];
}

export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const known = await migrator(db).getMigrations();
  const executed = known.filter((m) => m.executedAt !== undefined).map((m) => m.name);
  const pending = known.filter((m) => m.executedAt === undefined).map((m) => m.name);
  let recorded: string[] = executed;
  try {
    const rows = await db
      .withoutPlugins()
      .selectFrom('accord_migrations' as never)
      .select('name' as never)
      .execute();
    recorded = rows.map((r) => (r as { name: string }).name);
  } catch {
    // no migration table yet: a new, empty database
  }
  const unknown = recorded.filter((name) => !(name in migrations));
  return { current: executed.at(-1) ?? null, pending, unknown };
}

async function requireCurrentSchema(db: Db, target: DatabaseTarget): Promise<void> {
  const status = await migrationStatus(db);
  if (status.unknown.length > 0) {
    throw new AccordError(
      'MIGRATION_REQUIRED',
      `The database ${target.display} was written by a newer Accord (migrations ${status.unknown.join(', ')}); upgrade Accord to open it.`,
    );
  }
  if (status.pending.length > 0) {
    const state = status.current ? `is at migration ${status.current}` : 'has no Accord tables yet';
    throw new AccordError(
      'MIGRATION_REQUIRED',
      `The database ${target.display} ${state}; this Accord needs ${status.pending.at(-1)}. Run: accord migrate`,
      { details: { pending: status.pending } },
    );
  }
}
