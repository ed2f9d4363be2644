import { fileURLToPath } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { failure } from '../../../test/support/failure.ts';
import { makeGrouping, makeTradeDataset, type TestFlow } from '../../../test/support/trade-datasets.ts';
import { insertFlows } from '../../../test/support/trade.ts';
import { importHsFile } from '../hs/service.ts';
import { productTrade } from './service.ts';

// Hand-computed fixture (USD), 2017 unless said. Belarus's customs: its exports of goods vehicles (8704)
// to five partners, one flow estimated, one without a quantity, one partner in two units; its imports from
// Germany; Kazakhstan's imports, reported in the same dataset; flows of another product and another year.
const customs: TestFlow[] = [
  { period: 201703, reporter: 'BY', partner: 'RU', flow: 'X', hs: '870410', usd: 1000, quantity: 10, unit: 'u' },
  { period: 201705, reporter: 'BY', partner: 'RU', flow: 'X', hs: '870421', usd: 500, quantity: 5, unit: 'u' },
  {
    period: 201706,
    reporter: 'BY',
    partner: 'KZ',
    flow: 'X',
    hs: '870410',
    usd: 300,
    quantity: 3,
    unit: 'u',
    flag: 'estimated',
  },
  { period: 201702, reporter: 'BY', partner: 'PL', flow: 'X', hs: '8704', usd: 200 },
  { period: 201708, reporter: 'BY', partner: 'UZ', flow: 'X', hs: '870410', usd: 100, quantity: 2000, unit: 'kg' },
  { period: 201709, reporter: 'BY', partner: 'UZ', flow: 'X', hs: '870421', usd: 100, quantity: 1, unit: 'u' },
  { period: 201710, reporter: 'BY', partner: 'M49-899', flow: 'X', hs: '870410', usd: 50, quantity: 1, unit: 'u' },
  { period: 201704, reporter: 'BY', partner: 'DE', flow: 'M', hs: '870410', usd: 400, quantity: 2, unit: 'u' },
  { period: 201706, reporter: 'KZ', partner: 'BY', flow: 'M', hs: '870410', usd: 320, quantity: 3, unit: 'u' },
  { period: 201701, reporter: 'BY', partner: 'RU', flow: 'X', hs: '401110', usd: 999 },
  { period: 201612, reporter: 'BY', partner: 'RU', flow: 'X', hs: '870410', usd: 777 },
];

// A BACI-style dataset: each flow once, from the exporter, in annual rows.
const baci: TestFlow[] = [
  { period: 201700, reporter: 'BY', partner: 'RU', flow: 'X', hs: '870410', usd: 2000, quantity: 20, unit: 't' },
  { period: 201700, reporter: 'DE', partner: 'RU', flow: 'X', hs: '870410', usd: 3000, quantity: 30, unit: 't' },
  { period: 201700, reporter: 'RU', partner: 'BY', flow: 'X', hs: '870410', usd: 100, quantity: 1, unit: 't' },
  { period: 201700, reporter: 'DE', partner: 'BY', flow: 'X', hs: '870323', usd: 999 },
];

describeOnEngines('one product across all partners', (ctx) => {
  let customsId: string;
  let baciId: string;
  beforeAll(async () => {
    await makeGrouping(ctx.db, 'M49-899', 'Areas, nes');
    customsId = await makeTradeDataset(ctx.db, 'official_customs', customs, 'Belarus customs');
    baciId = await makeTradeDataset(ctx.db, 'baci', baci, 'BACI');
  });

  it("ranks a reporter's partners in a product, with shares, quantities in one unit and its flagged flows", async () => {
    const answer = await productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'BY' });
    expect(answer.dataset).toMatchObject({ id: customsId, kind: 'official_customs', illustrative: false });
    expect(answer.exports).toMatchObject({ totalCents: 225_000, territories: 5, quantity: null, other: null });
    expect(answer.exports!.lines.map((l) => [l.rank, l.territory, l.valueCents, l.quantity, l.unit])).toEqual([
      [1, 'RU', 150_000, 15, 'u'],
      [2, 'KZ', 30_000, 3, 'u'],
      // A flow without a quantity, or one in another unit, leaves the line without one.
      [3, 'PL', 20_000, null, null],
      [4, 'UZ', 20_000, null, null],
      // Areas n.e.s. count in the total and the shares, but take no rank.
      [null, 'M49-899', 5_000, 1, 'u'],
    ]);
    expect(answer.exports!.lines[0]!.sharePercent).toBeCloseTo((1500 / 2250) * 100, 10);
    expect(answer.exports!.lines.reduce((total, l) => total + l.sharePercent!, 0)).toBeCloseTo(100, 10);
    expect(answer.exports!.lines.find((l) => l.territory === 'KZ')!.flaggedFlows).toBe(1);
    expect(answer.exports!.lines[0]).toMatchObject({ nameEn: 'Russia', nameRu: 'Россия' });
    expect(answer.imports).toMatchObject({ totalCents: 40_000, quantity: 2, unit: 'u' });
    expect(answer.imports.lines.map((l) => l.territory)).toEqual(['DE']);
    expect(answer).toMatchObject({ includesFlagged: true, flaggedFlows: 1, excludeFlagged: false, reporter: 'BY' });
  });

  it('answers from the months a later import replaced, not from the ones it superseded', async () => {
    const march = { period: 201703, reporter: 'BY', partner: 'RU', flow: 'X' as const, hs: '870410' };
    const id = await makeTradeDataset(
      ctx.db,
      'national_statistics',
      [
        { ...march, usd: 1000, quantity: 10, unit: 'u' },
        { ...march, period: 201704, usd: 700, quantity: 7, unit: 'u' },
      ],
      'zz statistics replaced',
    );
    const { seq } = await ctx.db
      .selectFrom('tradeDatasets')
      .select('seq')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // March again, now 1,500 USD: the month's earlier row gives way, April stays.
    const flow = { ...march, hsCode: '870410', hsRevision: 'H5', valueCents: 150_000, quantity: 15, unit: 'u' };
    await insertFlows(ctx.db, { datasetSeq: Number(seq), importSeq: 900 }, [{ line: 2, ...flow }]);
    const answer = await productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'BY', datasetId: id });
    expect(answer.exports!.lines.map((l) => [l.territory, l.valueCents, l.quantity])).toEqual([['RU', 220_000, 22]]);
  });
  it("keeps the world's importers up to date as later imports replace reporters' years", async () => {
    const id = await makeTradeDataset(
      ctx.db,
      'baci',
      [
        { period: 201700, reporter: 'DE', partner: 'RU', flow: 'X', hs: '870410', usd: 3000, quantity: 30, unit: 't' },
        { period: 201700, reporter: 'BY', partner: 'RU', flow: 'X', hs: '870410', usd: 2000, quantity: 20, unit: 't' },
      ],
      'zz baci replaced',
    );
    const { seq } = await ctx.db
      .selectFrom('tradeDatasets')
      .select('seq')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const keys = (importSeq: number) => ({ datasetSeq: Number(seq), importSeq });
    const flow = (reporter: string, partner: string, hsCode: string, usd: number, tonnes: number | null) => ({
      line: 2,
      reporter,
      partner,
      period: 201700,
      flow: 'X' as const,
      hsCode,
      hsRevision: 'H5',
      valueCents: usd * 100,
      quantity: tonnes,
      unit: tonnes === null ? null : 't',
    });
    const importers = async () =>
      (await productTrade(ctx.db, { hs: '8704', year: 2017, datasetId: id })).imports.lines.map((l) => [
        l.territory,
        l.valueCents,
        l.quantity,
      ]);
    // Germany's 2017 again, less to Russia and some to Kazakhstan; then Poland's first report.
    await insertFlows(ctx.db, keys(901), [flow('DE', 'RU', '870410', 1000, 10), flow('DE', 'KZ', '870410', 500, 5)]);
    await insertFlows(ctx.db, keys(902), [flow('PL', 'UZ', '870410', 200, 2)]);
    expect(await importers()).toEqual([
      ['RU', 300_000, 30],
      ['KZ', 50_000, 5],
      ['UZ', 20_000, 2],
    ]);
    // Germany's 2017 once more, now only cars: none of its goods vehicles is left, nor Kazakhstan.
    await insertFlows(ctx.db, keys(903), [flow('DE', 'RU', '870323', 4000, null)]);
    expect(await importers()).toEqual([
      ['RU', 200_000, 20],
      ['UZ', 20_000, 2],
    ]);
  });

  it('leaves flagged flows out when asked, and says none is counted', async () => {
    const answer = await productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'BY', excludeFlagged: true });
    expect(answer.exports!.totalCents).toBe(195_000);
    expect(answer.exports!.lines.map((l) => l.territory)).not.toContain('KZ');
    expect(answer).toMatchObject({ includesFlagged: false, flaggedFlows: 0, excludeFlagged: true });
  });

  it('sums the tail beyond the lines asked for, and narrows to a subheading or widens to a chapter', async () => {
    const top = await productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'BY', top: 1 });
    expect(top.exports!.lines.map((l) => l.territory)).toEqual(['RU']);
    expect(top.exports!.other).toMatchObject({ territories: 4, valueCents: 75_000 });
    expect(top.exports!.other!.sharePercent).toBeCloseTo((750 / 2250) * 100, 10);
    const subheading = await productTrade(ctx.db, { hs: '870410', year: 2017, reporter: 'BY' });
    expect(subheading.exports!.lines.map((l) => [l.territory, l.valueCents])).toEqual([
      ['RU', 100_000],
      ['KZ', 30_000],
      ['UZ', 10_000],
      ['M49-899', 5_000],
    ]);
    const chapter = await productTrade(ctx.db, { hs: '87', year: 2017, reporter: 'BY' });
    expect(chapter.exports!.totalCents).toBe(225_000);
    expect(chapter.product).toMatchObject({
      code: '87',
      level: 'chapter',
      titleEn: 'Vehicles other than railway or tramway rolling-stock, and parts and accessories thereof',
    });
  });

  it("lists the world's importers of a product from their own reports, and from exporters' in a BACI-style dataset", async () => {
    const reported = await productTrade(ctx.db, { hs: '8704', year: 2017 });
    expect(reported.dataset.id).toBe(customsId);
    expect(reported.exports).toBeNull();
    expect(reported.imports.lines.map((l) => [l.rank, l.territory, l.valueCents])).toEqual([
      [1, 'BY', 40_000],
      [2, 'KZ', 32_000],
    ]);
    const mirrored = await productTrade(ctx.db, { hs: '8704', year: 2017, datasetId: baciId });
    expect(mirrored.imports.lines.map((l) => [l.territory, l.valueCents, l.quantity, l.unit])).toEqual([
      ['RU', 500_000, 50, 't'],
      ['BY', 10_000, 1, 't'],
    ]);
    expect(mirrored.imports).toMatchObject({ totalCents: 510_000, quantity: 51, unit: 't' });
    // No importer of passenger cars in the customs data: the next dataset that has one answers.
    expect((await productTrade(ctx.db, { hs: '8703', year: 2017 })).dataset.id).toBe(baciId);
  });

  it("reads a reporter's imports in a BACI-style dataset from its partners' exports", async () => {
    // Russia reports nothing to the customs dataset, so the BACI-style one answers.
    const russia = await productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'RU' });
    expect(russia.dataset.id).toBe(baciId);
    expect(russia.exports!.lines.map((l) => [l.territory, l.valueCents])).toEqual([['BY', 10_000]]);
    expect(russia.imports.lines.map((l) => [l.territory, l.valueCents])).toEqual([
      ['DE', 300_000],
      ['BY', 200_000],
    ]);
  });

  it('says clearly what is wrong with a question it cannot answer', async () => {
    expect((await failure(productTrade(ctx.db, { hs: '87x', year: 2017 }))).code).toBe('VALIDATION_FAILED');
    expect((await failure(productTrade(ctx.db, { hs: '8704', year: 1812 }))).code).toBe('VALIDATION_FAILED');
    expect((await failure(productTrade(ctx.db, { hs: '7701', year: 2017 }))).code).toBe('NOT_FOUND');
    const noYear = await failure(productTrade(ctx.db, { hs: '8704', year: 2015 }));
    expect(noYear.code).toBe('NOT_FOUND');
    expect(noYear.message).toBe(
      'no dataset holds imports of HS 8704 in 2015; import a dataset with accord trade import',
    );
    const noReporter = await failure(productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'FR' }));
    expect(noReporter.message).toContain('no trade data reported by FR in 2017');
    expect((await failure(productTrade(ctx.db, { hs: '8704', year: 2017, datasetId: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('titles a heading after its chapter until a nomenclature is loaded, then refuses codes it lacks', async () => {
    const before = await productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'BY' });
    expect(before.product).toMatchObject({ code: '8704', level: 'heading', inNomenclature: false });
    expect(before.product.titleEn).toMatch(/^\[chapter 87\] Vehicles/);
    expect(before.product.titleRu).toMatch(/^\[группа 87\] /);
    await importHsFile(ctx.db, fileURLToPath(new URL('../../../test/fixtures/hs/H6.json', import.meta.url)));
    const cars = await productTrade(ctx.db, { hs: '8703', year: 2017 });
    expect(cars.product).toMatchObject({ revision: 'H6', inNomenclature: true });
    expect(cars.product.titleEn).toMatch(/^Motor cars/);
    const unknown = await failure(productTrade(ctx.db, { hs: '8704', year: 2017, reporter: 'BY' }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('HS code 8704 is in none of the loaded nomenclatures');
  });
});
