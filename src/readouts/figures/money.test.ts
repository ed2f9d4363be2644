import { describe, expect, it } from 'vitest';
import { findMoney } from './money.ts';

const one = (text: string, lang: 'en' | 'ru') => {
  const found = findMoney(text, lang);
  expect(found).toHaveLength(1);
  const [m] = found;
  return { ...m!, span: text.slice(m!.start, m!.end) };
};

describe('findMoney in English', () => {
  it.each([
    ['turnover reached $96.3 million', '96300000', 'USD', '$96.3 million'],
    ['a deal worth US$1.2 billion', '1200000000', 'USD', 'US$1.2 billion'],
    ['sales of 2bn roubles', '2000000000', 'RUB', '2bn roubles'],
    ['a payment of $1,234,567 was made', '1234567', 'USD', '$1,234,567'],
    ['exports of $5m', '5000000', 'USD', '$5m'],
    ['worth a billion dollars', '1000000000', 'USD', 'a billion dollars'],
    ['to reach one billion', '1000000000', null, 'one billion'],
    ['EUR 12.5 million', '12500000', 'EUR', 'EUR 12.5 million'],
    ['12 million Belarusian rubles', '12000000', 'BYN', '12 million Belarusian rubles'],
    ['300 million yuan', '300000000', 'CNY', '300 million yuan'],
    ['turnover of 96.3 million in the period', '96300000', null, '96.3 million'],
  ])('reads %s', (text, amount, currency, span) => {
    const m = one(text, 'en');
    expect(m).toMatchObject({ amount, currency });
    expect(m.span).toBe(span);
  });

  it.each([
    ['more than $50 million', 'more than'],
    ['over $50 million', 'more than'],
    ['exceeded $50 million', 'more than'],
    ['approached $50 million', 'almost'],
    ['nearly $50 million', 'almost'],
    ['about $50 million', 'about'],
    ['less than $50 million', 'less than'],
  ])('keeps the qualifier of "%s"', (text, qualifier) => {
    const m = one(text, 'en');
    expect(m).toMatchObject({ amount: '50000000', qualifier });
    expect(m.span).toBe(text);
  });

  it('finds nothing in years, percentages, counts and dates', () => {
    expect(findMoney('In 2018 trade grew by 40.5% and 12 firms took part on 05.12.2017.', 'en')).toEqual([]);
    expect(findMoney('It produced 5 million tonnes and employs 2 thousand people.', 'en')).toEqual([]);
    expect(findMoney('a 5 m long hall', 'en')).toEqual([]);
  });

  it('finds every amount of a sentence', () => {
    const found = findMoney('exports reached $60 million and imports $36 million', 'en');
    expect(found.map((m) => m.amount)).toEqual(['60000000', '36000000']);
  });
});

describe('findMoney in Russian', () => {
  it.each([
    ['составил 96,3 млн долларов', '96300000', 'USD', '96,3 млн долларов'],
    ['составил 96,3 млн долл. США', '96300000', 'USD', '96,3 млн долл. США'],
    ['на сумму 1.844.036.360,12 руб.', '1844036360.12', 'RUB', '1.844.036.360,12 руб.'],
    ['на сумму 1 844 036 360,12 руб.', '1844036360.12', 'RUB', '1 844 036 360,12 руб.'],
    ['на сумму 1\u00a0844\u00a0036\u00a0360,12 руб.', '1844036360.12', 'RUB', '1\u00a0844\u00a0036\u00a0360,12 руб.'],
    ['на сумму 1\u202f844\u202f036 руб.', '1844036', 'RUB', '1\u202f844\u202f036 руб.'],
    ['объем 5,3млн долларов', '5300000', 'USD', '5,3млн долларов'],
    ['контракт на 500 тыс. долларов', '500000', 'USD', '500 тыс. долларов'],
    ['1,5 трлн руб.', '1500000000000', 'RUB', '1,5 трлн руб.'],
    ['до одного миллиарда долларов', '1000000000', 'USD', 'одного миллиарда долларов'],
    ['миллиард долларов', '1000000000', 'USD', 'миллиард долларов'],
    ['полтора миллиарда рублей', '1500000000', 'RUB', 'полтора миллиарда рублей'],
    ['12 млн белорусских рублей', '12000000', 'BYN', '12 млн белорусских рублей'],
    ['12 млн бел. руб.', '12000000', 'BYN', '12 млн бел. руб.'],
    ['3 млрд российских рублей', '3000000000', 'RUB', '3 млрд российских рублей'],
    ['10 млн евро', '10000000', 'EUR', '10 млн евро'],
    ['200 млн тенге', '200000000', 'KZT', '200 млн тенге'],
    ['объем 5,3 млн', '5300000', null, '5,3 млн'],
  ])('reads «%s»', (text, amount, currency, span) => {
    const m = one(text, 'ru');
    expect(m).toMatchObject({ amount, currency });
    expect(m.span).toBe(span);
  });

  it.each([
    ['около 100 млн долларов', 'about'],
    ['свыше $1 млрд', 'more than'],
    ['более 1 млрд долларов', 'more than'],
    ['почти 1 млрд долларов', 'almost'],
    ['порядка 1 млрд долларов', 'about'],
    ['менее 1 млрд долларов', 'less than'],
    ['приблизился к 1 млрд долларов', 'almost'],
  ])('keeps the qualifier of «%s»', (text, qualifier) => {
    const m = one(text, 'ru');
    expect(m.qualifier).toBe(qualifier);
    expect(m.span).toBe(text);
  });

  it('finds nothing in years, percentages and counts', () => {
    expect(findMoney('В 2018 году рост составил 40,5 %, 2018', 'ru')).toEqual([]);
    expect(findMoney('выпущено 5 млн тонн, занято 3 тыс. человек', 'ru')).toEqual([]);
  });
});

describe('findMoney on hostile input', () => {
  it('reads a 200 KB line of digits and spaces quickly', () => {
    const line = '123 '.repeat(50_000) + '1 234 '.repeat(10_000) + '9'.repeat(20_000);
    const began = performance.now();
    findMoney(line, 'ru');
    findMoney(line, 'en');
    expect(performance.now() - began).toBeLessThan(1500);
  });
});
