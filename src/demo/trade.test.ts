import { describe, expect, it } from 'vitest';
import { allocate, generateIllustrativeTrade, janSep2016Cents, janSep2017Cents } from './trade.ts';

const sum = (rows: Array<{ valueCents: number }>) => rows.reduce((a, r) => a + r.valueCents, 0);
const janSep = (year: number) => (r: { period: string }) => r.period >= `${year}-01` && r.period <= `${year}-09`;

describe('the illustrative Belarus – Kursk Oblast trade', () => {
  it('is the same on every run', () => {
    expect(generateIllustrativeTrade()).toEqual(generateIllustrativeTrade());
  });

  it('agrees with the quoted figure: USD 96.3 million in January–September 2017, +40.5%', () => {
    const rows = generateIllustrativeTrade();
    expect(sum(rows.filter(janSep(2017)))).toBe(janSep2017Cents);
    expect(sum(rows.filter(janSep(2016)))).toBe(janSep2016Cents);
    expect(((janSep2017Cents / janSep2016Cents - 1) * 100).toFixed(1)).toBe('40.5');
  });

  it('falls year after year before 2017', () => {
    const rows = generateIllustrativeTrade();
    const years = [2013, 2014, 2015, 2016].map((y) => sum(rows.filter((r) => r.period.startsWith(String(y)))));
    for (let i = 1; i < years.length; i += 1) expect(years[i]).toBeLessThan(years[i - 1]!);
  });

  it('has tires, potash, synthetic fibres, freight vehicles and footwear as the main 2017 exports', () => {
    const byCode = new Map<string, number>();
    for (const r of generateIllustrativeTrade().filter((r) => r.flow === 'X' && janSep(2017)(r))) {
      byCode.set(r.hsCode, (byCode.get(r.hsCode) ?? 0) + r.valueCents);
    }
    const top = [...byCode]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([code]) => code);
    expect(top.sort()).toEqual(['3104', '4011', '5402', '6403', '8704']);
  });

  it('allocates integer parts that add up exactly', () => {
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(allocate(7, [0, 1])).toEqual([0, 7]);
  });
});
