/**
 * Writes (or with --check, compares) the golden trade answers: the demo workspace's and those of the generated
 * 450,000-row BACI-like file, each on a fresh SQLite database.
 * Run: npm run golden:trade [-- --check]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { openDatabase, type Database } from '../../src/db/connection.ts';
import { prepareDatabase } from '../../src/db/setup.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { demoCases, generatedCases, goldenAnswers, goldenDir, importGenerated } from '../support/trade-golden.ts';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false } } });

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-golden-db-'));
  const file = path.join(dir, 'golden.sqlite');
  const database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
  try {
    await prepareDatabase(database.db);
    return await work(database);
  } finally {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const sets = [
  {
    file: 'demo.json',
    answers: () =>
      withDatabase(async (database) => {
        await loadDemo(database);
        return goldenAnswers(database.db, demoCases);
      }),
  },
  {
    file: 'baci-450000.json',
    answers: () =>
      withDatabase(async (database) => {
        await importGenerated(database);
        return goldenAnswers(database.db, generatedCases);
      }),
  },
];

fs.mkdirSync(goldenDir, { recursive: true });
let differing = 0;
for (const set of sets) {
  const started = performance.now();
  const answers = await set.answers();
  const file = path.join(goldenDir, set.file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (args.check) {
    const same = isDeepStrictEqual(JSON.parse(fs.readFileSync(file, 'utf8')), answers);
    if (!same) differing += 1;
    process.stdout.write(`${set.file}: ${same ? 'same answers' : 'ANSWERS DIFFER'} (${seconds} s)\n`);
  } else {
    fs.writeFileSync(file, `${JSON.stringify(answers, null, 1)}\n`);
    process.stdout.write(`${set.file}: written (${seconds} s, ${fs.statSync(file).size} bytes)\n`);
  }
}
process.exitCode = differing > 0 ? 1 : 0;
