import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeDocument } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import { todayIso } from '../../core/records.ts';
import {
  createAgreement,
  createRelationship,
  deleteAgreement,
  deleteRelationship,
  getAgreement,
  getRelationship,
  listAgreements,
  listRelationships,
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
});
