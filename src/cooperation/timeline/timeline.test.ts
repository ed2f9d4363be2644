import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeDocument, makeMeeting, makeRelationship } from '../../../test/support/factories.ts';
import { buildApp } from '../../http/app.ts';
import { linkProvenance } from '../../documents/provenance.ts';
import { createAgreement } from '../../registry/relationships/service.ts';
import { createProject, moveProjectStage } from '../projects/service.ts';
import { changeStatementStatus, createStatement } from '../statements/service.ts';
import { relationshipTimeline } from './service.ts';

describeOnEngines('relationship timeline', (ctx) => {
  /** A small history: talks with a proposal and a commitment, a project moved once, an agreement, a readout. */
  async function history(partnerCode: string) {
    const relationship = await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode });
    const talks = await makeMeeting(ctx.db, {
      relationshipId: relationship.id,
      heldOn: '2017-12-05',
      titleEn: 'Talks in Minsk',
      place: 'Minsk',
    });
    const proposal = await createStatement(ctx.db, {
      meetingId: talks.id,
      kind: 'proposal',
      textEn: 'Supply farm machinery',
    });
    const commitment = await createStatement(ctx.db, {
      meetingId: talks.id,
      kind: 'commitment',
      textEn: 'Build a house in 2018',
      dueOn: '2018-12-31',
    });
    const fulfilled = await createStatement(ctx.db, {
      meetingId: talks.id,
      kind: 'commitment',
      textEn: 'Send a delegation',
      dueOn: '2018-03-01',
    });
    await changeStatementStatus(ctx.db, fulfilled.id, { status: 'fulfilled', version: 1, on: '2018-02-20' });
    const project = await createProject(ctx.db, {
      relationshipId: relationship.id,
      titleEn: 'Housing contract',
      kind: 'construction_contract',
      stage: 'proposed',
      stageOn: '2017-12-05',
      milestones: [
        { title: 'House completed', dueOn: '2018-12-31' },
        { title: 'Site handed over', dueOn: '2018-02-01', doneOn: '2018-02-15' },
      ],
    });
    await moveProjectStage(ctx.db, project.id, { stage: 'agreed', version: 1, on: '2018-01-10' });
    const document = await makeDocument(ctx.db, { titleEn: 'Readout of the talks', publishedOn: '2017-12-05' });
    await linkProvenance(ctx.db, { recordType: 'meeting', recordId: talks.id, documentId: document.id });
    const unrelated = await makeDocument(ctx.db, { titleEn: 'Someone else’s readout', publishedOn: '2017-12-06' });
    const agreement = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Cooperation agreement',
      kind: 'cooperation_agreement',
      signedOn: '2016-05-20',
      inForceFrom: '2016-07-01',
    });
    return { relationship, talks, proposal, commitment, fulfilled, project, document, unrelated, agreement };
  }

  it('lists every kind of event of the relationship by date, newest first, and none of another', async () => {
    const h = await history('RU-BEL');
    const other = await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-ORL' });
    await makeMeeting(ctx.db, { relationshipId: other.id, heldOn: '2018-06-01', titleEn: 'Talks elsewhere' });

    const result = await relationshipTimeline(ctx.db, h.relationship.id, { asOf: '2019-01-15' });
    const lines = result.events.map((e) => `${e.on} ${e.type} ${e.titleEn ?? e.titleRu}`);
    expect(lines).toEqual([
      '2018-12-31 milestone_due House completed',
      '2018-12-31 statement_due Build a house in 2018',
      '2018-03-01 statement_due Send a delegation',
      '2018-02-20 statement_status Send a delegation',
      '2018-02-15 milestone_done Site handed over',
      '2018-01-10 project_stage Housing contract',
      '2017-12-05 document_published Readout of the talks',
      '2017-12-05 meeting_held Talks in Minsk',
      '2017-12-05 statement_made Build a house in 2018',
      '2017-12-05 statement_made Send a delegation',
      '2017-12-05 statement_made Supply farm machinery',
      '2017-12-05 project_stage Housing contract',
      '2016-07-01 agreement_in_force Cooperation agreement',
      '2016-05-20 agreement_signed Cooperation agreement',
    ]);
    expect(result.total).toBe(14);
    const due = result.events.filter((e) => e.type === 'statement_due');
    expect(due.map((e) => [e.recordId, e.status, e.overdue])).toEqual([
      [h.commitment.id, 'open', true],
      [h.fulfilled.id, 'fulfilled', false],
    ]);
    expect(result.events.find((e) => e.type === 'meeting_held')).toMatchObject({
      recordId: h.talks.id,
      meetingKind: 'talks',
      place: 'Minsk',
    });
    const moves = result.events.filter((e) => e.type === 'project_stage');
    expect(moves.map((e) => [e.recordId, e.fromStage, e.toStage])).toEqual([
      [h.project.id, 'proposed', 'agreed'],
      [h.project.id, null, 'proposed'],
    ]);
    expect(result.events.find((e) => e.type === 'statement_made')?.relatedId).toBe(h.talks.id);
    expect(result.events.find((e) => e.type === 'statement_status')).toMatchObject({
      recordId: h.fulfilled.id,
      status: 'fulfilled',
    });
  });

  it('narrows by kind and dates, judges overdue on the day asked, and cuts at the limit', async () => {
    const h = await history('RU-BRY');
    const statements = await relationshipTimeline(ctx.db, h.relationship.id, { kind: 'statement', asOf: '2018-06-01' });
    expect(statements.events.every((e) => e.kind === 'statement')).toBe(true);
    expect(statements.events.filter((e) => e.overdue)).toEqual([]);

    const two = await relationshipTimeline(ctx.db, h.relationship.id, {
      kind: ['meeting', 'document'],
      from: '2017-12-01',
      to: '2017-12-31',
    });
    expect(two.events.map((e) => e.type)).toEqual(['document_published', 'meeting_held']);

    const cut = await relationshipTimeline(ctx.db, h.relationship.id, { limit: 2 });
    expect(cut.events).toHaveLength(2);
    expect(cut.total).toBe(14);
  });

  it('shows what was known on the day asked: what had happened, what was due, statuses as they were', async () => {
    const h = await history('RU-TUL');
    const before = await relationshipTimeline(ctx.db, h.relationship.id, { asOf: '2017-12-04' });
    expect(before.events.map((e) => e.type)).toEqual(['agreement_in_force', 'agreement_signed']);

    const february = await relationshipTimeline(ctx.db, h.relationship.id, { asOf: '2018-02-10' });
    expect(february.events.map((e) => `${e.on} ${e.type} ${e.titleEn ?? e.titleRu}`).slice(0, 6)).toEqual([
      '2018-12-31 milestone_due House completed',
      '2018-12-31 statement_due Build a house in 2018',
      '2018-03-01 statement_due Send a delegation',
      '2018-01-10 project_stage Housing contract',
      '2017-12-05 document_published Readout of the talks',
      '2017-12-05 meeting_held Talks in Minsk',
    ]);
    const delegation = february.events.find((e) => e.type === 'statement_due' && e.recordId === h.fulfilled.id);
    expect(delegation).toMatchObject({ status: 'open', overdue: false });
  });

  it('answers over HTTP with the schema, refusing an unknown kind and an unknown relationship', async () => {
    const h = await history('RU-SMO');
    const app = await buildApp({ db: ctx.db, webRoot: false });
    try {
      const ok = await app.inject({
        method: 'GET',
        url: `/api/relationships/${h.relationship.id}/timeline?kind=meeting,project&asOf=2019-01-01`,
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().events.map((e: { type: string }) => e.type)).toEqual([
        'milestone_due',
        'milestone_done',
        'project_stage',
        'meeting_held',
        'project_stage',
      ]);
      const badKind = await app.inject({
        method: 'GET',
        url: `/api/relationships/${h.relationship.id}/timeline?kind=gossip`,
      });
      expect(badKind.statusCode).toBe(422);
      const missing = await app.inject({ method: 'GET', url: '/api/relationships/no-such-id/timeline' });
      expect(missing.statusCode).toBe(404);
      const spec = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      expect(spec.json().paths['/api/relationships/{id}/timeline']).toBeDefined();
    } finally {
      await app.close();
    }
  });
});
