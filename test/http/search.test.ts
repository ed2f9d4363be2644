import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { createOrganization } from '../../src/registry/organizations/service.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makePerson, makeRelationship } from '../support/factories.ts';

describeOnEngines('HTTP search', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, webRoot: false });
    await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-KRS' });
    await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: 'Planar',
      nameRu: 'Планар',
      territoryCode: 'BY',
      aliases: [{ alias: 'OAO Planar', language: 'en' }],
    });
    await makePerson(ctx.db, { nameEn: 'Aleksandr Lukashenko', nameRu: 'Александр Лукашенко' });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (query: string) => app.inject({ method: 'GET', url: `/api/search?${query}` });

  it('finds Cyrillic names in any case, aliases, people and partners', async () => {
    const lower = await get(`q=${encodeURIComponent('планар')}`);
    expect(lower.statusCode, lower.body).toBe(200);
    expect(lower.json()).toMatchObject({
      q: 'планар',
      truncated: false,
      items: [{ kind: 'organization', titleEn: 'Planar', titleRu: 'Планар', match: { field: 'name', text: 'Планар' } }],
    });
    const alias = (await get('q=oao%20planar')).json();
    expect(alias.items[0]).toMatchObject({ kind: 'organization', match: { field: 'alias', text: 'OAO Planar' } });
    const person = (await get(`q=${encodeURIComponent('ЛУКАШЕНКО')}`)).json();
    expect(person.items).toEqual([expect.objectContaining({ kind: 'person', titleRu: 'Александр Лукашенко' })]);
    const partner = (await get(`q=${encodeURIComponent('курская')}`)).json();
    expect(partner.items).toEqual([expect.objectContaining({ kind: 'partner', id: 'RU-KRS', date: null })]);
  });

  it('answers 422 for an empty, missing or overlong q and an out-of-range limit', async () => {
    for (const query of ['q=', 'q=%20%20', '', `q=${'x'.repeat(101)}`, 'q=planar&limit=0', 'q=planar&limit=51']) {
      const response = await get(query);
      expect(response.statusCode, query).toBe(422);
      expect(response.headers['content-type'], query).toContain('application/problem+json');
    }
    const named = (await get('q=')).json();
    expect(named.problems.map((p: { path: string }) => p.path)).toEqual(['querystring.q']);
  });

  it('is described in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/search'].get.responses['200']).toBeDefined();
    expect(spec.components.schemas.SearchHit).toBeDefined();
  });
});
