import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';

interface Term {
  id: string;
  kind: string;
  term: string;
  language: string;
  code: string;
}

// Written for this test: kale is not in the shipped lexicon, so only the user's word can draft it.
const kaleReadout =
  'Minsk, 2 October 2019. On 1 October the Minister of Agriculture of Belarus held talks with the Governor of ' +
  'Kursk Oblast. Farms of the region will ship kale to Belarusian retailers from next season.';

describeOnEngines('HTTP readout lexicon', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  const add = (payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/readouts/lexicon', payload });

  it('adds a word, lists it, drafts readouts with it and removes it', async () => {
    const created = await add({ kind: 'commodity', term: 'kale', code: '0704' });
    expect(created.statusCode).toBe(201);
    const kale = created.json<Term>();
    expect(kale).toMatchObject({ kind: 'commodity', term: 'kale', language: 'en', code: '0704' });

    const listed = await app.inject({ method: 'GET', url: '/api/readouts/lexicon' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toEqual({ items: [expect.objectContaining({ id: kale.id, term: 'kale' })] });

    const readout = await app.inject({ method: 'POST', url: '/api/readouts', payload: { text: kaleReadout } });
    expect(readout.statusCode).toBe(201);
    expect(readout.json().items).toContainEqual(
      expect.objectContaining({ kind: 'commodity', value: expect.objectContaining({ hs: '0704' }) }),
    );

    const removed = await app.inject({ method: 'DELETE', url: `/api/readouts/lexicon/${kale.id}` });
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await app.inject({ method: 'GET', url: '/api/readouts/lexicon' })).json()).toEqual({ items: [] });

    const again = await app.inject({ method: 'DELETE', url: `/api/readouts/lexicon/${kale.id}` });
    expect(again.statusCode).toBe(404);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('answers 409 for a term already there, and lets its sector namesake in', async () => {
    const first = await add({ kind: 'commodity', term: 'брюква', code: '0706' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ language: 'ru' });
    const again = await add({ kind: 'commodity', term: 'Брюква', language: 'ru', code: '0706' });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toContain('already in the lexicon');
    expect((await add({ kind: 'sector', term: 'брюква', code: 'A' })).statusCode).toBe(201);
  });

  it('answers 422 naming every field at fault', async () => {
    const unknownCode = await add({ kind: 'commodity', term: 'widgets', code: '7701' });
    expect(unknownCode.statusCode).toBe(422);
    expect(unknownCode.json().problems).toEqual([expect.objectContaining({ path: 'code', code: 'unknown_hs_code' })]);

    const unknownSector = await add({ kind: 'sector', term: 'widgets', code: 'ZZ' });
    expect(unknownSector.statusCode).toBe(422);
    expect(unknownSector.json().problems).toEqual([expect.objectContaining({ path: 'code', code: 'unknown_sector' })]);

    const wrongScript = await add({ kind: 'commodity', term: 'капуста', language: 'en', code: '0704' });
    expect(wrongScript.statusCode).toBe(422);
    expect(wrongScript.json().problems).toEqual([expect.objectContaining({ path: 'term', code: 'wrong_script' })]);

    const bad = await add({ kind: 'mineral', term: '', code: '', extra: 1 });
    expect(bad.statusCode).toBe(422);
    const paths = bad.json().problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['kind', 'term', 'code']));
  });

  it('does not take "lexicon" for the id of a readout', async () => {
    const listed = await app.inject({ method: 'GET', url: '/api/readouts/lexicon' });
    expect(listed.statusCode).toBe(200);
    expect(listed.json()).toHaveProperty('items');
    expect((await app.inject({ method: 'GET', url: '/api/readouts/no-such-readout' })).statusCode).toBe(404);
  });

  it('describes the three operations in the OpenAPI document', async () => {
    const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const paths = spec.json().paths;
    expect(Object.keys(paths['/api/readouts/lexicon'])).toEqual(expect.arrayContaining(['get', 'post']));
    expect(paths['/api/readouts/lexicon'].post.requestBody.content['application/json'].schema.required).toEqual([
      'kind',
      'term',
      'code',
    ]);
    expect(paths['/api/readouts/lexicon/{id}']).toHaveProperty('delete');
  });
});
