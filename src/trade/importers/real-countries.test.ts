import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { flowsOf } from '../../../test/support/trade.ts';
import { findTerritory } from '../../registry/territories/store.ts';
import { partnerRanking } from '../analytics/insights.ts';
import { pairQuery } from '../analytics/model.ts';
import { tradeSummary } from '../analytics/service.ts';
import { listDatasets } from '../datasets/service.ts';
import { importTradeFile } from './service.ts';
import { failure } from '../../../test/support/failure.ts';

/**
 * Real BACI and UN Comtrade files name trade of no country by codes without an ISO 3166 code: 490 for
 * Taiwan ("Other Asia, n.e.s."), 697 Europe EFTA n.e.s., 899 areas n.e.s., 838 free zones. Every such
 * row is imported: 490 as Taiwan, the rest as statistical territories that rankings keep apart.
 */
const real = fileURLToPath(new URL('../../../test/fixtures/trade/real/', import.meta.url));
const fixture = (name: string) => path.join(real, name);

/** The cells of a column of a fixture, as written (the fixtures quote no quotes and break no lines). */
function column(file: string, name: string): string[] {
  const split = (line: string) => [...line.matchAll(/("[^"]*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!);
  const [header, ...lines] = fs.readFileSync(fixture(file), 'utf8').trim().split('\n');
  const at = split(header!).indexOf(name);
  return lines.map((line) => split(line)[at]!);
}

/** A BACI value (thousands of USD, up to three decimals) in cents, by digits, not floats. */
function thousandsToCents(text: string): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 100_000 + Number(fraction.padEnd(5, '0'));
}

const baciTotal = column('countries-baci.csv', 'v').reduce((sum, v) => sum + thousandsToCents(v), 0);
const year2017 = { from: 201701, to: 201712 };

for (const engine of engines) {
  describe(`codes of no ISO 3166 country in real files [${engine}]`, () => {
    let database: TestDatabase;
    beforeEach(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterEach(async () => {
      await database?.drop();
    });

    async function territory(code: string) {
      const found = await findTerritory(database.db, code);
      return found && { kind: found.kind, nameEn: found.nameEn, numericCode: found.numericCode };
    }

    it('imports every BACI row: 490 as Taiwan, 697 and 899 as groupings named by the country table', async () => {
      const report = await importTradeFile(database, {
        format: 'baci',
        file: fixture('countries-baci.csv'),
        countries: fixture('countries-baci-codes.csv'),
        dataset: { name: 'baci 2017', kind: 'baci', source: 'CEPII BACI HS92' },
      });
      expect(report).toMatchObject({ imported: true, rowsImported: 7, rowsRejected: 0, rowsSkipped: 0 });
      const flows = await flowsOf(database.db, 'baci 2017');
      expect(flows.map((f) => `${f.reporter}>${f.partner}`)).toEqual([
        'BY>RU',
        'BY>TW',
        'TW>BY',
        'BY>M49-697',
        'BY>M49-899',
        'RU>BY',
        'DE>BY',
      ]);
      expect(flows.reduce((sum, f) => sum + f.valueCents, 0)).toBe(baciTotal);
      expect(baciTotal).toBe(10_076_905_000);
      expect(await territory('M49-697')).toEqual({ kind: 'grouping', nameEn: 'Europe EFTA, nes', numericCode: '697' });
      expect(await territory('M49-899')).toEqual({ kind: 'grouping', nameEn: 'Areas, nes', numericCode: '899' });
      expect(await territory('TW')).toMatchObject({ kind: 'country' });
      // No nomenclature of HS 1992 is loaded here: the codes are checked to their chapter only.
      expect(report.notes).toEqual([
        expect.objectContaining({ code: 'hs-unverified' }),
        {
          code: 'statistical-territories',
          message: expect.stringContaining('M49-697 Europe EFTA, nes; M49-899 Areas, nes') as string,
        },
      ]);
      expect(report.notes[1]!.message).toContain('2 of them new');

      // Imported again, the territories are there already: nothing is added, nothing is refused.
      const again = await importTradeFile(database, {
        format: 'baci',
        file: fixture('countries-baci.csv'),
        countries: fixture('countries-baci-codes.csv'),
        dataset: { name: 'baci 2017', kind: 'baci', source: 'CEPII BACI HS92' },
      });
      expect(again).toMatchObject({ rowsImported: 7, rowsReplaced: 7 });
      expect(again.notes[1]!.message).toContain('0 of them new');
    });

    it('names the groupings from its own list when a BACI file comes without the country table', async () => {
      const report = await importTradeFile(database, {
        format: 'baci',
        file: fixture('countries-baci.csv'),
        dataset: { name: 'baci m49', kind: 'baci', source: 'CEPII BACI HS92' },
      });
      expect(report.rowsImported).toBe(7);
      const flows = await flowsOf(database.db, 'baci m49');
      expect(flows.map((f) => f.partner)).toEqual(['RU', 'TW', 'BY', 'M49-697', 'M49-899', 'BY', 'BY']);
      expect(flows.reduce((sum, f) => sum + f.valueCents, 0)).toBe(baciTotal);
      expect(await territory('M49-697')).toEqual({
        kind: 'grouping',
        nameEn: 'Europe EFTA n.e.s.',
        numericCode: '697',
      });
      expect(await territory('M49-899')).toMatchObject({ kind: 'grouping', nameEn: 'Areas n.e.s.' });
    });

    it('imports Comtrade partners 490 and 899 instead of skipping them; only the world total is skipped', async () => {
      const report = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('countries-comtrade.csv'),
        dataset: { name: 'comtrade 2017', kind: 'comtrade', source: 'UN Comtrade' },
      });
      expect(report).toMatchObject({ imported: true, rowsImported: 6, rowsSkipped: 1 });
      const flows = await flowsOf(database.db, 'comtrade 2017');
      expect(flows.map((f) => `${f.flow} ${f.partner}`)).toEqual([
        'M RU',
        'M TW',
        'M M49-899',
        'X TW',
        'X M49-838',
        'X M49-899',
      ]);
      // The file's own world total of imports is the sum of its partners', groupings included.
      const values = column('countries-comtrade.csv', 'primaryValue');
      const partners = column('countries-comtrade.csv', 'partnerCode');
      const flowCodes = column('countries-comtrade.csv', 'flowCode');
      const worldImports = Math.round(Number(values[partners.indexOf('0')]) * 100);
      const imported = flows.filter((f) => f.flow === 'M').reduce((sum, f) => sum + f.valueCents, 0);
      expect(imported).toBe(worldImports);
      const exported = values
        .filter((_, i) => flowCodes[i] === 'X')
        .reduce((sum, v) => sum + Math.round(Number(v) * 100), 0);
      expect(flows.filter((f) => f.flow === 'X').reduce((sum, f) => sum + f.valueCents, 0)).toBe(exported);
      expect(await territory('M49-899')).toEqual({ kind: 'grouping', nameEn: 'Areas n.e.s.', numericCode: '899' });
      expect(await territory('M49-838')).toMatchObject({ kind: 'grouping', nameEn: 'Free zones' });
    });

    it('reads numeric codes of a mapped table by the same rule: 490 as Taiwan, 899 as a grouping', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-mapped-m49-'));
      try {
        const file = path.join(dir, 'customs.csv');
        fs.writeFileSync(
          file,
          'year,partner,flow,code,usd\n2017,490,2,870410,700\n2017,899,2,870410,40\n2017,643,1,720851,5\n',
        );
        const report = await importTradeFile(database, {
          format: 'mapped',
          file,
          mapping: {
            columns: { period: 'year', partner: 'partner', flow: 'flow', hsCode: 'code', value: 'usd' },
            constants: { reporter: 'BY', hsRevision: 'H5' },
          },
          dataset: { name: 'customs by M49', kind: 'national_statistics', source: 'test' },
        });
        expect(report).toMatchObject({ imported: true, rowsImported: 3 });
        const flows = await flowsOf(database.db, 'customs by M49');
        expect(flows.map((f) => `${f.partner} ${f.flow} ${f.valueCents}`).sort()).toEqual([
          'M49-899 X 4000',
          'RU M 500',
          'TW X 70000',
        ]);
        // Named from Accord's own list, as a mapped table has no country table.
        expect(await territory('M49-899')).toEqual({ kind: 'grouping', nameEn: 'Areas n.e.s.', numericCode: '899' });
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('ranks countries only: groupings follow them unranked, and count in the shares', async () => {
      await importTradeFile(database, {
        format: 'baci',
        file: fixture('countries-baci.csv'),
        countries: fixture('countries-baci-codes.csv'),
        dataset: { name: 'baci 2017', kind: 'baci', source: 'CEPII BACI HS92' },
      });
      const ranking = await partnerRanking(database.db, { home: 'BY', range: year2017, by: 'turnover' });
      // Areas n.e.s. (500 thousand USD) trade more with Belarus than Germany or Taiwan, yet take no rank.
      expect(ranking.lines.map((l) => [l.rank, l.partner, l.grouping])).toEqual([
        [1, 'RU', false],
        [2, 'DE', false],
        [3, 'TW', false],
        [null, 'M49-899', true],
        [null, 'M49-697', true],
      ]);
      const taiwan = await tradeSummary(database.db, { home: 'BY', partner: 'TW', range: year2017 });
      expect(taiwan).toMatchObject({ rank: 3, partners: 3, grouping: false });
      expect(taiwan.current.turnoverCents).toBe(thousandsToCents('85.125') + thousandsToCents('240.5'));
      const areas = await tradeSummary(database.db, { home: 'BY', partner: 'M49-899', range: year2017 });
      expect(areas).toMatchObject({ rank: null, partners: 3, grouping: true });
      expect(areas.sharePercent).toBeCloseTo((thousandsToCents('500') / baciTotal) * 100, 9);
      // The API and CLI take the code as they take ISO codes; a near miss is still refused.
      expect(pairQuery.safeParse({ home: 'BY', partner: 'M49-899', period: '2017' }).success).toBe(true);
      expect(pairQuery.safeParse({ home: 'BY', partner: 'M49-89', period: '2017' }).success).toBe(false);
    });

    it('refuses a BACI country table with broken rows, naming each line, and imports nothing', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'baci',
          file: fixture('countries-baci.csv'),
          countries: fixture('countries-baci-codes-broken.csv'),
          dataset: { name: 'baci broken table', kind: 'baci', source: 'CEPII BACI HS92' },
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(
        /countries-baci-codes-broken\.csv is not a whole BACI country table: lines 4, 7 do/,
      );
      expect(error.problems.map((p) => [p.line, p.message])).toEqual([
        [4, 'expected 4 fields as in the header, found 5'],
        [7, 'expected 4 fields as in the header, found 5'],
      ]);
      expect((await listDatasets(database.db)).map((d) => d.name)).not.toContain('baci broken table');
      expect(await territory('M49-899')).toBeUndefined();
    });

    it('adds no grouping when the import is refused for other rows', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-countries-'));
      const file = path.join(dir, 'countries-baci-bad.csv');
      fs.writeFileSync(file, 't,i,j,k,v,q\n2017,112,697,300490,12.75,NA\n2017,112,643,870410,-1,NA\n');
      try {
        const error = await failure(
          importTradeFile(database, {
            format: 'baci',
            file,
            dataset: { name: 'baci refused', kind: 'baci', source: 'CEPII BACI HS92' },
          }),
        );
        expect(error.code).toBe('IMPORT_ROW_INVALID');
        expect(error.details.notes).toEqual([
          expect.objectContaining({ code: 'hs-unverified' }),
          { code: 'statistical-territories', message: expect.stringContaining('M49-697') as string },
        ]);
        expect(await territory('M49-697')).toBeUndefined();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
