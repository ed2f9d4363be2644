import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import {
  makeMeeting,
  makeOrganization,
  makePerson,
  makeProject,
  makeRelationship,
} from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import {
  changeStatementStatus,
  createStatement,
  deleteStatement,
  getStatement,
  listCommitments,
  listStatements,
  ownerNamesOf,
  updateStatement,
} from './service.ts';

const everything = { limit: 200, offset: 0 };

describeOnEngines('statements', (ctx) => {
  it('dates a statement made after its meeting from its own day, as known from then on', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2016-06-16' });
    const letter = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'commitment',
      statedOn: '2016-07-04',
      dueOn: '2016-10-31',
      textEn: 'Hold a fair of Belarusian goods in Kursk',
    });
    expect(letter).toMatchObject({ statedOn: '2016-07-04', history: [{ changedOn: '2016-07-04' }] });
    const known = async (asOf: string) =>
      (await listStatements(ctx.db, { meetingId: meeting.id, asOf }, everything)).items.map((s) => s.id);
    expect(await known('2016-07-01')).toEqual([]);
    expect(await known('2016-07-04')).toEqual([letter.id]);
    const moved = await updateStatement(ctx.db, letter.id, { statedOn: '2016-06-20', version: 1 });
    expect(moved.history).toMatchObject([{ changedOn: '2016-06-20' }]);
    await expect(
      createStatement(ctx.db, { meetingId: meeting.id, kind: 'proposal', statedOn: '2016-06-01', textEn: 'Too early' }),
    ).rejects.toMatchObject({ problems: [{ path: 'statedOn', code: 'stated_before_meeting' }] });
    const fulfilled = await changeStatementStatus(ctx.db, letter.id, {
      status: 'fulfilled',
      on: '2016-07-01',
      version: 2,
    });
    await expect(
      updateStatement(ctx.db, letter.id, { statedOn: '2016-08-01', version: fulfilled.version }),
    ).rejects.toMatchObject({ problems: [{ path: 'statedOn', code: 'date_before_previous' }] });
  });

  it('records a commitment as open since the day of the meeting, with its owner and due date', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2017-12-05' });
    const speaker = await makePerson(ctx.db, { nameEn: 'Aleksandr Lukashenko' });
    const factory = await makeOrganization(ctx.db, {
      nameEn: 'Mozyr Housing Construction Factory',
      nameRu: 'Мозырский домостроительный комбинат',
    });
    const project = await makeProject(ctx.db, {
      relationshipId: meeting.relationshipId,
      kind: 'construction_contract',
    });
    const house = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'commitment',
      speakerPersonId: speaker.id,
      side: 'home',
      sectorCode: '41',
      projectId: project.id,
      ownerOrganizationId: factory.id,
      dueOn: '2018-12-31',
      textEn: '  Build a residential house in Kursk Oblast in 2018.  ',
    });
    expect(house).toMatchObject({
      meetingId: meeting.id,
      kind: 'commitment',
      textEn: 'Build a residential house in Kursk Oblast in 2018.',
      ownerPersonId: null,
      status: 'open',
      version: 1,
      history: [{ fromStatus: null, toStatus: 'open', changedOn: '2017-12-05', note: null }],
    });
    expect(await getStatement(ctx.db, house.id, '2018-06-01')).toMatchObject({ overdue: false });
    expect(await getStatement(ctx.db, house.id, '2019-01-01')).toMatchObject({ overdue: true });
    expect(await getStatement(ctx.db, house.id, '2018-12-31')).toMatchObject({ overdue: false });
    expect((await ownerNamesOf(ctx.db, [house])).get(house.id)).toBe('Mozyr Housing Construction Factory');
    expect((await ownerNamesOf(ctx.db, [house], 'ru')).get(house.id)).toBe('Мозырский домостроительный комбинат');
  });

  it('refuses a due date before the meeting that set it, on recording and on editing, saying why', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2017-12-05' });
    const early = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'commitment',
      dueOn: '2017-12-04',
      textEn: 'Deliver the first dumpers.',
    }).catch((e) => e);
    expect(early.code).toBe('VALIDATION_FAILED');
    expect(early.problems).toEqual([
      {
        path: 'dueOn',
        message: 'the due date 2017-12-04 is before the meeting that set it, held on 2017-12-05',
        code: 'due_before_meeting',
        params: { dueOn: '2017-12-04', heldOn: '2017-12-05' },
      },
    ]);
    // Due on the day of the meeting itself is possible: a thing agreed and done that day.
    const sameDay = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'commitment',
      dueOn: '2017-12-05',
      textEn: 'Sign the protocol.',
    });
    const edited = await updateStatement(ctx.db, sameDay.id, { dueOn: '2017-01-31', version: 1 }).catch((e) => e);
    expect(edited.problems).toEqual([expect.objectContaining({ path: 'dueOn' })]);
    // Moved to a later meeting, the due date it keeps would come before it.
    const later = await makeMeeting(ctx.db, { heldOn: '2018-03-01', relationshipId: meeting.relationshipId });
    const moved = await updateStatement(ctx.db, sameDay.id, { meetingId: later.id, version: 1 }).catch((e) => e);
    expect(moved.problems).toEqual([expect.objectContaining({ path: 'dueOn' })]);
    expect(await getStatement(ctx.db, sameDay.id)).toMatchObject({ dueOn: '2017-12-05', version: 1 });
  });

  it('refuses a statement on a meeting that does not exist, naming meetingId, and writes nothing', async () => {
    const text = `Orphan statement ${newId()}`;
    const error = await createStatement(ctx.db, { meetingId: newId(), kind: 'proposal', textEn: text }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems).toEqual([expect.objectContaining({ path: 'meetingId' })]);
    const count = await ctx.db
      .selectFrom('statements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('textEn', '=', text)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('names every other reference that does not exist, and text longer than 5,000 characters', async () => {
    const meeting = await makeMeeting(ctx.db);
    const missing = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'request',
      textEn: 'Send a price list.',
      speakerPersonId: 'nobody',
      sectorCode: 'ZZ',
      projectId: 'no-project',
      ownerPersonId: 'nobody-either',
      ownerOrganizationId: 'no-organization',
    }).catch((e) => e);
    expect(missing.problems.map((p: { path: string }) => p.path)).toEqual([
      'speakerPersonId',
      'sectorCode',
      'projectId',
      'ownerPersonId',
      'ownerOrganizationId',
    ]);
    const long = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'assessment',
      textEn: 'x'.repeat(5_001),
    }).catch((e) => e);
    expect(long.code).toBe('VALIDATION_FAILED');
    expect(long.problems).toEqual([expect.objectContaining({ path: 'textEn' })]);
    const exact = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'assessment',
      textEn: 'x'.repeat(5_000),
    });
    expect(exact.textEn).toHaveLength(5_000);
  });

  it('moves a statement through its statuses, keeps the history and refuses impossible or stale changes', async () => {
    const meeting = await makeMeeting(ctx.db, { heldOn: '2017-12-05' });
    const created = await createStatement(ctx.db, {
      meetingId: meeting.id,
      kind: 'commitment',
      textEn: 'Keep supplying mining trucks.',
      dueOn: '2018-12-31',
    });
    const started = await changeStatementStatus(ctx.db, created.id, {
      status: 'in_progress',
      version: 1,
      on: '2018-02-01',
      note: 'First trucks shipped',
    });
    expect(started).toMatchObject({ status: 'in_progress', version: 2 });

    const again = await changeStatementStatus(ctx.db, created.id, { status: 'in_progress', version: 2 }).catch(
      (e) => e,
    );
    expect(again.code).toBe('INVALID_TRANSITION');
    expect(again.details.allowed).toEqual(['open', 'fulfilled', 'dropped']);
    expect(again.message).toContain('open, fulfilled, dropped');

    const stale = await changeStatementStatus(ctx.db, created.id, { status: 'fulfilled', version: 1 }).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');

    const backdated = await changeStatementStatus(ctx.db, created.id, {
      status: 'fulfilled',
      version: 2,
      on: '2018-01-01',
    }).catch((e) => e);
    expect(backdated.problems).toEqual([expect.objectContaining({ path: 'on' })]);

    const done = await changeStatementStatus(ctx.db, created.id, { status: 'fulfilled', version: 2, on: '2018-11-20' });
    const skip = await changeStatementStatus(ctx.db, created.id, { status: 'in_progress', version: 3 }).catch((e) => e);
    expect(skip.code).toBe('INVALID_TRANSITION');
    expect(skip.details).toMatchObject({ from: 'fulfilled', to: 'in_progress', allowed: ['open'] });

    const reopened = await changeStatementStatus(ctx.db, created.id, { status: 'open', version: done.version });
    expect(reopened.history).toEqual([
      { fromStatus: null, toStatus: 'open', changedOn: '2017-12-05', note: null },
      { fromStatus: 'open', toStatus: 'in_progress', changedOn: '2018-02-01', note: 'First trucks shipped' },
      { fromStatus: 'in_progress', toStatus: 'fulfilled', changedOn: '2018-11-20', note: null },
      { fromStatus: 'fulfilled', toStatus: 'open', changedOn: reopened.history[3]!.changedOn, note: null },
    ]);
    expect(reopened.history[3]!.changedOn >= '2018-11-20').toBe(true);
  });

  it('counts a commitment as overdue only while open or in progress and past its due date', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-BEL' });
    const meeting = await makeMeeting(ctx.db, { relationshipId: relationship.id });
    const base = { meetingId: meeting.id, kind: 'commitment', dueOn: '2018-12-31' };
    const open = await createStatement(ctx.db, { ...base, textEn: 'Open one' });
    const kept = await createStatement(ctx.db, { ...base, textEn: 'Kept one', status: 'fulfilled' });
    const dropped = await createStatement(ctx.db, { ...base, textEn: 'Dropped one' });
    await changeStatementStatus(ctx.db, dropped.id, { status: 'dropped', version: 1, on: '2018-03-01' });
    const undated = await createStatement(ctx.db, { ...base, dueOn: null, textEn: 'Undated one' });
    const proposal = await createStatement(ctx.db, { ...base, kind: 'proposal', textEn: 'A proposal past due' });

    const ids = async (filter: Parameters<typeof listStatements>[1]) =>
      (await listStatements(ctx.db, { partner: 'RU-BEL', ...filter }, everything)).items.map((s) => s.id);
    expect(await ids({ overdue: true, asOf: '2018-12-31' })).toEqual([]);
    expect(await ids({ overdue: true, asOf: '2019-01-01' })).toEqual([open.id]);
    expect((await ids({ overdue: false, asOf: '2019-01-01' })).sort()).toEqual(
      [kept.id, dropped.id, undated.id, proposal.id].sort(),
    );
    const commitments = await listCommitments(
      ctx.db,
      { partner: 'RU-BEL', overdue: true, asOf: '2019-01-01' },
      everything,
    );
    expect(commitments.items).toEqual([expect.objectContaining({ id: open.id, overdue: true })]);
    const asOfToday = await listStatements(ctx.db, { partner: 'RU-BEL', status: 'open' }, everything);
    expect(asOfToday.items.find((s) => s.id === open.id)?.overdue).toBe(true);
  });

  it('filters by meeting, relationship, partner, kind, status, owner, project and due date; soonest due first', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-VOR' });
    const first = await makeMeeting(ctx.db, { relationshipId: relationship.id });
    const second = await makeMeeting(ctx.db, { relationshipId: relationship.id });
    const owner = await makePerson(ctx.db);
    const project = await makeProject(ctx.db, { relationshipId: relationship.id });
    const undated = await createStatement(ctx.db, { meetingId: first.id, kind: 'proposal', textEn: 'Undated' });
    const late = await createStatement(ctx.db, {
      meetingId: first.id,
      kind: 'commitment',
      textEn: 'Late',
      dueOn: '2020-01-01',
      ownerPersonId: owner.id,
    });
    const soon = await createStatement(ctx.db, {
      meetingId: second.id,
      kind: 'commitment',
      textEn: 'Soon',
      dueOn: '2018-01-01',
      projectId: project.id,
    });
    const ids = async (filter: Parameters<typeof listStatements>[1]) =>
      (await listStatements(ctx.db, filter, everything)).items.map((s) => s.id);
    expect(await ids({ partner: 'RU-VOR' })).toEqual([soon.id, late.id, undated.id]);
    expect(await ids({ relationshipId: relationship.id })).toEqual([soon.id, late.id, undated.id]);
    expect(await ids({ meetingId: first.id })).toEqual([late.id, undated.id]);
    expect(await ids({ partner: 'RU-VOR', kind: 'proposal' })).toEqual([undated.id]);
    expect(await ids({ partner: 'RU-VOR', status: 'open' })).toHaveLength(3);
    expect(await ids({ partner: 'RU-VOR', status: 'fulfilled' })).toEqual([]);
    expect(await ids({ ownerPersonId: owner.id })).toEqual([late.id]);
    expect(await ids({ projectId: project.id })).toEqual([soon.id]);
    expect(await ids({ partner: 'RU-VOR', dueBefore: '2020-01-01' })).toEqual([soon.id]);
    const page = await listStatements(ctx.db, { partner: 'RU-VOR' }, { limit: 1, offset: 2 });
    expect(page).toMatchObject({ total: 3, items: [{ id: undated.id }] });
  });

  it('edits a statement except its status, and deletes it with its history', async () => {
    const meeting = await makeMeeting(ctx.db);
    const statement = await createStatement(ctx.db, { meetingId: meeting.id, kind: 'request', textEn: 'Send seeds.' });
    const edited = await updateStatement(ctx.db, statement.id, {
      textEn: 'Send elite seeds.',
      dueOn: '2018-05-01',
      version: 1,
    });
    expect(edited).toMatchObject({ textEn: 'Send elite seeds.', dueOn: '2018-05-01', kind: 'request', version: 2 });
    const status = await updateStatement(ctx.db, statement.id, { status: 'fulfilled', version: 2 }).catch((e) => e);
    expect(status.code).toBe('VALIDATION_FAILED');
    expect(status.problems).toEqual([expect.objectContaining({ path: 'status' })]);
    const moved = await updateStatement(ctx.db, statement.id, { meetingId: 'gone', version: 2 }).catch((e) => e);
    expect(moved.problems).toEqual([expect.objectContaining({ path: 'meetingId' })]);
    expect((await updateStatement(ctx.db, statement.id, { textEn: 'x', version: 1 }).catch((e) => e)).code).toBe(
      'STALE_VERSION',
    );

    await deleteStatement(ctx.db, statement.id, 2);
    expect((await getStatement(ctx.db, statement.id).catch((e) => e)).code).toBe('NOT_FOUND');
    const history = await ctx.db
      .selectFrom('statementStatusChanges')
      .select('id')
      .where('statementId', '=', statement.id)
      .execute();
    expect(history).toEqual([]);
  });
});
