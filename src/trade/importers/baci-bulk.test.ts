import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import countries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { failure } from '../../../test/support/failure.ts';
import { flowsOf } from '../../../test/support/trade.ts';
import { AccordError } from '../../core/errors.ts';
import { tradeFacts } from '../facts/index.ts';
import type { ImportProgress } from './pipeline.ts';
import { importTradeFile } from './service.ts';

// A BACI file big enough to be read by the store itself (DuckDB's reader, PostgreSQL's COPY), and files
// that make it fall back to the row reader: every way must give the same facts, lines included, and the
// same refusals.

let scratch = '';
let goodFile = '';
let goodRows = 0;

function baciLines(rows: (i: string, j: string, k: string, n: number) => string | null): string[] {
  const codes = Object.keys(countries.getNumericCodes()).slice(0, 50);
  const products = Array.from({ length: 60 }, (_, i) => String(10_110 + i * 1001).padStart(6, '0'));
  const lines = ['t,i,j,k,v,q'];
  let n = 0;
  for (const i of codes) {
    for (const j of codes) {
      for (const k of products) {
        const line = rows(i, j, k, (n += 1));
        if (line !== null) lines.push(line);
      }
    }
  }
  return lines;
}

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bulk-'));
  const lines = baciLines((i, j, k, n) => `2017,${i},${j},${k},${(n % 997) + 0.125},${n % 3 === 0 ? 'NA' : n % 89}`);
  goodRows = lines.length - 1;
  goodFile = path.join(scratch, 'baci-big.csv');
  fs.writeFileSync(goodFile, `${lines.join('\n')}\n`);
  expect(fs.statSync(goodFile).size).toBeGreaterThan(4 * 1024 * 1024);
});

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('a big BACI file, read in bulk or row by row', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    for (const engine of engines) databases.push(await createTestDatabase(engine));
  }, 60_000);
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  it('gives the same facts with their lines on every engine, each reading it in bulk', async () => {
    const results = [];
    for (const database of databases) {
      const progress: ImportProgress[] = [];
      const report = await importTradeFile(database, {
        format: 'baci',
        file: goodFile,
        dataset: { name: 'big', kind: 'baci', source: 'generated' },
        onProgress: (p) => progress.push(p),
      });
      expect(report.rowsImported).toBe(goodRows);
      const bulk = progress.some((p) => p.stage === 'reading' && p.rowsRead === 0 && p.bytesRead > 0);
      expect(bulk, (await tradeFacts(database.db)).engine).toBe(true);
      results.push(await flowsOf(database.db, 'big'));
    }
    expect(results[0]).toHaveLength(goodRows);
    expect(results[0]![0]).toMatchObject({ sourceLine: 2, period: 201700, flow: 'X', valueCents: 112_500, unit: 't' });
    expect(results[0]!.find((f) => f.sourceLine === 4)).toMatchObject({ quantity: null, unit: null });
    for (const other of results.slice(1)) expect(other).toEqual(results[0]);
  }, 120_000);

  it('reads a file row by row when a cell deep inside is wrong, and names each bad cell', async () => {
    const lines = baciLines((i, j, k, n) =>
      n === 100_000
        ? `2017,${i},${j},${k},1.5x,1`
        : n === 120_000
          ? `2017,12a,${j},${k},2,1`
          : `2017,${i},${j},${k},1,1`,
    );
    const file = path.join(scratch, 'baci-bad-deep.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    for (const database of databases) {
      const error = await failure(
        importTradeFile(database, { format: 'baci', file, dataset: { name: 'bad', kind: 'baci', source: 'x' } }),
      );
      expect(error).toBeInstanceOf(AccordError);
      expect(error.problems.map((p) => `${p.line} ${p.column}`)).toEqual(['100001 v', '120001 i']);
      expect(await flowsOf(database.db, 'bad')).toHaveLength(0);
    }
  }, 120_000);

  it('reads a file row by row when its cells read well but a code or value is refused', async () => {
    // Every cell is a number, so the store's own reader takes the file whole; the checks after it refuse
    // a product of the reserved chapter 77 and a negative value.
    const lines = baciLines((i, j, k, n) =>
      n === 90_000
        ? `2017,${i},${j},770110,1,1`
        : n === 95_000
          ? `2017,${i},${j},${k},-4,1`
          : `2017,${i},${j},${k},1,1`,
    );
    const file = path.join(scratch, 'baci-bad-codes.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    for (const database of databases) {
      const error = await failure(
        importTradeFile(database, { format: 'baci', file, dataset: { name: 'bad codes', kind: 'baci', source: 'x' } }),
      );
      expect(error).toBeInstanceOf(AccordError);
      expect(error.problems.map((p) => `${p.line} ${p.column}`)).toEqual(['90001 k', '95001 v']);
      expect(await flowsOf(database.db, 'bad codes')).toHaveLength(0);
    }
  }, 120_000);

  it('reads a file without quantities in bulk', async () => {
    const lines = baciLines((i, j, k, n) => `2017,${i},${j},${k},${n}.00000`);
    lines[0] = 't,i,j,k,v';
    const file = path.join(scratch, 'baci-no-quantities.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    for (const database of databases) {
      const progress: ImportProgress[] = [];
      await importTradeFile(database, {
        format: 'baci',
        file,
        dataset: { name: 'values only', kind: 'baci', source: 'x' },
        onProgress: (p) => progress.push(p),
      });
      expect(progress.some((p) => p.stage === 'reading' && p.rowsRead === 0 && p.bytesRead > 0)).toBe(true);
      expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
      const flows = await flowsOf(database.db, 'values only');
      expect(flows).toHaveLength(lines.length - 1);
      expect(flows.every((f) => f.quantity === null && f.unit === null)).toBe(true);
      expect(flows.find((f) => f.valueCents === 7 * 100_000)?.sourceLine).toBe(8);
    }
  }, 120_000);

  it('keeps to the lines of a file with a blank line in it', async () => {
    const lines = baciLines((i, j, k, n) => (n === 50_000 ? '' : `2017,${i},${j},${k},${n},1`));
    const file = path.join(scratch, 'baci-blank.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    for (const database of databases) {
      await importTradeFile(database, { format: 'baci', file, dataset: { name: 'blank', kind: 'baci', source: 'x' } });
      const flows = await flowsOf(database.db, 'blank');
      expect(flows.find((f) => f.valueCents === 50_001 * 100_000)?.sourceLine).toBe(50_002);
    }
  }, 120_000);
});
