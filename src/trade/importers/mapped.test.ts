import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ParsedBatch } from '../model.ts';
import { parseMapped, tradeMapping } from './mapped.ts';

const territories = new Set(['BY', 'RU', 'RU-KRS', 'KZ']);

async function read(mapping: unknown, lines: string[]): Promise<ParsedBatch> {
  const total: ParsedBatch = { rows: [], problems: [], skipped: 0 };
  const parse = parseMapped({ mapping: tradeMapping.parse(mapping), territories });
  for await (const batch of parse(Readable.from([`${lines.join('\n')}\n`]))) {
    total.rows.push(...batch.rows);
    total.problems.push(...batch.problems);
    total.skipped += batch.skipped;
  }
  return total;
}

const columns = { period: 'period', partner: 'partner', hsCode: 'hs', value: 'usd', flag: 'note' };
const constants = { reporter: 'RU-KRS', flow: 'X', hsRevision: 'H5' };

describe('flags of a mapped table', () => {
  it('reads the words a table marks its figures with, in English or Russian, and an empty cell as none', async () => {
    const { rows, problems } = await read({ columns, constants }, [
      'period,partner,hs,usd,note',
      '2017-01,BY,401110,100,Конфиденциально',
      '2017-01,KZ,401110,100,estimated',
      '2017-02,BY,401110,100,E',
      '2017-02,KZ,401110,100,реэкспорт',
      '2017-03,BY,401110,100,',
    ]);
    expect(problems).toEqual([]);
    expect(rows.map((r) => r.flag)).toEqual(['confidential', 'estimated', 'estimated', 're-export', null]);
  });

  it('rejects a word it does not know, naming the header and the words it reads', async () => {
    const { rows, problems } = await read({ columns, constants }, [
      'period,partner,hs,usd,note',
      '2017-01,BY,401110,100,maybe',
    ]);
    expect(rows).toEqual([]);
    expect(problems).toMatchObject([{ line: 2, column: 'note', value: 'maybe' }]);
    expect(problems[0]!.reason).toMatch(/^unknown flag: expected .*confidential.* for confidential, .* or nothing$/);
  });

  it("takes the mapping's own words in place of the usual ones", async () => {
    const mapping = { columns, constants, flagValues: { confidential: ['*'], estimated: ['~'] } };
    const { rows, problems } = await read(mapping, [
      'period,partner,hs,usd,note',
      '2017-01,BY,401110,100,*',
      '2017-01,KZ,401110,100,~',
      '2017-02,BY,401110,100,estimated',
    ]);
    expect(rows.map((r) => r.flag)).toEqual(['confidential', 'estimated']);
    expect(problems.map((p) => p.reason)).toEqual([
      'unknown flag: expected * for confidential, ~ for estimated, or nothing',
    ]);
  });

  it('refuses flag words for a flag it does not have', () => {
    expect(() => tradeMapping.parse({ columns, constants, flagValues: { secret: ['s'] } })).toThrow();
    expect(() => tradeMapping.parse({ columns, constants, flagValues: {} })).toThrow(/at least one flag/);
  });
});
