import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { flowsOf } from '../../../test/support/trade.ts';
import { tradeStructure, tradeSummary } from '../analytics/service.ts';
import { importTradeFile, type ImportRequest } from './service.ts';

/**
 * Real UN Comtrade downloads list the same flow at chapter, heading and subheading level, with a TOTAL row:
 * whatever order the rows come in, each level must add up to the file's own TOTAL, once.
 */
const fixtures = fileURLToPath(new URL('../../../test/fixtures/trade/real/', import.meta.url));
const comtradeLevels = path.join(fixtures, 'comtrade-levels.csv');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hs-levels-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const year2017 = { from: 201701, to: 201712 };
const million = 100_000_000;

function written(name: string, text: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, text);
  return file;
}

/** The fixture with its data lines in reverse: subheadings before the chapters that hold them. */
function reversed(): string {
  const [header, ...lines] = fs.readFileSync(comtradeLevels, 'utf8').trimEnd().split('\n');
  return written('comtrade-levels-reversed.csv', `${[header, ...lines.reverse()].join('\n')}\n`);
}

/** The fixture with one line's primaryValue (the column before last two) changed. */
function withValue(cmdCode: string, flow: string, value: string): string {
  const lines = fs.readFileSync(comtradeLevels, 'utf8').split('\n');
  const changed = lines.map((line) => {
    const cells = line.split(',');
    if (cells[9] !== flow || cells[20] !== cmdCode) return line;
    cells[cells.length - 4] = value;
    return cells.join(',');
  });
  return written(`comtrade-${cmdCode}-${value}.csv`, changed.join('\n'));
}

for (const engine of engines) {
  describe(`HS levels of real files [${engine}]`, () => {
    let database: TestDatabase;
    let datasets = 0;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    async function imported(request: Omit<ImportRequest, 'dataset'>) {
      datasets += 1;
      const report = await importTradeFile(database, {
        ...request,
        dataset: { name: `levels ${datasets}`, kind: 'comtrade', source: 'test fixture' },
      });
      return { report, datasetId: report.datasetId! };
    }

    async function structure(datasetId: string, level: 'chapter' | 'heading' | 'subheading') {
      const s = await tradeStructure(database.db, {
        home: 'BY',
        partner: 'RU',
        range: year2017,
        datasetId,
        level,
        top: 100,
      });
      return Object.fromEntries(s.lines.map((l) => [l.code, l.current.turnoverCents / million]));
    }

    it.each([
      ['in file order', () => comtradeLevels],
      ['with subheadings before their chapters', reversed],
    ])(
      'gives the file TOTAL once at every HS level of a Comtrade file with chapter, heading and subheading rows (%s)',
      async (_order, file) => {
        const { report, datasetId } = await imported({ format: 'comtrade', file: file() });
        const summary = await tradeSummary(database.db, { home: 'BY', partner: 'RU', range: year2017, datasetId });
        // The TOTAL rows of the file: exports 250 million, imports 80 million.
        expect(summary.current).toEqual({
          exportsCents: 250 * million,
          importsCents: 80 * million,
          turnoverCents: 330 * million,
          balanceCents: 170 * million,
        });
        expect(await structure(datasetId, 'chapter')).toEqual({ '04': 40, '84': 60, '87': 150, '72': 80 });
        // Chapter 04 has no headings in the file: it stays a line of its own, so the level still adds up.
        expect(await structure(datasetId, 'heading')).toEqual({
          '04': 40,
          '8429': 60,
          '8701': 30,
          '8704': 120,
          '7207': 30,
          '7208': 50,
        });
        // Heading 8429 is worth 15 million more than its one subheading: that part stays under 8429.
        expect(await structure(datasetId, 'subheading')).toEqual({
          '04': 40,
          '842951': 45,
          '8429': 15,
          '8701': 30,
          '870410': 100,
          '870421': 20,
          '7207': 30,
          '720851': 50,
        });
        expect(report.rowsImported).toBe(8);
        // Skipped: 2 TOTAL rows, the world row, the re-export row, and the 5 rows wholly covered by finer ones.
        expect(report.rowsSkipped).toBe(9);
        // No nomenclature of HS 2017 is loaded here: the codes are checked to their chapter only.
        expect(report.notes.map((n) => n.code)).toEqual(['hs-levels', 'total-check', 'hs-unverified']);
        expect(report.notes[0]!.message).toBe(
          'The file lists flows at HS chapter, heading and subheading level; to count each flow once, of its 9 chapter ' +
            'and heading rows, 5 were set aside where finer rows cover them, 3 kept whole where nothing finer does ' +
            'and 1 kept for the part its finer rows leave uncovered.',
        );
        expect(report.notes[1]!.message).toBe(
          "The rows kept add up to the file's TOTAL row in all 2 flows that have one.",
        );
      },
    );

    it('says when the rows kept differ from the file TOTAL, and imports them', async () => {
      const { report, datasetId } = await imported({
        format: 'comtrade',
        file: withValue('TOTAL', 'X', '260000000.00'),
      });
      expect(report.notes.find((n) => n.code === 'total-check-differs')?.message).toBe(
        "The rows kept differ from the file's TOTAL row in 1 of 2 flows (first: line 2, BY exports to RU, 2017 (H5): " +
          'TOTAL 260000000.00 USD, rows 250000000.00 USD); the file may leave out some commodities.',
      );
      const summary = await tradeSummary(database.db, { home: 'BY', partner: 'RU', range: year2017, datasetId });
      expect(summary.current.exportsCents).toBe(250 * million);
    });

    it('says when a TOTAL row cannot be read, and checks the other flows', async () => {
      const { report } = await imported({ format: 'comtrade', file: withValue('TOTAL', 'M', 'unknown') });
      expect(report.notes.filter((n) => n.code.startsWith('total'))).toEqual([
        {
          code: 'total-check',
          message: "The rows kept add up to the file's TOTAL row in the one flow that has one.",
        },
        {
          code: 'total-unread',
          message:
            '1 TOTAL row could not be read, so it checks nothing (first: line 12, column primaryValue: the value is not a number).',
        },
      ]);
    });

    it('keeps the finer rows where a heading is worth less than them, and says so', async () => {
      const { report, datasetId } = await imported({
        format: 'comtrade',
        file: withValue('8704', 'X', '110000000.00'),
      });
      expect(report.notes.find((n) => n.code === 'hs-levels-inconsistent')?.message).toBe(
        '1 chapter or heading row is worth less than the finer rows under it, which were kept (first: line 9, 8704 of ' +
          'BY exports to RU, 2017 (H5): 110000000.00 USD against 120000000.00 USD in its finer rows).',
      );
      expect((await structure(datasetId, 'chapter'))['87']).toBe(150);
    });

    it('reads a mapped file of UN Comtrade flow codes the right way round, once at every level', async () => {
      const file = written(
        'comtrade-coded.csv',
        [
          'Year,Reporter,Partner,Flow,Commodity,Value (USD)',
          '2017,BLR,RUS,2,TOTAL,1500',
          '2017,BLR,RUS,2,87,1500',
          '2017,BLR,RUS,2,870410,1000',
          '2017,BLR,RUS,2,870421,500',
          '2017,BLR,RUS,1,72,300',
          '2017,BLR,RUS,1,720851,300',
          '2017,BLR,RUS,3,870410,999',
          // The world is the sum of the partners: counted again, not a partner.
          '2017,BLR,0,2,TOTAL,90000',
          '2017,BLR,0,2,870410,7000',
          '',
        ].join('\n'),
      );
      const { report, datasetId } = await imported({
        format: 'mapped',
        file,
        mapping: {
          columns: {
            period: 'Year',
            reporter: 'Reporter',
            partner: 'Partner',
            flow: 'Flow',
            hsCode: 'Commodity',
            value: 'Value (USD)',
          },
          constants: { hsRevision: 'H5' },
        },
      });
      const summary = await tradeSummary(database.db, { home: 'BY', partner: 'RU', range: year2017, datasetId });
      // Comtrade's 2 is an export and 1 an import; 3 (a re-export) is already in the exports.
      expect(summary.current.exportsCents).toBe(1500_00);
      expect(summary.current.importsCents).toBe(300_00);
      expect(report.notes.map((n) => n.code)).toEqual(['flow-codes', 'hs-levels', 'total-check', 'hs-unverified']);
      expect(report.notes[0]!.message).toBe(
        'Column "Flow" holds UN Comtrade\'s flow codes, read as Comtrade means them: 1 as imports (2 rows), ' +
          '2 as exports (4 rows), 3 as re-exports, skipped (1 row); if the file means otherwise, give flowValues in the mapping.',
      );
    });

    it('keeps each row of a heading a table lists twice, with its own quantity and unit', async () => {
      const file = written(
        'heading-twice.csv',
        [
          'Year,Partner,Flow,Commodity,Value,Quantity,Unit',
          '2017,RU,X,87,150,,',
          '2017,RU,X,8704,100,40,u',
          '2017,RU,X,8704,50,9000,kg',
          '',
        ].join('\n'),
      );
      const { report } = await imported({
        format: 'mapped',
        file,
        mapping: {
          columns: {
            period: 'Year',
            partner: 'Partner',
            flow: 'Flow',
            hsCode: 'Commodity',
            value: 'Value',
            quantity: 'Quantity',
            unit: 'Unit',
          },
          constants: { reporter: 'BY', hsRevision: 'H5' },
        },
      });
      // Every line of the file is counted once: the two heading rows imported, the chapter they cover skipped.
      expect(report).toMatchObject({ rowsImported: 2, rowsSkipped: 1, rowsRejected: 0 });
      const flows = await flowsOf(database.db, `levels ${datasets}`);
      expect(flows.map((f) => `${f.hsCode} ${f.valueCents} ${f.quantity} ${f.unit}`)).toEqual([
        '8704 10000 40 u',
        '8704 5000 9000 kg',
      ]);
    });

    it('reads 1 as exports when the mapping says so', async () => {
      const file = written(
        'exports-one.csv',
        'Year,Partner,Flow,Commodity,Value\n2017,RU,1,870410,70\n2017,RU,2,720851,20\n',
      );
      const { report, datasetId } = await imported({
        format: 'mapped',
        file,
        mapping: {
          columns: { period: 'Year', partner: 'Partner', flow: 'Flow', hsCode: 'Commodity', value: 'Value' },
          constants: { reporter: 'BY', hsRevision: 'H5' },
          flowValues: { X: ['1'], M: ['2'] },
        },
      });
      const summary = await tradeSummary(database.db, { home: 'BY', partner: 'RU', range: year2017, datasetId });
      expect(summary.current.exportsCents).toBe(70_00);
      expect(summary.current.importsCents).toBe(20_00);
      expect(report.notes.map((n) => n.code)).toEqual(['hs-unverified']);
    });
  });
}
