import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildWebInto, writeDemoDatabase } from '../../support/demo-site.ts';

/**
 * Once per run: build the web workspace, and load the demo into one SQLite file
 * that every browser test copies, so no test waits for the demo loader or sees another test's edits.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  // A private build, so a run never serves pages another run or `npm start` is rebuilding.
  const webRoot = path.join(dir, 'web');
  buildWebInto(webRoot);
  const file = path.join(dir, 'demo.sqlite');
  await writeDemoDatabase(file);
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
