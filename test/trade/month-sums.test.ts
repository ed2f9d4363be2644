import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { benchTerritories, generateBaciLike, writeCountryTable } from '../../bench/generate-baci.ts';
import { sumsByPeriod, sumsByProduct, type FlowSum } from '../../src/trade/analytics/store.ts';
import { importTradeFile } from '../../src/trade/importers/service.ts';
import { describeOnEngines } from '../support/engines.ts';

const sorted = (sums: FlowSum[]) =>
  sums.filter((s) => s.valueCents !== 0).sort((a, b) => a.key.localeCompare(b.key) || a.flow.localeCompare(b.flow));

const totals = (sums: FlowSum[]) => {
  const byFlow: Record<string, number> = {};
  for (const s of sums) byFlow[s.flow] = (byFlow[s.flow] ?? 0) + s.valueCents;
  return byFlow;
};

/** Sums by a finer code added up by its first `digits` digits. */
const cutTo = (digits: number, sums: FlowSum[]): FlowSum[] => {
  const byKey = new Map<string, FlowSum>();
  for (const s of sums) {
    const key = s.key.slice(0, digits);
    const at = byKey.get(`${key} ${s.flow}`);
    if (at) at.valueCents += s.valueCents;
    else byKey.set(`${key} ${s.flow}`, { key, flow: s.flow, valueCents: s.valueCents });
  }
  return [...byKey.values()];
};

/**
 * The sums by month and by heading kept beside the facts (what summaries, series, rankings and structures
 * read) must always equal what the rows add up to, after a large import and after a slice is replaced.
 */
describeOnEngines('sums by month and heading kept by imports', (ctx) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-month-sums-'));
  const countries = path.join(dir, 'countries.csv');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('match the rows after a large import and after replacing a slice', { timeout: 120_000 }, async () => {
    writeCountryTable(countries);
    const file = path.join(dir, 'large.csv');
    // Enough rows to be staged in many batches.
    await generateBaciLike(file, { rows: 450_000, seed: 7 });
    const dataset = { name: `month sums ${ctx.engine}`, kind: 'comtrade' as const, source: 'generated' };
    const first = await importTradeFile(ctx.database, { format: 'baci', file, countries, hsRevision: 'H5', dataset });
    expect(first.rowsImported).toBe(450_000);
    const datasetId = first.datasetId!;
    const { countries: list } = benchTerritories();
    const [cn, us, by, ru] = ['CN', 'US', 'BY', 'RU'].map((code) => list.find((t) => t.code === code)!);

    const compare = async () => {
      for (const [home, partner] of [
        ['CN', 'US'],
        ['BY', 'RU'],
      ] as const) {
        const perspective = { datasetId, home, mirrorImports: false };
        for (const range of [
          { from: 201301, to: 201712 },
          { from: 201701, to: 201709 },
          { from: 201611, to: 201702 },
        ]) {
          const [byChapter] = await sumsByProduct(ctx.db, perspective, partner, [range], 2);
          expect(totals(await sumsByPeriod(ctx.db, perspective, partner, range))).toEqual(totals(byChapter!));
          expect(sorted(byChapter!).length).toBeGreaterThan(0);
          // Headings come from their own sums, subheadings from the facts: cut to headings, they agree.
          const [byHeading] = await sumsByProduct(ctx.db, perspective, partner, [range], 4);
          const [bySubheading] = await sumsByProduct(ctx.db, perspective, partner, [range], 6);
          expect(sorted(byHeading!)).toEqual(sorted(cutTo(4, bySubheading!)));
        }
      }
    };
    await compare();

    // A corrected March 2017 for China's exports: its old rows go, the new ones count.
    const correction = path.join(dir, 'correction.csv');
    fs.writeFileSync(
      correction,
      [
        't,i,j,k,v,q',
        `201703,${cn!.numeric},${us!.numeric},870410,5.000,1`,
        `201703,${by!.numeric},${ru!.numeric},401110,7.000,1`,
      ].join('\n'),
    );
    const second = await importTradeFile(ctx.database, {
      format: 'baci',
      file: correction,
      countries,
      hsRevision: 'H5',
      dataset,
    });
    expect(second.rowsReplaced).toBeGreaterThan(0);
    await compare();
  });
});
