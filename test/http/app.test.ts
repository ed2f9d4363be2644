import { expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';

describeOnEngines('HTTP basics', (ctx) => {
  it('publishes an OpenAPI document covering every kind of record, and a reference page', async () => {
    const app = await buildApp({ db: ctx.db });
    const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const paths = Object.keys(spec.json().paths);
    for (const path of [
      '/api/territories',
      '/api/sectors',
      '/api/relationships',
      '/api/agreements',
      '/api/organizations',
      '/api/people',
      '/api/positions',
      '/api/meetings',
      '/api/statements',
      '/api/statements/{id}/status',
      '/api/projects',
      '/api/projects/{id}/stage',
      '/api/outlets',
      '/api/documents',
      '/api/provenance',
      '/api/readouts',
      '/api/readouts/{id}',
      '/api/readouts/{id}/items/{itemId}',
      '/api/readouts/{id}/accept',
    ]) {
      expect(paths).toContain(path);
    }
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    await app.close();
  });

  it('refuses an oversized body with 413 problem+json and creates nothing', async () => {
    const app = await buildApp({ db: ctx.db, bodyLimit: 10_000 });
    const response = await app.inject({
      method: 'POST',
      url: '/api/territories',
      payload: { code: 'XK-BIG', kind: 'region', parentCode: 'XK', nameEn: 'x'.repeat(20_000), nameRu: 'x' },
    });
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect((await app.inject({ method: 'GET', url: '/api/territories/XK-BIG' })).statusCode).toBe(404);
    await app.close();
  });

  it('answers malformed JSON, unknown routes and oversized pages with problem+json', async () => {
    const app = await buildApp({ db: ctx.db });
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/territories',
      headers: { 'content-type': 'application/json' },
      payload: '{"code": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('BAD_REQUEST');
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    const hugePage = await app.inject({ method: 'GET', url: '/api/territories?limit=5000' });
    expect(hugePage.statusCode).toBe(422);
    expect(hugePage.json().problems).toEqual([expect.objectContaining({ path: 'querystring.limit' })]);
    await app.close();
  });

  it('names every faulty field of a body at once', async () => {
    const app = await buildApp({ db: ctx.db });
    const response = await app.inject({
      method: 'POST',
      url: '/api/territories',
      payload: { code: 'not a code', kind: 'planet', nameEn: '', nameRu: 'Тест' },
    });
    expect(response.statusCode).toBe(422);
    const paths = response.json().problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['code', 'kind', 'nameEn']));
    await app.close();
  });
});
