import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makePerson, makeProject } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import { nowIso } from '../../core/records.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './service.ts';

const page = { limit: 50, offset: 0 };

/** A name no other test uses, so searches in a shared database find only this test's rows. */
const unique = (name: string) => `${name} ${newId().slice(-8)}`;

describeOnEngines('organizations', (ctx) => {
  it('records an organization with aliases, sectors and products and reads it back whole', async () => {
    const created = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: 'BelAZ',
      nameRu: 'БелАЗ',
      territoryCode: 'BY-MI',
      website: 'https://belaz.by',
      aliases: [
        { alias: 'OJSC BELAZ', language: 'en' },
        { alias: 'ОАО «БЕЛАЗ»', language: 'RU' },
        { alias: 'Belarusian Autoworks' },
      ],
      sectorCodes: ['C', '29'],
      products: [{ name: 'Mining dump trucks', hsCode: '8704' }, { name: 'Spare parts' }],
    });
    expect(created).toMatchObject({
      kind: 'enterprise',
      territoryCode: 'BY-MI',
      description: null,
      spareCapacityNote: null,
      website: 'https://belaz.by',
      aliases: [
        { alias: 'OJSC BELAZ', language: 'en' },
        { alias: 'ОАО «БЕЛАЗ»', language: 'ru' },
        { alias: 'Belarusian Autoworks', language: null },
      ],
      sectorCodes: ['29', 'C'],
      products: [
        { name: 'Mining dump trucks', hsCode: '8704', capacityNote: null },
        { name: 'Spare parts', hsCode: null, capacityNote: null },
      ],
      version: 1,
    });
    expect(await getOrganization(ctx.db, created.id)).toEqual(created);
  });

  it('finds an organization by any name or alias, in either language and any case', async () => {
    const tag = newId().slice(-8);
    const planar = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: `Planar${tag}`,
      territoryCode: 'BY-HM',
      aliases: [
        { alias: `OAO Planar${tag}`, language: 'en' },
        { alias: `ОАО «Планар${tag}»`, language: 'ru' },
      ],
    });
    for (const q of [`planar${tag}`, `oao planar${tag}`, `ПЛАНАР${tag}`, `«планар${tag}»`]) {
      const found = await listOrganizations(ctx.db, { q }, page);
      expect(
        found.items.map((o) => o.id),
        q,
      ).toEqual([planar.id]);
    }
    expect((await listOrganizations(ctx.db, { q: `Planar${tag}%` }, page)).total).toBe(0);

    const renamed = await updateOrganization(ctx.db, planar.id, {
      aliases: [{ alias: `Planar Holding${tag}`, language: 'en' }],
      version: 1,
    });
    expect(renamed.nameEn).toBe(`Planar${tag}`);
    expect((await listOrganizations(ctx.db, { q: `oao planar${tag}` }, page)).total).toBe(0);
    expect((await listOrganizations(ctx.db, { q: `planar holding${tag}` }, page)).items).toEqual([renamed]);
    const ruOnly = await updateOrganization(ctx.db, planar.id, { nameEn: null, nameRu: `Планар${tag}`, version: 2 });
    expect((await listOrganizations(ctx.db, { q: `планар${tag}` }, page)).items).toEqual([ruOnly]);
    expect((await listOrganizations(ctx.db, { q: `planar holding${tag}` }, page)).items).toEqual([ruOnly]);
  });

  it('filters by exact territory, by country with its regions, by kind and by sector with its divisions', async () => {
    const name = unique('Filter Works');
    const inMinsk = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: `${name} Minsk`,
      territoryCode: 'BY-HM',
      sectorCodes: ['26'],
    });
    const national = await createOrganization(ctx.db, {
      kind: 'government_body',
      nameEn: `${name} Government`,
      territoryCode: 'BY',
    });
    const abroad = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: `${name} Kursk`,
      territoryCode: 'RU-KRS',
      sectorCodes: ['B'],
    });
    const ids = async (filter: Parameters<typeof listOrganizations>[1]) =>
      (await listOrganizations(ctx.db, { q: name, ...filter }, page)).items.map((o) => o.id);
    expect(await ids({})).toEqual([national.id, abroad.id, inMinsk.id]);
    expect(await ids({ territory: 'BY' })).toEqual([national.id]);
    expect(await ids({ country: 'BY' })).toEqual([national.id, inMinsk.id]);
    expect(await ids({ country: 'RU' })).toEqual([abroad.id]);
    expect(await ids({ kind: 'enterprise' })).toEqual([abroad.id, inMinsk.id]);
    expect(await ids({ sector: 'C' })).toEqual([inMinsk.id]);
    expect(await ids({ sector: '26' })).toEqual([inMinsk.id]);
    expect(await ids({ sector: 'B', country: 'RU' })).toEqual([abroad.id]);
  });

  it('refuses an organization without a name, in an unknown territory or sector, and writes nothing', async () => {
    const name = unique('Refused Works');
    const nameless = await createOrganization(ctx.db, { kind: 'enterprise', territoryCode: 'BY' }).catch((e) => e);
    expect(nameless).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'nameEn' }] });
    const blank = await createOrganization(ctx.db, { kind: 'enterprise', nameEn: '  ', territoryCode: 'BY' }).catch(
      (e) => e,
    );
    expect(blank.problems.map((p: { path: string }) => p.path)).toContain('nameEn');
    const unknown = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: name,
      territoryCode: 'RU-XXX',
      sectorCodes: ['C', 'ZZ'],
    }).catch((e) => e);
    expect(unknown.code).toBe('VALIDATION_FAILED');
    expect(unknown.problems.map((p: { path: string }) => p.path)).toEqual(['territoryCode', 'sectorCodes.1']);
    const malformed = await createOrganization(ctx.db, {
      kind: 'factory',
      nameEn: name,
      territoryCode: 'Minsk',
      website: 'javascript:alert(1)',
      sectorCodes: ['C', 'C'],
      products: [{ name: 'Trucks', hsCode: '87.04' }],
    }).catch((e) => e);
    expect(malformed.problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['kind', 'territoryCode', 'website', 'sectorCodes.1', 'products.0.hsCode']),
    );
    expect((await listOrganizations(ctx.db, { q: name }, page)).total).toBe(0);
  });

  it('refuses an update from a stale version, or one leaving no name, and keeps the record as it was', async () => {
    const created = await createOrganization(ctx.db, {
      kind: 'bank',
      nameEn: unique('Stale Bank'),
      territoryCode: 'BY',
      aliases: [{ alias: 'SB', language: 'en' }],
      sectorCodes: ['K'],
    });
    const changed = await updateOrganization(ctx.db, created.id, {
      description: 'Development bank',
      sectorCodes: ['K', '64'],
      version: 1,
    });
    expect(changed).toMatchObject({ description: 'Development bank', aliases: created.aliases, version: 2 });
    expect(changed.sectorCodes).toEqual(['64', 'K']);
    const stale = await updateOrganization(ctx.db, created.id, { description: 'Old', aliases: [], version: 1 }).catch(
      (e) => e,
    );
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { givenVersion: 1, currentVersion: 2 } });
    const nameless = await updateOrganization(ctx.db, created.id, { nameEn: null, version: 2 }).catch((e) => e);
    expect(nameless).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'nameEn' }] });
    const badSector = await updateOrganization(ctx.db, created.id, { sectorCodes: ['ZZ'], version: 2 }).catch((e) => e);
    expect(badSector.problems.map((p: { path: string }) => p.path)).toEqual(['sectorCodes.0']);
    expect(await getOrganization(ctx.db, created.id)).toEqual(changed);
  });

  it('refuses to delete an organization still named elsewhere, and deletes it with its lists once free', async () => {
    const organization = await createOrganization(ctx.db, {
      kind: 'enterprise',
      nameEn: unique('Referenced Works'),
      territoryCode: 'BY-MI',
      aliases: [{ alias: 'RW', language: 'en' }],
      sectorCodes: ['C'],
      products: [{ name: 'Trucks' }],
    });
    const project = await makeProject(ctx.db);
    await ctx.db
      .insertInto('projectParties')
      .values({
        id: newId(),
        projectId: project.id,
        organizationId: organization.id,
        role: 'supplier',
        side: 'home',
        position: 0,
      })
      .execute();
    const refused = await deleteOrganization(ctx.db, organization.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect(await getOrganization(ctx.db, organization.id)).toEqual(organization);

    await ctx.db.deleteFrom('projectParties').where('organizationId', '=', organization.id).execute();
    const person = await makePerson(ctx.db);
    const now = nowIso();
    await ctx.db
      .insertInto('positions')
      .values({
        id: newId(),
        personId: person.id,
        titleEn: 'Director',
        titleRu: null,
        organizationId: organization.id,
        territoryCode: null,
        fromOn: null,
        toOn: null,
        searchText: 'director',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    expect((await deleteOrganization(ctx.db, organization.id, 1).catch((e) => e)).code).toBe('REFERENCED');
    await ctx.db.deleteFrom('positions').where('organizationId', '=', organization.id).execute();

    const stale = await deleteOrganization(ctx.db, organization.id, 2).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');
    await deleteOrganization(ctx.db, organization.id, 1);
    await expect(getOrganization(ctx.db, organization.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const leftovers = await ctx.db
      .selectFrom('organizationAliases')
      .select('id')
      .where('organizationId', '=', organization.id)
      .execute();
    expect(leftovers).toEqual([]);
  });
});
