import { describe, expect, it } from 'vitest';
import { decimalToMinor, formatMillions, formatMinor } from './money.ts';

describe('amounts from files', () => {
  it('turns dollars into exact cents', () => {
    expect(decimalToMinor('96300000', 2)).toBe(9_630_000_000);
    expect(decimalToMinor('0.1', 2)).toBe(10);
    expect(decimalToMinor('1234.565', 2)).toBe(123_457);
    expect(decimalToMinor('-12.5', 2)).toBe(-1250);
    expect(decimalToMinor('1.5e3', 2)).toBe(150_000);
    expect(decimalToMinor('12 345,6', 2)).toBe(1_234_560);
  });

  it('turns BACI thousands of dollars into cents', () => {
    expect(decimalToMinor('96300', 5)).toBe(9_630_000_000);
    expect(decimalToMinor('0.001', 5)).toBe(100);
    expect(decimalToMinor('12.3456', 5)).toBe(1_234_560);
  });

  it('refuses what is not a number or would lose exactness', () => {
    for (const bad of ['', 'abc', '1.2.3', '--1', '1e400', '99999999999999999999']) {
      expect(decimalToMinor(bad, 2), bad).toBeNull();
    }
  });

  it('prints cents back as exact decimals and as millions', () => {
    expect(formatMinor(9_630_000_005)).toBe('96300000.05');
    expect(formatMinor(-5)).toBe('-0.05');
    expect(formatMillions(9_630_000_000)).toBe('96.3 M USD');
  });
});
