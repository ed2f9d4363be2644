import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeDocument, makeMeeting, makeProject, makeRelationship } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import { nowIso, todayIso } from '../../core/records.ts';
import type { Db } from '../../db/connection.ts';
import { createStatement } from '../../cooperation/statements/service.ts';
import { buildApp } from '../../http/app.ts';
import { insertFlows } from '../../../test/support/trade.ts';
import type { FlowRow } from '../../trade/model.ts';
import {
  createAgreement,
  createRelationship,
  deleteAgreement,
  deleteRelationship,
  getAgreement,
  getRelationship,
  listAgreements,
  listPartners,
  listRelationships,
  partnersOverview,
  updateAgreement,
  updateRelationship,
} from './service.ts';

const page = { limit: 50, offset: 0 };

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

describeOnEngines('relationships and agreements', (ctx) => {
  it('records a partner with both territories named, and finds it by the partner’s name', async () => {
    const created = await createRelationship(ctx.db, {
      homeCode: 'BY',
      partnerCode: 'RU-BRY',
      title: 'Belarus – Bryansk',
    });
    expect(created).toMatchObject({
      homeCode: 'BY',
      partnerCode: 'RU-BRY',
      title: 'Belarus – Bryansk',
      notes: null,
      home: { code: 'BY', nameEn: 'Belarus' },
      partner: { code: 'RU-BRY', nameEn: 'Bryansk Oblast', nameRu: 'Брянская область' },
      version: 1,
    });
    expect(await getRelationship(ctx.db, created.id)).toEqual(created);
    const byRussianName = await listRelationships(ctx.db, { q: 'БРЯНСК' }, page);
    expect(byRussianName.items.map((r) => r.id)).toEqual([created.id]);
    const byCodes = await listRelationships(ctx.db, { home: 'BY', partner: 'RU-BRY' }, page);
    expect(byCodes.items.map((r) => r.id)).toEqual([created.id]);
    expect((await listRelationships(ctx.db, { home: 'KZ', partner: 'RU-BRY' }, page)).total).toBe(0);
  });

  it('refuses a second relationship for the same pair and keeps the first', async () => {
    const first = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-SMO' });
    const again = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-SMO', title: 'Again' }).catch(
      (e) => e,
    );
    expect(again).toMatchObject({ code: 'CONFLICT', problems: [{ path: 'partnerCode' }] });
    const pair = await listRelationships(ctx.db, { home: 'BY', partner: 'RU-SMO' }, page);
    expect(pair.items).toEqual([first]);

    const other = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-PSK' });
    const moved = await updateRelationship(ctx.db, other.id, { partnerCode: 'RU-SMO', version: 1 }).catch((e) => e);
    expect(moved.code).toBe('CONFLICT');
    expect(await getRelationship(ctx.db, other.id)).toEqual(other);
  });

  it('names the field holding an unknown territory code or the home territory as its own partner', async () => {
    const unknown = await createRelationship(ctx.db, { homeCode: 'QQ', partnerCode: 'RU-XXX' }).catch((e) => e);
    expect(unknown.code).toBe('VALIDATION_FAILED');
    expect(unknown.problems.map((p: { path: string }) => p.path)).toEqual(['homeCode', 'partnerCode']);
    const malformed = await createRelationship(ctx.db, { homeCode: 'Belarus', partnerCode: 'RU-KRS' }).catch((e) => e);
    expect(malformed.problems.map((p: { path: string }) => p.path)).toEqual(['homeCode']);
    const self = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'BY' }).catch((e) => e);
    expect(self.problems.map((p: { path: string }) => p.path)).toEqual(['partnerCode']);
    expect((await listRelationships(ctx.db, { home: 'QQ' }, page)).total).toBe(0);
    expect((await listRelationships(ctx.db, { home: 'BY', partner: 'BY' }, page)).total).toBe(0);
  });

  it('renames a relationship, refuses a stale version and keeps the newer title', async () => {
    const created = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-ORL' });
    const renamed = await updateRelationship(ctx.db, created.id, { title: 'Belarus – Oryol', version: 1 });
    expect(renamed).toMatchObject({ title: 'Belarus – Oryol', partnerCode: 'RU-ORL', version: 2 });
    const stale = await updateRelationship(ctx.db, created.id, { title: 'Old', version: 1 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { givenVersion: 1, currentVersion: 2 } });
    expect(await getRelationship(ctx.db, created.id)).toEqual(renamed);
  });

  it('keeps a relationship its agreements still point to, and deletes it once they are gone', async () => {
    const relationship = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-TUL' });
    const agreement = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Programme of cooperation',
      kind: 'programme',
    });
    const refused = await deleteRelationship(ctx.db, relationship.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect(await getRelationship(ctx.db, relationship.id)).toEqual(relationship);
    await deleteAgreement(ctx.db, agreement.id, 1);
    await deleteRelationship(ctx.db, relationship.id, 1);
    await expect(getRelationship(ctx.db, relationship.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('records agreements, tells which are in force today, and lists them by relationship', async () => {
    const relationship = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-VOR' });
    const document = await makeDocument(ctx.db, { kind: 'agreement' });
    const today = todayIso();
    const current = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Agreement on trade and economic cooperation',
      kind: 'cooperation_agreement',
      signedOn: '2016-05-01',
      inForceFrom: '2016-06-01',
      documentId: document.id,
    });
    expect(current).toMatchObject({ inForceTo: null, documentId: document.id, inForce: true, version: 1 });
    const expired = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Action plan 2015–2016',
      kind: 'roadmap',
      inForceFrom: '2015-01-01',
      inForceTo: '2016-12-31',
    });
    expect(expired.inForce).toBe(false);
    const future = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Memorandum not yet in force',
      kind: 'memorandum',
      inForceFrom: shiftDays(today, 30),
    });
    expect(future.inForce).toBe(false);
    const listed = await listAgreements(ctx.db, { relationshipId: relationship.id }, page);
    expect(listed.items.map((a) => a.title)).toEqual([
      'Action plan 2015–2016',
      'Agreement on trade and economic cooperation',
      'Memorandum not yet in force',
    ]);
    // As known in March 2016: the agreement signed in May was not there yet, and the action plan was in force.
    const in2016 = await listAgreements(ctx.db, { relationshipId: relationship.id, asOf: '2016-03-01' }, page);
    expect(in2016.items.map((a) => [a.title, a.inForce])).toEqual([
      ['Action plan 2015–2016', true],
      ['Memorandum not yet in force', false],
    ]);
    expect(await getAgreement(ctx.db, current.id)).toEqual(current);
    const ended = await updateAgreement(ctx.db, current.id, { inForceTo: shiftDays(today, -1), version: 1 });
    expect(ended).toMatchObject({ inForceFrom: '2016-06-01', inForce: false, version: 2 });
  });

  it('refuses an agreement leaving force before it enters it, or pointing nowhere, and writes nothing', async () => {
    const relationship = await createRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-LIP' });
    const inverted = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Inverted',
      kind: 'treaty',
      inForceFrom: '2018-01-01',
      inForceTo: '2017-12-31',
    }).catch((e) => e);
    expect(inverted).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'inForceTo' }] });
    const nowhere = await createAgreement(ctx.db, {
      relationshipId: newId(),
      title: 'Orphan',
      kind: 'treaty',
      documentId: newId(),
      signedOn: '2017-02-30',
    }).catch((e) => e);
    expect(nowhere.problems.map((p: { path: string }) => p.path)).toEqual(['signedOn']);
    const orphan = await createAgreement(ctx.db, {
      relationshipId: newId(),
      title: 'Orphan',
      kind: 'treaty',
      documentId: newId(),
    }).catch((e) => e);
    expect(orphan.problems.map((p: { path: string }) => p.path)).toEqual(['relationshipId', 'documentId']);
    expect((await listAgreements(ctx.db, { relationshipId: relationship.id }, page)).total).toBe(0);

    const valid = await createAgreement(ctx.db, {
      relationshipId: relationship.id,
      title: 'Valid',
      kind: 'treaty',
      inForceFrom: '2018-01-01',
    });
    const badEnd = await updateAgreement(ctx.db, valid.id, { inForceTo: '2017-01-01', version: 1 }).catch((e) => e);
    expect(badEnd.problems.map((p: { path: string }) => p.path)).toEqual(['inForceTo']);
    expect(await getAgreement(ctx.db, valid.id)).toEqual(valid);
  });

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
async function makeMonthlyTrade(db: Db, home: string, partner: string): Promise<string> {
  const id = newId();
  const now = nowIso();
  const taken = await db
    .selectFrom('tradeDatasets')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(taken?.seq ?? 0) + 1;
  await db
    .insertInto('tradeDatasets')
    .values({
      id,
      name: `illustrative ${id}`,
      seq,
      kind: 'illustrative',
      source: 'test',
      notes: null,
      rowCount: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const rows: FlowRow[] = [];
  for (let year = 2012; year <= 2016; year += 1) {
    for (let month = 1; month <= (year === 2016 ? 6 : 12); month += 1) {
      const period = year * 100 + month;
      const base = { line: rows.length + 2, reporter: home, partner, period, hsCode: '4011', hsRevision: 'H5' };
      rows.push({ ...base, flow: 'X' as const, valueCents: exportsUsd[year]! * 100, quantity: null, unit: null });
      rows.push({ ...base, line: base.line + 1, flow: 'M' as const, valueCents: 50 * 100, quantity: null, unit: null });
    }
  }
  await insertFlows(db, { datasetSeq: seq, importSeq: seq, datasetId: id }, rows);
  return id;
}
