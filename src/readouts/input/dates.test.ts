import { describe, expect, it } from 'vitest';
import { findStatedDate } from './dates.ts';

const body = 'The President held talks with the Governor of Kursk Oblast on trade and industry.';
const тело = 'Президент провёл переговоры с губернатором Курской области о торговле и промышленности.';

function stated(text: string, lang: 'en' | 'ru') {
  const found = findStatedDate(text, lang);
  return found && { date: found.date, written: text.slice(found.start, found.end) };
}

describe('the date a readout states for itself', () => {
  it('reads an English dateline with the place before the date', () => {
    expect(stated(`Minsk, 5 December 2017\n\n${body}`, 'en')).toEqual({
      date: '2017-12-05',
      written: '5 December 2017',
    });
  });

  it('reads a dateline that runs into the first paragraph', () => {
    expect(stated(`MINSK, 5 Dec. 2017 – ${body}`, 'en')?.date).toBe('2017-12-05');
    expect(stated(`Минск, 5 декабря 2017 г. — ${тело}`, 'ru')).toEqual({
      date: '2017-12-05',
      written: '5 декабря 2017 г.',
    });
  });

  it('reads a date with a time, and the American order', () => {
    expect(stated(`5 December 2017 14:30\n${body}`, 'en')?.date).toBe('2017-12-05');
    expect(stated(`December 5, 2017\n\n${body}`, 'en')?.date).toBe('2017-12-05');
    expect(stated(`Posted on December 5th, 2017 at 14:30 MSK\n\n${body}`, 'en')?.date).toBe('2017-12-05');
  });

  it('reads Russian datelines written in words and in figures', () => {
    expect(stated(`5 декабря 2017 года\n\n${тело}`, 'ru')?.date).toBe('2017-12-05');
    expect(stated(`05.12.2017 14:30\n${тело}`, 'ru')).toEqual({ date: '2017-12-05', written: '05.12.2017' });
    expect(stated(`Переговоры в Минске\n\nОпубликовано: 5\u00a0декабря 2017, 14:30\n\n${тело}`, 'ru')?.date).toBe(
      '2017-12-05',
    );
  });

  it('reads a day in quotes, as Russian official papers write it, and "the 5th of December"', () => {
    expect(stated(`«05» декабря 2017 г.\n\n${тело}`, 'ru')).toEqual({
      date: '2017-12-05',
      written: '«05» декабря 2017 г.',
    });
    expect(stated(`Minsk, 5th of December 2017\n\n${body}`, 'en')?.date).toBe('2017-12-05');
  });

  it('reads a signature line at the end of the text', () => {
    expect(stated(`${body}\n\nPress Service of the President of Belarus, 5 December 2017`, 'en')?.date).toBe(
      '2017-12-05',
    );
    expect(stated(`${тело}\n\nПресс-служба губернатора Курской области\n05.12.2017`, 'ru')?.date).toBe('2017-12-05');
  });

  it('gives the offset of the date inside the whole text', () => {
    const text = `Talks in Minsk\n\nMinsk, 5 December 2017\n\n${body}`;
    const found = findStatedDate(text, 'en')!;
    expect(text.slice(found.start, found.end)).toBe('5 December 2017');
  });

  it('says nothing when the text does not state its date', () => {
    expect(findStatedDate(`${body}\n\nThe parties agreed to meet again.`, 'en')).toBeNull();
    expect(findStatedDate(`Talks were held on 5 December.\n\n${body}`, 'en')).toBeNull();
  });

  it('does not take a date that the sentence ties to something else', () => {
    for (const text of [
      `The agreement of 5 December 2016 was discussed.\n\n${body}`,
      `By 1 January 2020, trade should reach one billion.\n\n${body}`,
      `${body}\n\nThe programme runs until 31 December 2020`,
      `On 5 December 2017 the President met the Governor.\n\n${body}`,
    ]) {
      expect(findStatedDate(text, 'en')).toBeNull();
    }
    expect(findStatedDate(`Договор от 5 декабря 2016 г. продлён.\n\n${тело}`, 'ru')).toBeNull();
    expect(findStatedDate(`${тело}\n\nПрограмма действует до 31.12.2020`, 'ru')).toBeNull();
    expect(findStatedDate(`5 декабря 2017 г. в Минске прошли переговоры.\n\n${тело}`, 'ru')).toBeNull();
  });

  it('does not take a date deep inside the body', () => {
    const text = `Talks in Minsk\n\n${body}\n\n${body}\n\nMinsk, 5 December 2017\n\n${body}\n\n${body}\n\n${body}\n\n${body}`;
    expect(findStatedDate(text, 'en')).toBeNull();
  });

  it('refuses dates that do not exist', () => {
    expect(findStatedDate(`31.02.2017\n\n${тело}`, 'ru')).toBeNull();
    expect(findStatedDate(`Minsk, 5 Smarch 2017\n\n${body}`, 'en')).toBeNull();
  });
});
