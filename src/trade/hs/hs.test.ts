import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../../../test/support/cli.ts';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { buildApp } from '../../http/app.ts';
import { hsChapters } from './reference.ts';
import {
  describeHsCode,
  describeTradedProduct,
  hsCodeChecker,
  hsTitles,
  importHsFile,
  listHsRevisions,
  maxHsFileBytes,
  searchHs,
} from './service.ts';
import { failure } from '../../../test/support/failure.ts';

const fixtureDir = fileURLToPath(new URL('../../../test/fixtures/hs/', import.meta.url));
const fixture = (name: string) => path.join(fixtureDir, name);
// The full HS 2022 file sits in shared/ beside the clone when it is there; elsewhere that test is skipped.
const realFile = fileURLToPath(
  new URL('../../../../shared/data/harmonized-system/harmonized-system.csv', import.meta.url),
);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hs-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const chapter87Ru = hsChapters.find((c) => c.code === '87')!.titleRu;

describeOnEngines('HS nomenclature', (ctx) => {
  it('loads a UN Comtrade classification file, taking the revision from its name and skipping totals', async () => {
    const result = await importHsFile(ctx.db, fixture('H6.json'));
    expect(result).toMatchObject({
      revision: 'H6',
      format: 'comtrade-json',
      chapters: 3,
      headings: 4,
      subheadings: 5,
      skipped: 2,
    });
    const horses = await describeHsCode(ctx.db, '010121', 'H6');
    expect(horses).toEqual({
      code: '010121',
      level: 'subheading',
      revision: 'H6',
      titleEn: 'Horses; live, pure-bred breeding animals',
      titleRu: null,
      chapter: { code: '01', titleEn: 'Live animals', titleRu: 'Живые животные' },
      section: {
        code: '01',
        roman: 'I',
        titleEn: 'Live animals; animal products',
        titleRu: 'Живые животные; продукты животного происхождения',
      },
    });
  });

  it('loads the CSV of the datasets/harmonized-system repository as HS 2022 unless told otherwise', async () => {
    const result = await importHsFile(ctx.db, fixture('harmonized-system.csv'));
    expect(result).toMatchObject({
      revision: 'H6',
      format: 'harmonized-system-csv',
      chapters: 2,
      headings: 2,
      subheadings: 4,
      skipped: 1,
    });
    const tyres = await describeHsCode(ctx.db, '401120', 'H6');
    expect(tyres).toMatchObject({
      level: 'subheading',
      titleEn: 'New pneumatic tyres; of rubber, of a kind used on buses or lorries',
      chapter: { code: '40', titleRu: 'Каучук, резина и изделия из них' },
      section: { roman: 'VII' },
    });
  });

  it('replaces a revision loaded again instead of adding to it', async () => {
    const first = await importHsFile(ctx.db, fixture('harmonized-system.csv'), { revision: 'H3' });
    const again = await importHsFile(ctx.db, fixture('harmonized-system.csv'), { revision: 'H3' });
    expect(again.replaced).toBe(first.chapters + first.headings + first.subheadings);
    const other = await importHsFile(ctx.db, fixture('H6.json'), { revision: 'H3' });
    expect(other.replaced).toBe(8);
    const h3 = (await listHsRevisions(ctx.db)).find((r) => r.revision === 'H3');
    expect(h3).toMatchObject({ name: 'HS 2007', chapters: 3, headings: 4, subheadings: 5 });
    expect(h3?.source).toContain('H6.json');
    expect((await failure(describeHsCode(ctx.db, '010221', 'H3'))).code).toBe('NOT_FOUND');
  });

  it('refuses a CSV with bad rows, naming every one with its line and reason, and keeps what was loaded', async () => {
    await importHsFile(ctx.db, fixture('harmonized-system.csv'), { revision: 'H2' });
    const error = await failure(importHsFile(ctx.db, fixture('broken.csv'), { revision: 'H2' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('nothing was loaded');
    expect(error.problems.map((p) => [p.line, p.path])).toEqual([
      [4, 'hscode'],
      [5, 'parent'],
      [6, 'description'],
      [7, 'hscode'],
      [8, 'hscode'],
      [9, 'level'],
      [10, '(row)'],
    ]);
    const reasons = error.problems.map((p) => p.message);
    expect(reasons[0]).toContain('has 5 digits');
    expect(reasons[1]).toContain('expected 0102');
    expect(reasons[4]).toContain('first at line 3');
    const h2 = (await listHsRevisions(ctx.db)).find((r) => r.revision === 'H2');
    expect(h2).toMatchObject({ chapters: 2, headings: 2, subheadings: 4 });
    expect((await describeHsCode(ctx.db, '010221', 'H2')).titleEn).toBe('Cattle; live, pure-bred breeding animals');
  });

  it('refuses a Comtrade file with bad entries, naming each by its index, and writes nothing', async () => {
    const error = await failure(importHsFile(ctx.db, fixture('H6-broken.json'), { revision: 'H1' }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p) => p.path)).toEqual([
      'results.2.id',
      'results.3.parent',
      'results.4.text',
      'results.5',
      'results.6.id',
    ]);
    expect((await listHsRevisions(ctx.db)).map((r) => r.revision)).not.toContain('H1');
  });

  it('reads the format from the content, not from the extension', async () => {
    const json = await importHsFile(ctx.db, fixture('H5-comtrade.txt'));
    expect(json).toMatchObject({ revision: 'H5', format: 'comtrade-json', headings: 1, subheadings: 2 });
    const disguised = path.join(scratch, 'nomenclature.json');
    fs.copyFileSync(fixture('harmonized-system.csv'), disguised);
    const csv = await importHsFile(ctx.db, disguised, { revision: 'H4' });
    expect(csv).toMatchObject({ revision: 'H4', format: 'harmonized-system-csv', headings: 2, subheadings: 4 });
    const neither = await failure(importHsFile(ctx.db, fixture('not-a-nomenclature.csv')));
    expect(neither.code).toBe('VALIDATION_FAILED');
    expect(neither.message).toContain('section,hscode,description,parent,level');
  });

  it('asks for --revision when the name of a Comtrade file does not tell the revision', async () => {
    const error = await failure(importHsFile(ctx.db, fixture('classification.json')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('--revision');
    expect((await importHsFile(ctx.db, fixture('classification.json'), { revision: 'H0' })).headings).toBe(1);
  });

  it('refuses a missing file and a file over the size limit before reading it', async () => {
    expect((await failure(importHsFile(ctx.db, path.join(scratch, 'absent.json')))).code).toBe('NOT_FOUND');
    const huge = path.join(scratch, 'H6.json');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, maxHsFileBytes + 1);
    const error = await failure(importHsFile(ctx.db, huge));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toContain('50 MB');
  });

  it('describes sections and chapters from the built-in reference in English and Russian', async () => {
    const section = await describeHsCode(ctx.db, 'xvii');
    expect(section).toMatchObject({ code: 'XVII', level: 'section', chapter: null, section: { code: '17' } });
    expect(section.titleRu).toMatch(/^Средства наземного транспорта/);
    const chapter = await describeHsCode(ctx.db, '87');
    expect(chapter).toMatchObject({
      level: 'chapter',
      titleRu: chapter87Ru,
      chapter: { code: '87', titleRu: chapter87Ru },
      section: { roman: 'XVII' },
    });
    const bad = await failure(describeHsCode(ctx.db, '87x'));
    expect(bad.code).toBe('VALIDATION_FAILED');
  });

  it('describes headings from the loaded file, the newest revision by default, and says how to load a missing code', async () => {
    await importHsFile(ctx.db, fixture('H6.json'));
    const heading = await describeHsCode(ctx.db, '87.03');
    expect(heading).toMatchObject({
      code: '8703',
      level: 'heading',
      revision: 'H6',
      titleEn: 'Motor cars and other motor vehicles; principally designed for the transport of persons',
      chapter: { code: '87', titleRu: chapter87Ru },
      section: { roman: 'XVII' },
    });
    // Comtrade's "not specified" chapter 99 is outside the nomenclature's sections; its title comes from the file.
    expect(await describeHsCode(ctx.db, '9999')).toMatchObject({
      chapter: { code: '99', titleEn: 'Commodities not specified according to kind', titleRu: null },
      section: null,
    });
    const missing = await failure(describeHsCode(ctx.db, '870399'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toBe(
      'HS code 870399 is not in the loaded nomenclature (H6); load it with accord hs import FILE',
    );
  });

  it('takes a product code known to any loaded revision, and refuses one none of them knows', async () => {
    await importHsFile(ctx.db, fixture('H6.json'));
    await importHsFile(ctx.db, fixture('harmonized-system.csv'), { revision: 'H4' });
    expect(await describeTradedProduct(ctx.db, '87.03')).toMatchObject({
      code: '8703',
      level: 'heading',
      revision: 'H6',
      inNomenclature: true,
      titleRu: `[группа 87] ${chapter87Ru}`,
    });
    // Tyres are in the H4 file only: data of an older year keep their codes.
    expect(await describeTradedProduct(ctx.db, '4011')).toMatchObject({ revision: 'H4', inNomenclature: true });
    expect(await describeTradedProduct(ctx.db, '87')).toMatchObject({ level: 'chapter', titleRu: chapter87Ru });
    const unknown = await failure(describeTradedProduct(ctx.db, '870399'));
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toMatch(/in none of the loaded nomenclatures \(H6, .*H4/);
    expect((await failure(describeTradedProduct(ctx.db, '7701'))).code).toBe('NOT_FOUND');
    for (const bad of ['XVII', '870', '8703231910', '']) {
      expect((await failure(describeTradedProduct(ctx.db, bad))).code, bad).toBe('VALIDATION_FAILED');
    }
  });

  it('gives the titles of many codes at once, leaving unknown codes out', async () => {
    await importHsFile(ctx.db, fixture('H6.json'));
    await importHsFile(ctx.db, fixture('harmonized-system.csv'), { revision: 'H4' });
    const titles = await hsTitles(ctx.db, ['87', '8703', '870323', '870399', 'x', '87'], 'H6');
    expect([...titles.keys()].sort()).toEqual(['87', '8703', '870323']);
    expect(titles.get('87')).toEqual({
      titleEn: hsChapters.find((c) => c.code === '87')!.titleEn,
      titleRu: chapter87Ru,
    });
    expect(titles.get('8703')?.titleRu).toBeNull();
    const older = await hsTitles(ctx.db, ['4011', '8703'], 'H4');
    expect([...older.keys()]).toEqual(['4011']);
  });

  it('checks codes for an importer: format and chapter always, existence once the revision is loaded', async () => {
    await importHsFile(ctx.db, fixture('H6.json'));
    const { check: loaded, nomenclature } = await hsCodeChecker(ctx.db, 'H6');
    expect(nomenclature).toBe(true);
    expect(loaded('870323')).toBeNull();
    expect(loaded('8703')).toBeNull();
    expect(loaded('87')).toBeNull();
    expect(loaded('870399')).toBe('HS code 870399 is not in the H6 nomenclature (HS 2022)');
    expect(loaded('999999') ?? '').not.toContain('is not an HS chapter');

    const { check: unloaded, nomenclature: h1Imported } = await hsCodeChecker(ctx.db, 'H1');
    expect(h1Imported).toBe(false);
    expect(unloaded('870399')).toBeNull();
    expect(unloaded('12')).toBeNull();
    expect(unloaded('999999')).toBeNull();
    expect(unloaded('770000')).toContain('77 is not an HS chapter');
    expect(unloaded('980000')).toContain('98 is not an HS chapter');
    expect(unloaded('87032')).toContain('not 2, 4 or 6 digits');
    expect(unloaded('8703.23')).toContain('not 2, 4 or 6 digits');
    expect(unloaded('')).toContain('not 2, 4 or 6 digits');
  });

  it('finds codes by leading digits or by every word of their titles', async () => {
    await importHsFile(ctx.db, fixture('H6.json'));
    await importHsFile(ctx.db, fixture('harmonized-system.csv'), { revision: 'H4' });
    const codes = async (q: string, revision?: 'H4' | 'H6', limit?: number) =>
      (await searchHs(ctx.db, q, revision, limit)).map((h) => h.code);
    expect(await codes('8703')).toEqual(['8703', '870323']);
    expect(await codes('87')).toEqual(['87', '8701', '870191', '8703', '870323']);
    expect(await codes('8703231910')).toEqual(['870323']);
    expect(await codes('HORSES live')).toEqual(['0101', '010121', '010129']);
    expect(await codes('подвижн состав')).toEqual(['86', '87']);
    expect(await codes('tyres', 'H4')).toEqual(['4011', '401110', '401120']);
    expect(await codes('87', 'H6', 2)).toEqual(['87', '8701']);
    expect(await codes('%')).toEqual([]);
    const hit = (await searchHs(ctx.db, '870323'))[0];
    expect(hit).toMatchObject({ code: '870323', level: 'subheading', revision: 'H6', titleRu: null });
    expect((await failure(searchHs(ctx.db, '  '))).code).toBe('VALIDATION_FAILED');
  });

  it('lists the revisions loaded with their counts', async () => {
    await importHsFile(ctx.db, fixture('H5-comtrade.txt'));
    const revisions = await listHsRevisions(ctx.db);
    expect(revisions.find((r) => r.revision === 'H5')).toEqual({
      revision: 'H5',
      name: 'HS 2017',
      chapters: 0,
      headings: 1,
      subheadings: 2,
      source: 'UN Comtrade classification file H5-comtrade.txt',
    });
    const order = revisions.map((r) => r.revision);
    expect(order).toEqual([...order].sort());
  });

  it('answers the HS routes of the API', async () => {
    await importHsFile(ctx.db, fixture('H6.json'));
    const app = await buildApp({ db: ctx.db });
    try {
      const one = await app.inject({ method: 'GET', url: '/api/hs/870323' });
      expect(one.statusCode, one.body).toBe(200);
      expect(one.json()).toMatchObject({ level: 'subheading', chapter: { code: '87' }, section: { roman: 'XVII' } });
      const section = await app.inject({ method: 'GET', url: '/api/hs/XVII' });
      expect(section.json()).toMatchObject({ level: 'section', chapter: null });

      const missing = await app.inject({ method: 'GET', url: '/api/hs/870399?revision=H6' });
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
      expect((await app.inject({ method: 'GET', url: '/api/hs/8703?revision=H9' })).statusCode).toBe(422);

      const found = await app.inject({ method: 'GET', url: '/api/hs?q=horses&revision=H6' });
      expect(found.statusCode, found.body).toBe(200);
      expect(found.json().map((h: { code: string }) => h.code)).toEqual(['0101', '010121', '010129']);
      expect((await app.inject({ method: 'GET', url: '/api/hs?q=87&limit=51' })).statusCode).toBe(422);
      expect((await app.inject({ method: 'GET', url: '/api/hs' })).statusCode).toBe(422);

      const revisions = await app.inject({ method: 'GET', url: '/api/hs/revisions' });
      expect(revisions.statusCode, revisions.body).toBe(200);
      expect(revisions.json().find((r: { revision: string }) => r.revision === 'H6')).toMatchObject({ headings: 4 });
    } finally {
      await app.close();
    }
  });

  it('loads the full HS 2022 file of the datasets/harmonized-system repository', async (test) => {
    if (!fs.existsSync(realFile)) {
      const reason = `${realFile} is absent; skipping the import of the full HS 2022 file`;
      console.log(reason);
      test.skip(reason);
      return;
    }
    const result = await importHsFile(ctx.db, realFile);
    expect(result).toMatchObject({ revision: 'H6', chapters: 97, headings: 1229, subheadings: 5613, skipped: 1 });
    expect(await describeHsCode(ctx.db, '870323', 'H6')).toMatchObject({
      level: 'subheading',
      chapter: { code: '87', titleRu: chapter87Ru },
      section: { roman: 'XVII' },
    });
    const { check } = await hsCodeChecker(ctx.db, 'H6');
    expect(check('401110')).toBeNull();
    expect(check('401199')).toContain('not in the H6 nomenclature');
  });
});

/** The commands a desk officer types, on one SQLite file. */
describe('accord hs commands', () => {
  const database = path.join(scratch, 'cli.sqlite');
  // The program run in this process: the same commands, without the binary's seconds of start-up each.
  const accord = cliInProcess(database);

  it('imports a file, shows and searches codes, and lists every bad row of a broken file', async () => {
    expect((await accord('migrate')).code).toBe(0);
    const imported = await accord('hs', 'import', fixture('H6.json'));
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('Loaded H6 (HS 2022)');
    expect(imported.stdout).toContain('4 headings, 5 subheadings');

    const shown = await accord('hs', 'show', '870323');
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('section XVII');
    expect(shown.stdout).toContain(chapter87Ru);
    const json = await accord('hs', 'show', '8703', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ code: '8703', level: 'heading' });

    const found = await accord('hs', 'search', 'motor', 'cars', '--json');
    expect(JSON.parse(found.stdout).map((h: { code: string }) => h.code)).toEqual(['8703']);

    const missing = await accord('hs', 'show', '870399');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('accord hs import FILE');

    const broken = await accord('hs', 'import', fixture('broken.csv'));
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('line 4: hscode');
    expect(broken.stderr).toContain('line 10: (row)');
  });
});
