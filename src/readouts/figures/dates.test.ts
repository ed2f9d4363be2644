import { describe, expect, it } from 'vitest';
import { findDates, findDueRanges, shiftDay } from './dates.ts';

const documentDate = '2017-12-06';

const dates = (text: string, lang: 'en' | 'ru') =>
  findDates(text, lang, documentDate).map((d) => ({ date: d.date, span: text.slice(d.start, d.end) }));

const due = (text: string, lang: 'en' | 'ru') =>
  findDueRanges(text, lang, documentDate).map((d) => ({
    dueFrom: d.dueFrom,
    dueTo: d.dueTo,
    span: text.slice(d.start, d.end),
  }));

describe('findDates', () => {
  it.each([
    ['The talks were held on 5 December in Minsk.', 'en', '2017-12-05'],
    ['The talks were held on 5 December 2016.', 'en', '2016-12-05'],
    ['The talks were held on 05.12.2017.', 'en', '2017-12-05'],
    ['Yesterday the governor arrived.', 'en', '2017-12-05'],
    ['The governor visited the plant on 20 March.', 'en', '2017-03-20'],
    ['Переговоры прошли 5 декабря в Минске.', 'ru', '2017-12-05'],
    ['Переговоры прошли 5 декабря 2017 г.', 'ru', '2017-12-05'],
    ['Переговоры прошли 05.12.2017.', 'ru', '2017-12-05'],
    ['Вчера губернатор прибыл в Минск.', 'ru', '2017-12-05'],
  ] as const)('reads the day in "%s"', (text, lang, date) => {
    expect(dates(text, lang).map((d) => d.date)).toEqual([date]);
  });

  it('puts an undated day in the future when the clause speaks of the future', () => {
    expect(dates('The governor will visit Minsk on 20 March.', 'en')[0]?.date).toBe('2018-03-20');
    expect(dates('Визит губернатора состоится 20 марта.', 'ru')[0]?.date).toBe('2018-03-20');
  });

  it('finds no day in a run of months or a year', () => {
    expect(dates('Trade in January–September 2017 and in 2016 grew.', 'en')).toEqual([]);
    expect(dates('Товарооборот за январь–сентябрь 2017 года вырос.', 'ru')).toEqual([]);
  });
});

describe('findDueRanges', () => {
  it.each([
    ['to be signed next year', 'en', '2018-01-01', '2018-12-31', 'next year'],
    ['next year or the year after', 'en', '2018-01-01', '2019-12-31', 'next year or the year after'],
    ['could start in one to two years', 'en', '2018-12-06', '2019-12-06', 'in one to two years'],
    ['by the end of the year', 'en', null, '2017-12-31', 'by the end of the year'],
    ['within a month', 'en', null, '2018-01-06', 'within a month'],
    ['by 2020', 'en', null, '2019-12-31', 'by 2020'],
    ['by the end of 2018', 'en', null, '2018-12-31', 'by the end of 2018'],
    ['in 2018 the plant will deliver', 'en', '2018-01-01', '2018-12-31', 'in 2018'],
    ['до конца года', 'ru', null, '2017-12-31', 'до конца года'],
    ['до 2020 года', 'ru', null, '2019-12-31', 'до 2020 года'],
    ['в следующем году', 'ru', '2018-01-01', '2018-12-31', 'в следующем году'],
    ['в ближайшие два года', 'ru', null, '2019-12-06', 'в ближайшие два года'],
    ['в течение месяца', 'ru', null, '2018-01-06', 'в течение месяца'],
    ['через один-два года', 'ru', '2018-12-06', '2019-12-06', 'через один-два года'],
    ['в 2018 году', 'ru', '2018-01-01', '2018-12-31', 'в 2018 году'],
    ['в течение полугода', 'ru', null, '2018-06-06', 'в течение полугода'],
  ] as const)('reads "%s"', (text, lang, dueFrom, dueTo, span) => {
    expect(due(text, lang)).toEqual([{ dueFrom, dueTo, span }]);
  });

  it('finds no deadline in a past year', () => {
    expect(due('in 2016 trade fell', 'en')).toEqual([]);
    expect(due('в 2016 году товарооборот снизился', 'ru')).toEqual([]);
  });

  it('keeps the day of month inside a shorter month', () => {
    expect(shiftDay('2018-01-31', 0, 1, 0)).toBe('2018-02-28');
  });
});
