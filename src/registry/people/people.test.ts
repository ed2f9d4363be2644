import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeMeeting, makeOrganization } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import {
  createPerson,
  createPosition,
  deletePerson,
  deletePosition,
  findPositionHolders,
  getPerson,
  getPosition,
  listPeople,
  listPositions,
  updatePerson,
  updatePosition,
} from './service.ts';

const page = { limit: 50, offset: 0 };

describeOnEngines('people and positions', (ctx) => {
  it('records a person with the posts they held, earliest first, and finds them by name', async () => {
    const tag = newId().slice(-8);
    const person = await createPerson(ctx.db, {
      nameEn: `Alexander Mikhailov ${tag}`,
      nameRu: `Александр Михайлов ${tag}`,
    });
    expect(person).toMatchObject({ notes: null, positions: [], version: 1 });
    const administration = await makeOrganization(ctx.db, {
      nameEn: 'Administration of Kursk Oblast',
      territoryCode: 'RU-KRS',
    });
    const governor = await createPosition(ctx.db, {
      personId: person.id,
      titleEn: 'Governor of Kursk Oblast',
      titleRu: 'Губернатор Курской области',
      organizationId: administration.id,
      territoryCode: 'RU-KRS',
      fromOn: '2000-11-18',
      toOn: '2018-10-11',
    });
    const earlier = await createPosition(ctx.db, { personId: person.id, titleRu: 'Глава города', toOn: '1996-01-01' });
    expect(earlier).toMatchObject({
      titleEn: null,
      organizationId: null,
      territoryCode: null,
      fromOn: null,
      version: 1,
    });
    const read = await getPerson(ctx.db, person.id);
    expect(read.positions).toEqual([earlier, governor]);
    expect(await getPosition(ctx.db, governor.id)).toEqual(governor);
    for (const q of [`mikhailov ${tag}`, `МИХАЙЛОВ ${tag}`]) {
      expect((await listPeople(ctx.db, { q }, page)).items, q).toEqual([read]);
    }
    expect((await listPositions(ctx.db, { personId: person.id }, page)).items).toEqual([earlier, governor]);
    expect((await listPositions(ctx.db, { organizationId: administration.id }, page)).items).toEqual([governor]);
    const inKursk = await listPositions(ctx.db, { territory: 'RU-KRS', personId: person.id }, page);
    expect(inKursk.items).toEqual([governor]);
    const heldOn = async (asOf: string) =>
      (await listPositions(ctx.db, { personId: person.id, asOf }, page)).items.map((p) => p.id);
    expect(await heldOn('2017-12-05')).toEqual([governor.id]);
    expect(await heldOn('1995-06-01')).toEqual([earlier.id]);
    expect(await heldOn('2019-01-01')).toEqual([]);
  });

  it('answers who held a post on a day, matching the title in either language and any case', async () => {
    const territory = 'RU-BEL';
    const first = await createPerson(ctx.db, { nameEn: 'First Governor' });
    const second = await createPerson(ctx.db, { nameRu: 'Второй Губернатор' });
    const deputy = await createPerson(ctx.db, { nameEn: 'A Deputy' });
    const term = {
      territoryCode: territory,
      titleEn: 'Governor of Belgorod Oblast',
      titleRu: 'Губернатор Белгородской области',
    };
    const firstTerm = await createPosition(ctx.db, {
      ...term,
      personId: first.id,
      fromOn: '1993-10-11',
      toOn: '2020-09-22',
    });
    const secondTerm = await createPosition(ctx.db, { ...term, personId: second.id, fromOn: '2020-09-23' });
    await createPosition(ctx.db, {
      personId: deputy.id,
      titleEn: 'Deputy Governor of Belgorod Oblast',
      territoryCode: territory,
      fromOn: '2021-01-01',
      toOn: '2021-12-31',
    });

    const holders = async (query: Parameters<typeof findPositionHolders>[1]) =>
      (await findPositionHolders(ctx.db, query)).map((h) => [h.person.nameEn ?? h.person.nameRu, h.position.id]);
    expect(await holders({ title: 'губернатор белгородской', territoryCode: territory, on: '2017-12-05' })).toEqual([
      ['First Governor', firstTerm.id],
    ]);
    expect(await holders({ title: 'GOVERNOR OF', territoryCode: territory, on: '2020-09-22' })).toEqual([
      ['First Governor', firstTerm.id],
    ]);
    expect(await holders({ title: 'Governor of', territoryCode: territory, on: '2024-01-01' })).toEqual([
      ['Второй Губернатор', secondTerm.id],
    ]);
    // A substring of the title: "governor" also finds the deputy governor serving that day.
    expect(
      (await holders({ title: 'governor', territoryCode: territory, on: '2021-06-01' })).map(([name]) => name),
    ).toEqual(['Второй Губернатор', 'A Deputy']);
    expect(await holders({ title: 'deputy', territoryCode: territory, on: '2022-01-01' })).toEqual([]);
    expect(await holders({ title: 'governor', territoryCode: 'RU-BRY', on: '2017-12-05' })).toEqual([]);
    const [held] = await findPositionHolders(ctx.db, {
      title: 'Governor of',
      territoryCode: territory,
      on: '2017-12-05',
    });
    expect(held!.person).toEqual(await getPerson(ctx.db, first.id));
    await expect(findPositionHolders(ctx.db, { title: 'governor', on: '2017-02-30' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'on' }],
    });
  });

  it('refuses a person or post without a name, an unknown territory or a post ending before it begins', async () => {
    const nameless = await createPerson(ctx.db, { notes: 'nobody' }).catch((e) => e);
    expect(nameless).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'nameEn' }] });
    const person = await createPerson(ctx.db, { nameEn: `Post Seeker ${newId().slice(-8)}` });
    const untitled = await createPosition(ctx.db, { personId: person.id, territoryCode: 'BY' }).catch((e) => e);
    expect(untitled.problems.map((p: { path: string }) => p.path)).toEqual(['titleEn']);
    const unknown = await createPosition(ctx.db, {
      personId: person.id,
      titleEn: 'Minister',
      territoryCode: 'QQ',
      organizationId: newId(),
    }).catch((e) => e);
    expect(unknown.problems.map((p: { path: string }) => p.path)).toEqual(['organizationId', 'territoryCode']);
    const inverted = await createPosition(ctx.db, {
      personId: person.id,
      titleEn: 'Minister',
      fromOn: '2018-01-01',
      toOn: '2017-01-01',
    }).catch((e) => e);
    expect(inverted).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'toOn' }] });
    const orphan = await createPosition(ctx.db, { personId: newId(), titleEn: 'Minister' }).catch((e) => e);
    expect(orphan.problems.map((p: { path: string }) => p.path)).toEqual(['personId']);
    expect((await getPerson(ctx.db, person.id)).positions).toEqual([]);
  });

  it('refuses stale or nameless updates and keeps the person and post as they were', async () => {
    const person = await createPerson(ctx.db, { nameEn: 'Editable Person', nameRu: 'Редактируемый' });
    const renamed = await updatePerson(ctx.db, person.id, { nameEn: null, version: 1 });
    expect(renamed).toMatchObject({ nameEn: null, nameRu: 'Редактируемый', version: 2 });
    const stale = await updatePerson(ctx.db, person.id, { notes: 'x', version: 1 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { givenVersion: 1, currentVersion: 2 } });
    const nameless = await updatePerson(ctx.db, person.id, { nameRu: null, version: 2 }).catch((e) => e);
    expect(nameless).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'nameEn' }] });
    expect(await getPerson(ctx.db, person.id)).toEqual(renamed);

    const post = await createPosition(ctx.db, { personId: person.id, titleEn: 'Minister', fromOn: '2015-01-01' });
    const ended = await updatePosition(ctx.db, post.id, { toOn: '2019-01-01', version: 1 });
    expect(ended).toMatchObject({ fromOn: '2015-01-01', toOn: '2019-01-01', version: 2 });
    const early = await updatePosition(ctx.db, post.id, { fromOn: '2020-01-01', version: 2 }).catch((e) => e);
    expect(early.problems.map((p: { path: string }) => p.path)).toEqual(['toOn']);
    const untitled = await updatePosition(ctx.db, post.id, { titleEn: null, version: 2 }).catch((e) => e);
    expect(untitled.problems.map((p: { path: string }) => p.path)).toEqual(['titleEn']);
    const staleEnd = await updatePosition(ctx.db, post.id, { toOn: null, version: 1 }).catch((e) => e);
    expect(staleEnd.code).toBe('STALE_VERSION');
    expect(await getPosition(ctx.db, post.id)).toEqual(ended);
    await deletePosition(ctx.db, post.id, 2);
    expect((await getPerson(ctx.db, person.id)).positions).toEqual([]);
  });

  it('deletes a person with their posts, but keeps one a meeting still names', async () => {
    const person = await createPerson(ctx.db, { nameEn: 'Leaving Person' });
    await createPosition(ctx.db, { personId: person.id, titleEn: 'Adviser' });
    const meeting = await makeMeeting(ctx.db);
    await ctx.db
      .insertInto('meetingParticipants')
      .values({
        id: newId(),
        meetingId: meeting.id,
        personId: person.id,
        side: 'home',
        roleEn: 'principal',
        position: 0,
      })
      .execute();
    const before = await getPerson(ctx.db, person.id);
    const refused = await deletePerson(ctx.db, person.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect(await getPerson(ctx.db, person.id)).toEqual(before);
    const stale = await deletePerson(ctx.db, person.id, 3).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');

    await ctx.db.deleteFrom('meetingParticipants').where('personId', '=', person.id).execute();
    await deletePerson(ctx.db, person.id, 1);
    await expect(getPerson(ctx.db, person.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await listPositions(ctx.db, { personId: person.id }, page)).total).toBe(0);
  });
});
