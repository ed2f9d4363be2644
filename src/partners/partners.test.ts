import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { makeMeeting, makeProject, makeRelationship } from '../../test/support/factories.ts';
import { makeTradeDataset, type TestFlow } from '../../test/support/trade-datasets.ts';
import { newId } from '../core/ids.ts';
import { nowIso } from '../core/records.ts';
import type { Db } from '../db/connection.ts';
import { createStatement } from '../cooperation/statements/service.ts';
import { buildApp } from '../http/app.ts';
import { createAgreement } from '../registry/relationships/service.ts';
import { listPartners, partnersOverview } from './service.ts';

describeOnEngines('partners', (ctx) => {
  it('gives each partner its agreements in force, open commitments and projects under way', async () => {
    const relationship = await makeRelationship(ctx.db, { homeCode: 'KZ', partnerCode: 'RU-OMS' });
    await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Treaty',
      kind: 'treaty',
      inForceFrom: '2010-01-01',
      inForceTo: '2020-12-31',
    });
    await createAgreement(ctx.db, { relationshipId: relationship.id, title: 'Undated', kind: 'other' });
    const meeting = await makeMeeting(ctx.db, { relationshipId: relationship.id });
    const now = nowIso();
    const statement = (kind: string, status: string) => ({
      id: newId(),
      meetingId: meeting.id,
      kind,
      speakerPersonId: null,
      side: 'home',
      sectorCode: null,
      textEn: `${kind} ${status}`,
      textRu: null,
      projectId: null,
      ownerPersonId: null,
      ownerOrganizationId: null,
      dueOn: null,
      status,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.db
      .insertInto('statements')
      .values([
        statement('commitment', 'open'),
        statement('commitment', 'in_progress'),
        statement('commitment', 'fulfilled'),
        statement('proposal', 'open'),
      ])
      .execute();
    for (const stage of ['idea', 'in_execution', 'stalled', 'completed', 'cancelled']) {
      await makeProject(ctx.db, { relationshipId: relationship.id, stage });
    }

    const [today] = await listPartners(ctx.db, { home: 'KZ' });
    expect(today).toEqual({
      relationshipId: relationship.id,
      title: null,
      home: { code: 'KZ', nameEn: expect.any(String), nameRu: expect.any(String) },
      partner: { code: 'RU-OMS', nameEn: 'Omsk Oblast', nameRu: 'Омская область' },
      agreementsInForce: 1,
      openCommitments: 2,
      overdueCommitments: 0,
      activeProjects: 3,
    });
    // In 2015 the treaty was in force, and the meeting and the projects (recorded without a history) were not known.
    const [in2015] = await listPartners(ctx.db, { home: 'KZ', asOf: '2015-06-01' });
    expect(in2015).toMatchObject({ agreementsInForce: 2, openCommitments: 0, activeProjects: 0 });
    const in2021 = await listPartners(ctx.db, { home: 'KZ', asOf: '2021-01-01' });
    expect(in2021.map((p) => p.agreementsInForce)).toEqual([1]);
    await expect(listPartners(ctx.db, { asOf: '2021-13-01' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'asOf' }],
    });
  });

  it('gives each partner its trade over a period, growth, a five-year sparkline and overdue commitments', async () => {
    const traded = await makeRelationship(ctx.db, { homeCode: 'KG', partnerCode: 'RU-NVS' });
    const quiet = await makeRelationship(ctx.db, { homeCode: 'KG', partnerCode: 'RU-TOM' });
    const dataset = await makeMonthlyTrade(ctx.db, 'KG', 'RU-NVS');
    const meeting = await makeMeeting(ctx.db, { relationshipId: traded.id, heldOn: '2014-12-01' });
    for (const [status, dueOn] of [
      ['open', '2016-01-10'],
      ['in_progress', '2016-06-29'],
      ['open', '2099-01-01'],
      ['open', null],
      ['fulfilled', '2015-01-01'],
    ] as const) {
      await createStatement(ctx.db, {
        meetingId: meeting.id,
        kind: 'commitment',
        textEn: 'A commitment',
        status,
        dueOn,
      });
    }

    const overview = await partnersOverview(ctx.db, { home: 'KG', period: '2016-01..2016-06', asOf: '2016-06-30' });
    expect(overview).toMatchObject({
      currency: 'USD',
      asOf: '2016-06-30',
      period: { from: 201601, to: 201606, label: '2016-01..2016-06' },
      previousPeriod: { from: 201501, to: 201506, label: '2015-01..2015-06' },
      periodIsDefault: false,
    });
    const [withTrade, withoutTrade] = overview.partners;
    expect(withTrade).toMatchObject({
      partner: { code: 'RU-NVS' },
      openCommitments: 4,
      overdueCommitments: 2,
      trade: {
        dataset: { id: dataset, kind: 'illustrative', illustrative: true },
        exportsCents: 6 * 600 * 100,
        importsCents: 6 * 50 * 100,
        turnoverCents: 6 * 650 * 100,
        previousTurnoverCents: 6 * 450 * 100,
      },
    });
    expect(withTrade!.trade!.growthPercent).toBeCloseTo(44.444, 2);
    expect(withTrade!.trade!.sparkline).toEqual(
      [2012, 2013, 2014, 2015, 2016].map((year) => ({
        label: `${year}-01..${year}-06`,
        from: year * 100 + 1,
        turnoverCents: 6 * (exportsUsd[year]! + 50) * 100,
      })),
    );
    expect(withoutTrade).toMatchObject({ partner: { code: 'RU-TOM' }, relationshipId: quiet.id, trade: null });
    expect(withoutTrade!.overdueCommitments).toBe(0);

    // Without a period: January to the last month the data hold, said to be a default.
    const latest = await partnersOverview(ctx.db, { home: 'KG', asOf: '2016-06-30' });
    expect(latest).toMatchObject({ period: { label: '2016-01..2016-06' }, periodIsDefault: true });
    expect(latest.partners[0]!.trade!.turnoverCents).toBe(6 * 650 * 100);
    // Whole years are compared as years.
    const year = await partnersOverview(ctx.db, { home: 'KG', period: '2015' });
    expect(year.partners[0]!.trade!.sparkline.map((p) => p.label)).toEqual([
      '2011-01..2011-12',
      '2012-01..2012-12',
      '2013-01..2013-12',
      '2014-01..2014-12',
      '2015-01..2015-12',
    ]);
    expect(year.partners[0]!.trade!.sparkline[0]!.turnoverCents).toBe(0);
    expect(year.partners[0]!.trade!.turnoverCents).toBe(12 * 450 * 100);

    // A home without any trade data has no period and no figures, and still lists its partners.
    const none = await makeRelationship(ctx.db, { homeCode: 'TJ', partnerCode: 'RU-OMS' });
    const empty = await partnersOverview(ctx.db, { home: 'TJ' });
    expect(empty).toMatchObject({ period: null, periodIsDefault: true });
    expect(empty.partners.map((p) => [p.relationshipId, p.trade])).toEqual([[none.id, null]]);

    await expect(partnersOverview(ctx.db, { home: 'KG', period: '2016-01..2016-13' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'period' }],
    });
    const app = await buildApp({ db: ctx.db, webRoot: false });
    try {
      const ok = await app.inject({ method: 'GET', url: '/api/partners/overview?home=KG&period=2016-01..2016-06' });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().partners[0].trade.turnoverCents).toBe(6 * 650 * 100);
      const bad = await app.inject({ method: 'GET', url: '/api/partners/overview?home=KG&period=last-year' });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().problems.map((p: { path: string }) => p.path)).toEqual(['period']);
    } finally {
      await app.close();
    }
  });
});

const exportsUsd: Record<number, number> = { 2012: 100, 2013: 200, 2014: 300, 2015: 400, 2016: 600 };

/** Monthly trade of a pair from 2012-01 to 2016-06 in a new illustrative dataset. */
function makeMonthlyTrade(db: Db, home: string, partner: string): Promise<string> {
  const flows: TestFlow[] = [];
  for (let year = 2012; year <= 2016; year += 1) {
    for (let month = 1; month <= (year === 2016 ? 6 : 12); month += 1) {
      const base = { reporter: home, partner, period: year * 100 + month, hs: '4011' };
      flows.push({ ...base, flow: 'X', usd: exportsUsd[year]! }, { ...base, flow: 'M', usd: 50 });
    }
  }
  return makeTradeDataset(db, 'illustrative', flows, `illustrative ${newId()}`);
}
