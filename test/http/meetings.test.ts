import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { newId } from '../../src/core/ids.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeMeeting, makeOrganization, makePerson, makeRelationship } from '../support/factories.ts';

describeOnEngines('HTTP meetings, statements and commitments', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  const statementCount = async (text: string) => {
    const row = await ctx.db
      .selectFrom('statements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('textEn', '=', text)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('creates, reads, changes, lists and deletes a meeting', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-KRS' });
    const governor = await makePerson(ctx.db, { nameEn: 'Alexander Mikhailov' });
    const administration = await makeOrganization(ctx.db, { kind: 'government_body', territoryCode: 'RU-KRS' });
    const title = `Talks ${newId()}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      payload: {
        relationshipId: relationship.id,
        heldOn: '2017-12-05',
        place: 'Minsk',
        kind: 'talks',
        titleEn: title,
        participants: [{ personId: governor.id, side: 'partner', roleEn: 'head of delegation' }],
        delegation: [{ organizationId: administration.id, side: 'partner' }],
        sectorCodes: ['C'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ titleEn: title, summaryEn: null, sectorCodes: ['C'], version: 1 });

    expect((await app.inject({ method: 'GET', url: `/api/meetings/${body.id}` })).json()).toEqual(body);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/meetings/${body.id}`,
      payload: { summaryEn: 'Manufacturing, agriculture, construction', version: 1 },
    });
    expect(patched.json()).toMatchObject({
      summaryEn: 'Manufacturing, agriculture, construction',
      titleEn: title,
      version: 2,
    });

    const listed = await app.inject({
      method: 'GET',
      url: `/api/meetings?partner=RU-KRS&personId=${governor.id}&from=2017-12-01&to=2017-12-31&kind=talks`,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((m: { id: string }) => m.id)).toEqual([body.id]);

    const badParticipant = await app.inject({
      method: 'PATCH',
      url: `/api/meetings/${body.id}`,
      payload: { participants: [{ personId: 'nobody', side: 'partner', roleEn: 'principal' }], version: 2 },
    });
    expect(badParticipant.statusCode).toBe(422);
    expect(badParticipant.json().problems).toEqual([expect.objectContaining({ path: 'participants.0.personId' })]);

    expect((await app.inject({ method: 'DELETE', url: `/api/meetings/${body.id}?version=2` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/meetings/${body.id}` })).statusCode).toBe(404);
  });

  it('creates, reads, edits and deletes a statement; PATCH refuses a status', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2017-12-05' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: {
        meetingId: meeting.id,
        kind: 'proposal',
        side: 'home',
        sectorCode: 'A',
        textEn: 'Supply farm machinery.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ status: 'open', overdue: false, dueOn: null, version: 1 });
    expect((await app.inject({ method: 'GET', url: `/api/statements/${body.id}` })).json()).toEqual(body);

    const withStatus = await app.inject({
      method: 'PATCH',
      url: `/api/statements/${body.id}`,
      payload: { status: 'fulfilled', version: 1 },
    });
    expect(withStatus.statusCode).toBe(422);
    expect(withStatus.json().problems.map((p: { path: string }) => p.path)).toEqual(['status']);

    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/statements/${body.id}`,
      payload: { kind: 'commitment', dueOn: '2018-06-30', version: 1 },
    });
    expect(edited.json()).toMatchObject({ kind: 'commitment', dueOn: '2018-06-30', status: 'open', version: 2 });

    const listed = await app.inject({ method: 'GET', url: `/api/statements?meetingId=${meeting.id}&kind=commitment` });
    expect(listed.json().items.map((s: { id: string }) => s.id)).toEqual([body.id]);

    const stale = await app.inject({ method: 'DELETE', url: `/api/statements/${body.id}?version=1` });
    expect(stale.statusCode).toBe(409);
    expect((await app.inject({ method: 'DELETE', url: `/api/statements/${body.id}?version=2` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/statements/${body.id}` })).statusCode).toBe(404);
  });

  it('refuses a statement on a missing meeting with 422 naming meetingId, and creates nothing', async () => {
    const text = `Orphan ${newId()}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: { meetingId: newId(), kind: 'commitment', textEn: text },
    });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'meetingId' }] });
    expect(await statementCount(text)).toBe(0);
  });

  it('refuses text over 5,000 characters with 422 and creates nothing', async () => {
    const meeting = await makeMeeting(ctx.db);
    const text = `${newId()} ${'x'.repeat(5_000)}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: { meetingId: meeting.id, kind: 'assessment', textEn: text },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().problems.map((p: { path: string }) => p.path)).toEqual(['textEn']);
    expect(await statementCount(text)).toBe(0);
  });

  it('changes a status, records it in the history, and refuses a stale version or an impossible change', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2017-12-05' });
    const created = (
      await app.inject({
        method: 'POST',
        url: '/api/statements',
        payload: { meetingId: meeting.id, kind: 'commitment', textEn: 'Keep supplying mining trucks.' },
      })
    ).json();
    const url = `/api/statements/${created.id}/status`;
    const started = await app.inject({
      method: 'POST',
      url,
      payload: { status: 'in_progress', version: 1, on: '2018-02-01', note: 'First shipment' },
    });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json()).toMatchObject({
      status: 'in_progress',
      version: 2,
      history: [
        { fromStatus: null, toStatus: 'open', changedOn: '2017-12-05', note: null },
        { fromStatus: 'open', toStatus: 'in_progress', changedOn: '2018-02-01', note: 'First shipment' },
      ],
    });

    const stale = await app.inject({ method: 'POST', url, payload: { status: 'fulfilled', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', givenVersion: 1, currentVersion: 2 });

    const same = await app.inject({ method: 'POST', url, payload: { status: 'in_progress', version: 2 } });
    expect(same.statusCode).toBe(409);
    expect(same.json()).toMatchObject({ code: 'INVALID_TRANSITION', allowed: ['open', 'fulfilled', 'dropped'] });

    const unknown = await app.inject({ method: 'POST', url, payload: { status: 'done', version: 2 } });
    expect(unknown.statusCode).toBe(422);
    expect((await app.inject({ method: 'GET', url: `/api/statements/${created.id}` })).json().version).toBe(2);
  });

  it('shows a commitment as overdue once its due date has passed, as of the day asked', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-TUL' });
    const meeting = await makeMeeting(ctx.db, { relationshipId: relationship.id, heldOn: '2017-12-05' });
    const house = (
      await app.inject({
        method: 'POST',
        url: '/api/statements',
        payload: { meetingId: meeting.id, kind: 'commitment', textEn: 'Build a house in 2018.', dueOn: '2018-12-31' },
      })
    ).json();
    await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: { meetingId: meeting.id, kind: 'proposal', textEn: 'Build more houses.', dueOn: '2018-12-31' },
    });

    const overdue = async (asOf: string) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/commitments?partner=RU-TUL&overdue=true&asOf=${asOf}`,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json().items as Array<{ id: string; overdue: boolean }>;
    };
    expect(await overdue('2018-12-31')).toEqual([]);
    expect(await overdue('2019-01-01')).toEqual([expect.objectContaining({ id: house.id, overdue: true })]);

    const onTime = await app.inject({ method: 'GET', url: `/api/statements/${house.id}?asOf=2018-06-01` });
    expect(onTime.json().overdue).toBe(false);
    const notOverdue = await app.inject({
      method: 'GET',
      url: '/api/commitments?partner=RU-TUL&overdue=false&asOf=2019-01-01',
    });
    expect(notOverdue.json().total).toBe(0);

    const badFlag = await app.inject({ method: 'GET', url: '/api/commitments?overdue=yes' });
    expect(badFlag.statusCode).toBe(422);
    const badDate = await app.inject({ method: 'GET', url: '/api/commitments?asOf=2019-02-30' });
    expect(badDate.statusCode).toBe(422);
  });
});
