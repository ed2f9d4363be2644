import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { flowsOf } from '../../../test/support/trade.ts';
import { AccordError } from '../../core/errors.ts';
import { getDataset } from '../datasets/service.ts';
import { importHsFile } from '../hs/service.ts';
import type { ImportNote } from '../model.ts';
import { importTradeFile, type ImportRequest } from './service.ts';
import { failure } from '../../../test/support/failure.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/trade/real/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-real-hs-codes-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function dataset(name: string, kind: ImportRequest['dataset']['kind']) {
  return { name, kind, source: 'hand-written file in the real layout' };
}

/** A regional customs table: Russian headers, semicolons, HS 2017. */
const mapping = {
  headerRow: 1,
  columns: {
    period: 'Период',
    partner: 'Страна',
    flow: 'Направление',
    hsCode: 'Код ТН ВЭД',
    value: 'Стоимость, тыс. долл. США',
  },
  constants: { reporter: 'RU-KRS', hsRevision: 'H5' },
  valueScale: 1000,
};

/** Line and column of every rejected cell, in file order. */
function where(error: AccordError): string[] {
  return error.problems.map((p) => `${p.line} ${p.column}`);
}

function unverified(notes: unknown): string[] {
  return (notes as ImportNote[]).filter((n) => n.code === 'hs-unverified').map((n) => n.message);
}

/** The plain BACI fixture with more lines, written beside the others. */
function baciPlainWith(name: string, extra: string[], drop = ''): string {
  const lines = fs
    .readFileSync(fixture('hs-codes-baci-plain.csv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && (drop === '' || !line.includes(drop)));
  const file = path.join(scratch, name);
  fs.writeFileSync(file, [...lines, ...extra, ''].join('\n'));
  return file;
}

for (const engine of engines) {
  describe(`HS codes of real files, no nomenclature imported [${engine}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    it('refuses a Comtrade code with a line break or a tab inside, at its line and column', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'comtrade',
          file: fixture('hs-codes-comtrade-line-break.csv'),
          dataset: dataset('comtrade line break', 'comtrade'),
        }),
      );
      expect(error.code).toBe('IMPORT_ROW_INVALID');
      // The quoted "0101\n21" spans lines 3 and 4; the next row starts on line 5.
      expect(where(error)).toEqual(['3 cmdCode', '5 cmdCode']);
      expect(error.problems.map((p) => p.message)).toEqual([
        'an HS code cannot hold a line break or other control character (value: "0101\\n21")',
        'an HS code cannot hold a line break or other control character (value: "0402\\t10")',
      ]);
      expect(error.details.rowsRejected).toBe(2);
    });

    it('imports Comtrade codes checked only to their chapter, noting the rows of each revision', async () => {
      const report = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('hs-codes-comtrade.csv'),
        dataset: dataset('comtrade unverified', 'comtrade'),
      });
      expect(report).toMatchObject({ imported: true, rowsImported: 5, rowsRejected: 0 });
      const notes = unverified(report.notes);
      expect(notes).toHaveLength(2);
      // Oldest revision first.
      expect(notes[0]).toMatch(
        /^2 rows of HS 2012 \(H4\) were checked only to the chapter \(2 codes: 040210, 870410\)/,
      );
      expect(notes[0]).toContain('accord hs import FILE --revision H4');
      expect(notes[1]).toMatch(
        /^3 rows of HS 2017 \(H5\) were checked only to the chapter \(3 codes: 010121, 870410, 999999\)/,
      );
      expect(notes[1]).toContain('accord hs import FILE --revision H5');
      const flows = await flowsOf(database.db, 'comtrade unverified');
      expect(flows.map((f) => `${f.hsRevision} ${f.hsCode}`)).toEqual([
        'H5 870410',
        'H5 010121',
        'H5 999999',
        'H4 040210',
        'H4 870410',
      ]);
    });

    it('refuses a chapter, a heading or a line break in the k column of BACI, at its line', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'baci',
          file: fixture('hs-codes-baci.csv'),
          hsRevision: 'H5',
          dataset: dataset('baci short codes', 'baci'),
        }),
      );
      expect(where(error)).toEqual(['4 k', '6 k', '7 k']);
      expect(error.problems.map((p) => p.message)).toEqual([
        expect.stringContaining('cannot hold a line break'),
        'expected a six-digit HS subheading, not a chapter (87) (value: 87)',
        'expected a six-digit HS subheading, not a heading (8704) (value: 8704)',
      ]);
    });

    it('refuses short BACI codes after plain lines, at their lines', async () => {
      const file = baciPlainWith('short-codes.csv', ['2019,643,112,87,1500.000,NA', '2019,643,112,8704,900.000,NA']);
      const full = await failure(
        importTradeFile(database, { format: 'baci', file, hsRevision: 'H5', dataset: dataset('baci short', 'baci') }),
      );
      expect(full.details.rowsRejected).toBe(2);
      expect(full.problems.map((p) => `${p.line} ${p.column} ${p.message}`)).toEqual([
        '10 k expected a six-digit HS subheading, not a chapter (87) (value: 87)',
        '11 k expected a six-digit HS subheading, not a heading (8704) (value: 8704)',
      ]);
    });

    it('counts every BACI row of an unimported revision as checked only to its chapter', async () => {
      const full = await importTradeFile(database, {
        format: 'baci',
        file: fixture('hs-codes-baci-plain.csv'),
        hsRevision: 'H5',
        dataset: dataset('baci plain', 'baci'),
      });
      expect(full).toMatchObject({ imported: true, rowsImported: 8 });
      const expected = [
        expect.stringMatching(
          /^8 rows of HS 2017 \(H5\) were checked only to the chapter \(5 codes: 010121, 040210, 870410, 870421, 999999\)/,
        ),
      ];
      expect(unverified(full.notes)).toEqual(expected);
      expect((await getDataset(database.db, full.datasetId!)).rowCount).toBe(8);
    });

    it('refuses a line break or a carriage return inside a mapped code, naming the header', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: fixture('hs-codes-mapped-line-break.csv'),
          mapping,
          dataset: dataset('mapped line break', 'official_customs'),
        }),
      );
      expect(where(error)).toEqual(['3 Код ТН ВЭД', '5 Код ТН ВЭД']);
      expect(error.problems.map((p) => p.message.replace(/.*\(value: (.*)\)$/, '$1'))).toEqual([
        '"0101\\n21"',
        '"0402\\r10"',
      ]);
    });

    it('imports mapped codes with spaces between digit groups, a chapter verified whole', async () => {
      const report = await importTradeFile(database, {
        format: 'mapped',
        file: fixture('hs-codes-mapped.csv'),
        mapping,
        dataset: dataset('mapped unverified', 'official_customs'),
      });
      expect(report).toMatchObject({ imported: true, rowsImported: 4 });
      // Chapter 87 is checked whole against the built-in chapters; the other three only to theirs.
      expect(unverified(report.notes)).toEqual([
        expect.stringMatching(
          /^3 rows of HS 2017 \(H5\) were checked only to the chapter \(3 codes: 010121, 870410, 999999\)/,
        ),
      ]);
      const codes = (await flowsOf(database.db, 'mapped unverified')).map((f) => f.hsCode);
      expect(codes).toEqual(['870410', '999999', '87', '010121']);
    });
  });

  describe(`HS codes of real files, HS 2017 imported [${engine}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await importHsFile(database.db, fixture('hs-codes-H5.json'), { revision: 'H5' });
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    it('refuses a Comtrade code the nomenclature lacks, and notes only the revision not imported', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'comtrade',
          file: fixture('hs-codes-comtrade.csv'),
          dataset: dataset('comtrade checked', 'comtrade'),
        }),
      );
      expect(error.problems).toEqual([
        {
          path: 'cmdCode',
          line: 4,
          column: 'cmdCode',
          message: 'HS code 999999 is not in the H5 nomenclature (HS 2017) (value: 999999)',
        },
      ]);
      expect(unverified(error.details.notes)).toEqual([expect.stringMatching(/^2 rows of HS 2012 \(H4\)/)]);
    });

    it('refuses BACI codes the nomenclature lacks', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'baci',
          file: fixture('hs-codes-baci.csv'),
          hsRevision: 'H5',
          dataset: dataset('baci checked', 'baci'),
        }),
      );
      expect(where(error)).toEqual(['4 k', '6 k', '7 k', '8 k']);
      expect(error.problems[3]!.message).toContain('999999 is not in the H5 nomenclature');

      const plain = await failure(
        importTradeFile(database, {
          format: 'baci',
          file: fixture('hs-codes-baci-plain.csv'),
          hsRevision: 'H5',
          dataset: dataset('baci plain checked', 'baci'),
        }),
      );
      expect(plain.problems.map((p) => `${p.line} ${p.column} ${p.message}`)).toEqual([
        '7 k HS code 999999 is not in the H5 nomenclature (HS 2017) (value: 999999)',
      ]);
      expect(unverified(plain.details.notes)).toEqual([]);
    });

    it('imports a file whose codes the nomenclature holds without any unverified note', async () => {
      const file = baciPlainWith('known-codes.csv', [], '999999');
      const full = await importTradeFile(database, {
        format: 'baci',
        file,
        hsRevision: 'H5',
        dataset: dataset('baci known', 'baci'),
      });
      expect(full).toMatchObject({ imported: true, rowsImported: 7, notes: [] });
    });

    it('refuses a mapped code the nomenclature lacks', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: fixture('hs-codes-mapped.csv'),
          mapping,
          dataset: dataset('mapped checked', 'official_customs'),
        }),
      );
      expect(where(error)).toEqual(['3 Код ТН ВЭД']);
      expect(unverified(error.details.notes)).toEqual([]);
    });
  });
}
