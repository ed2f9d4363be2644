import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportBundle } from '../../src/bundle/service.ts';
import { AccordError } from '../../src/core/errors.ts';
import type { DB } from '../../src/db/schema.ts';
import { LockWaitingSqliteDialect, waitForWriteLock } from '../../src/db/sqlite-lock.ts';
import { buildApp } from '../../src/http/app.ts';
import { createOrganization, listOrganizations } from '../../src/registry/organizations/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

const organization = (nameEn: string) => ({ nameEn, nameRu: nameEn, kind: 'enterprise', territoryCode: 'BY' });

/** Another connection holding SQLite's write lock, as a trade import does for the whole of its transaction. */
function holdWriteLock(file: string): { release: () => void } {
  const other = new SQLite(file);
  other.exec('begin immediate');
  return {
    release: () => {
      other.exec('commit');
      other.close();
    },
  };
}

describe('writes while another connection holds the SQLite write lock', () => {
  let database: TestDatabase;
  let file = '';
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    if (database.target.dialect !== 'sqlite') throw new Error('expected SQLite');
    file = database.target.file;
  });
  afterAll(async () => {
    await database.drop();
  });

  it('waits for the lock without stopping the thread, then writes', async () => {
    const lock = holdWriteLock(file);
    let settled = false;
    const created = createOrganization(database.db, organization('Gomselmash')).finally(() => {
      settled = true;
    });
    // The thread goes on running other work while the write waits.
    const ticks = await new Promise<number>((resolve) => {
      let count = 0;
      const timer = setInterval(() => {
        count += 1;
        if (count === 10) {
          clearInterval(timer);
          resolve(count);
        }
      }, 20);
    });
    expect(ticks).toBe(10);
    expect(settled).toBe(false);
    lock.release();
    expect((await created).nameEn).toBe('Gomselmash');
    const found = await listOrganizations(database.db, { q: 'Gomselmash' }, { limit: 10, offset: 0 });
    expect(found.total).toBe(1);
  });

  it('lets reads and a consistent export go ahead while a write waits', async () => {
    const lock = holdWriteLock(file);
    let written = false;
    const created = createOrganization(database.db, organization('Belshina')).finally(() => {
      written = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const read = await listOrganizations(database.db, {}, { limit: 10, offset: 0 });
    expect(read.total).toBeGreaterThan(0);
    const bundle = await exportBundle(database.db);
    expect(bundle.tables.organizations).toHaveLength(read.total);
    expect(written).toBe(false);
    lock.release();
    expect((await created).nameEn).toBe('Belshina');
  });

  it('gives up after its longest wait with 503 DATABASE_BUSY and Retry-After, writing nothing', async () => {
    const impatient = new Kysely<DB>({
      dialect: new LockWaitingSqliteDialect({ database: new SQLite(file) }, 300),
      plugins: [new CamelCasePlugin()],
    });
    const app = await buildApp({ db: impatient, webRoot: false });
    const lock = holdWriteLock(file);
    try {
      const answer = await app.inject({ method: 'POST', url: '/api/organizations', payload: organization('Amkodor') });
      expect(answer.statusCode).toBe(503);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.headers['retry-after']).toBe('10');
      expect(answer.json()).toMatchObject({ code: 'DATABASE_BUSY', status: 503 });
      expect(answer.json().detail).toContain('most likely a trade import');
    } finally {
      lock.release();
      await app.close();
    }
    const found = await listOrganizations(database.db, { q: 'Amkodor' }, { limit: 10, offset: 0 });
    expect(found.total).toBe(0);
  });

  it('passes every other error through at once', async () => {
    let attempts = 0;
    const failing = waitForWriteLock(() => {
      attempts += 1;
      throw new AccordError('CONFLICT', 'taken');
    });
    await expect(failing).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(attempts).toBe(1);
  });
});
