import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../../src/db/connection.ts';
import { prepareDatabase } from '../../../src/db/setup.ts';
import { loadDemo } from '../../../src/demo/load.ts';

/**
 * Once per run: build the web workspace, and load the demo into one SQLite file
 * that every browser test copies, so no test waits for the demo loader or sees another test's edits.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const root = path.resolve(import.meta.dirname, '../../..');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  // A private build, so a run never serves pages another run or `npm start` is rebuilding.
  const webRoot = path.join(dir, 'web');
  execFileSync(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'web/vite.config.ts'),
      '--outDir',
      webRoot,
      '--logLevel',
      'warn',
    ],
    { stdio: 'inherit' },
  );
  const file = path.join(dir, 'demo.sqlite');
  const database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
  await prepareDatabase(database.db);
  await loadDemo(database);
  await database.close();
  project.provide('demoDatabaseFile', file);
  project.provide('webRoot', webRoot);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoDatabaseFile: string;
    webRoot: string;
  }
}
