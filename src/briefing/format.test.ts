import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMoney,
  formatMonthRange,
  formatNumber,
  formatPercent,
  formatRate,
  formatYearLabel,
  instrumentalRu,
  millions,
  ordinalEn,
  pluralRu,
} from './format.ts';

const nbsp = '\u00a0';

describe('money in words', () => {
  it('writes millions, billions and thousands of dollars as a Russian document does', () => {
    expect(formatMoney(9_634_512_300, 'USD', 'ru')).toBe('96,3 млн долл. США');
    expect(formatMoney(120_000_000_000, 'USD', 'ru')).toBe('1,2 млрд долл. США');
    expect(formatMoney(85_000_000, 'USD', 'ru')).toBe('850 тыс. долл. США');
    expect(formatMoney(45_000, 'USD', 'ru')).toBe('450 долл. США');
    expect(formatMoney(-260_000_000, 'USD', 'ru')).toBe('\u22122,6 млн долл. США');
  });

  it('writes the same amounts in English with the currency first', () => {
    expect(formatMoney(9_634_512_300, 'USD', 'en')).toBe('USD 96.3 million');
    expect(formatMoney(120_000_000_000, 'USD', 'en')).toBe('USD 1.2 billion');
    expect(formatMoney(85_000_000, 'USD', 'en')).toBe('USD 850 thousand');
  });

  it('moves up a scale when rounding reaches a thousand of the smaller one', () => {
    expect(formatMoney(99_996_000, 'USD', 'en')).toBe('USD 1.0 million');
  });

  it('names euros and roubles in Russian and keeps an unfamiliar code as typed', () => {
    expect(formatMoney(1_250_000_000, 'EUR', 'ru')).toBe('12,5 млн евро');
    expect(formatMoney(1_250_000_000, 'RUB', 'ru')).toBe('12,5 млн руб.');
    expect(formatMoney(1_250_000_000, 'KZT', 'ru')).toBe('12,5 млн KZT');
  });

  it('gives a chart its values in millions rounded to a tenth', () => {
    expect(millions(9_634_512_300)).toBe(96.3);
  });
});

describe('numbers and percentages', () => {
  it('puts a non-breaking space before the per cent sign in Russian, with a decimal comma', () => {
    expect(formatPercent(40.5, 'ru')).toBe(`+40,5${nbsp}%`);
    expect(formatPercent(-12.5, 'ru')).toBe(`\u221212,5${nbsp}%`);
    expect(formatPercent(40.5, 'en')).toBe('+40.5%');
    expect(formatPercent(1.234, 'en', false)).toBe('1.2%');
    expect(formatPercent(null, 'ru')).toBe('—');
  });

  it('leaves the per cent sign to the header in a column of rates', () => {
    expect(formatRate(3.21, 'ru')).toBe('+3,2');
    expect(formatRate(-0.44, 'en')).toBe('\u22120.4');
    expect(formatRate(29.73, 'en', false)).toBe('29.7');
    expect(formatRate(null, 'en')).toBe('—');
  });

  it('groups thousands with a non-breaking space in Russian and a comma in English', () => {
    expect(formatNumber(12345.67, 1, 'ru')).toBe(`12${nbsp}345,7`);
    expect(formatNumber(1234, 0, 'ru')).toBe('1234');
    expect(formatNumber(12345.67, 1, 'en')).toBe('12,345.7');
    expect(formatNumber(-0.01, 1, 'en')).toBe('0.0');
  });
});

describe('dates and months', () => {
  it('writes a day with the month in the genitive in Russian', () => {
    expect(formatDate('2017-12-04', 'ru')).toBe('4 декабря 2017 г.');
    expect(formatDate('2017-12-04', 'en')).toBe('4 December 2017');
    expect(formatDate('not a date', 'en')).toBe('not a date');
  });

  it('puts a range of months in the case its place in the sentence needs', () => {
    const range = { from: 201701, to: 201709 };
    expect(formatMonthRange(range, 'ru')).toBe('январь–сентябрь 2017 г.');
    expect(formatMonthRange(range, 'ru', 'in')).toBe('в январе–сентябре 2017 года');
    expect(formatMonthRange({ from: 201601, to: 201609 }, 'ru', 'to')).toBe('к январю–сентябрю 2016 года');
    expect(formatMonthRange(range, 'en')).toBe('January–September 2017');
  });

  it('says a whole year as the year and a single month by its name', () => {
    expect(formatMonthRange({ from: 201601, to: 201612 }, 'ru', 'in')).toBe('в 2016 году');
    expect(formatMonthRange({ from: 201601, to: 201612 }, 'en')).toBe('2016');
    expect(formatMonthRange({ from: 201703, to: 201703 }, 'ru', 'in')).toBe('в марте 2017 года');
  });

  it('labels a partial year on a chart with its months', () => {
    expect(formatYearLabel(2017, { from: 201701, to: 201709 }, true, 'ru')).toBe('2017 (янв.–сент.)');
    expect(formatYearLabel(2017, { from: 201701, to: 201709 }, true, 'en')).toBe('2017 (Jan–Sep)');
    expect(formatYearLabel(2016, { from: 201601, to: 201612 }, false, 'en')).toBe('2016');
  });
});

describe('counting words', () => {
  it('chooses the Russian plural by the last digits', () => {
    const days = (n: number) => `${n} ${pluralRu(n, 'день', 'дня', 'дней')}`;
    expect([1, 2, 4, 5, 11, 12, 14, 21, 22, 35, 101, 111].map(days)).toEqual([
      '1 день',
      '2 дня',
      '4 дня',
      '5 дней',
      '11 дней',
      '12 дней',
      '14 дней',
      '21 день',
      '22 дня',
      '35 дней',
      '101 день',
      '111 дней',
    ]);
  });

  it('writes English ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map(ordinalEn)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '103rd',
    ]);
  });
});

describe('territory names after «с»', () => {
  it('declines common region and country names into the instrumental case', () => {
    expect(instrumentalRu('Курская область')).toBe('Курской областью');
    expect(instrumentalRu('Беларусь')).toBe('Беларусью');
    expect(instrumentalRu('Россия')).toBe('Россией');
    expect(instrumentalRu('Москва')).toBe('Москвой');
    expect(instrumentalRu('Казахстан')).toBe('Казахстаном');
    expect(instrumentalRu('Краснодарский край')).toBe('Краснодарским краем');
    expect(instrumentalRu('Республика Татарстан')).toBe('Республикой Татарстан');
  });

  it('gives up on a word it cannot decline rather than guess', () => {
    expect(instrumentalRu('Ярославль')).toBeNull();
    expect(instrumentalRu('Kursk Oblast')).toBeNull();
    expect(instrumentalRu('')).toBeNull();
  });
});
