import { describe, expect, it } from 'vitest';
import type { Database } from '../../db/connection.ts';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { bigMonthOfExports, makeTradeDataset } from '../../../test/support/trade-datasets.ts';
import { cutTo, sortedSums } from '../../../test/support/trade.ts';
import { describeTrend, mirrorView, partnerRanking } from './insights.ts';
import { latestPeriodWithPartners, tradeWithPartners } from './partners.ts';
import { growthPercent, tradeSeries, tradeStructure, tradeSummary } from './service.ts';
import { sumsByProduct } from './store.ts';

type Flow = [
  period: number,
  reporter: string,
  partner: string,
  flow: 'X' | 'M',
  hs: string,
  usd: number,
  revision?: string,
];

/** Writes flows the way an import stores them, into a new dataset of the given kind. */
function makeDataset(database: Database, kind: string, flows: Flow[]): Promise<string> {
  return makeTradeDataset(
    database.db,
    kind,
    flows.map(([period, reporter, partner, flow, hs, usd, revision]) => ({
      period,
      reporter,
      partner,
      flow,
      hs,
      usd,
      revision,
    })),
  );
}

// Hand-computed fixture (USD). Jan–Mar 2016 vs Jan–Mar 2017, Belarus with Kursk Oblast, Poland, China.
const fixture: Flow[] = [
  [201601, 'BY', 'RU-KRS', 'X', '401110', 100],
  [201602, 'BY', 'RU-KRS', 'X', '310420', 50],
  [201603, 'BY', 'RU-KRS', 'M', '260111', 80],
  [201701, 'BY', 'RU-KRS', 'X', '401110', 100, 'H4'],
  [201702, 'BY', 'RU-KRS', 'X', '401120', 50],
  [201703, 'BY', 'RU-KRS', 'X', '870410', 40],
  [201703, 'BY', 'RU-KRS', 'M', '260111', 60],
  [201702, 'BY', 'PL', 'X', '870410', 10],
  [201701, 'BY', 'CN', 'M', '854231', 500],
];
const q1 = { from: 201701, to: 201703 };

describeOnEngines('trade analytics', (ctx) => {
  it('sums a pair against the same months a year earlier, with share and rank among partners', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const s = await tradeSummary(ctx.db, { home: 'BY', partner: 'RU-KRS', range: q1, datasetId });
    expect(s.current).toEqual({
      exportsCents: 19_000,
      importsCents: 6_000,
      turnoverCents: 25_000,
      balanceCents: 13_000,
    });
    expect(s.previous).toEqual({
      exportsCents: 15_000,
      importsCents: 8_000,
      turnoverCents: 23_000,
      balanceCents: 7_000,
    });
    expect(s.change.turnoverCents).toBe(2_000);
    expect(s.growthPercent.turnover).toBeCloseTo((20 / 230) * 100, 10);
    expect(s.growthPercent.imports).toBeCloseTo(-25, 10);
    expect(s.sharePercent).toBeCloseTo((250 / 760) * 100, 10);
    expect(s.rank).toBe(2);
    expect(s.partners).toBe(3);
    expect(s.currency).toBe('USD');
  });

  it('read a home’s own big month of exports from its sums by heading, its imports from their facts', async () => {
    // Belarus's own reports: 5,000 exports to Ukraine in January (summed by heading) and a few imports.
    const flows = [
      ...bigMonthOfExports('BY', 'UA', 201701),
      ...Array.from({ length: 20 }, (_, i) => ({
        period: 201701,
        reporter: 'BY',
        partner: 'UA',
        flow: 'M' as const,
        hs: `${20 + i}0110`,
        usd: 100 + i,
      })),
    ];
    const datasetId = await makeTradeDataset(ctx.db, 'official_customs', flows);
    const perspective = { datasetId, home: 'BY', mirrorImports: false };
    const ranges = [{ from: 201701, to: 201703 }];
    const [bySubheading] = await sumsByProduct(ctx.db, perspective, 'UA', ranges, 6);
    for (const digits of [2, 4] as const) {
      const [sums] = await sumsByProduct(ctx.db, perspective, 'UA', ranges, digits);
      expect(sortedSums(sums!)).toEqual(sortedSums(cutTo(digits, bySubheading!)));
    }
    const total = (flow: string) => bySubheading!.filter((s) => s.flow === flow).reduce((n, s) => n + s.valueCents, 0);
    expect([total('X'), total('M')]).toEqual(
      ['X', 'M'].map((flow) => flows.filter((f) => f.flow === flow).reduce((n, f) => n + f.usd * 100, 0)),
    );
  });

  it('answers questions of the same shape asked at once, each with its own pair', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const ask = (partner: string) => tradeSummary(ctx.db, { home: 'BY', partner, range: q1, datasetId });
    const alone = [];
    for (const partner of ['RU-KRS', 'PL', 'CN']) alone.push(await ask(partner));
    const atOnce = await Promise.all(['RU-KRS', 'PL', 'CN', 'RU-KRS', 'PL', 'CN'].map((partner) => ask(partner)));
    expect(atOnce.map((s) => s.current.turnoverCents)).toEqual([25_000, 1_000, 50_000, 25_000, 1_000, 50_000]);
    expect(atOnce.slice(0, 3)).toEqual(alone);
  });

  it('gives no growth where there was nothing a year earlier, and keeps a negative balance', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const poland = await tradeSummary(ctx.db, { home: 'BY', partner: 'PL', range: q1, datasetId });
    expect(poland.growthPercent.turnover).toBeNull();
    const china = await tradeSummary(ctx.db, { home: 'BY', partner: 'CN', range: q1, datasetId });
    expect(china.current.balanceCents).toBe(-50_000);
  });

  it('splits the structure by chapter with contributions that add up to the growth, across HS revisions', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const s = await tradeStructure(ctx.db, { home: 'BY', partner: 'RU-KRS', range: q1, datasetId, level: 'chapter' });
    const line = (code: string) => s.lines.find((l) => l.code === code)!;
    // Chapter 40 holds an H4 and an H5 row: both count.
    expect(line('40').current.turnoverCents).toBe(15_000);
    expect(line('40').growthPercent).toBeCloseTo(50, 10);
    expect(line('40').contributionPp).toBeCloseTo((50 / 230) * 100, 10);
    expect(line('31').current.turnoverCents).toBe(0);
    expect(line('31').growthPercent).toBeCloseTo(-100, 10);
    expect(line('87').growthPercent).toBeNull();
    expect(line('87').contributionPp).toBeCloseTo((40 / 230) * 100, 10);
    expect(line('40').titleEn).toBe('Rubber and articles thereof');
    const sum = s.lines.reduce((a, l) => a + (l.contributionPp ?? 0), 0);
    expect(sum).toBeCloseTo(s.total.growthPercent!, 10);
    expect(s.lines.reduce((a, l) => a + (l.sharePercent ?? 0), 0)).toBeCloseTo(100, 10);
  });

  it('groups chapters into sections and folds the tail into "other"', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const sections = await tradeStructure(ctx.db, {
      home: 'BY',
      partner: 'RU-KRS',
      range: q1,
      datasetId,
      level: 'section',
    });
    expect(sections.lines.map((l) => l.code)).toEqual(['07', '05', '17', '06']);
    // A section is written once, as its roman numeral, and its title does not repeat it.
    expect(sections.lines[0]).toMatchObject({
      label: 'VII',
      titleEn: 'Plastics and articles thereof; rubber and articles thereof',
    });
    expect(sections.lines[0]!.titleRu).not.toMatch(/^VII/);
    const top = await tradeStructure(ctx.db, {
      home: 'BY',
      partner: 'RU-KRS',
      range: q1,
      datasetId,
      level: 'heading',
      top: 1,
    });
    expect(top.lines.map((l) => [l.code, l.label])).toEqual([['4011', '4011']]);
    expect(top.other?.current.turnoverCents).toBe(10_000);
  });

  it("reads imports of a BACI-style dataset from the partners' exports", async () => {
    const datasetId = await makeDataset(ctx.database, 'baci', [
      [201701, 'BY', 'RU', 'X', '401110', 100],
      [201701, 'RU', 'BY', 'X', '270900', 40],
      [201601, 'BY', 'RU', 'X', '401110', 50],
    ]);
    const s = await tradeSummary(ctx.db, { home: 'BY', partner: 'RU', range: { from: 201701, to: 201701 }, datasetId });
    expect(s.current).toMatchObject({ exportsCents: 10_000, importsCents: 4_000 });
    const structure = await tradeStructure(ctx.db, {
      home: 'BY',
      partner: 'RU',
      range: { from: 201701, to: 201701 },
      datasetId,
      level: 'chapter',
      direction: 'imports',
    });
    expect(structure.lines.map((l) => l.code)).toEqual(['27']);
  });

  it('counts annual rows only when whole years are asked', async () => {
    const datasetId = await makeDataset(ctx.database, 'baci', [
      [201700, 'BY', 'RU', 'X', '401110', 300],
      [201600, 'BY', 'RU', 'X', '401110', 200],
    ]);
    const year = await tradeSummary(ctx.db, {
      home: 'BY',
      partner: 'RU',
      range: { from: 201701, to: 201712 },
      datasetId,
    });
    expect(year.current.exportsCents).toBe(30_000);
    expect(year.growthPercent.exports).toBeCloseTo(50, 10);
    const partYear = await tradeSummary(ctx.db, {
      home: 'BY',
      partner: 'RU',
      range: { from: 201701, to: 201709 },
      datasetId,
    });
    expect(partYear.current.exportsCents).toBe(0);
  });

  it('builds monthly and cumulative series with year-on-year growth', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const monthly = await tradeSeries(ctx.db, {
      home: 'BY',
      partner: 'RU-KRS',
      range: q1,
      datasetId,
      granularity: 'month',
    });
    expect(monthly.points.map((p) => p.totals.turnoverCents)).toEqual([10_000, 5_000, 10_000]);
    expect(monthly.points[1]!.turnoverGrowthPercent).toBeCloseTo(0, 10);
    const cumulative = await tradeSeries(ctx.db, {
      home: 'BY',
      partner: 'RU-KRS',
      range: q1,
      datasetId,
      granularity: 'month',
      cumulative: true,
    });
    expect(cumulative.points.map((p) => p.totals.turnoverCents)).toEqual([10_000, 15_000, 25_000]);
    expect(cumulative.points[2]!.turnoverGrowthPercent).toBeCloseTo((20 / 230) * 100, 10);
  });

  it('ranks every partner by turnover and by growth', async () => {
    const datasetId = await makeDataset(ctx.database, 'official_customs', fixture);
    const byTurnover = await partnerRanking(ctx.db, { home: 'BY', range: q1, by: 'turnover', datasetId });
    expect(byTurnover.lines.map((l) => l.partner)).toEqual(['CN', 'RU-KRS', 'PL']);
    const byGrowth = await partnerRanking(ctx.db, { home: 'BY', range: q1, by: 'growth', datasetId });
    expect(byGrowth.lines[0]!.partner).toBe('RU-KRS');
  });

  it("sets each side's declaration beside the other's in the mirror view", async () => {
    await makeDataset(ctx.database, 'official_customs', [
      [201801, 'BY', 'RU-TUL', 'X', '401110', 100],
      [201801, 'BY', 'RU-TUL', 'M', '260111', 30],
    ]);
    await makeDataset(ctx.database, 'national_statistics', [
      [201801, 'RU-TUL', 'BY', 'M', '401110', 90],
      [201801, 'RU-TUL', 'BY', 'X', '260111', 35],
    ]);
    const view = await mirrorView(ctx.db, { home: 'BY', partner: 'RU-TUL', range: { from: 201801, to: 201801 } });
    expect(view.homeReport).toMatchObject({ exportsCents: 10_000, importsCents: 3_000 });
    expect(view.partnerReport).toMatchObject({ exportsCents: 3_500, importsCents: 9_000 });
    expect(view.exportsGapCents).toBe(1_000);
    expect(view.importsGapCents).toBe(-500);
  });

  it("answers home's trade with many partners at once as each pair's own summary does", async () => {
    // Kazakhstan only here, so the other tests' datasets cover none of these pairs.
    const months = (reporter: string, partner: string, flow: 'X' | 'M', usd: number): Flow[] =>
      [2015, 2016, 2017].flatMap((year) =>
        [1, 2, 3, 4].map((month): Flow => [year * 100 + month, reporter, partner, flow, '401110', usd + year - 2015]),
      );
    await makeDataset(ctx.database, 'comtrade', [
      ...months('KZ', 'RU-OMS', 'X', 100),
      ...months('KZ', 'RU-OMS', 'M', 30),
      ...months('KZ', 'RU-TYU', 'X', 70),
    ]);
    await makeDataset(ctx.database, 'baci', [...months('KZ', 'UZ', 'X', 20), ...months('UZ', 'KZ', 'X', 9)]);
    // Only the partner reports here, yet the dataset covers the pair and outranks Comtrade, as in a summary.
    await makeDataset(ctx.database, 'official_customs', months('RU-TYU', 'KZ', 'X', 5));
    const range = { from: 201701, to: 201703 };

    const answers = await tradeWithPartners(ctx.db, {
      home: 'KZ',
      partners: ['RU-OMS', 'RU-TYU', 'UZ', 'MN'],
      range,
      years: 3,
    });
    expect([...answers.keys()].sort()).toEqual(['RU-OMS', 'RU-TYU', 'UZ']);
    for (const [partner, answer] of answers) {
      const summary = await tradeSummary(ctx.db, { home: 'KZ', partner, range });
      expect(answer.dataset).toEqual(summary.dataset);
      expect(answer.years.map((y) => y.range)).toEqual([
        { from: 201501, to: 201503 },
        { from: 201601, to: 201603 },
        range,
      ]);
      expect(answer.years[2]!.totals).toEqual(summary.current);
      expect(answer.years[1]!.totals).toEqual(summary.previous);
      const oldest = await tradeSummary(ctx.db, {
        home: 'KZ',
        partner,
        range: answer.years[0]!.range,
        datasetId: summary.dataset.id,
      });
      expect(answer.years[0]!.totals).toEqual(oldest.current);
    }
    expect(answers.get('UZ')!.years[2]!.totals).toMatchObject({ exportsCents: 6_600, importsCents: 3_300 });
    expect(answers.get('RU-TYU')!.dataset.kind).toBe('official_customs');
    expect(answers.get('RU-OMS')!.dataset.kind).toBe('comtrade');

    const homes = [{ home: 'KZ', partners: ['RU-OMS', 'MN'] }];
    expect(await latestPeriodWithPartners(ctx.db, homes)).toEqual({ from: 201701, to: 201704 });
    expect(await latestPeriodWithPartners(ctx.db, [{ home: 'KZ', partners: ['MN'] }])).toBeNull();
  });

  it('counts the flows of the pair in the period that their source flags', async () => {
    const datasetId = await makeTradeDataset(ctx.db, 'comtrade', [
      { period: 201701, reporter: 'BY', partner: 'UA', flow: 'X', hs: '401110', usd: 100, flag: 'estimated' },
      { period: 201702, reporter: 'BY', partner: 'UA', flow: 'M', hs: '260111', usd: 50, flag: 'confidential' },
      { period: 201703, reporter: 'BY', partner: 'UA', flow: 'X', hs: '401110', usd: 70 },
      { period: 201601, reporter: 'BY', partner: 'UA', flow: 'X', hs: '401110', usd: 90, flag: 'estimated' },
      { period: 201701, reporter: 'BY', partner: 'LT', flow: 'X', hs: '401110', usd: 10, flag: 'estimated' },
    ]);
    const s = await tradeSummary(ctx.db, { home: 'BY', partner: 'UA', range: q1, datasetId });
    expect(s.current.turnoverCents).toBe(22_000);
    expect(s.flagged).toBe(2);
    const mirrored = await makeTradeDataset(ctx.db, 'baci', [
      { period: 201700, reporter: 'UA', partner: 'BY', flow: 'X', hs: '260111', usd: 50, flag: 're-export' },
      { period: 201700, reporter: 'BY', partner: 'UA', flow: 'X', hs: '401110', usd: 100 },
    ]);
    const year = { from: 201701, to: 201712 };
    expect((await tradeSummary(ctx.db, { home: 'BY', partner: 'UA', range: year, datasetId: mirrored })).flagged).toBe(
      1,
    );
  });

  it('says clearly when no dataset covers the pair and period', async () => {
    await expect(
      tradeSummary(ctx.db, { home: 'BY', partner: 'RU-KRS', range: { from: 199001, to: 199003 } }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('trend signals in plain words', () => {
  const years = (...turnover: number[]) => turnover.map((t) => ({ turnoverCents: t, balanceCents: 1 }));

  it('names a recovery after falling years', () => {
    expect(describeTrend(years(200, 150, 100, 140.5)).map((s) => s.textEn)).toEqual([
      'recovery: +40.5% after two falling years',
    ]);
  });

  it('counts the years of decline and of growth', () => {
    expect(describeTrend(years(100, 90, 80, 70))[0]!.textEn).toBe('third year of decline (-12.5%)');
    expect(describeTrend(years(100, 110, 121))[0]!.textRu).toBe('второй год роста (+10,0\u00a0%)');
  });

  it('notices a balance that changed sign', () => {
    const signals = describeTrend([
      { turnoverCents: 100, balanceCents: 5 },
      { turnoverCents: 100, balanceCents: -5 },
    ]);
    expect(signals.map((s) => s.code)).toEqual(['balance_turned']);
  });

  it('computes growth from exact sums and none from zero', () => {
    expect(growthPercent(140_500, 100_000)).toBeCloseTo(40.5, 12);
    expect(growthPercent(5, 0)).toBeNull();
  });
});
