import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { makeMeeting, makeRelationship } from '../../test/support/factories.ts';
import { loadDemo } from '../demo/load.ts';
import { composeBriefing } from './compose.ts';
import type { Briefing } from './model.ts';
import { talkingPoints, talkingPointRules, type TalkingPointRule } from './talking-points.ts';

const today = '2026-12-07';

describeOnEngines('a briefing composed as of a day', (ctx) => {
  let relationshipId: string;
  let talksId: string;

  beforeAll(async () => {
    await loadDemo(ctx.database);
    relationshipId = (await ctx.db.selectFrom('relationships').select('id').executeTakeFirstOrThrow()).id;
    talksId = (
      await ctx.db.selectFrom('meetings').select('id').where('heldOn', '=', '2017-12-05').executeTakeFirstOrThrow()
    ).id;
  });

  const compose = (query: { asOf?: string; meetingId?: string }) =>
    composeBriefing(ctx.db, { relationshipId, today, ...query });
  const english = (b: Briefing) => JSON.stringify(b);

  it('prepares the talks of 5 December 2017 as of the day before, with what was known then', async () => {
    const b = await compose({ meetingId: talksId });
    expect(b.asOf).toBe('2017-12-04');
    expect(b.occasion).toMatchObject({ heldOn: '2017-12-05', place: 'Minsk', kind: 'talks', planned: true });
    expect(b.counterparts.map((p) => [p.name.en, p.posts.map((post) => post.title.en)])).toEqual([
      ['Alexander Mikhailov', ['Governor of Kursk Oblast']],
    ]);
    expect(b.ourParticipants.map((p) => p.name.ru)).toEqual(['Александр Лукашенко']);
    expect(b.previousMeetings.map((m) => m.heldOn)).toEqual(['2016-06-16', '2015-10-08']);
    expect(b.previousMeetings[0]!.agreed).toHaveLength(5);

    if (b.trade.status !== 'known') throw new Error(`trade is ${b.trade.status}`);
    expect(b.trade.period).toEqual({ from: 201701, to: 201709 });
    expect(b.trade.current.turnoverCents).toBe(9_630_000_000);
    expect(b.trade.growthPercent.turnover).toBeCloseTo(40.5, 1);
    expect(b.trade.exports.items.map((i) => i.code)).toEqual(['4011', '3104', '5402', '8704', '6403']);
    expect(b.trade.annual.map((y) => [y.year, y.partial])).toEqual([
      [2013, false],
      [2014, false],
      [2015, false],
      [2016, false],
      [2017, true],
    ]);
    expect(b.trade.trend).toMatchObject([{ code: 'recovery', fallingYearsBefore: 3 }]);
    // The readout quoting January–September 2017 appeared on 5 December: not at hand the day before.
    expect(b.trade.officialFigures).toEqual([]);
    expect(b.sources.find((s) => s.kind === 'dataset')).toMatchObject({
      dataset: { illustrative: true },
      rule: { lagDays: 45 },
    });

    expect(b.projects.map((p) => [p.title.en, p.stage, p.stageOn])).toEqual([
      ['BelAZ mining equipment for Mikhailovsky GOK', 'in_execution', '2015-09-01'],
      ['Housing construction by Mozyr Housing Construction Factory', 'agreed', '2017-04-12'],
      ['Joint high-tech production with Planar and Minsk Motor Plant', 'idea', '2016-06-16'],
    ]);
    expect(b.movedSinceLastMeeting.map((m) => [m.toStage, m.changedOn])).toEqual([['agreed', '2017-04-12']]);
    expect(b.agreements).toMatchObject([{ title: expect.stringContaining('Rosatom'), dateUnknown: true }]);
    expect(b.network).toMatchObject({ outlets: 2 });
    expect(b.commitments.overdue).toMatchObject([
      { daysOverdue: 65, dueOn: '2017-09-30', owner: { en: 'Administration of Kursk Oblast' } },
    ]);
    expect(b.commitments.fulfilledSinceLastMeeting).toHaveLength(3);
    expect(b.talkingPoints.map((p) => p.rule)).toEqual([
      'trade_recovery',
      'overdue_commitment',
      'stalled_project',
      'proposal_without_project',
      'fulfilled_since_last_meeting',
    ]);
    expect(b.talkingPoints[1]!.facts).toMatchObject([{ kind: 'commitment', sources: [expect.any(Number)] }]);

    // Nothing the talks added: no seeds, no nuclear plant project, no quoted figure, no document of that day.
    const text = english(b);
    for (const added of [
      'seeds',
      'Kursk nuclear power plant',
      'elite grain',
      'residential house in Kursk Oblast in 2018',
    ]) {
      expect(text).not.toContain(added);
    }
    expect(b.sources.every((s) => s.kind === 'dataset' || (s.publishedOn ?? '') <= '2017-12-04')).toBe(true);
  });

  it('holds none of the 2017 facts as of 1 December 2016', async () => {
    const b = await compose({ asOf: '2016-12-01' });
    expect(b.occasion).toBeNull();
    if (b.trade.status !== 'known') throw new Error(`trade is ${b.trade.status}`);
    expect(b.trade.period).toEqual({ from: 201601, to: 201609 });
    expect(b.trade.trend).toMatchObject([{ code: 'decline', years: 3 }]);
    expect(b.projects.find((p) => p.title.en?.startsWith('Housing'))).toMatchObject({ stage: 'proposed' });
    expect(b.commitments.overdue).toEqual([]);
    expect(b.commitments.open.map((s) => s.status).sort()).toEqual(['in_progress', 'open', 'open']);
    // Due dates may lie ahead; every day something happened may not.
    const happened = [
      ...b.previousMeetings.map((m) => m.heldOn),
      ...b.projects.flatMap((p) => [p.stageOn, p.startedOn]),
      ...[...b.commitments.open, ...b.commitments.fulfilledSinceLastMeeting].flatMap((s) => [s.madeOn, s.statusOn]),
    ];
    expect(happened.filter((day) => day !== null && day > '2016-12-01')).toEqual([]);
    expect(b.talkingPoints.map((p) => p.rule)).toContain('trade_decline');
  });

  it('lists the proposals of 5 December as open as of 1 March 2018', async () => {
    const b = await compose({ asOf: '2018-03-01' });
    if (b.trade.status !== 'known') throw new Error(`trade is ${b.trade.status}`);
    expect(b.trade.period).toEqual({ from: 201701, to: 201712 });
    const proposals = b.openProposals.map((s) => s.text.en);
    expect(proposals).toEqual(
      expect.arrayContaining([
        expect.stringContaining('elite grain and vegetable seeds'),
        expect.stringContaining('Kursk nuclear power plant'),
      ]),
    );
    expect(b.openProposals.find((s) => s.text.en?.includes('seeds'))).toMatchObject({
      madeOn: '2017-12-05',
      status: 'open',
    });
    expect(b.previousMeetings[0]).toMatchObject({ heldOn: '2017-12-05' });
    expect(b.sources.some((s) => s.kind === 'document' && s.publishedOn === '2017-12-05')).toBe(true);
    expect(b.trade.officialFigures).toMatchObject([
      { metric: 'turnover', valueCents: 9_630_000_000, computedCents: 9_630_000_000, sources: [expect.any(Number)] },
    ]);
  });

  it('says there is nothing rather than failing for a relationship with no records or trade', async () => {
    const empty = await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-BRY' });
    const b = await composeBriefing(ctx.db, { relationshipId: empty.id, today });
    expect(b).toMatchObject({
      asOf: today,
      occasion: null,
      previousMeetings: [],
      projects: [],
      network: null,
      trade: { status: 'no_data', officialFigures: [] },
      talkingPoints: [],
      sources: [],
    });
    const later = await makeMeeting(ctx.db, { relationshipId: empty.id, heldOn: '2030-01-10' });
    await expect(composeBriefing(ctx.db, { relationshipId, meetingId: later.id, today })).rejects.toMatchObject({
      problems: [{ path: 'meetingId' }],
    });
    await expect(composeBriefing(ctx.db, { relationshipId: 'no-such', today })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('says trade was not yet known when the data begin after the day', async () => {
    const b = await compose({ asOf: '2013-02-01' });
    expect(b.trade.status).toBe('not_yet_known');
  });
});

it('takes a new talking-point rule without touching the others', () => {
  const target: TalkingPointRule = {
    id: 'target_gap',
    description: 'A stated target that trade falls short of.',
    points: (b) => [{ text: { en: `as of ${b.asOf}`, ru: `на ${b.asOf}` }, facts: [] }],
  };
  const facts = {
    asOf: '2017-12-04',
    trade: { status: 'no_data', officialFigures: [] },
    commitments: { open: [], overdue: [], fulfilledSinceLastMeeting: [] },
    projects: [],
    openProposals: [],
  } as unknown as Parameters<typeof talkingPoints>[0];
  expect(talkingPoints(facts, [...talkingPointRules, target])).toEqual([
    { rule: 'target_gap', text: { en: 'as of 2017-12-04', ru: 'на 2017-12-04' }, facts: [] },
  ]);
});
