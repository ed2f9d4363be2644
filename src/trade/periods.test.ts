import { describe, expect, it } from 'vitest';
import { coversYear, formatRange, parsePeriod, parsePeriodRange, periodsIn, yearEarlier } from './periods.ts';

describe('periods', () => {
  it('reads months, years and cumulative ranges', () => {
    expect(parsePeriod('2017-09')).toBe(201709);
    expect(parsePeriod('2017')).toBe(201700);
    expect(parsePeriodRange('2017-01..2017-09')).toEqual({ from: 201701, to: 201709 });
    expect(parsePeriodRange('2017')).toEqual({ from: 201701, to: 201712 });
    expect(parsePeriodRange('2013..2017')).toEqual({ from: 201301, to: 201712 });
    expect(formatRange({ from: 201701, to: 201709 })).toBe('2017-01..2017-09');
    expect(yearEarlier({ from: 201701, to: 201709 })).toEqual({ from: 201601, to: 201609 });
    expect(periodsIn({ from: 201611, to: 201702 })).toEqual([201611, 201612, 201701, 201702]);
  });

  it('counts an annual row only in a range covering its whole year', () => {
    expect(coversYear({ from: 201701, to: 201712 }, 201700)).toBe(true);
    expect(coversYear({ from: 201701, to: 201709 }, 201700)).toBe(false);
    expect(coversYear({ from: 201601, to: 201712 }, 201600)).toBe(true);
  });

  it('refuses wrong dates with the reason', () => {
    expect(() => parsePeriod('2017-13')).toThrow(/month must be 01 to 12/);
    expect(() => parsePeriodRange('2017-09..2017-01')).toThrow(/end is before the start/);
    expect(() => parsePeriodRange('2017-01..2017-02..2017-03')).toThrow(/FROM..TO/);
    expect(() => parsePeriod('17-01')).toThrow(/YYYY-MM or YYYY/);
  });
});
