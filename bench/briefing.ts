/**
 * Briefing benchmark: the time to compose, lay out and render one briefing in each format and language,
 * for the demo (the talks of 5 December 2017) and for Belarus–Russia in the BACI-like
 * benchmark dataset of bench/trade.ts.
 * Run: npm run bench:briefing -- [--rows 10000000] [--runs 5] [--demo-only]
 * Prints figures; asserts nothing. The generated CSV is cached in bench/.data/ and shared with bench/trade.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { produceBriefing } from '../src/briefing/service.ts';
import { briefingFormats, briefingLanguages } from '../src/briefing/model.ts';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { loadDemo } from '../src/demo/load.ts';
import { createRelationship } from '../src/registry/relationships/service.ts';
import { importTradeFile } from '../src/trade/importers/service.ts';
import { generateBaciLike, writeCountryTable } from './generate-baci.ts';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    runs: { type: 'string', default: '5' },
    'demo-only': { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
const dataDir = path.join(path.dirname(new URL(import.meta.url).pathname), '.data');
fs.mkdirSync(dataDir, { recursive: true });

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function sqliteDatabase(name: string): Promise<{ database: Database; file: string }> {
  const file = path.join(dataDir, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
  await prepareDatabase(database.db);
  return { database, file };
}

async function close({ database, file }: { database: Database; file: string }): Promise<void> {
  await database.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** Median milliseconds per format and language, after one untimed run of each. */
async function timeEveryFormat(
  database: Database,
  request: { relationshipId: string; meetingId?: string; asOf?: string },
) {
  const lines: string[] = [];
  for (const format of briefingFormats) {
    for (const lang of briefingLanguages) {
      const produce = () => produceBriefing(database.db, { ...request, format, lang });
      const first = await produce();
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        const start = performance.now();
        await produce();
        times.push(performance.now() - start);
      }
      const ms = median(times);
      lines.push(
        `  ${format.padEnd(5)} ${lang}  ${ms.toFixed(0).padStart(6)} ms  ${(first.bytes.length / 1024).toFixed(0).padStart(5)} KB`,
      );
    }
  }
  return lines;
}

process.stdout.write(`${os.cpus().length} cores, node ${process.version}, median of ${runs} runs\n`);

const demo = await sqliteDatabase('accord-briefing-demo.sqlite');
try {
  await loadDemo(demo.database);
  const relationship = await demo.database.db.selectFrom('relationships').select('id').executeTakeFirstOrThrow();
  const talks = await demo.database.db
    .selectFrom('meetings')
    .select('id')
    .where('heldOn', '=', '2017-12-05')
    .executeTakeFirstOrThrow();
  process.stdout.write('demo, Belarus – Kursk Oblast, as of 4 December 2017:\n');
  for (const line of await timeEveryFormat(demo.database, { relationshipId: relationship.id, meetingId: talks.id })) {
    process.stdout.write(`${line}\n`);
  }
} finally {
  await close(demo);
}

if (!args['demo-only']) {
  const csv = path.join(dataDir, `baci-like-${rows}.csv`);
  const countries = path.join(dataDir, 'country-codes.csv');
  if (!fs.existsSync(csv)) {
    process.stderr.write(`generating ${rows} rows into ${csv}…\n`);
    await generateBaciLike(csv, { rows });
  }
  writeCountryTable(countries);
  const large = await sqliteDatabase(`accord-briefing-${rows}.sqlite`);
  try {
    process.stderr.write(`importing ${rows} rows…\n`);
    await importTradeFile(large.database, {
      format: 'baci',
      file: csv,
      countries,
      hsRevision: 'H5',
      dataset: { name: 'bench', kind: 'baci', source: 'generated' },
    });
    // Wait for the import's thread to copy the write-ahead log, so the timings do not include it.
    for (;;) {
      const { rows: busy } = await sql<{ busy: number }>`pragma wal_checkpoint(truncate)`.execute(large.database.db);
      if (busy[0]?.busy === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const relationship = await createRelationship(large.database.db, { homeCode: 'BY', partnerCode: 'RU' });
    // BACI-like data run to December 2017 and are published 420 days after a month ends.
    process.stdout.write(`${rows.toLocaleString('en-US')} rows, Belarus – Russia, as of 1 June 2019:\n`);
    for (const line of await timeEveryFormat(large.database, { relationshipId: relationship.id, asOf: '2019-06-01' })) {
      process.stdout.write(`${line}\n`);
    }
  } finally {
    await close(large);
  }
}
