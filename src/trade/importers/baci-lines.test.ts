import { describe, expect, it } from 'vitest';
import { fieldRole, parseLines, type ChunkRows } from './baci-lines.ts';

const standard = [fieldRole.t, fieldRole.i, fieldRole.j, fieldRole.k, fieldRole.v, fieldRole.q];

/** The rows read, as plain numbers, with the lines left to the full reader. */
function read(text: string, roles: number[]) {
  const rows: ChunkRows = parseLines(Buffer.from(text), roles, roles.length);
  return {
    lines: rows.lines,
    odd: rows.odd,
    rows: Array.from({ length: rows.count }, (_, r) => [
      rows.line[r],
      rows.t[r],
      rows.i[r],
      rows.j[r],
      rows.k[r],
      rows.kDigits[r],
      rows.valueCents[r],
      rows.quantity[r],
    ]),
  };
}

describe('BACI lines read into numbers', () => {
  it('gives the same numbers for its own column order as for any other, plain lines or not', () => {
    let seed = 11;
    const pick = <T>(options: T[]): T => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return options[seed % options.length]!;
    };
    const lines = Array.from({ length: 3000 }, () => [
      pick(['2017', '201703', '017', '20170', '2017.5', ' 2017']),
      pick(['112', '0', '01', '1234567', '643 ', '']),
      pick(['643', '8', 'NA']),
      pick(['870410', '010121', '8704', '1234567890', '87.04']),
      pick(['12.5', '7', '0.00001', '1.123456', '99999999999999999', '', 'NA', '3.']),
      pick(['1300', '2.25', 'NA', '', '1.', '.5', '12345678901234567', 'N']),
    ]);
    const ends = ['\n', '\r\n', '\n\n'];
    const body = lines.map((fields) => fields.join(',') + pick(ends)).join('');
    // The same lines with their columns the other way round, which only the general reading takes.
    const reversed = lines.map((fields) => [...fields].reverse().join(',') + '\n').join('');
    const own = read(body + '2017,112,643,870410,1.5,NA', standard);
    const other = read(reversed.replace(/\n\n/g, '\n') + 'NA,1.5,870410,643,112,2017', [...standard].reverse());
    expect(own.rows.length).toBeGreaterThan(100);
    expect(own.odd.length).toBeGreaterThan(100);
    const byContent = (result: typeof own) => result.rows.map(([, ...numbers]) => numbers);
    expect(byContent(own)).toEqual(byContent(other));
  });
});
