import {
  CompiledQuery,
  SqliteDialect,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDialectConfig,
  type TransactionSettings,
} from 'kysely';
import { AccordError } from '../core/errors.ts';

/**
 * SQLite lets one connection write at a time, and a trade import holds the write lock for the whole of its
 * all-or-nothing transaction (seconds for a big file). better-sqlite3 waits for a lock by blocking the thread,
 * which would stop the whole server, so the main connection does not wait in SQLite (busy_timeout 0): a write
 * that finds the lock taken is tried again after a pause in which the server goes on answering, until the
 * lock is free or `maxWaitMs` has passed.
 */
export async function waitForWriteLock<T>(attempt: () => T | Promise<T>, maxWaitMs = defaultMaxWaitMs): Promise<T> {
  const started = Date.now();
  for (let pause = 10; ; pause = Math.min(pause * 2, 250)) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() - started + pause > maxWaitMs) {
        throw new AccordError(
          'DATABASE_BUSY',
          `another writer, most likely a trade import, has held the database for ${Math.round(maxWaitMs / 1000)} s; try again when it has finished`,
          { cause: error, details: { retryAfterSeconds: 10 } },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}

const defaultMaxWaitMs = 60_000;

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Kysely's SQLite dialect with writes that wait for the lock as `waitForWriteLock` does. Transactions begin
 * IMMEDIATE: one that began by reading could otherwise not take the lock later without starting over.
 */
export class LockWaitingSqliteDialect extends SqliteDialect {
  constructor(
    config: SqliteDialectConfig,
    private readonly maxWaitMs = defaultMaxWaitMs,
  ) {
    super({
      ...config,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw('pragma busy_timeout = 0'));
        await config.onCreateConnection?.(connection);
      },
    });
  }

  override createDriver(): Driver {
    return new LockWaitingDriver(super.createDriver(), this.maxWaitMs);
  }
}

/**
 * While a write waits for the lock it lets go of the connection (better-sqlite3 has just one), so reads
 * queued behind it go ahead; a transaction that already holds the lock never waits.
 */
class LockWaitingDriver implements Driver {
  private readonly connections = new WeakMap<DatabaseConnection, DatabaseConnection>();
  private inTransaction = false;

  constructor(
    private readonly inner: Driver,
    private readonly maxWaitMs: number,
  ) {}

  init(): Promise<void> {
    return this.inner.init();
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await this.inner.acquireConnection();
    let waiting = this.connections.get(connection);
    if (!waiting) {
      waiting = {
        executeQuery: <R>(query: CompiledQuery) => this.execute<R>(connection, query),
        streamQuery: <R>(query: CompiledQuery, chunkSize?: number) => connection.streamQuery<R>(query, chunkSize),
      };
      this.connections.set(connection, waiting);
    }
    return waiting;
  }

  private execute<R>(connection: DatabaseConnection, query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.inTransaction) return connection.executeQuery<R>(query);
    let first = true;
    return waitForWriteLock(async () => {
      // Between attempts the connection is handed to whoever waits for it, then taken back.
      if (!first) await this.inner.acquireConnection();
      first = false;
      try {
        return await connection.executeQuery<R>(query);
      } catch (error) {
        if (isBusy(error)) await this.inner.releaseConnection(connection);
        throw error;
      }
    }, this.maxWaitMs).catch(async (error: unknown) => {
      // Given up while not holding the connection: take it back for Kysely to release.
      if (error instanceof AccordError && error.code === 'DATABASE_BUSY') await this.inner.acquireConnection();
      throw error;
    });
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    // A read-only transaction (a consistent snapshot for an export) takes no lock and waits for none.
    await connection.executeQuery(CompiledQuery.raw(settings.accessMode === 'read only' ? 'begin' : 'begin immediate'));
    this.inTransaction = true;
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.inTransaction = false;
    await this.inner.commitTransaction(connection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    this.inTransaction = false;
    await this.inner.rollbackTransaction(connection);
  }

  savepoint: Driver['savepoint'] = (connection, name, compile) => this.inner.savepoint!(connection, name, compile);
  rollbackToSavepoint: Driver['rollbackToSavepoint'] = (connection, name, compile) =>
    this.inner.rollbackToSavepoint!(connection, name, compile);
  releaseSavepoint: Driver['releaseSavepoint'] = (connection, name, compile) =>
    this.inner.releaseSavepoint!(connection, name, compile);

  releaseConnection(connection: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(connection);
  }

  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}
