import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeOrganization } from '../support/factories.ts';

describeOnEngines('HTTP demo: loading the demo data set from the web', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, database: ctx.database, webRoot: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('loads the demo into an empty workspace once, then refuses with 409', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/demo' })).json()).toEqual({ loadable: true });
    const loaded = await app.inject({ method: 'POST', url: '/api/demo' });
    expect(loaded.statusCode, loaded.body).toBe(201);
    expect(loaded.json().records).toBeGreaterThan(0);
    expect(loaded.json().tradeRows).toBeGreaterThan(0);
    const meetings = await app.inject({ method: 'GET', url: '/api/meetings?partner=RU-KRS' });
    expect(meetings.json().total).toBeGreaterThan(0);
    expect((await app.inject({ method: 'GET', url: '/api/demo' })).json()).toEqual({ loadable: false });

    const again = await app.inject({ method: 'POST', url: '/api/demo' });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(again.json().code).toBe('ALREADY_LOADED');
  });
});

describeOnEngines('HTTP demo: a workspace with records of its own', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, database: ctx.database, webRoot: false });
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses the demo with 409 and leaves the records as they were', async () => {
    const own = await makeOrganization(ctx.db, { nameEn: 'Our own enterprise' });
    expect((await app.inject({ method: 'GET', url: '/api/demo' })).json()).toEqual({ loadable: false });
    const refused = await app.inject({ method: 'POST', url: '/api/demo' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('NOT_EMPTY');
    const organizations = await ctx.db.selectFrom('organizations').select('id').execute();
    expect(organizations.map((o) => o.id)).toEqual([own.id]);
  });
});
