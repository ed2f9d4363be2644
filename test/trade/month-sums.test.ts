import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { benchTerritories, generateBaciLike, writeCountryTable } from '../../bench/generate-baci.ts';
import { sumsByPeriod, sumsByProduct, type FlowSum } from '../../src/trade/analytics/store.ts';
import { importTradeFile } from '../../src/trade/importers/service.ts';
import { describeOnEngines } from '../support/engines.ts';
import { cutTo, sortedSums } from '../support/trade.ts';

const totals = (sums: FlowSum[]) => {
  const byFlow: Record<string, number> = {};
  for (const s of sums) byFlow[s.flow] = (byFlow[s.flow] ?? 0) + s.valueCents;
  return byFlow;
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
          expect(sortedSums(byChapter!).length).toBeGreaterThan(0);
          // Cut to headings, the subheadings add up to the headings.
          const [byHeading] = await sumsByProduct(ctx.db, perspective, partner, [range], 4);
          const [bySubheading] = await sumsByProduct(ctx.db, perspective, partner, [range], 6);
          expect(sortedSums(byHeading!)).toEqual(sortedSums(cutTo(4, bySubheading!)));
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

  it('read a big month from its sums by heading, a small one from its facts, as the facts add up', async () => {
    writeCountryTable(countries);
    const { countries: list } = benchTerritories();
    const [cn, us] = ['CN', 'US'].map((code) => list.find((t) => t.code === code)!.numeric);
    // China's exports to the United States in January 2017: 5,200 facts, several subheadings to a heading (a
    // month big enough to keep sums by heading); in February, and the other way round, a few.
    const chapters = Array.from({ length: 97 }, (_, c) => c + 1).filter((c) => c !== 77);
    const code = (i: number) => {
      const [chapter, rest] = [chapters[i % 96]!, Math.floor(i / 96)];
      return `${String(chapter).padStart(2, '0')}${10 + (rest % 8)}${10 + Math.floor(rest / 8)}`;
    };
    const lines = ['t,i,j,k,v,q'];
    let january = 0;
    for (let i = 0; i < 5200; i += 1) {
      lines.push(`201701,${cn},${us},${code(i)},${(i % 17) + 1}.250,`);
      january += ((i % 17) + 1.25) * 100_000;
    }
    for (let i = 0; i < 30; i += 1) lines.push(`201702,${cn},${us},${code(i)},2.000,`);
    for (let i = 0; i < 30; i += 1) lines.push(`201701,${us},${cn},${code(i * 7)},3.500,`);
    const file = path.join(dir, 'big-month.csv');
    fs.writeFileSync(file, lines.join('\n'));
    const dataset = { name: `big month ${ctx.engine}`, kind: 'baci' as const, source: 'generated' };
    const first = await importTradeFile(ctx.database, { format: 'baci', file, countries, hsRevision: 'H5', dataset });
    expect(first.rowsImported).toBe(5260);
    const perspective = { datasetId: first.datasetId!, home: 'CN', mirrorImports: true };
    // Two ranges at once, as a structure asks them: each part is summed on its own.
    const ranges = [
      { from: 201701, to: 201702 },
      { from: 201701, to: 201701 },
    ];

    const compare = async () => {
      const bySubheading = await sumsByProduct(ctx.db, perspective, 'US', ranges, 6);
      for (const digits of [2, 4] as const) {
        const sums = await sumsByProduct(ctx.db, perspective, 'US', ranges, digits);
        sums.forEach((part, at) => expect(sortedSums(part)).toEqual(sortedSums(cutTo(digits, bySubheading[at]!))));
      }
      expect(totals(bySubheading[0]!).X! - totals(bySubheading[1]!).X!).toBe(30 * 200_000);
      return totals(bySubheading[0]!);
    };
    expect(await compare()).toEqual({ X: january + 30 * 200_000, M: 30 * 350_000 });

    // January replaced by two facts: its sums by heading go with its old facts.
    fs.writeFileSync(
      file,
      ['t,i,j,k,v,q', `201701,${cn},${us},870410,5.000,`, `201701,${cn},${us},870421,1.000,`].join('\n'),
    );
    await importTradeFile(ctx.database, { format: 'baci', file, countries, hsRevision: 'H5', dataset });
    expect(await compare()).toEqual({ X: 600_000 + 30 * 200_000, M: 30 * 350_000 });
  });
});
