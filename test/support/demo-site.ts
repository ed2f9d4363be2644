import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { openDatabase } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { loadDemo } from '../../src/demo/load.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** A production build of the web workspace into `outDir`, private to the caller (never dist/web). */
export function buildWebInto(outDir: string): void {
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const config = path.join(root, 'web/vite.config.ts');
  execFileSync(process.execPath, [vite, 'build', '--config', config, '--outDir', outDir, '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

/** A SQLite file holding the schema, the reference data and the demo data set. */
export async function writeDemoDatabase(file: string): Promise<void> {
  const database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
  try {
    await prepareDatabase(database.db);
    await loadDemo(database);
  } finally {
    await database.close();
  }
}
