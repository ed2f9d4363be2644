import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import SQLite from 'better-sqlite3';
import ExcelJS from 'exceljs';
import countries from 'i18n-iso-countries';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { flowsOf, pairPeriodsOf } from '../../../test/support/trade.ts';
import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { deleteDataset, getDataset, listDatasets } from '../datasets/service.ts';
import { tradeStoreFile } from '../facts/duckdb.ts';
import { releaseTradeFacts, tradeFacts } from '../facts/index.ts';
import { importTradeFile, type ImportRequest } from './service.ts';
import { failure } from '../../../test/support/failure.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/trade/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-trade-import-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function dataset(name: string, kind: ImportRequest['dataset']['kind'] = 'comtrade') {
  return { name, kind, source: 'test fixture' };
}

async function tableCounts(db: Db) {
  const count = async (table: 'tradeImports' | 'tradeDatasets') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const datasets = await db.selectFrom('tradeDatasets').select('name').execute();
  let facts = 0;
  for (const { name } of datasets) facts += (await flowsOf(db, name)).length;
  return { facts, imports: await count('tradeImports'), datasets: await count('tradeDatasets') };
}

/** Line and column of every rejected cell, in file order. */
function where(error: AccordError): string[] {
  return error.problems.map((p) => `${p.line} ${p.column}`);
}

const kurskMapping = parseYaml(fs.readFileSync(fixture('kursk-mapping.yaml'), 'utf8')) as Record<string, unknown>;

for (const engine of engines) {
  describe(`trade importers [${engine}]`, () => {
    let database: TestDatabase;
    const db = () => database.db;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    it('imports a UN Comtrade file, skipping totals, re-exports and breakdowns, with exact cents and sums by month', async () => {
      const report = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('comtrade-belarus.csv'),
        dataset: dataset('comtrade happy'),
      });
      expect(report).toMatchObject({
        imported: true,
        rowsImported: 6,
        rowsSkipped: 6,
        rowsRejected: 0,
        rowsReplaced: 0,
      });
      expect(report).toMatchObject({ periodFrom: 201700, periodTo: 201703 });
      const flows = await flowsOf(db(), 'comtrade happy');
      expect(flows).toEqual([
        {
          sourceLine: 2,
          period: 201700,
          reporter: 'BY',
          partner: 'RU',
          flow: 'X',
          hsCode: '870410',
          hsRevision: 'H5',
          valueCents: 9_630_000_000,
          quantity: 120,
          unit: 'u',
        },
        {
          sourceLine: 3,
          period: 201700,
          reporter: 'BY',
          partner: 'RU',
          flow: 'X',
          hsCode: '0402',
          hsRevision: 'H5',
          valueCents: 123_456,
          quantity: 800.5,
          unit: 'kg',
        },
        {
          sourceLine: 4,
          period: 201700,
          reporter: 'BY',
          partner: 'RU',
          flow: 'M',
          hsCode: '271019',
          hsRevision: 'H5',
          valueCents: 500_000_050,
          quantity: 4_000_000,
          unit: 'kg',
        },
        {
          sourceLine: 11,
          period: 201700,
          reporter: 'BY',
          partner: 'DE',
          flow: 'X',
          hsCode: '840734',
          hsRevision: 'H5',
          valueCents: 4_500_010,
          quantity: null,
          unit: null,
        },
        // No partnerISO: the M49 code 251 (France with Monaco) is read as FR.
        {
          sourceLine: 12,
          period: 201700,
          reporter: 'BY',
          partner: 'FR',
          flow: 'M',
          hsCode: '300490',
          hsRevision: 'H5',
          valueCents: 7_770,
          quantity: 12,
          unit: 'kg',
        },
        {
          sourceLine: 13,
          period: 201703,
          reporter: 'BY',
          partner: 'RU',
          flow: 'X',
          hsCode: '870410',
          hsRevision: 'H5',
          valueCents: 810_000_000,
          quantity: 10,
          unit: 'u',
        },
      ]);
      expect(await pairPeriodsOf(db(), 'comtrade happy')).toEqual([
        { reporter: 'BY', partner: 'DE', period: 201700, flow: 'X', valueCents: 4_500_010, flowRows: 1 },
        { reporter: 'BY', partner: 'FR', period: 201700, flow: 'M', valueCents: 7_770, flowRows: 1 },
        { reporter: 'BY', partner: 'RU', period: 201700, flow: 'M', valueCents: 500_000_050, flowRows: 1 },
        { reporter: 'BY', partner: 'RU', period: 201700, flow: 'X', valueCents: 9_630_123_456, flowRows: 2 },
        { reporter: 'BY', partner: 'RU', period: 201703, flow: 'X', valueCents: 810_000_000, flowRows: 1 },
      ]);
    });

    it('rejects every bad Comtrade row with its line and column, writes them to the error file and imports nothing', async () => {
      const before = await tableCounts(db());
      const errorFile = path.join(scratch, `comtrade-${engine}.errors.csv`);
      const error = await failure(
        importTradeFile(database, {
          format: 'comtrade',
          file: fixture('comtrade-bad.csv'),
          dataset: dataset('comtrade bad'),
          errorFile,
        }),
      );
      expect(error.code).toBe('IMPORT_ROW_INVALID');
      expect(where(error)).toEqual([
        '2 reporterISO',
        '3 period',
        '4 cmdCode',
        '5 primaryValue',
        '6 primaryValue',
        '7 flowCode',
        '8 (row)',
        '9 classificationCode',
        '12 cmdCode',
        // Codes met again are reported again: the shape check (line 4) and the nomenclature's (line 12).
        '13 cmdCode',
        '14 cmdCode',
      ]);
      expect(error.details).toMatchObject({ rowsRejected: 11, errorFile });
      expect(error.message).toMatch(/^11 rows of .*comtrade-bad\.csv were rejected, so nothing was imported/);
      expect(error.problems[4]!.message).toContain('negative');
      const written = fs.readFileSync(errorFile, 'utf8').trim().split('\n');
      expect(written[0]).toBe('line,column,value,reason');
      expect(written).toHaveLength(12);
      expect(written[1]).toMatch(/^2,reporterISO,XYZ,not an ISO 3166 country code/);
      expect(await tableCounts(db())).toEqual(before);
    });

    it('names every missing Comtrade column before reading rows', async () => {
      const file = path.join(scratch, 'comtrade-columns.csv');
      fs.writeFileSync(file, 'period,reporterISO,flowCode,cmdCode\n2017,BLR,X,8704\n');
      const error = await failure(
        importTradeFile(database, { format: 'comtrade', file, dataset: dataset('comtrade columns') }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toContain('classificationCode, primaryValue, partnerISO or partnerCode');
      expect((await listDatasets(db())).map((d) => d.name)).not.toContain('comtrade columns');
    });

    it('imports BACI with its country table: thousands of dollars to cents, zeros restored, tons', async () => {
      const stages: string[] = [];
      const report = await importTradeFile(database, {
        format: 'baci',
        file: fixture('baci-hs92-2017.csv'),
        countries: fixture('country_codes_V202401.csv'),
        dataset: dataset('baci happy', 'baci'),
        onProgress: (progress) => stages.push(`${progress.stage} ${progress.rowsRead}`),
      });
      expect(report).toMatchObject({ rowsImported: 6, rowsSkipped: 0 });
      // The file is read, then its last rows are written and earlier slices replaced: a progress display can say which.
      expect(stages.at(-2)).toBe('reading 6');
      expect(stages.at(-1)).toBe('finishing 6');
      expect(stages.filter((s) => s.startsWith('finishing'))).toHaveLength(1);
      const flows = await flowsOf(db(), 'baci happy');
      expect(
        flows.map((f) => [f.reporter, f.partner, f.flow, f.hsCode, f.hsRevision, f.valueCents, f.quantity, f.unit]),
      ).toEqual([
        ['BY', 'RU', 'X', '870410', 'H0', 9_630_000_000, 1234.5, 't'],
        ['BY', 'RU', 'X', '010121', 'H0', 1_234_500, null, null],
        ['RU', 'BY', 'X', '271019', 'H0', 500_050_000, 7800, 't'],
        ['FR', 'BY', 'X', '840734', 'H0', 150_000, 0.3, 't'],
        ['US', 'BY', 'X', '300490', 'H0', 25_000_000, null, null],
        ['BY', 'DE', 'X', '870410', 'H0', 100, null, null],
      ]);
      expect(flows.every((f) => f.period === 201700)).toBe(true);
      const sums = await pairPeriodsOf(db(), 'baci happy');
      expect(sums.find((r) => r.reporter === 'BY' && r.partner === 'RU')).toMatchObject({
        valueCents: 9_631_234_500,
        flowRows: 2,
      });
      expect(sums).toHaveLength(5);
    });

    it('reads BACI country codes as UN M49 without the table, and takes the revision given', async () => {
      const report = await importTradeFile(database, {
        format: 'baci',
        file: fixture('baci-hs92-2017.csv'),
        hsRevision: 'H5',
        dataset: dataset('baci m49', 'baci'),
      });
      expect(report.rowsImported).toBe(6);
      const flows = await flowsOf(db(), 'baci m49');
      expect(flows.map((f) => `${f.reporter}>${f.partner}`)).toEqual([
        'BY>RU',
        'BY>RU',
        'RU>BY',
        'FR>BY',
        'US>BY',
        'BY>DE',
      ]);
      expect(new Set(flows.map((f) => f.hsRevision))).toEqual(new Set(['H5']));
    });

    it('rejects every bad BACI row with its line and column and imports nothing', async () => {
      const before = await tableCounts(db());
      const error = await failure(
        importTradeFile(database, {
          format: 'baci',
          file: fixture('baci-bad.csv'),
          countries: fixture('country_codes_V202401.csv'),
          dataset: dataset('baci bad', 'baci'),
          errorFile: path.join(scratch, 'no such folder', 'baci.errors.csv'),
        }),
      );
      // A bad code met again (line 10) is reported again, not only where it first appeared.
      expect(where(error)).toEqual(['2 i', '3 t', '4 k', '5 v', '6 v', '7 (row)', '10 i', '10 k']);
      expect(error.details.errorFile).toBeNull();
      expect(error.details.errorFileProblem).toMatch(/^cannot write .*baci\.errors\.csv: ENOENT/);
      expect(error.problems[0]!.message).toContain('not in the BACI country table');
      expect(await tableCounts(db())).toEqual(before);
    });

    it('imports a customs table with Russian headers through a YAML mapping', async () => {
      const report = await importTradeFile(database, {
        format: 'mapped',
        file: fixture('kursk-customs.csv'),
        mapping: fixture('kursk-mapping.yaml'),
        dataset: dataset('kursk customs', 'official_customs'),
      });
      expect(report).toMatchObject({ rowsImported: 5, rowsSkipped: 1 });
      expect(await flowsOf(db(), 'kursk customs')).toEqual([
        {
          sourceLine: 4,
          period: 201701,
          reporter: 'RU-KRS',
          partner: 'BY',
          flow: 'X',
          hsCode: '870410',
          hsRevision: 'H5',
          valueCents: 123_450_000,
          quantity: 12.5,
          unit: 't',
        },
        {
          sourceLine: 5,
          period: 201701,
          reporter: 'RU-KRS',
          partner: 'BY',
          flow: 'M',
          hsCode: '0402',
          hsRevision: 'H5',
          valueCents: 1_525_000,
          quantity: 3,
          unit: 't',
        },
        {
          sourceLine: 6,
          period: 201702,
          reporter: 'RU-KRS',
          partner: 'BY-MI',
          flow: 'X',
          hsCode: '870410',
          hsRevision: 'H5',
          valueCents: 10_000_000,
          quantity: null,
          unit: null,
        },
        {
          sourceLine: 7,
          period: 201703,
          reporter: 'RU-KRS',
          partner: 'KZ',
          flow: 'M',
          hsCode: '271019',
          hsRevision: 'H5',
          valueCents: 200_000_000,
          quantity: null,
          unit: null,
        },
        {
          sourceLine: 8,
          period: 201700,
          reporter: 'RU-KRS',
          partner: 'BY',
          flow: 'X',
          hsCode: '84',
          hsRevision: 'H5',
          valueCents: 1_050_000,
          quantity: null,
          unit: null,
        },
      ]);
      expect(await pairPeriodsOf(db(), 'kursk customs')).toHaveLength(5);
    });

    it('rejects every bad cell of a mapped table with its header name and imports nothing', async () => {
      const before = await tableCounts(db());
      const error = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: fixture('kursk-customs-bad.csv'),
          mapping: { ...kurskMapping, headerRow: 1 },
          dataset: dataset('kursk bad', 'official_customs'),
        }),
      );
      expect(where(error)).toEqual([
        '2 Страна',
        '3 Период',
        '4 Код ТН ВЭД',
        '5 Стоимость, тыс. долл. США',
        '6 Стоимость, тыс. долл. США',
        '7 Направление',
        '8 (row)',
        '9 Период',
        '9 Страна',
        '9 Направление',
        '9 Стоимость, тыс. долл. США',
        '9 Вес нетто, т',
      ]);
      expect(error.details).toMatchObject({ rowsRejected: 8 });
      expect(error.problems[5]!.message).toMatch(/unknown flow: expected .*экспорт.* for exports/);
      expect(await tableCounts(db())).toEqual(before);
    });

    it('refuses a file that starts as gzip or as a workbook but is not a whole one, as the file’s fault', async () => {
      const gzip = path.join(scratch, 'broken.csv.gz');
      fs.writeFileSync(gzip, Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from(' not really gzip')]));
      const unpacked = await failure(
        importTradeFile(database, { format: 'comtrade', file: gzip, dataset: dataset('broken gzip') }),
      );
      expect(unpacked.code).toBe('VALIDATION_FAILED');
      expect(unpacked.message).toContain('broken.csv.gz starts as a gzip file but cannot be unpacked');
      const workbook = path.join(scratch, 'broken.xlsx');
      fs.writeFileSync(
        workbook,
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(' not really a workbook')]),
      );
      const unread = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: workbook,
          mapping: kurskMapping,
          dataset: dataset('broken workbook', 'official_customs'),
        }),
      );
      expect(unread.code).toBe('VALIDATION_FAILED');
      expect(unread.message).toContain('the file starts as an XLSX workbook but cannot be read');
    });

    it('refuses a mapping naming headers the file does not have, before reading any row', async () => {
      const error = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: fixture('kursk-customs.csv'),
          mapping: fixture('kursk-mapping-bad.yaml'),
          dataset: dataset('kursk mapping', 'official_customs'),
        }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.problems.map((p) => p.path)).toEqual(['mapping.columns.partner', 'mapping.columns.value']);
      expect(error.message).toContain('the file has no column "Страна назначения"');
      const invalid = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: fixture('kursk-customs.csv'),
          mapping: {
            columns: { period: 'Период', partner: 'Страна', hsCode: 'Код ТН ВЭД', value: 'x' },
            valueScale: 7,
          },
          dataset: dataset('kursk mapping', 'official_customs'),
        }),
      );
      expect(invalid.problems.map((p) => p.path).sort()).toEqual([
        'mapping.constants.flow',
        'mapping.constants.reporter',
        'mapping.valueScale',
      ]);
    });

    it('streams a sheet of an XLSX workbook: dates, numbers that lost their zeros, formulas', async () => {
      const file = path.join(scratch, `kursk-${engine}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet('Титул').addRow(['Таможенная статистика Курской области']);
      const sheet = workbook.addWorksheet('Данные');
      sheet.addRow(['Курская область: экспорт и импорт']);
      sheet.addRow(['Период', 'Страна', 'Направление', 'Код ТН ВЭД', 'Стоимость, долл. США', 'Количество', 'Ед. изм.']);
      sheet.addRow([new Date(Date.UTC(2017, 0, 1)), 'BY', 'экспорт', 870410, 96_300_000, 120, 'шт']);
      sheet.addRow([201702, 'by-mi', 'импорт', 10121, { formula: '1000+234.56', result: 1234.56 }, null, null]);
      await workbook.xlsx.writeFile(file);
      const mapping = {
        sheet: 'Данные',
        headerRow: 2,
        columns: {
          period: 'Период',
          partner: 'Страна',
          flow: 'Направление',
          hsCode: 'Код ТН ВЭД',
          value: 'Стоимость, долл. США',
          quantity: 'Количество',
          unit: 'Ед. изм.',
        },
        constants: { reporter: 'RU-KRS', hsRevision: 'H5' },
      };
      const report = await importTradeFile(database, {
        format: 'mapped',
        file,
        mapping,
        dataset: dataset('kursk xlsx', 'official_customs'),
      });
      expect(report.rowsImported).toBe(2);
      expect(await flowsOf(db(), 'kursk xlsx')).toEqual([
        {
          sourceLine: 3,
          period: 201701,
          reporter: 'RU-KRS',
          partner: 'BY',
          flow: 'X',
          hsCode: '870410',
          hsRevision: 'H5',
          valueCents: 9_630_000_000,
          quantity: 120,
          unit: 'шт',
        },
        {
          sourceLine: 4,
          period: 201702,
          reporter: 'RU-KRS',
          partner: 'BY-MI',
          flow: 'M',
          hsCode: '010121',
          hsRevision: 'H5',
          valueCents: 123_456,
          quantity: null,
          unit: null,
        },
      ]);

      sheet.addRow(['2017-05', 'ZZ', 'экспорт', 8704, 'много', 1, 'шт']);
      await workbook.xlsx.writeFile(file);
      const error = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file,
          mapping: { ...mapping, sheet: 2 },
          dataset: dataset('kursk xlsx', 'official_customs'),
        }),
      );
      expect(where(error)).toEqual(['5 Страна', '5 Стоимость, долл. США']);
      expect(await flowsOf(db(), 'kursk xlsx')).toHaveLength(2);

      const missingSheet = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file,
          mapping: { ...mapping, sheet: 'Экспорт' },
          dataset: dataset('kursk xlsx', 'official_customs'),
        }),
      );
      expect(missingSheet.message).toContain('no sheet "Экспорт" (its sheets: Титул, Данные)');
    });

    it('re-importing the same file leaves the same rows; a changed file replaces its reporters’ slices', async () => {
      const first = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('comtrade-belarus.csv'),
        dataset: dataset('comtrade twice'),
      });
      const sums = await pairPeriodsOf(db(), 'comtrade twice');
      const second = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('comtrade-belarus.csv'),
        dataset: dataset('comtrade twice'),
      });
      expect(second).toMatchObject({ rowsImported: 6, rowsReplaced: 6, fileHash: first.fileHash });
      expect(await flowsOf(db(), 'comtrade twice')).toHaveLength(6);
      expect(await pairPeriodsOf(db(), 'comtrade twice')).toEqual(sums);

      await importTradeFile(database, {
        format: 'baci',
        file: fixture('baci-hs92-2017.csv'),
        dataset: dataset('baci revised', 'baci'),
      });
      const revised = path.join(scratch, 'baci-revised.csv');
      fs.writeFileSync(revised, 't,i,j,k,v,q\n2017,112,643,870410,99000.5,1300\n2017,112,804,870410,10,NA\n');
      const replaced = await importTradeFile(database, {
        format: 'baci',
        file: revised,
        dataset: dataset('baci revised', 'baci'),
      });
      expect(replaced).toMatchObject({ rowsImported: 2, rowsReplaced: 3 });
      const flows = await flowsOf(db(), 'baci revised');
      expect(flows.filter((f) => f.reporter === 'BY').map((f) => [f.partner, f.valueCents])).toEqual([
        ['RU', 9_900_050_000],
        ['UA', 1_000_000],
      ]);
      expect(flows.filter((f) => f.reporter !== 'BY')).toHaveLength(3);
      const byRussia = (await pairPeriodsOf(db(), 'baci revised')).filter((r) => r.reporter === 'BY');
      expect(byRussia).toEqual([
        { reporter: 'BY', partner: 'RU', period: 201700, flow: 'X', valueCents: 9_900_050_000, flowRows: 1 },
        { reporter: 'BY', partner: 'UA', period: 201700, flow: 'X', valueCents: 1_000_000, flowRows: 1 },
      ]);
      const detail = (await listDatasets(db())).find((d) => d.name === 'baci revised')!;
      expect(detail.rowCount).toBe(5);
    });

    it('keeps a reporter’s exports when a file of its imports for the same period comes in', async () => {
      const lines = fs.readFileSync(fixture('comtrade-belarus.csv'), 'utf8').trim().split('\n');
      const exports = path.join(scratch, `exports-${engine}.csv`);
      const imports = path.join(scratch, `imports-${engine}.csv`);
      fs.writeFileSync(exports, [lines[0], ...lines.slice(1).filter((l) => l.includes(',X,Export,'))].join('\n'));
      fs.writeFileSync(imports, [lines[0], ...lines.slice(1).filter((l) => l.includes(',M,Import,'))].join('\n'));
      await importTradeFile(database, { format: 'comtrade', file: exports, dataset: dataset('comtrade by flow') });
      const second = await importTradeFile(database, {
        format: 'comtrade',
        file: imports,
        dataset: dataset('comtrade by flow'),
      });
      expect(second.rowsReplaced).toBe(0);
      const flows = await flowsOf(db(), 'comtrade by flow');
      expect(flows.filter((f) => f.flow === 'X')).toHaveLength(4);
      expect(flows.filter((f) => f.flow === 'M')).toHaveLength(2);
    });

    it('lists datasets with their periods and imports, and deletes one with its flows', async () => {
      await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('comtrade-belarus.csv'),
        dataset: { name: 'comtrade to delete', kind: 'comtrade', source: 'UN Comtrade', notes: 'test' },
      });
      const listed = (await listDatasets(db())).find((d) => d.name === 'comtrade to delete')!;
      expect(listed).toMatchObject({
        kind: 'comtrade',
        source: 'UN Comtrade',
        rowCount: 6,
        periodFrom: 201700,
        periodTo: 201703,
      });
      const detail = await getDataset(db(), listed.id);
      expect(detail.imports).toHaveLength(1);
      expect(detail.imports[0]).toMatchObject({
        format: 'comtrade',
        fileName: 'comtrade-belarus.csv',
        rowsImported: 6,
      });

      const stale = await failure(deleteDataset(db(), listed.id, listed.version + 1));
      expect(stale.code).toBe('STALE_VERSION');
      const { seq } = await db()
        .selectFrom('tradeDatasets')
        .select('seq')
        .where('id', '=', listed.id)
        .executeTakeFirstOrThrow();
      await deleteDataset(db(), listed.id, listed.version);
      expect(await flowsOf(db(), 'comtrade to delete')).toHaveLength(0);
      const orphans: unknown[] = [];
      for await (const page of (await tradeFacts(db())).readFacts(Number(seq))) orphans.push(...page);
      expect(orphans).toHaveLength(0);
      expect((await failure(getDataset(db(), listed.id))).code).toBe('NOT_FOUND');
    });

    if (engine === 'sqlite') {
      it('leaves the database as it was when the importing process is killed midway', async () => {
        const target = database.target;
        if (target.dialect !== 'sqlite') throw new Error('expected SQLite');
        await importTradeFile(database, {
          format: 'baci',
          file: fixture('baci-hs92-2017.csv'),
          dataset: dataset('before the kill', 'baci'),
        });
        const before = await tableCounts(db());

        const codes = Object.keys(countries.getNumericCodes()).slice(0, 60);
        const products = Array.from({ length: 84 }, (_, i) => String(840_100 + i * 7));
        const data = path.join(scratch, 'baci-large.csv');
        const out = fs.createWriteStream(data);
        out.write('t,i,j,k,v,q\n');
        let written = 0;
        for (const i of codes) {
          for (const j of codes) {
            const lines = products.map((k, n) => `2017,${i},${j},${k},${n + 1}.25,${n}`);
            written += lines.length;
            out.write(`${lines.join('\n')}\n`);
          }
        }
        await new Promise((resolve) => out.end(resolve));
        expect(written).toBeGreaterThanOrEqual(300_000);

        // The child must be able to open the trade store, which one process holds at a time.
        await releaseTradeFacts(db());
        const script = fixture('import-child.ts');
        const child = spawn(process.execPath, ['--import', 'tsx', script, target.file, data], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        let pending = '';
        let rowsAtKill = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          pending += chunk.toString();
          const lines = pending.split('\n');
          pending = lines.pop()!;
          for (const line of lines) {
            if (rowsAtKill > 0 || line === 'done') continue;
            const progress = JSON.parse(line) as { rowsRead: number };
            if (progress.rowsRead >= 30_000) {
              rowsAtKill = progress.rowsRead;
              child.kill('SIGKILL');
            }
          }
        });
        const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
          child.on('exit', (code, signal) => resolve({ code, signal })),
        );
        expect(exit, stderr).toEqual({ code: null, signal: 'SIGKILL' });
        expect(rowsAtKill).toBeLessThan(written);

        const reopened = new SQLite(target.file);
        try {
          expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
          const count = (table: string) =>
            (reopened.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
          expect({ imports: count('trade_imports'), datasets: count('trade_datasets') }).toEqual({
            imports: before.imports,
            datasets: before.datasets,
          });
          expect(reopened.prepare("select 1 from trade_datasets where name = 'interrupted'").get()).toBeUndefined();
        } finally {
          reopened.close();
        }
        // Opening the store again drops the facts the killed import had staged.
        expect(await tableCounts(db())).toEqual(before);
        await releaseTradeFacts(db());
        const store = await DuckDBInstance.create(tradeStoreFile(target.file));
        try {
          const connection = await store.connect();
          const staged = await connection.runAndReadAll('select count(*) as n from trade_facts_staged');
          expect(Number(staged.getRowObjectsJS()[0]!.n)).toBe(0);
          connection.closeSync();
        } finally {
          store.closeSync();
        }
      }, 30_000);
    }
  });
}
