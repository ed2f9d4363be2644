import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { newId } from '../../src/core/ids.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeMeeting, makePerson, makeRelationship } from '../support/factories.ts';

describeOnEngines('HTTP records in English, Russian or both', (ctx) => {
  let app: FastifyInstance;
  let relationshipId: string;
  let meetingId: string;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
    relationshipId = (await makeRelationship(ctx.db)).id;
    meetingId = (await makeMeeting(ctx.db, { relationshipId })).id;
  });
  afterAll(async () => {
    await app.close();
  });

  const post = (url: string, payload: Record<string, unknown>) => app.inject({ method: 'POST', url, payload });
  const kinds = () => [
    { url: '/api/projects', base: { relationshipId, kind: 'supply' }, field: 'title' },
    { url: '/api/meetings', base: { relationshipId, heldOn: '2017-12-05', kind: 'talks' }, field: 'title' },
    { url: '/api/statements', base: { meetingId, kind: 'proposal' }, field: 'text' },
    { url: '/api/documents', base: { kind: 'readout', language: 'ru' }, field: 'title' },
  ];

  it('accepts a title or text in English alone, in Russian alone, or in both', async () => {
    for (const { url, base, field } of kinds()) {
      for (const [en, ru] of [
        ['Supply of seeds', null],
        [null, 'Поставки семян'],
        ['Supply of seeds', 'Поставки семян'],
      ]) {
        const response = await post(url, { ...base, [`${field}En`]: en, [`${field}Ru`]: ru });
        expect(response.statusCode, `${url} ${response.body}`).toBe(201);
        expect(response.json()).toMatchObject({ [`${field}En`]: en, [`${field}Ru`]: ru });
      }
    }
  });

  it('refuses a record with neither language, naming both fields', async () => {
    for (const { url, base, field } of kinds()) {
      const response = await post(url, base);
      expect(response.statusCode, url).toBe(422);
      const problems = response.json().problems as Array<{ path: string; message: string }>;
      expect(problems, url).toEqual([
        { path: `${field}En`, message: expect.stringContaining(`${field}Ru`), code: `${field}_needed` },
      ]);
    }
  });

  it('answers a body that is not an object with a problem, not a crash', async () => {
    for (const { url } of kinds()) {
      for (const body of ['null', '[]', '"a title"', '42']) {
        const response = await app.inject({
          method: 'POST',
          url,
          payload: body,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.statusCode, `${url} ${body}`).toBe(422);
        expect(response.headers['content-type'], `${url} ${body}`).toContain('application/problem+json');
      }
    }
  });

  it('names the missing title together with the other faults of the same request', async () => {
    const response = await post('/api/meetings', { heldOn: '2017-02-30', kind: 'talks' });
    expect(response.statusCode).toBe(422);
    const paths = (response.json().problems as Array<{ path: string }>).map((p) => p.path).sort();
    expect(paths).toEqual(['heldOn', 'relationshipId', 'titleEn']);
  });

  it('refuses an edit that would clear the only language left', async () => {
    const created = (await post('/api/projects', { relationshipId, kind: 'supply', titleRu: 'Поставки семян' })).json();
    const cleared = await app.inject({
      method: 'PATCH',
      url: `/api/projects/${created.id}`,
      payload: { titleRu: null, version: 1 },
    });
    expect(cleared.statusCode).toBe(422);
    expect(cleared.json().problems).toEqual([
      { path: 'titleEn', message: expect.stringContaining('titleRu'), code: 'title_needed' },
    ]);
    const switched = await app.inject({
      method: 'PATCH',
      url: `/api/projects/${created.id}`,
      payload: { titleEn: 'Supply of seeds', titleRu: null, version: 1 },
    });
    expect(switched.json()).toMatchObject({ titleEn: 'Supply of seeds', titleRu: null, version: 2 });
  });

  it('gives a participant a role in either language, and refuses one with none', async () => {
    const person = await makePerson(ctx.db);
    const meeting = (
      await post('/api/meetings', {
        relationshipId,
        heldOn: '2017-12-05',
        kind: 'talks',
        titleEn: 'Talks',
        participants: [{ personId: person.id, side: 'home', roleRu: 'глава делегации' }],
      })
    ).json();
    expect(meeting.participants).toEqual([
      { personId: person.id, side: 'home', roleEn: null, roleRu: 'глава делегации' },
    ]);
    const none = await post('/api/meetings', {
      relationshipId,
      heldOn: '2017-12-05',
      kind: 'talks',
      titleEn: 'Talks',
      participants: [{ personId: person.id, side: 'home' }],
    });
    expect(none.json().problems).toEqual([
      { path: 'participants.0.roleEn', message: expect.stringContaining('roleRu'), code: 'role_needed' },
    ]);
  });

  it('finds a project, meeting or document by its title in either language', async () => {
    const mark = newId().slice(-8);
    const project = (
      await post('/api/projects', {
        relationshipId,
        kind: 'supply',
        titleEn: `Tractor assembly ${mark}`,
        titleRu: `Сборка тракторов ${mark}`,
      })
    ).json();
    const meeting = (
      await post('/api/meetings', {
        relationshipId,
        heldOn: '2018-02-01',
        kind: 'visit',
        titleEn: `Visit ${mark}`,
        summaryRu: `Обсудили СБОРКУ ${mark}`,
      })
    ).json();
    const document = (
      await post('/api/documents', { kind: 'article', language: 'ru', titleRu: `Статья о тракторах ${mark}` })
    ).json();
    for (const q of ['tractor assembly', 'сборка тракторов']) {
      const list = await app.inject({ method: 'GET', url: `/api/projects?q=${encodeURIComponent(`${q} ${mark}`)}` });
      expect(
        list.json().items.map((p: { id: string }) => p.id),
        q,
      ).toEqual([project.id]);
    }
    const meetings = await app.inject({
      method: 'GET',
      url: `/api/meetings?q=${encodeURIComponent(`сборку ${mark}`)}`,
    });
    expect(meetings.json().items.map((m: { id: string }) => m.id)).toEqual([meeting.id]);
    const documents = await app.inject({ method: 'GET', url: `/api/documents?q=${encodeURIComponent('тракторах')}` });
    expect(documents.json().items.map((d: { id: string }) => d.id)).toEqual([document.id]);
    for (const q of [`сборка тракторов ${mark}`, `tractor assembly ${mark}`]) {
      const found = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
      expect(found.json().items[0], q).toMatchObject({
        kind: 'project',
        id: project.id,
        titleEn: `Tractor assembly ${mark}`,
        titleRu: `Сборка тракторов ${mark}`,
      });
    }
    const bySummary = await app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(`сборку ${mark}`)}` });
    expect(bySummary.json().items).toEqual([
      expect.objectContaining({
        kind: 'meeting',
        id: meeting.id,
        match: { field: 'summary', text: `Обсудили СБОРКУ ${mark}` },
      }),
    ]);
  });
});
