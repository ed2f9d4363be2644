import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeMeeting, makeRelationship } from '../support/factories.ts';

// A client that speaks another language than English says each problem from its code and parameters.
describeOnEngines('HTTP problems name a code and its parameters', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  it('gives the schema library’s refusals a code, with the maximum of a text too long', async () => {
    const relationship = await makeRelationship(ctx.db);
    const answer = await app.inject({
      method: 'POST',
      url: '/api/meetings',
      payload: { relationshipId: relationship.id, heldOn: '2017-02-30', titleEn: 'x'.repeat(501), kind: 'party' },
    });
    expect(answer.statusCode).toBe(422);
    const problems = (answer.json() as { problems: Array<Record<string, unknown>> }).problems;
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'heldOn', code: 'not_a_date', message: 'not a calendar date' }),
        expect.objectContaining({
          path: 'titleEn',
          code: 'too_big',
          params: expect.objectContaining({ maximum: 500 }),
        }),
        expect.objectContaining({ path: 'kind', code: 'invalid_value' }),
      ]),
    );
  });

  it('gives a rule of Accord’s own its code, with the dates it compared', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2017-12-05' });
    const answer = await app.inject({
      method: 'POST',
      url: '/api/statements',
      payload: { meetingId: meeting.id, kind: 'commitment', textEn: 'Send the terms', dueOn: '2017-11-30' },
    });
    expect(answer.statusCode).toBe(422);
    expect(answer.json().problems).toEqual([
      {
        path: 'dueOn',
        message: expect.stringContaining('before the meeting'),
        code: 'due_before_meeting',
        params: { dueOn: '2017-11-30', heldOn: '2017-12-05' },
      },
    ]);
  });
});
