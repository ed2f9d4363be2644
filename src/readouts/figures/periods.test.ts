import { describe, expect, it } from 'vitest';
import { findPeriods } from './periods.ts';

const december2017 = '2017-12-06';

const one = (text: string, lang: 'en' | 'ru', documentDate = december2017) => {
  const found = findPeriods(text, lang, documentDate);
  expect(found).toHaveLength(1);
  const [p] = found;
  return { from: p!.from, to: p!.to, span: text.slice(p!.start, p!.end) };
};

describe('findPeriods in English', () => {
  it.each([
    ['trade in January–September 2017 reached', '2017-01', '2017-09', 'January–September 2017'],
    ['trade in January-September grew', '2017-01', '2017-09', 'January-September'],
    ['from January to September 2016', '2016-01', '2016-09', 'January to September 2016'],
    ['for the nine months of 2017', '2017-01', '2017-09', 'nine months of 2017'],
    ['in ten months trade grew', '2017-01', '2017-10', 'ten months'],
    ['in 9 months of 2016', '2016-01', '2016-09', '9 months of 2016'],
    ['last year trade fell', '2016-01', '2016-12', 'last year'],
    ['in 2016 trade fell', '2016-01', '2016-12', '2016'],
    ['in the first half of 2017', '2017-01', '2017-06', 'first half of 2017'],
    ['in the first quarter', '2017-01', '2017-03', 'first quarter'],
    ['in Q3 2016', '2016-07', '2016-09', 'Q3 2016'],
    ['in the first half of this year', '2017-01', '2017-06', 'first half of this year'],
    ['in September 2017', '2017-09', '2017-09', 'September 2017'],
    ['for 2015-2016', '2015-01', '2016-12', '2015-2016'],
  ])('reads "%s"', (text, from, to, span) => {
    expect(one(text, 'en')).toEqual({ from, to, span });
  });

  it('takes the latest year that ended before the document', () => {
    expect(one('in January-September', 'en', '2017-09-20')).toMatchObject({ from: '2016-01', to: '2016-09' });
    expect(one('in the first quarter', 'en', '2017-04-02')).toMatchObject({ from: '2017-01', to: '2017-03' });
  });

  it('finds no period in a date, a deadline or the verb may', () => {
    expect(findPeriods('the talks on 5 December 2017 may lead to a deal by 2020', 'en', december2017)).toEqual([]);
  });
});

describe('findPeriods in Russian', () => {
  it.each([
    ['в январе–сентябре 2017 года товарооборот', '2017-01', '2017-09', 'январе–сентябре 2017 года'],
    ['за январь-сентябрь товарооборот', '2017-01', '2017-09', 'январь-сентябрь'],
    ['с января по сентябрь 2016 г.', '2016-01', '2016-09', 'января по сентябрь 2016 г.'],
    ['за 9 месяцев 2017 г.', '2017-01', '2017-09', '9 месяцев 2017 г.'],
    ['за десять месяцев', '2017-01', '2017-10', 'десять месяцев'],
    ['в прошлом году', '2016-01', '2016-12', 'прошлом году'],
    ['по итогам 2016 года', '2016-01', '2016-12', '2016 года'],
    ['в 2016 году', '2016-01', '2016-12', '2016 году'],
    ['в первом полугодии', '2017-01', '2017-06', 'первом полугодии'],
    ['в I квартале 2017 года', '2017-01', '2017-03', 'I квартале 2017 года'],
    ['в сентябре 2017 года', '2017-09', '2017-09', 'сентябре 2017 года'],
    ['за 9 месяцев текущего года', '2017-01', '2017-09', '9 месяцев текущего года'],
  ])('reads «%s»', (text, from, to, span) => {
    expect(one(text, 'ru')).toEqual({ from, to, span });
  });

  it('finds no period in a date or a deadline', () => {
    expect(findPeriods('переговоры 5 декабря 2017 г.; до 2020 года; к 2025 году', 'ru', december2017)).toEqual([]);
  });
});
