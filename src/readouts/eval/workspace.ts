import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/connection.ts';
import { prepareDatabase } from '../../db/setup.ts';
import { loadDemo } from '../../demo/load.ts';
import { loadRegistry, type Registry } from '../registry.ts';

/** The registry of a demo workspace made in a temporary SQLite file, as a workspace that loaded the demo holds it. */
export async function demoRegistry(): Promise<Registry> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-readouts-'));
  const database = await openDatabase({
    target: { dialect: 'sqlite', file: path.join(dir, 'demo.sqlite'), display: 'a temporary demo workspace' },
    migrations: 'none',
  });
  try {
    await prepareDatabase(database.db);
    await loadDemo(database);
    return await loadRegistry(database.db);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
