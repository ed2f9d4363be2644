import { expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { AccordError } from '../../core/errors.ts';
import { requireReferences } from '../../core/records.ts';
import { seedReferenceData } from '../seed.ts';
import { createTerritory, getTerritory, listTerritories, territoryLabel, updateTerritory } from './service.ts';

describeOnEngines('territories', (ctx) => {
  it('ships every ISO country and the regions of Belarus, Kazakhstan, Russia and Uzbekistan with Russian names', async () => {
    const countries = await listTerritories(ctx.db, { kind: 'country' }, { limit: 1, offset: 0 });
    expect(countries.total).toBeGreaterThanOrEqual(249);
    const russian = await listTerritories(ctx.db, { parent: 'RU' }, { limit: 200, offset: 0 });
    expect(russian.total).toBe(83);
    const belarusian = await listTerritories(ctx.db, { parent: 'BY' }, { limit: 200, offset: 0 });
    expect(belarusian.total).toBe(7);
    const kazakh = await listTerritories(ctx.db, { parent: 'KZ' }, { limit: 200, offset: 0 });
    expect(kazakh.total).toBe(17);
    const uzbek = await listTerritories(ctx.db, { parent: 'UZ' }, { limit: 200, offset: 0 });
    expect(uzbek.total).toBe(14);
    expect(await getTerritory(ctx.db, 'KZ-SEV')).toMatchObject({
      kind: 'region',
      parentCode: 'KZ',
      nameEn: 'North Kazakhstan Region',
      nameRu: 'Северо-Казахстанская область',
    });
    const kursk = await getTerritory(ctx.db, 'RU-KRS');
    expect(kursk).toMatchObject({
      kind: 'region',
      parentCode: 'RU',
      nameEn: 'Kursk Oblast',
      nameRu: 'Курская область',
    });
  });

  it('adds the regions a new release ships to a database seeded before, keeping names a user changed', async () => {
    // A database seeded when Accord knew only Belarusian and Russian regions.
    await ctx.db.deleteFrom('territories').where('parentCode', 'in', ['KZ', 'UZ']).execute();
    const minsk = await getTerritory(ctx.db, 'BY-HM');
    await updateTerritory(ctx.db, 'BY-HM', { nameEn: 'Minsk City', version: minsk.version });
    const seeded = await seedReferenceData(ctx.db);
    expect(seeded.territories).toBe(31);
    expect((await getTerritory(ctx.db, 'UZ-SA')).nameRu).toBe('Самаркандская область');
    expect((await getTerritory(ctx.db, 'BY-HM')).nameEn).toBe('Minsk City');
    expect((await seedReferenceData(ctx.db)).territories).toBe(0);
  });

  it('finds a territory by its Russian or English name, whatever the case', async () => {
    const byRussian = await listTerritories(ctx.db, { q: 'КУРСКАЯ' }, { limit: 10, offset: 0 });
    expect(byRussian.items.map((t) => t.code)).toContain('RU-KRS');
    const byEnglish = await listTerritories(ctx.db, { q: 'kursk' }, { limit: 10, offset: 0 });
    expect(byEnglish.items.map((t) => t.code)).toContain('RU-KRS');
    const literalPercent = await listTerritories(ctx.db, { q: '%' }, { limit: 10, offset: 0 });
    expect(literalPercent.total).toBe(0);
  });

  it('names every unknown ISO code in one validation error', async () => {
    const refs = Object.entries({ home: 'BY', partner: 'RU-XXX', other: 'QQ' }).map(([path, id]) => ({
      path,
      id,
      table: 'territories' as const,
      label: territoryLabel,
    }));
    const error = await requireReferences(ctx.db, refs).catch((e) => e);
    expect(error).toBeInstanceOf(AccordError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p: { path: string }) => p.path)).toEqual(['partner', 'other']);
  });

  it('adds a territory and refuses a second one with the same code', async () => {
    await createTerritory(ctx.db, { code: 'XK-TST', kind: 'region', parentCode: 'XK', nameEn: 'Test', nameRu: 'Тест' });
    const again = await createTerritory(ctx.db, {
      code: 'XK-TST',
      kind: 'region',
      parentCode: 'XK',
      nameEn: 'Test',
      nameRu: 'Тест',
    }).catch((e) => e);
    expect(again.code).toBe('CONFLICT');
  });

  it('refuses a rename made from a stale version and keeps the newer name', async () => {
    const before = await getTerritory(ctx.db, 'BY-HR');
    const renamed = await updateTerritory(ctx.db, 'BY-HR', { nameEn: 'Hrodna Region', version: before.version });
    expect(renamed.version).toBe(before.version + 1);
    const stale = await updateTerritory(ctx.db, 'BY-HR', { nameEn: 'Grodno', version: before.version }).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');
    expect(stale.details).toMatchObject({ givenVersion: before.version, currentVersion: before.version + 1 });
    expect((await getTerritory(ctx.db, 'BY-HR')).nameEn).toBe('Hrodna Region');
  });
});
