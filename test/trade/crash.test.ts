import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import countries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { nowIso } from '../../src/core/records.ts';
import type { Db } from '../../src/db/connection.ts';
import { tradeSummary } from '../../src/trade/analytics/service.ts';
import { tradeStoreFile } from '../../src/trade/facts/duckdb.ts';
import { releaseTradeFacts, tradeFacts } from '../../src/trade/facts/index.ts';
import { importTradeFile } from '../../src/trade/importers/service.ts';
import { createTestDatabase, describeOnEngines, type TestDatabase } from '../support/engines.ts';
import { flowsOf } from '../support/trade.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/trade/${name}`, import.meta.url));
const child = fixture('import-child.ts');
const range = { from: 201701, to: 201712 };

let scratch = '';
let bigFile = '';
let bigRows = 0;

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-crash-'));
  // 60 × 60 countries × 84 products: enough rows that the import is still reading, or still publishing,
  // when the process is killed.
  const codes = Object.keys(countries.getNumericCodes()).slice(0, 60);
  const products = Array.from({ length: 84 }, (_, i) => String(840_100 + i * 7));
  bigFile = path.join(scratch, 'baci-large.csv');
  const out = fs.createWriteStream(bigFile);
  out.write('t,i,j,k,v,q\n');
  for (const i of codes) {
    for (const j of codes) {
      const lines = products.map((k, n) => `2017,${i},${j},${k},${n + 1}.25,${n}`);
      bigRows += lines.length;
      out.write(`${lines.join('\n')}\n`);
    }
  }
  await new Promise((resolve) => out.end(resolve));
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Runs the importing child and kills it (SIGKILL) once its progress passes `when`. */
type Progress = { stage: string; rowsRead: number; bytesRead: number; totalBytes: number };

async function killImportWhen(database: string, when: (progress: Progress) => boolean) {
  const process_ = spawn(process.execPath, ['--import', 'tsx', child, database, bigFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let pending = '';
  let killed = false;
  let finished = false;
  process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  process_.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (killed) continue;
      if (line === 'done') {
        finished = true;
        continue;
      }
      if (when(JSON.parse(line) as Progress)) {
        killed = true;
        process_.kill('SIGKILL');
      }
    }
  });
  const exit = await new Promise<{ signal: NodeJS.Signals | null }>((resolve) =>
    process_.on('exit', (_code, signal) => resolve({ signal })),
  );
  return { killed: killed && exit.signal === 'SIGKILL' && !finished, stderr };
}

async function state(db: Db) {
  const imports = await db.selectFrom('tradeImports').select(['id', 'rowsImported']).execute();
  const datasets = await db.selectFrom('tradeDatasets').select('name').orderBy('name').execute();
  let facts = 0;
  for (const { name } of datasets) facts += (await flowsOf(db, name)).length;
  return { imports: imports.length, datasets: datasets.map((d) => d.name), facts };
}

describeOnEngines('an import killed midway', (ctx) => {
  const where = () => (ctx.database.target.dialect === 'sqlite' ? ctx.database.target.file : ctx.database.target.url);

  beforeAll(async () => {
    await importTradeFile(ctx.database, {
      format: 'baci',
      file: fixture('baci-hs92-2017.csv'),
      dataset: { name: 'before the kill', kind: 'baci', source: 'fixture' },
    });
  }, 60_000);

  it('leaves nothing of itself and the earlier data intact when killed while reading', async () => {
    const before = await state(ctx.db);
    const summary = await tradeSummary(ctx.db, { home: 'BY', partner: 'RU', range });
    await releaseTradeFacts(ctx.db);
    const { killed, stderr } = await killImportWhen(
      where(),
      (p) => p.stage === 'reading' && p.bytesRead >= p.totalBytes / 3,
    );
    expect(killed, stderr).toBe(true);
    expect(await state(ctx.db)).toEqual(before);
    expect(await tradeSummary(ctx.db, { home: 'BY', partner: 'RU', range })).toEqual(summary);
  }, 120_000);

  it('is there whole or not at all when killed while finishing', async () => {
    const before = await state(ctx.db);
    await releaseTradeFacts(ctx.db);
    const { stderr } = await killImportWhen(where(), (p) => p.stage === 'finishing');
    const after = await state(ctx.db);
    const interrupted = after.datasets.includes('interrupted');
    expect(after, stderr).toEqual(
      interrupted
        ? {
            imports: before.imports + 1,
            datasets: [...before.datasets, 'interrupted'].sort(),
            facts: before.facts + bigRows,
          }
        : before,
    );
  }, 120_000);
});

// PostgreSQL commits an import's records and facts in one transaction: only DuckDB has a gap to recover from.
describe('a DuckDB store opened after a crash', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.drop());
  const ctx = {
    get db() {
      return database.db;
    },
  };

  it('publishes an import the records hold and drops one they do not', async () => {
    const target = database.target;
    if (target.dialect !== 'sqlite') throw new Error('expected SQLite');
    const dataset = { id: newId(), name: 'recovered', seq: 41 };
    await ctx.db
      .insertInto('tradeDatasets')
      .values({
        ...dataset,
        kind: 'official_customs',
        source: 'test',
        notes: null,
        rowCount: 2,
        publicationLagDays: null,
        version: 1,
        createdAt: nowIso(),
        updatedAt: nowIso(),
      })
      .execute();
    const recorded = newId();
    const lost = newId();
    await ctx.db
      .insertInto('tradeImports')
      .values({
        id: recorded,
        datasetId: dataset.id,
        seq: 77,
        format: 'test',
        fileName: 'recorded.csv',
        fileHash: '0'.repeat(64),
        rowsImported: 2,
        rowsReplaced: 0,
        periodFrom: 201701,
        periodTo: 201702,
        importedAt: nowIso(),
      })
      .execute();
    // As a crash leaves them: the rows of both imports staged, only one of them recorded.
    await tradeFacts(ctx.db);
    await releaseTradeFacts(ctx.db);
    const store = await DuckDBInstance.create(tradeStoreFile(target.file));
    const connection = await store.connect();
    for (const [stage, period, value] of [
      [recorded, 201701, 1000],
      [recorded, 201702, 2000],
      [lost, 201701, 5000],
    ] as const) {
      await connection.run(
        `insert into trade_facts_staged values ('${stage}', 'BY', 'RU-KRS', ${period}, 'X', '8701', 'H5', ${value}, null, null, null, 2)`,
      );
    }
    connection.closeSync();
    store.closeSync();

    const summary = await tradeSummary(ctx.db, {
      home: 'BY',
      partner: 'RU-KRS',
      range: { from: 201701, to: 201702 },
      datasetId: dataset.id,
    });
    expect(summary.current.exportsCents).toBe(3000);
    expect((await flowsOf(ctx.db, 'recovered')).map((f) => f.valueCents)).toEqual([1000, 2000]);
    await releaseTradeFacts(ctx.db);
    const check = await DuckDBInstance.create(tradeStoreFile(target.file));
    const again = await check.connect();
    const staged = await again.runAndReadAll('select count(*) as n from trade_facts_staged');
    expect(Number(staged.getRowObjectsJS()[0]!.n)).toBe(0);
    again.closeSync();
    check.closeSync();
  });
});
