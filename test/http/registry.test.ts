import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { newId } from '../../src/core/ids.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeMeeting, makeProject, makeRelationship } from '../support/factories.ts';

const paths = (body: { problems: Array<{ path: string }> }) => body.problems.map((p) => p.path);

describeOnEngines('HTTP registry', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('creates, reads, changes and deletes a relationship, and refuses a duplicate pair with 409', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/relationships',
      payload: { homeCode: 'BY', partnerCode: 'RU-KLU', title: 'Belarus – Kaluga' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      homeCode: 'BY',
      partnerCode: 'RU-KLU',
      home: { code: 'BY' },
      partner: { code: 'RU-KLU', nameEn: 'Kaluga Oblast', nameRu: 'Калужская область' },
      version: 1,
    });
    expect((await get(`/api/relationships/${body.id}`)).json()).toEqual(body);
    expect((await get('/api/relationships?q=kaluga')).json().items).toEqual([body]);

    const duplicate = await app.inject({
      method: 'POST',
      url: '/api/relationships',
      payload: { homeCode: 'BY', partnerCode: 'RU-KLU' },
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'CONFLICT', problems: [{ path: 'partnerCode' }] });

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/relationships/${body.id}`,
      payload: { notes: 'Neighbours of Bryansk', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ notes: 'Neighbours of Bryansk', title: 'Belarus – Kaluga', version: 2 });
    const removed = await app.inject({ method: 'DELETE', url: `/api/relationships/${body.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    expect((await get(`/api/relationships/${body.id}`)).statusCode).toBe(404);
  });

  it('refuses an unknown ISO code with 422 naming the field, and creates nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/relationships',
      payload: { homeCode: 'BY', partnerCode: 'RU-ZZZ' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(paths(response.json())).toEqual(['partnerCode']);
    expect(response.json().detail).toContain('RU-ZZZ');
    expect((await get('/api/relationships?partner=RU-ZZZ')).json().total).toBe(0);

    const organization = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: { kind: 'enterprise', nameEn: 'Nowhere Works', territoryCode: 'XX' },
    });
    expect(organization.statusCode).toBe(422);
    expect(paths(organization.json())).toEqual(['territoryCode']);
    expect((await get('/api/organizations?q=Nowhere%20Works')).json().total).toBe(0);
  });

  it('keeps agreements as their own records, refuses inverted dates with 422 and lists by relationship', async () => {
    const relationship = await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-TVE' });
    const inverted = await app.inject({
      method: 'POST',
      url: '/api/agreements',
      payload: {
        relationshipId: relationship.id,
        title: 'Inverted',
        kind: 'treaty',
        inForceFrom: '2019-01-01',
        inForceTo: '2018-01-01',
      },
    });
    expect(inverted.statusCode).toBe(422);
    expect(paths(inverted.json())).toEqual(['inForceTo']);
    const created = await app.inject({
      method: 'POST',
      url: '/api/agreements',
      payload: {
        relationshipId: relationship.id,
        title: 'Cooperation programme',
        kind: 'programme',
        inForceFrom: '2018-01-01',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ inForce: true, inForceTo: null, signedOn: null, version: 1 });
    const listed = (await get(`/api/agreements?relationshipId=${relationship.id}`)).json();
    expect(listed.items).toEqual([created.json()]);
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/agreements/${created.json().id}`,
      payload: { title: 'Renamed', version: 2 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION' });
    const misspelt = await app.inject({
      method: 'PATCH',
      url: `/api/agreements/${created.json().id}`,
      payload: { titel: 'Renamed', version: 1 },
    });
    expect(misspelt.statusCode).toBe(422);
    expect(misspelt.json().detail).toContain('titel');
    expect((await get(`/api/agreements/${created.json().id}`)).json()).toMatchObject({
      title: 'Cooperation programme',
    });
    const removed = await app.inject({ method: 'DELETE', url: `/api/agreements/${created.json().id}?version=1` });
    expect(removed.statusCode).toBe(204);
  });

  it('round-trips an organization, refuses a stale version with 409 and a referenced one on delete', async () => {
    const tag = newId().slice(-8);
    const created = await app.inject({
      method: 'POST',
      url: '/api/organizations',
      payload: {
        kind: 'enterprise',
        nameEn: `Planar ${tag}`,
        nameRu: `Планар ${tag}`,
        territoryCode: 'BY-HM',
        aliases: [{ alias: `OAO Planar ${tag}`, language: 'en' }],
        sectorCodes: ['C', '26'],
        products: [{ name: 'Equipment for microelectronics production' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect((await get(`/api/organizations/${body.id}`)).json()).toEqual(body);
    const found = (
      await get(`/api/organizations?q=${encodeURIComponent(`oao planar ${tag}`)}&country=BY&sector=C`)
    ).json();
    expect(found.items).toEqual([body]);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${body.id}`,
      payload: { spareCapacityNote: 'Idle lines', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ spareCapacityNote: 'Idle lines', aliases: body.aliases, version: 2 });
    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/organizations/${body.id}`,
      payload: { spareCapacityNote: 'None', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', givenVersion: 1, currentVersion: 2 });

    const project = await makeProject(ctx.db);
    await ctx.db
      .insertInto('projectParties')
      .values({
        id: newId(),
        projectId: project.id,
        organizationId: body.id,
        role: 'supplier',
        side: 'home',
        position: 0,
      })
      .execute();
    const referenced = await app.inject({ method: 'DELETE', url: `/api/organizations/${body.id}?version=2` });
    expect(referenced.statusCode).toBe(409);
    expect(referenced.json()).toMatchObject({ code: 'REFERENCED' });
    expect((await get(`/api/organizations/${body.id}`)).json()).toEqual(patched.json());

    await ctx.db.deleteFrom('projectParties').where('organizationId', '=', body.id).execute();
    expect((await app.inject({ method: 'DELETE', url: `/api/organizations/${body.id}?version=2` })).statusCode).toBe(
      204,
    );
    expect((await get(`/api/organizations/${body.id}`)).statusCode).toBe(404);
  });

  it('refuses a nameless person with 422, and answers who held a post on a day', async () => {
    const nameless = await app.inject({ method: 'POST', url: '/api/people', payload: { notes: 'no name' } });
    expect(nameless.statusCode).toBe(422);
    expect(paths(nameless.json())).toEqual(['nameEn']);

    const person = await app.inject({ method: 'POST', url: '/api/people', payload: { nameEn: 'Roman Starovoit' } });
    expect(person.statusCode, person.body).toBe(201);
    const personId = person.json().id;
    const post = await app.inject({
      method: 'POST',
      url: '/api/positions',
      payload: {
        personId,
        titleEn: 'Governor of Kursk Oblast',
        titleRu: 'Губернатор Курской области',
        territoryCode: 'RU-KRS',
        fromOn: '2018-10-11',
        toOn: '2024-05-14',
      },
    });
    expect(post.statusCode, post.body).toBe(201);
    expect((await get(`/api/people/${personId}`)).json()).toMatchObject({ version: 1, positions: [post.json()] });
    expect((await get(`/api/positions?personId=${personId}`)).json().items).toEqual([post.json()]);

    const holders = await get('/api/positions/holders?title=governor&territory=RU-KRS&on=2019-06-01');
    expect(holders.statusCode, holders.body).toBe(200);
    expect(holders.json()).toEqual([{ position: post.json(), person: (await get(`/api/people/${personId}`)).json() }]);
    expect((await get('/api/positions/holders?title=губернатор&territory=RU-KRS&on=2025-01-01')).json()).toEqual([]);
    const noDay = await get('/api/positions/holders?title=governor');
    expect(noDay.statusCode).toBe(422);
    expect(paths(noDay.json())).toEqual(['querystring.on']);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/positions/${post.json().id}`,
      payload: { toOn: '2024-05-13', version: 1 },
    });
    expect(patched.json()).toMatchObject({ toOn: '2024-05-13', version: 2 });
    const removed = await app.inject({ method: 'DELETE', url: `/api/people/${personId}?version=1` });
    expect(removed.statusCode).toBe(204);
    expect((await get(`/api/positions/${post.json().id}`)).statusCode).toBe(404);
  });

  it('gives the partners overview with counts', async () => {
    const relationship = await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-YAR' });
    await makeMeeting(ctx.db, { relationshipId: relationship.id });
    await makeProject(ctx.db, { relationshipId: relationship.id, stage: 'agreed' });
    const response = await get('/api/partners?home=BY');
    expect(response.statusCode, response.body).toBe(200);
    const line = response.json().find((p: { relationshipId: string }) => p.relationshipId === relationship.id);
    expect(line).toMatchObject({
      partner: { code: 'RU-YAR', nameEn: 'Yaroslavl Oblast' },
      agreementsInForce: 0,
      openCommitments: 0,
      activeProjects: 1,
    });
    expect((await get('/api/partners?asOf=2017-13-01')).statusCode).toBe(422);
  });

  it('pages every registry list and refuses a page larger than 200', async () => {
    for (const path of [
      '/api/relationships',
      '/api/agreements',
      '/api/organizations',
      '/api/people',
      '/api/positions',
    ]) {
      const huge = await get(`${path}?limit=500`);
      expect(huge.statusCode, path).toBe(422);
      expect(paths(huge.json()), path).toEqual(['querystring.limit']);
    }
    const tag = newId().slice(-8);
    for (const n of [1, 2, 3]) {
      const created = await app.inject({
        method: 'POST',
        url: '/api/people',
        payload: { nameEn: `Paged ${tag} ${n}` },
      });
      expect(created.statusCode).toBe(201);
    }
    const first = (await get(`/api/people?q=paged%20${tag}&limit=2`)).json();
    expect(first).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.items.map((p: { nameEn: string }) => p.nameEn)).toEqual([`Paged ${tag} 1`, `Paged ${tag} 2`]);
    const second = (await get(`/api/people?q=paged%20${tag}&limit=2&offset=2`)).json();
    expect(second.items.map((p: { nameEn: string }) => p.nameEn)).toEqual([`Paged ${tag} 3`]);
  });
});
