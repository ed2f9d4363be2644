import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { flowsOf } from '../../../test/support/trade.ts';
import { AccordError } from '../../core/errors.ts';
import { tradeSummary } from '../analytics/service.ts';
import { getDataset, listDatasets } from '../datasets/service.ts';
import type { ParsedBatch } from '../model.ts';
import { parsePeriodRange } from '../periods.ts';
import { parseBaci } from './baci.ts';
import { defaultDatasetKind, importTradeFile, type ImportRequest } from './service.ts';
import { failure } from '../../../test/support/failure.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/trade/real/', import.meta.url));
const fixture = (name: string) => path.join(fixtures, name);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-real-layouts-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function dataset(name: string, kind: ImportRequest['dataset']['kind'] = 'comtrade') {
  return { name, kind, source: 'test fixture' };
}

function write(name: string, content: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

/** The rows of a flow as compared here: who traded what, when, in cents, and how much. */
function brief(flows: Awaited<ReturnType<typeof flowsOf>>) {
  return flows.map((f) =>
    [
      f.sourceLine,
      f.period,
      f.reporter,
      f.partner,
      f.flow,
      f.hsCode,
      f.hsRevision,
      f.valueCents,
      f.quantity,
      f.unit,
    ].join(' '),
  );
}

const legacyHeader =
  'Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,' +
  'Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,' +
  'Customs Proc. Code,Customs,Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,' +
  'Qty Unit,Qty,Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),Gross weight (kg),Trade Value (US$),' +
  'CIF Trade Value (US$),FOB Trade Value (US$),Flag';

/** A table of a customs office whose partners are UN M49 numbers, as statistics offices often write them. */
const m49Mapping = {
  columns: {
    period: 'period',
    reporter: 'reporter',
    partner: 'partner',
    flow: 'flow',
    hsCode: 'hs',
    value: 'value_usd',
    quantity: 'net_kg',
  },
  constants: { hsRevision: 'H5', unit: 'kg' },
};

for (const engine of engines) {
  describe(`real layouts of trade files [${engine}]`, () => {
    let database: TestDatabase;
    const db = () => database.db;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    it('reads the legacy UN Comtrade CSV: numeric flow codes, spelled-out units, re-exports skipped', async () => {
      const report = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('layouts-comtrade-legacy.csv'),
        dataset: dataset('legacy comtrade'),
      });
      // World (line 4), re-export (line 5) and re-import (line 6) are skipped, not refused.
      expect(report).toMatchObject({ rowsImported: 4, rowsSkipped: 3, rowsRejected: 0 });
      expect(report.notes).toEqual([
        expect.objectContaining({
          code: 'comtrade-layout',
          message: expect.stringContaining('legacy UN Comtrade CSV'),
        }),
        // No nomenclature of HS 2012 is loaded here: the codes are checked to their chapter only.
        expect.objectContaining({ code: 'hs-unverified' }),
      ]);
      expect(brief(await flowsOf(db(), 'legacy comtrade'))).toEqual([
        '2 201600 BY RU X 0402 H4 13450025 52000 kg',
        '3 201600 BY RU M 271019 H4 45000000 900000 kg',
        '7 201600 BY DE X 870410 H4 62000000 4 u',
        // Unit code 1 is "No Quantity": no quantity, no unit.
        '8 201600 BY PL X 940360 H4 250000  ',
      ]);
      const summary = await tradeSummary(db(), { home: 'BY', partner: 'RU', range: parsePeriodRange('2016') });
      expect(summary.current).toMatchObject({ exportsCents: 13_450_025, importsCents: 45_000_000 });
    });

    it('takes the revision given for legacy rows of HS as reported, and asks for it when none is', async () => {
      const row = (classification: string) =>
        `${classification},2016,2016,2016,6,1,2,Export,112,Belarus,BLR,643,Russian Federation,RUS,,,,,,,,870410,Dumpers,5,Number of items,3,,,,,,450000,,,0`;
      const file = write('legacy-hs.csv', `${legacyHeader}\n${row('H4')}\n${row('HS')}\n`);
      const error = await failure(
        importTradeFile(database, { format: 'comtrade', file, dataset: dataset('as reported') }),
      );
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message).toMatch(
        /^line 3, column Classification: HS \(as reported\) does not say which HS revision/,
      );
      expect(error.message).toContain('--hs-revision');
      expect((await listDatasets(db())).map((d) => d.name)).not.toContain('as reported');

      const report = await importTradeFile(database, {
        format: 'comtrade',
        file,
        hsRevision: 'H3',
        dataset: dataset('as reported'),
      });
      expect(report.rowsImported).toBe(2);
      expect((await flowsOf(db(), 'as reported')).map((f) => f.hsRevision)).toEqual(['H4', 'H3']);
    });

    it('names the legacy columns a legacy file lacks, and lists the layouts read', async () => {
      const file = write('legacy-short.csv', 'Year,Period,Trade Flow Code,Reporter Code,Partner Code,Commodity Code\n');
      const error = await failure(importTradeFile(database, { format: 'comtrade', file, dataset: dataset('short') }));
      expect(error.message).toContain('needs: Classification, Trade Value (US$) (its columns:');
      expect(error.message).toContain('the legacy CSV of before 2021');
      expect(error.message).toContain('the JSON answer of its API');
    });

    it('reads a UN Comtrade API response in JSON as its CSV would be read', async () => {
      const report = await importTradeFile(database, {
        format: 'comtrade',
        file: fixture('layouts-comtrade-api.json'),
        dataset: dataset('comtrade api'),
      });
      // The world total and the re-export are skipped.
      expect(report).toMatchObject({ rowsImported: 3, rowsSkipped: 2, rowsRejected: 0 });
      expect(report.notes.map((n) => n.code)).toEqual(['comtrade-layout', 'hs-unverified']);
      expect(brief(await flowsOf(db(), 'comtrade api'))).toEqual([
        '1 201700 BY RU X 870410 H5 9630000000 120 u',
        '2 201700 BY RU M 271019 H5 500000050 4000000 kg',
        // Unit -1 ("N/A"): the quantity of 0 is no quantity.
        '5 201700 BY FR M 300490 H5 777000  ',
      ]);
      const detail = await getDataset(db(), (await listDatasets(db())).find((d) => d.name === 'comtrade api')!.id);
      expect(detail.rowCount).toBe(3);
    });

    it('numbers the rejected records of a JSON response by their place in "data"', async () => {
      const document = JSON.parse(fs.readFileSync(fixture('layouts-comtrade-api.json'), 'utf8')) as {
        data: Array<Record<string, unknown>>;
      };
      document.data[1]!.primaryValue = -5;
      document.data[4]!.partnerISO = 'XXX';
      document.data[4]!.partnerCode = 1234;
      const file = write('comtrade-bad.json', JSON.stringify(document));
      const error = await failure(
        importTradeFile(database, { format: 'comtrade', file, dataset: dataset('bad json') }),
      );
      expect(error.code).toBe('IMPORT_ROW_INVALID');
      expect(error.problems.map((p) => `${p.line} ${p.column}`)).toEqual(['2 primaryValue', '5 partnerISO']);
      expect(error.problems[0]!.message).toMatch(/^record 2 \(data\[1\]\): the value is negative/);
      expect(error.details.notes).toEqual([
        expect.objectContaining({ code: 'comtrade-layout' }),
        expect.objectContaining({ code: 'hs-unverified' }),
      ]);
    });

    it('reads a JSON list of records alone, and refuses other JSON saying what it lacks', async () => {
      const document = JSON.parse(fs.readFileSync(fixture('layouts-comtrade-api.json'), 'utf8')) as { data: unknown[] };
      const list = write('records.json', ` \n${JSON.stringify(document.data.slice(0, 2))}`);
      expect(
        (await importTradeFile(database, { format: 'comtrade', file: list, dataset: dataset('list') })).rowsImported,
      ).toBe(2);

      const refused = write(
        'refused.json',
        '{"elapsedTime":"0 secs","count":0,"data":null,"error":"too many records asked"}',
      );
      const error = await failure(
        importTradeFile(database, { format: 'comtrade', file: refused, dataset: dataset('x') }),
      );
      expect(error.message).toBe('the file is a UN Comtrade API answer without data: too many records asked');
      const other = write('other.json', '{"results": []}');
      expect(
        (await failure(importTradeFile(database, { format: 'comtrade', file: other, dataset: dataset('x') }))).message,
      ).toMatch(/has no "data" list .* its keys: results$/);
      const broken = write('broken.json', '{"data": [{"period": "2017",');
      expect(
        (await failure(importTradeFile(database, { format: 'comtrade', file: broken, dataset: dataset('x') }))).message,
      ).toMatch(/^the file starts as JSON but is not valid JSON/);
      const empty = write('empty.json', '{"count":0,"data":[],"error":""}');
      expect(
        (await failure(importTradeFile(database, { format: 'comtrade', file: empty, dataset: dataset('x') }))).message,
      ).toContain('holds no records');
      expect((await listDatasets(db())).map((d) => d.name)).not.toContain('x');
    });

    it('says a JSON file given as BACI or as a mapped table is JSON, not CSV', async () => {
      const json = fixture('layouts-comtrade-api.json');
      for (const request of [
        { format: 'baci' as const, file: json, dataset: dataset('json as baci', 'baci') },
        {
          format: 'mapped' as const,
          file: json,
          mapping: m49Mapping,
          dataset: dataset('json as mapped', 'official_customs'),
        },
      ]) {
        const error = await failure(importTradeFile(database, request));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.message).toMatch(/^the file is JSON, not CSV/);
        expect(error.message).not.toContain('its columns');
      }
    });

    it('reads UN M49 partner and reporter codes in a mapped table, with or without leading zeros', async () => {
      const report = await importTradeFile(database, {
        format: 'mapped',
        file: fixture('layouts-mapped-m49.csv'),
        mapping: m49Mapping,
        dataset: dataset('m49 customs', 'national_statistics'),
      });
      expect(report).toMatchObject({ rowsImported: 5, rowsRejected: 0 });
      expect(brief(await flowsOf(db(), 'm49 customs'))).toEqual([
        '2 201801 BY RU X 870410 H5 12500050 3400 kg',
        '3 201801 BY RU M 271019 H5 9800000 120000 kg',
        '4 201802 BY RU X 0402 H5 150000 800 kg',
        '5 201802 BY DE X 940360 H5 220000  ',
        '6 201802 BY RU-KRS M 0402 H5 30000 10 kg',
      ]);
      const summary = await tradeSummary(db(), {
        home: 'BY',
        partner: 'RU',
        range: parsePeriodRange('2018-01..2018-02'),
      });
      expect(summary.current).toMatchObject({ exportsCents: 12_650_050, importsCents: 9_800_000 });

      const bad = write(
        'm49-bad.csv',
        'period,reporter,partner,flow,hs,value_usd,net_kg\n2018-01,112,R-U,1,870410,5,1\n2018-01,112,12345,1,870410,5,1\n',
      );
      const error = await failure(
        importTradeFile(database, {
          format: 'mapped',
          file: bad,
          mapping: m49Mapping,
          dataset: dataset('m49 bad', 'official_customs'),
        }),
      );
      expect(error.problems.map((p) => `${p.line} ${p.column}`)).toEqual(['2 partner', '3 partner']);
      expect(error.problems[0]!.message).toContain('UN M49 (112)');
    });

    it('reads a numeric reporter given in the mapping', async () => {
      const file = write('m49-constant.csv', 'period,partner,flow,hs,value_usd\n2018-03,643,1,870410,10\n');
      const { reporter: _, quantity: __, ...columns } = m49Mapping.columns;
      const mapping = { columns, constants: { ...m49Mapping.constants, reporter: '112' } };
      await importTradeFile(database, {
        format: 'mapped',
        file,
        mapping,
        dataset: dataset('m49 constant', 'official_customs'),
      });
      expect(brief(await flowsOf(db(), 'm49 constant'))).toEqual(['2 201803 BY RU M 870410 H5 1000  ']);
    });
  });
}

describe('a JSON file given to the BACI reader', () => {
  /** A JSON list of lists has a first line a plain comma-separated reader could take for a header. */
  const file = write('baci.json', '[[2017,112,643,870410,12.5,3],\n[2017,112,643,870410,1,2]]\n');

  async function refusal(batches: AsyncIterable<ParsedBatch>): Promise<AccordError> {
    return failure(
      (async () => {
        for await (const _ of batches) continue;
      })(),
    );
  }

  it('is refused as JSON', async () => {
    const error = await refusal(parseBaci({})(fs.createReadStream(file)));
    expect(error.message).toMatch(/^the file is JSON, not CSV/);
  });
});

describe('the kind of a dataset nobody named', () => {
  it('is the format’s own for UN Comtrade and BACI, and asked for a mapped table, listing the kinds', () => {
    expect(defaultDatasetKind('comtrade', '--kind')).toBe('comtrade');
    expect(defaultDatasetKind('baci', '--kind')).toBe('baci');
    const error = (() => {
      try {
        defaultDatasetKind('mapped', '--kind');
      } catch (e) {
        return e as AccordError;
      }
    })();
    expect(error?.code).toBe('VALIDATION_FAILED');
    expect(error?.message).toContain(
      'with --kind (official_customs, national_statistics, comtrade, baci, illustrative)',
    );
  });
});
