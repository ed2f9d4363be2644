import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth } from '../../web/src/i18n/format.ts';

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
