import type { Command } from 'commander';
import { resolveDatabaseTarget } from '../db/config.ts';
import { openDatabase, type Database, type MigrationPolicy } from '../db/connection.ts';

/** Runs `action` with the database named by --database or ACCORD_DATABASE, and always closes it. */
export async function withDatabase<T>(
  command: Command,
  policy: MigrationPolicy,
  action: (database: Database) => Promise<T>,
): Promise<T> {
  const globals = command.optsWithGlobals<{ database?: string }>();
  const database = await openDatabase({ target: resolveDatabaseTarget(globals.database), migrations: policy });
  try {
    return await action(database);
  } finally {
    await database.close();
  }
}
