import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';

const fixture = (name: string) => new URL(`../fixtures/trade/${name}`, import.meta.url);
const mappingOf = (headerRow: number) =>
  JSON.stringify({ ...parse(fs.readFileSync(fixture('kursk-mapping.yaml'), 'utf8')), headerRow });

describeOnEngines('trade imports over HTTP', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, database: ctx.database });
  });
  afterAll(async () => {
    await app.close();
  });

  /** Polls the job until it has finished; the import runs in the background. */
  async function finished(id: string) {
    for (let i = 0; i < 500; i += 1) {
      const job = (await app.inject({ method: 'GET', url: `/api/trade/imports/${id}` })).json();
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the import did not finish');
  }

  function upload(file: string, dataset: string, headerRow: number, fileName?: string) {
    const named = fileName ? `&fileName=${encodeURIComponent(fileName)}` : '';
    return app.inject({
      method: 'POST',
      url: `/api/trade/imports?format=mapped&kind=official_customs&dataset=${encodeURIComponent(dataset)}&mapping=${encodeURIComponent(mappingOf(headerRow))}${named}`,
      headers: { 'content-type': 'text/csv' },
      payload: fs.readFileSync(fixture(file)),
    });
  }

  it('imports an uploaded customs table in the background and lists its dataset', async () => {
    const started = await upload('kursk-customs.csv', 'Kursk customs (upload)', 3);
    expect(started.statusCode).toBe(202);
    const job = await finished(started.json().id);
    expect(job).toMatchObject({ status: 'imported', hasErrorFile: false });
    expect(job.report.rowsImported).toBeGreaterThan(0);
    expect(job.progress).toMatchObject({ stage: 'finishing', bytesRead: job.progress.totalBytes });
    const datasets = (await app.inject({ method: 'GET', url: '/api/trade/datasets' })).json();
    expect(datasets.map((d: { name: string }) => d.name)).toContain('Kursk customs (upload)');
  });

  it("records the name the user's file had, without any folder it claims", async () => {
    const started = await upload('kursk-customs.csv', 'Kursk customs (named)', 3, '../../Курск таможня 2017.csv');
    const job = await finished(started.json().id);
    expect(job.status).toBe('imported');
    const dataset = (await app.inject({ method: 'GET', url: `/api/trade/datasets/${job.report.datasetId}` })).json();
    expect(dataset.imports.map((i: { fileName: string }) => i.fileName)).toEqual(['Курск таможня 2017.csv']);
  });

  it('refuses a file with bad rows, imports nothing and offers the rejected rows as CSV', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/trade/datasets' })).json().length;
    const started = await upload('kursk-customs-bad.csv', 'Kursk customs (bad upload)', 1);
    const job = await finished(started.json().id);
    expect(job.status).toBe('failed');
    expect(job.error.code).toBe('IMPORT_ROW_INVALID');
    expect(job.error.problems.length).toBeGreaterThan(3);
    const rejected = await app.inject({ method: 'GET', url: `/api/trade/imports/${job.id}/rejected-rows` });
    expect(rejected.headers['content-type']).toContain('text/csv');
    expect(rejected.body.split('\n')[0]).toBe('line,column,value,reason');
    expect((await app.inject({ method: 'GET', url: '/api/trade/datasets' })).json().length).toBe(before);
  });

  it('refuses unknown options before reading the file', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/trade/imports?format=xls&dataset=x',
      headers: { 'content-type': 'text/csv' },
      payload: 'a,b\n',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().problems[0].path).toBe('querystring.format');
  });

  it('asks which kind of data a mapped table is instead of taking it for customs data', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/trade/imports?format=mapped&dataset=unkinded&mapping=${encodeURIComponent(mappingOf(3))}`,
      headers: { 'content-type': 'text/csv' },
      payload: fs.readFileSync(fixture('kursk-customs.csv')),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().problems).toEqual([{ path: 'kind', message: expect.stringContaining('official_customs') }]);
    const datasets = (await app.inject({ method: 'GET', url: '/api/trade/datasets' })).json();
    expect(datasets.map((d: { name: string }) => d.name)).not.toContain('unkinded');
  });
});
