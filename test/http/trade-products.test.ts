import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeTradeDataset } from '../support/trade-datasets.ts';

describeOnEngines('one product over HTTP', (ctx) => {
  let app: FastifyInstance;
  let datasetId: string;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, database: ctx.database });
    datasetId = await makeTradeDataset(ctx.db, 'comtrade', [
      { period: 201700, reporter: 'BY', partner: 'RU', flow: 'X', hs: '870410', usd: 900, quantity: 9, unit: 'u' },
      { period: 201700, reporter: 'BY', partner: 'KZ', flow: 'X', hs: '870421', usd: 100, flag: 'estimated' },
      { period: 201700, reporter: 'RU', partner: 'BY', flow: 'M', hs: '870410', usd: 950 },
    ]);
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it("answers a reporter's partners in a product, with the flagged flow counted and marked", async () => {
    const response = await get('/api/trade/products/8704?year=2017&reporter=BY');
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({
      product: { code: '8704', level: 'heading' },
      year: 2017,
      reporter: 'BY',
      dataset: { id: datasetId, kind: 'comtrade' },
      includesFlagged: true,
      flaggedFlows: 1,
    });
    expect(answer.exports.lines).toMatchObject([
      { rank: 1, territory: 'RU', valueCents: 90_000, sharePercent: 90, quantity: 9, unit: 'u', flaggedFlows: 0 },
      { rank: 2, territory: 'KZ', valueCents: 10_000, sharePercent: 10, quantity: null, flaggedFlows: 1 },
    ]);
  });

  it("takes the world's importers, a dataset, a number of lines and leaving flagged flows out", async () => {
    const world = (await get(`/api/trade/products/87.04?year=2017&top=1&dataset=${datasetId}`)).json();
    expect(world.imports.lines.map((l: { territory: string }) => l.territory)).toEqual(['RU']);
    expect(world.exports).toBeNull();
    const clean = (await get('/api/trade/products/8704?year=2017&reporter=BY&excludeFlagged=true')).json();
    expect(clean.exports.totalCents).toBe(90_000);
    expect(clean).toMatchObject({ includesFlagged: false, excludeFlagged: true });
  });

  it('refuses a bad code or query with 422 and an unknown chapter or missing data with 404, as problem+json', async () => {
    for (const url of [
      '/api/trade/products/87x?year=2017',
      '/api/trade/products/8704',
      '/api/trade/products/8704?year=17',
      '/api/trade/products/8704?year=2017&reporter=belarus',
      '/api/trade/products/8704?year=2017&top=0',
      '/api/trade/products/8704?year=2017&excludeFlagged=yes',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.headers['content-type'], url).toContain('application/problem+json');
    }
    const chapter = await get('/api/trade/products/7701?year=2017');
    expect(chapter.statusCode).toBe(404);
    expect(chapter.json().detail).toContain('77 is not an HS chapter');
    const year = await get('/api/trade/products/8704?year=2015');
    expect(year.statusCode).toBe(404);
    expect(year.json().detail).toBe(
      'no dataset holds imports of HS 8704 in 2015; import a dataset with accord trade import',
    );
  });

  it('documents the question and its answer in the OpenAPI document', async () => {
    const spec = (await get('/api/openapi.json')).json();
    const operation = spec.paths['/api/trade/products/{hs}'].get;
    expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['hs', 'year', 'reporter', 'top', 'dataset', 'excludeFlagged']),
    );
    expect(JSON.stringify(operation.responses['200'])).toContain('ProductTrade');
    expect(spec.components.schemas.ProductTrade.properties).toHaveProperty('includesFlagged');
  });
});
