import { describe, expect, it } from 'vitest';
import { languageOf, periodWords } from './words.ts';

describe('the words of a downloaded table', () => {
  it('names a range of months in words and as the API writes it', () => {
    expect(periodWords({ from: 201701, to: 201709, label: '2017-01..2017-09' }, 'en')).toBe(
      'January–September 2017 (2017-01..2017-09)',
    );
    expect(periodWords({ from: 201701, to: 201709, label: '2017-01..2017-09' }, 'ru')).toBe(
      'Январь–сентябрь 2017 (2017-01..2017-09)',
    );
    expect(periodWords({ from: 201611, to: 201702, label: '2016-11..2017-02' }, 'en')).toBe(
      'November 2016 – February 2017 (2016-11..2017-02)',
    );
    expect(periodWords({ from: 201703, to: 201703, label: '2017-03' }, 'en')).toBe('March 2017 (2017-03)');
    expect(periodWords({ from: 201700, to: 201700, label: '2017' }, 'ru')).toBe('2017');
  });

  it('takes the language from lang, else from Accept-Language by preference, else English', () => {
    expect(languageOf('ru', 'en')).toBe('ru');
    expect(languageOf(undefined, 'ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(languageOf(undefined, 'de;q=1, en;q=0.3, ru;q=0.7')).toBe('ru');
    expect(languageOf(undefined, 'ru;q=0, en')).toBe('en');
    expect(languageOf(undefined, 'fr')).toBe('en');
    expect(languageOf(undefined, undefined)).toBe('en');
  });
});
