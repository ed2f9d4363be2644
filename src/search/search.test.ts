import { beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../registry/organizations/service.ts';
import { describeOnEngines } from '../../test/support/engines.ts';
import { makeMeeting, makePerson, makeProject, makeRelationship } from '../../test/support/factories.ts';
import { matchRank, search } from './service.ts';

it('ranks a whole field before its start, a word start and a match inside a word', () => {
  expect(matchRank('планар', 'планар')).toBe(0);
  expect(matchRank('планар плюс', 'планар')).toBe(1);
  expect(matchRank('оао «планар»', 'планар')).toBe(2);
  expect(matchRank('микропланар', 'планар')).toBe(3);
  expect(matchRank('белаз', 'планар')).toBeNull();
});

describeOnEngines('search', (ctx) => {
  let planarId: string;
  let personId: string;
  beforeAll(async () => {
    await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-KRS' });
    const planar = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: 'Planar',
      nameRu: 'Планар',
      territoryCode: 'BY',
      aliases: [
        { alias: 'OAO Planar', language: 'en' },
        { alias: 'ОАО «Планар»', language: 'ru' },
      ],
    });
    planarId = planar.id;
    await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: 'Microplanar Systems',
      territoryCode: 'BY',
      aliases: [{ alias: 'Belarusian Autoworks', language: 'en' }],
    });
    personId = (await makePerson(ctx.db, { nameEn: 'Alexander Mikhailov', nameRu: 'Александр Михайлов' })).id;
    await makeProject(ctx.db, { titleEn: 'Joint production with Planar' });
    await makeMeeting(ctx.db, { titleEn: 'Talks in Minsk', place: 'Минск', summaryEn: 'The talks named Planar.' });
  });

  it('finds an organization by its Russian name in any case, before records that merely mention it', async () => {
    for (const q of ['планар', 'ПЛАНАР', 'Планар', 'planar', 'PLANAR']) {
      const result = await search(ctx.db, { q });
      expect(result.items[0], q).toMatchObject({
        kind: 'organization',
        id: planarId,
        titleEn: 'Planar',
        titleRu: 'Планар',
        rank: 0,
      });
      expect(result.items.map((h) => h.kind)).toContain('organization');
    }
    const english = await search(ctx.db, { q: 'planar' });
    expect(english.items.map((h) => [h.kind, h.rank])).toEqual([
      ['organization', 0],
      ['project', 2],
      ['meeting', 2],
      ['organization', 3],
    ]);
    expect(english.items.find((h) => h.kind === 'meeting')?.match).toEqual({
      field: 'summary',
      text: 'The talks named Planar.',
    });
  });

  it('finds an organization by an alias and says the alias matched', async () => {
    const result = await search(ctx.db, { q: 'oao plan' });
    expect(result.items).toHaveLength(1);
    expect(result.items[0]).toMatchObject({
      kind: 'organization',
      id: planarId,
      match: { field: 'alias', text: 'OAO Planar' },
      rank: 1,
    });
    const other = await search(ctx.db, { q: 'autoworks' });
    expect(other.items[0]).toMatchObject({ title: 'Microplanar Systems', match: { field: 'alias' } });
  });

  it('finds a person by the Russian name and a partner by its Russian name or code', async () => {
    const person = await search(ctx.db, { q: 'михайлов' });
    expect(person.items).toEqual([
      expect.objectContaining({
        kind: 'person',
        id: personId,
        titleRu: 'Александр Михайлов',
        match: { field: 'name', text: 'Александр Михайлов' },
        rank: 2,
      }),
    ]);
    const partner = await search(ctx.db, { q: 'КУРСКАЯ' });
    expect(partner.items).toEqual([
      expect.objectContaining({ kind: 'partner', id: 'RU-KRS', titleRu: 'Курская область', rank: 1 }),
    ]);
    const byCode = await search(ctx.db, { q: 'ru-krs' });
    expect(byCode.items[0]).toMatchObject({ kind: 'partner', match: { field: 'code', text: 'RU-KRS' }, rank: 0 });
  });

  it('matches a meeting place in Cyrillic, treats LIKE wildcards literally and limits the results', async () => {
    expect((await search(ctx.db, { q: 'МИНСК' })).items.map((h) => h.match)).toEqual([
      { field: 'place', text: 'Минск' },
    ]);
    expect((await search(ctx.db, { q: '%' })).items).toEqual([]);
    expect((await search(ctx.db, { q: 'pl_nar' })).items).toEqual([]);
    const limited = await search(ctx.db, { q: 'planar', limit: 2 });
    expect(limited.items).toHaveLength(2);
    expect(limited.truncated).toBe(true);
  });

  it('refuses an empty or overlong query naming q', async () => {
    await expect(search(ctx.db, { q: '  ' })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'q' }],
    });
    await expect(search(ctx.db, { q: 'x'.repeat(101) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
