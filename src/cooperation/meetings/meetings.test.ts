import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeOrganization, makePerson, makeRelationship } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import { createStatement } from '../statements/service.ts';
import { createMeeting, deleteMeeting, getMeeting, listMeetings, updateMeeting } from './service.ts';

const everything = { limit: 200, offset: 0 };

describeOnEngines('meetings', (ctx) => {
  it('records talks with both principals, the delegation and the sectors discussed, and reads them back', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-KRS' });
    const president = await makePerson(ctx.db, { nameEn: 'Aleksandr Lukashenko' });
    const governor = await makePerson(ctx.db, { nameEn: 'Alexander Mikhailov' });
    const administration = await makeOrganization(ctx.db, { kind: 'government_body', territoryCode: 'RU-KRS' });

    const talks = await createMeeting(ctx.db, {
      relationshipId: relationship.id,
      heldOn: '2017-12-05',
      place: 'Minsk',
      kind: 'talks',
      titleEn: 'Talks with the Governor of Kursk Oblast',
      participants: [
        { personId: president.id, side: 'home', roleEn: 'principal' },
        { personId: governor.id, side: 'partner', roleEn: 'head of delegation' },
      ],
      delegation: [{ organizationId: administration.id, side: 'partner' }],
      sectorCodes: ['C', 'A', 'F', 'D'],
    });

    expect(talks).toMatchObject({
      relationshipId: relationship.id,
      heldOn: '2017-12-05',
      summaryEn: null,
      participants: [
        { personId: president.id, side: 'home', roleEn: 'principal' },
        { personId: governor.id, side: 'partner', roleEn: 'head of delegation' },
      ],
      delegation: [{ organizationId: administration.id, side: 'partner' }],
      version: 1,
    });
    expect([...talks.sectorCodes].sort()).toEqual(['A', 'C', 'D', 'F']);
    expect(await getMeeting(ctx.db, talks.id)).toEqual(talks);

    const withGovernor = await listMeetings(ctx.db, { personId: governor.id }, everything);
    expect(withGovernor.items.map((m) => m.id)).toEqual([talks.id]);
  });

  it('names every reference that does not exist by its field and writes nothing', async () => {
    const relationship = await makeRelationship(ctx.db);
    const person = await makePerson(ctx.db);
    const title = `Phantom talks ${newId()}`;
    const error = await createMeeting(ctx.db, {
      relationshipId: 'no-such-relationship',
      heldOn: '2018-03-01',
      kind: 'visit',
      titleEn: title,
      participants: [
        { personId: person.id, side: 'home', roleEn: 'principal' },
        { personId: 'no-such-person', side: 'partner', roleEn: 'delegation member' },
      ],
      delegation: [{ organizationId: 'no-such-organization', side: 'partner' }],
      sectorCodes: ['C', 'ZZ'],
    }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p: { path: string }) => p.path)).toEqual([
      'relationshipId',
      'participants.1.personId',
      'delegation.0.organizationId',
      'sectorCodes.1',
    ]);
    expect((await listMeetings(ctx.db, { relationshipId: relationship.id, q: title }, everything)).total).toBe(0);
  });

  it('refuses a person or an organization listed twice, naming the second entry', async () => {
    const relationship = await makeRelationship(ctx.db);
    const person = await makePerson(ctx.db);
    const error = await createMeeting(ctx.db, {
      relationshipId: relationship.id,
      heldOn: '2018-03-01',
      kind: 'call',
      titleEn: 'Call',
      participants: [
        { personId: person.id, side: 'home', roleEn: 'principal' },
        { personId: person.id, side: 'home', roleEn: 'delegation member' },
      ],
    }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([expect.objectContaining({ path: 'participants.1.personId' })]);
  });

  it('filters by partner, dates, kind and text in title, place or summary, latest first', async () => {
    const orel = await makeRelationship(ctx.db, { partnerCode: 'RU-ORL' });
    const bryansk = await makeRelationship(ctx.db, { partnerCode: 'RU-BRY' });
    const base = { kind: 'talks', place: 'Орёл' };
    const early = await createMeeting(ctx.db, {
      ...base,
      relationshipId: orel.id,
      heldOn: '2016-05-01',
      titleEn: 'Early',
    });
    const forum = await createMeeting(ctx.db, {
      relationshipId: orel.id,
      heldOn: '2018-06-28',
      kind: 'forum',
      titleEn: 'Forum of Regions',
      summaryEn: 'Поставки ТЕХНИКИ для сельского хозяйства',
    });
    const later = await createMeeting(ctx.db, {
      ...base,
      relationshipId: orel.id,
      heldOn: '2019-02-01',
      titleEn: 'Later',
    });
    await createMeeting(ctx.db, { ...base, relationshipId: bryansk.id, heldOn: '2018-01-01', titleEn: 'Bryansk' });

    const ids = async (filter: Parameters<typeof listMeetings>[1]) =>
      (await listMeetings(ctx.db, filter, everything)).items.map((m) => m.id);
    expect(await ids({ partner: 'RU-ORL' })).toEqual([later.id, forum.id, early.id]);
    expect(await ids({ partner: 'RU-ORL', from: '2017-01-01', to: '2018-12-31' })).toEqual([forum.id]);
    expect(await ids({ partner: 'RU-ORL', kind: 'talks' })).toEqual([later.id, early.id]);
    expect(await ids({ partner: 'RU-ORL', q: 'техники' })).toEqual([forum.id]);
    expect(await ids({ partner: 'RU-ORL', q: 'FORUM' })).toEqual([forum.id]);
    expect(await ids({ partner: 'RU-ORL', q: 'орел' })).toEqual([later.id, early.id]);
    expect(await ids({ relationshipId: bryansk.id })).toHaveLength(1);

    const secondPage = await listMeetings(ctx.db, { partner: 'RU-ORL', q: 'орёл' }, { limit: 1, offset: 1 });
    expect(secondPage).toMatchObject({ total: 2, items: [{ id: early.id }] });
  });

  it('changes only the fields given, replaces a list given whole, and refuses a stale version', async () => {
    const relationship = await makeRelationship(ctx.db);
    const first = await makePerson(ctx.db);
    const second = await makePerson(ctx.db);
    const meeting = await createMeeting(ctx.db, {
      relationshipId: relationship.id,
      heldOn: '2018-04-10',
      kind: 'working_group',
      titleEn: 'Working group on machinery',
      summaryEn: 'Agreed to meet again',
      participants: [{ personId: first.id, side: 'home', roleEn: 'principal' }],
      sectorCodes: ['28'],
    });
    const changed = await updateMeeting(ctx.db, meeting.id, {
      participants: [
        { personId: second.id, side: 'partner', roleEn: 'principal' },
        { personId: first.id, side: 'home', roleEn: 'principal' },
      ],
      place: 'Kursk',
      version: 1,
    });
    expect(changed).toMatchObject({
      version: 2,
      place: 'Kursk',
      summaryEn: 'Agreed to meet again',
      sectorCodes: ['28'],
      participants: [{ personId: second.id }, { personId: first.id }],
    });

    const stale = await updateMeeting(ctx.db, meeting.id, { titleEn: 'Other', version: 1 }).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');
    const badSector = await updateMeeting(ctx.db, meeting.id, { sectorCodes: ['04'], version: 2 }).catch((e) => e);
    expect(badSector.problems).toEqual([expect.objectContaining({ path: 'sectorCodes.0' })]);
    expect((await getMeeting(ctx.db, meeting.id)).titleEn).toBe('Working group on machinery');
  });

  it('keeps a meeting whose statements are recorded, and deletes one without', async () => {
    const relationship = await makeRelationship(ctx.db);
    const person = await makePerson(ctx.db);
    const input = {
      relationshipId: relationship.id,
      heldOn: '2018-09-01',
      kind: 'visit',
      titleEn: 'Visit',
      participants: [{ personId: person.id, side: 'home', roleEn: 'principal' }],
      sectorCodes: ['A'],
    };
    const withStatement = await createMeeting(ctx.db, input);
    await createStatement(ctx.db, { meetingId: withStatement.id, kind: 'assessment', textEn: 'Trade grew.' });
    const refused = await deleteMeeting(ctx.db, withStatement.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect((await getMeeting(ctx.db, withStatement.id)).id).toBe(withStatement.id);

    const plain = await createMeeting(ctx.db, input);
    expect((await deleteMeeting(ctx.db, plain.id, 2).catch((e) => e)).code).toBe('STALE_VERSION');
    await deleteMeeting(ctx.db, plain.id, 1);
    expect((await getMeeting(ctx.db, plain.id).catch((e) => e)).code).toBe('NOT_FOUND');
    expect((await listMeetings(ctx.db, { personId: person.id }, everything)).items.map((m) => m.id)).toEqual([
      withStatement.id,
    ]);
  });
});
