import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { newId } from '../../src/core/ids.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeOrganization, makeProject, makeRelationship } from '../support/factories.ts';

describeOnEngines('HTTP projects and the distribution network', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  it('creates, reads, changes, moves, lists and deletes a project', async () => {
    const relationship = await makeRelationship(ctx.db);
    const contractor = await makeOrganization(ctx.db, { nameEn: 'Mozyr DSK', territoryCode: 'BY-HO' });
    const title = `Residential house in Kursk ${newId().slice(-6)}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: {
        relationshipId: relationship.id,
        titleEn: title,
        kind: 'construction_contract',
        sectorCode: 'F',
        valueMinor: 35_000_000_000,
        currency: 'RUB',
        stage: 'proposed',
        stageOn: '2017-12-05',
        parties: [{ organizationId: contractor.id, role: 'contractor', side: 'home' }],
        milestones: [{ title: 'House completed', dueOn: '2018-12-31' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      titleEn: title,
      stage: 'proposed',
      valueMinor: 35_000_000_000,
      currency: 'RUB',
      parties: [{ organizationId: contractor.id, role: 'contractor', side: 'home' }],
      milestones: [{ title: 'House completed', dueOn: '2018-12-31', doneOn: null, note: null }],
      stageHistory: [{ fromStage: null, toStage: 'proposed', changedOn: '2017-12-05', note: null }],
      version: 1,
    });
    expect((await app.inject({ method: 'GET', url: `/api/projects/${body.id}` })).json()).toEqual(body);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/projects/${body.id}`,
      payload: { description: 'One house under the 2018 contract', version: 1 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      description: 'One house under the 2018 contract',
      titleEn: title,
      version: 2,
    });

    const moved = await app.inject({
      method: 'POST',
      url: `/api/projects/${body.id}/stage`,
      payload: { stage: 'agreed', version: 2, on: '2017-12-05', note: 'Contract signed' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ stage: 'agreed', version: 3 });
    expect(moved.json().stageHistory.at(-1)).toEqual({
      fromStage: 'proposed',
      toStage: 'agreed',
      changedOn: '2017-12-05',
      note: 'Contract signed',
    });

    const listed = await app.inject({
      method: 'GET',
      url: `/api/projects?partner=RU-KRS&stage=agreed,in_execution&sector=F&organizationId=${contractor.id}&q=${encodeURIComponent('residential HOUSE')}`,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((p: { id: string }) => p.id)).toEqual([body.id]);
    const repeated = await app.inject({
      method: 'GET',
      url: `/api/projects?organizationId=${contractor.id}&stage=idea&stage=agreed`,
    });
    expect(repeated.json().items.map((p: { id: string }) => p.id)).toEqual([body.id]);
    const badStage = await app.inject({ method: 'GET', url: '/api/projects?stage=agreed,dreaming' });
    expect(badStage.statusCode).toBe(422);

    const removed = await app.inject({ method: 'DELETE', url: `/api/projects/${body.id}?version=3` });
    expect(removed.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/projects/${body.id}` })).statusCode).toBe(404);
  });

  it('refuses an impossible jump with 409 naming the allowed stages, and leaves the project unchanged', async () => {
    const project = await makeProject(ctx.db, { titleEn: 'Nuclear plant specialists' });
    const jump = await app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/stage`,
      payload: { stage: 'completed', version: 1 },
    });
    expect(jump.statusCode).toBe(409);
    expect(jump.headers['content-type']).toContain('application/problem+json');
    const problem = jump.json();
    expect(problem).toMatchObject({ code: 'INVALID_TRANSITION', from: 'idea', allowed: ['proposed', 'cancelled'] });
    expect(problem.detail).toContain('proposed, cancelled');
    const after = await app.inject({ method: 'GET', url: `/api/projects/${project.id}` });
    expect(after.json()).toMatchObject({ stage: 'idea', version: 1, stageHistory: [] });
  });

  it('refuses a stale version with 409, and a stage sent through PATCH with 422', async () => {
    const project = await makeProject(ctx.db, { titleEn: 'Seeds supply' });
    const first = await app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/stage`,
      payload: { stage: 'proposed', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await app.inject({
      method: 'POST',
      url: `/api/projects/${project.id}/stage`,
      payload: { stage: 'negotiating', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', givenVersion: 1, currentVersion: 2 });
    const stalePatch = await app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { titleEn: 'x', version: 1 },
    });
    expect(stalePatch.statusCode).toBe(409);
    const stageByPatch = await app.inject({
      method: 'PATCH',
      url: `/api/projects/${project.id}`,
      payload: { stage: 'completed', version: 2 },
    });
    expect(stageByPatch.statusCode).toBe(422);
    expect(stageByPatch.json().problems.map((p: { path: string }) => p.path)).toEqual(['stage']);
    expect((await app.inject({ method: 'GET', url: `/api/projects/${project.id}` })).json()).toMatchObject({
      stage: 'proposed',
      titleEn: 'Seeds supply',
      version: 2,
    });
    const missing = await app.inject({
      method: 'POST',
      url: `/api/projects/${newId()}/stage`,
      payload: { stage: 'proposed', version: 1 },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses a value without currency and an unknown party with 422 naming the field', async () => {
    const relationship = await makeRelationship(ctx.db);
    const base = { relationshipId: relationship.id, titleEn: 'Priced supply', kind: 'supply' };
    const noCurrency = await app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { ...base, valueMinor: 1000 },
    });
    expect(noCurrency.statusCode).toBe(422);
    expect(noCurrency.headers['content-type']).toContain('application/problem+json');
    expect(noCurrency.json()).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'currency' }] });

    const unknownParty = await app.inject({
      method: 'POST',
      url: '/api/projects',
      payload: { ...base, parties: [{ organizationId: newId(), role: 'supplier', side: 'home' }] },
    });
    expect(unknownParty.statusCode).toBe(422);
    expect(unknownParty.json().problems.map((p: { path: string }) => p.path)).toEqual(['parties.0.organizationId']);
    const listed = await app.inject({ method: 'GET', url: `/api/projects?relationshipId=${relationship.id}&q=priced` });
    expect(listed.json().total).toBe(0);
  });

  it('publishes the stage machine for boards', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/projects/stages' });
    expect(response.statusCode).toBe(200);
    const machine = response.json();
    expect(machine.initial).toBe('idea');
    expect(machine.stages[0]).toEqual({ stage: 'idea', next: ['proposed', 'cancelled'], final: false });
    expect(machine.stages.find((s: { stage: string }) => s.stage === 'cancelled')).toEqual({
      stage: 'cancelled',
      next: [],
      final: true,
    });
  });

  it('keeps outlets and sums up the network of a relationship', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-LIP' });
    const producer = await makeOrganization(ctx.db, { nameEn: 'Belshina', territoryCode: 'BY-MI' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/outlets',
      payload: {
        relationshipId: relationship.id,
        territoryCode: 'RU-LIP',
        name: 'Tire dealer Lipetsk',
        kind: 'dealer',
        city: 'Lipetsk',
        lines: [{ organizationId: producer.id, productGroup: 'Tires', sinceOn: '2015-01-01' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const outlet = created.json();
    expect(outlet).toMatchObject({ status: 'active', lines: [{ organizationId: producer.id, productGroup: 'Tires' }] });
    expect((await app.inject({ method: 'GET', url: `/api/outlets/${outlet.id}` })).json()).toEqual(outlet);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/outlets/${outlet.id}`,
      payload: { status: 'suspended', version: 1 },
    });
    expect(patched.json()).toMatchObject({ status: 'suspended', version: 2, lines: outlet.lines });

    const listed = await app.inject({
      method: 'GET',
      url: `/api/outlets?partner=RU-LIP&territory=RU&organizationId=${producer.id}&status=suspended&kind=dealer`,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((o: { id: string }) => o.id)).toEqual([outlet.id]);

    const network = await app.inject({ method: 'GET', url: `/api/relationships/${relationship.id}/network` });
    expect(network.statusCode, network.body).toBe(200);
    expect(network.json()).toMatchObject({
      relationshipId: relationship.id,
      total: 1,
      byKind: { dealer: 1, retail: 0 },
      byStatus: { suspended: 1, active: 0 },
      productGroups: ['Tires'],
    });
    expect((await app.inject({ method: 'GET', url: `/api/relationships/${newId()}/network` })).statusCode).toBe(404);

    const bad = await app.inject({
      method: 'POST',
      url: '/api/outlets',
      payload: { relationshipId: relationship.id, territoryCode: 'RU-LIP', name: 'x', kind: 'kiosk', status: 'open' },
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['kind', 'status']);

    const halfPoint = await app.inject({
      method: 'PATCH',
      url: `/api/outlets/${outlet.id}`,
      payload: { latitude: 52.6, version: 2 },
    });
    expect(halfPoint.statusCode).toBe(422);
    expect(halfPoint.json().problems).toEqual([
      { path: 'longitude', message: 'give longitude together with latitude', code: 'point_half' },
    ]);
    const pinned = await app.inject({
      method: 'PATCH',
      url: `/api/outlets/${outlet.id}`,
      payload: { latitude: 52.6, longitude: 39.57, version: 2 },
    });
    expect(pinned.json()).toMatchObject({ latitude: 52.6, longitude: 39.57, version: 3 });

    expect((await app.inject({ method: 'DELETE', url: `/api/outlets/${outlet.id}?version=3` })).statusCode).toBe(204);
  });

  it('describes the project and outlet routes in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/projects',
      '/api/projects/{id}',
      '/api/projects/{id}/stage',
      '/api/projects/stages',
      '/api/outlets',
      '/api/outlets/{id}',
      '/api/relationships/{id}/network',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining(['Project', 'Outlet', 'NetworkSummary', 'ProjectStageMachine']),
    );
    expect(spec.components.schemas.Outlet.properties.latitude).toBeDefined();
    const create = spec.paths['/api/outlets'].post.requestBody.content['application/json'].schema;
    expect(create.properties.latitude).toMatchObject({ minimum: -90, maximum: 90 });
    expect(create.properties.longitude).toMatchObject({ minimum: -180, maximum: 180 });
  });
});
