import { describe, expect, it } from 'vitest';
import {
  currencyName,
  formatDate,
  formatDecimal,
  formatMoneyShort,
  formatMonth,
  languageName,
} from '../../web/src/i18n/format.ts';

describe('dates in the reader language', () => {
  it('keeps the years 0001 to 0099 as written instead of turning them into 1901 to 1999', () => {
    expect(formatDate('0001-03-05', 'en')).toBe('5 March 1');
    expect(formatDate('0099-12-31', 'en')).toBe('31 December 99');
    expect(formatMonth(9912, 'en')).not.toContain('1999');
    expect(formatMonth('0050-06', 'en')).toBe('Jun 50');
  });

  it('writes the dates of the story as people read them', () => {
    expect(formatDate('2017-12-05', 'en')).toBe('5 December 2017');
    expect(formatDate('2017-12-05', 'ru')).toBe('5 декабря 2017 г.');
    expect(formatMonth(201709, 'ru')).toBe('сент. 2017 г.');
  });
});

describe('money in the reader language', () => {
  it('says large sums the way officials do, in each language', () => {
    expect(formatMoneyShort(9_630_000_000, 'USD', 'ru')).toBe('96,3 млн долл. США');
    expect(formatMoneyShort(9_630_000_000, 'USD', 'en')).toBe('USD 96.3 million');
  });

  it('names the currency of a caption in words in Russian and by its code in English', () => {
    expect(currencyName('USD', 'ru')).toBe('долл. США');
    expect(currencyName('USD', 'en')).toBe('USD');
    expect(currencyName('CHF', 'ru')).toBe('CHF');
  });
});

describe('language codes in the reader language', () => {
  it('names a language instead of showing its code', () => {
    expect(languageName('en', 'ru')).toBe('английский');
    expect(languageName('ru', 'en')).toBe('Russian');
    expect(languageName('xx', 'ru')).toBe('xx');
    expect(languageName('not a code', 'ru')).toBe('not a code');
  });
});

describe('measured numbers in the reader language', () => {
  it('writes a coordinate with the reader’s decimal sign and keeps its digits', () => {
    expect(formatDecimal(51.7312, 'ru')).toBe('51,7312');
    expect(formatDecimal(51.7312, 'en')).toBe('51.7312');
    expect(formatDecimal(-104.123456, 'en')).toBe('-104.123456');
  });
});
