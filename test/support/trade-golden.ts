/**
 * The trade answers users see (summary, structure at every HS level and direction, series, ranking), computed by
 * the store of the day and kept as golden files in `test/fixtures/trade/golden/`. A new store must give the same
 * answers before the old one is removed: `npm run golden:trade -- --check` compares, without `--check` it writes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBaciLike, writeCountryTable } from '../../bench/generate-baci.ts';
import type { Db } from '../../src/db/connection.ts';
import type { Database } from '../../src/db/connection.ts';
import { partnerRanking } from '../../src/trade/analytics/insights.ts';
import { tradeSeries, tradeStructure, tradeSummary } from '../../src/trade/analytics/service.ts';
import { importTradeFile } from '../../src/trade/importers/service.ts';

export const goldenDir = fileURLToPath(new URL('../fixtures/trade/golden/', import.meta.url));

export interface GoldenCase {
  home: string;
  partner: string;
  range: { from: number; to: number };
  series: { from: number; to: number };
}

/** The generated file's size and seed; the golden answers hold only for these. */
export const generated = { rows: 450_000, seed: 42 };

export const generatedCases: GoldenCase[] = [
  { home: 'BY', partner: 'RU', range: { from: 201701, to: 201709 }, series: { from: 201301, to: 201712 } },
  { home: 'CN', partner: 'US', range: { from: 201701, to: 201709 }, series: { from: 201301, to: 201712 } },
  { home: 'BY', partner: 'RU-KRS', range: { from: 201601, to: 201612 }, series: { from: 201501, to: 201712 } },
];

export const demoCases: GoldenCase[] = [
  { home: 'BY', partner: 'RU-KRS', range: { from: 201701, to: 201709 }, series: { from: 201301, to: 201712 } },
  { home: 'BY', partner: 'RU-KRS', range: { from: 201601, to: 201612 }, series: { from: 201401, to: 201712 } },
];

const levels = ['section', 'chapter', 'heading', 'subheading'] as const;
const directions = ['exports', 'imports', 'turnover'] as const;

/** Every answer for the cases, in a stable shape: what is compared is what a user would read. */
export async function goldenAnswers(db: Db, cases: GoldenCase[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const c of cases) {
    const key = `${c.home}-${c.partner} ${c.range.from}..${c.range.to}`;
    const q = { home: c.home, partner: c.partner, range: c.range };
    const structure: Record<string, unknown> = {};
    for (const level of levels) {
      for (const direction of directions) {
        structure[`${level} ${direction}`] = await tradeStructure(db, { ...q, level, direction, top: 20 });
      }
    }
    out[key] = {
      summary: await tradeSummary(db, q),
      structure,
      series: {
        month: await tradeSeries(db, { ...q, range: c.series, granularity: 'month' }),
        cumulative: await tradeSeries(db, { ...q, range: c.series, granularity: 'month', cumulative: true }),
        quarter: await tradeSeries(db, { ...q, range: c.series, granularity: 'quarter' }),
        year: await tradeSeries(db, { ...q, range: c.series, granularity: 'year' }),
      },
      ranking: {
        turnover: await partnerRanking(db, { home: c.home, range: c.range, by: 'turnover' }),
        growth: await partnerRanking(db, { home: c.home, range: c.range, by: 'growth' }),
      },
    };
  }
  // Dataset and import ids are new on every load; the answers are compared without them.
  return JSON.parse(JSON.stringify(out, (k, v: unknown) => (/^(?:datasetId|importId|id)$/u.test(k) ? undefined : v)));
}

/** The generated BACI-like file imported into `database`, from a temporary folder removed afterwards. */
export async function importGenerated(database: Database): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-golden-'));
  try {
    const csv = path.join(dir, 'baci-like.csv');
    const countries = path.join(dir, 'country-codes.csv');
    await generateBaciLike(csv, generated);
    writeCountryTable(countries);
    await importTradeFile(database, {
      format: 'baci',
      file: csv,
      countries,
      hsRevision: 'H5',
      dataset: { name: 'golden', kind: 'baci', source: 'generated' },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
