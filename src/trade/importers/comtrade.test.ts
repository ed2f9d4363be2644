import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ParsedBatch } from '../model.ts';
import { parseComtrade } from './comtrade.ts';

const header =
  'period,reporterCode,reporterISO,flowCode,partnerCode,partnerISO,partner2Code,classificationCode,cmdCode,customsCode,motCode,qty,qtyUnitAbbr,primaryValue';

async function read(lines: string[]): Promise<ParsedBatch> {
  const total: ParsedBatch = { rows: [], problems: [], skipped: 0 };
  for await (const batch of parseComtrade({})(Readable.from([`${[header, ...lines].join('\n')}\n`]))) {
    total.rows.push(...batch.rows);
    total.problems.push(...batch.problems);
    total.skipped += batch.skipped;
  }
  return total;
}

describe('UN Comtrade partners that are not countries', () => {
  it('reads "Other Asia, nes" (490) as Taiwan', async () => {
    const { rows, problems } = await read(['201701,112,BLR,X,490,S19,0,H5,4011,C00,0,,,1000']);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.partner)).toEqual(['TW']);
  });

  it('reads areas n.e.s., bunkers and free zones as statistical territories, and skips the world', async () => {
    const { rows, problems, skipped } = await read([
      '201701,112,BLR,X,0,W00,0,H5,4011,C00,0,,,1000',
      '201701,112,BLR,X,899,_X,0,H5,4011,C00,0,,,1000',
      '201701,112,BLR,X,837,_2,0,H5,4011,C00,0,,,1000',
      '201701,112,BLR,X,838,_3,0,H5,4011,C00,0,,,1000',
      '201701,112,BLR,X,643,RUS,0,H5,4011,C00,0,,,1000',
    ]);
    expect(problems).toEqual([]);
    expect(skipped).toBe(1);
    expect(rows.map((r) => r.partner)).toEqual(['M49-899', 'M49-837', 'M49-838', 'RU']);
  });
});

describe('UN Comtrade files at heading level only', () => {
  it('imports more headings than a call can take as arguments, once each', async () => {
    // Nothing finer covers them, so all wait for the end of the file: 150,000 of them, 9,900 codes by 16 months.
    const lines: string[] = [];
    for (let month = 1; month <= 16; month += 1) {
      const period = 201600 + (month > 12 ? 100 + month - 12 : month);
      for (let code = 100; code < 10_000; code += 1) {
        lines.push(`${period},112,BLR,X,643,RUS,0,H5,${String(code).padStart(4, '0')},C00,0,,,1`);
      }
    }
    let rows = 0;
    let cents = 0;
    const csv = `${[header, ...lines].join('\n')}\n`;
    for await (const batch of parseComtrade({})(Readable.from([csv]))) {
      expect(batch.problems).toEqual([]);
      rows += batch.rows.length;
      for (const row of batch.rows) cents += row.valueCents;
    }
    expect(rows).toBe(lines.length);
    expect(cents).toBe(lines.length * 100);
  }, 30_000);
});

describe('UN Comtrade figures it did not have from the reporter', () => {
  const flagged = `${header},isReported,isAggregate,isQtyEstimated`;

  async function readFlags(text: string): Promise<ParsedBatch['rows']> {
    const rows: ParsedBatch['rows'] = [];
    for await (const batch of parseComtrade({})(Readable.from([text]))) {
      expect(batch.problems).toEqual([]);
      rows.push(...batch.rows);
    }
    return rows;
  }

  it('flags as estimated a figure not reported, but not a sum of reported rows nor an estimated quantity', async () => {
    const rows = await readFlags(
      `${[
        flagged,
        '201701,112,BLR,X,643,RUS,0,H5,401110,C00,0,5,u,1000,False,False,False',
        '201701,112,BLR,X,643,RUS,0,H5,401120,C00,0,5,u,1000,True,False,True',
        '201701,112,BLR,X,643,RUS,0,H5,3104,C00,0,5,u,1000,False,True,False',
        '201701,112,BLR,X,643,RUS,0,H5,540211,C00,0,5,u,1000,,,',
      ].join('\n')}\n`,
    );
    expect(rows.map((r) => [r.hsCode, r.flag])).toEqual([
      ['401110', 'estimated'],
      ['401120', null],
      ['540211', null],
      ['3104', null],
    ]);
  });

  it('reads the flag from the JSON of the API as from its CSV', async () => {
    const record = (hsCode: string, isReported: boolean) => ({
      period: '2017',
      reporterISO: 'BLR',
      partnerISO: 'RUS',
      partner2Code: 0,
      flowCode: 'X',
      classificationCode: 'H5',
      cmdCode: hsCode,
      customsCode: 'C00',
      motCode: 0,
      primaryValue: 1000,
      isReported,
      isAggregate: false,
    });
    const rows = await readFlags(JSON.stringify({ data: [record('401110', false), record('401120', true)] }));
    expect(rows.map((r) => r.flag)).toEqual(['estimated', null]);
  });
});
