import { afterAll, beforeAll, describe } from 'vitest';
import type { Database, Db } from '../../src/db/connection.ts';
import { createTestDatabase, probePostgres, type Engine, type TestDatabase } from './databases.ts';

export { createTestDatabase, type Engine, type TestDatabase };

const postgresProblem = await probePostgres();
if (postgresProblem) {
  if (process.env.CI === 'true') throw new Error(`${postgresProblem}; CI requires PostgreSQL`);
  console.warn(`[accord tests] skipping PostgreSQL runs: ${postgresProblem}`);
}

export const engines: Engine[] = postgresProblem ? ['sqlite'] : ['sqlite', 'postgres'];

/**
 * Runs the same suite once per available engine, each on its own fresh database that is dropped afterwards.
 * Inside, `ctx.db` is the Kysely instance for the current engine and `ctx.database` the whole connection.
 */
export function describeOnEngines(
  name: string,
  suite: (ctx: { readonly db: Db; readonly database: Database; readonly engine: Engine }) => void,
): void {
  for (const engine of engines) {
    describe(`${name} [${engine}]`, () => {
      let database: TestDatabase | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      }, 60_000);
      afterAll(async () => {
        await database?.drop();
      });
      suite({
        get db() {
          if (!database) throw new Error('test database not ready');
          return database.db;
        },
        get database() {
          if (!database) throw new Error('test database not ready');
          return database;
        },
        engine,
      });
    });
  }
}
