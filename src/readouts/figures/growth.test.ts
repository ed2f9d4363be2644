import { describe, expect, it } from 'vitest';
import { findGrowth } from './growth.ts';

const one = (text: string, lang: 'en' | 'ru') => {
  const found = findGrowth(text, lang);
  expect(found).toHaveLength(1);
  const [g] = found;
  return { percent: g!.percent, multiple: g!.multiple, span: text.slice(g!.start, g!.end) };
};

describe('findGrowth in English', () => {
  it.each([
    ['turnover was $96.3 million (+40.5%)', '40.5', '+40.5%'],
    ['turnover was up 40.5%', '40.5', 'up 40.5%'],
    ['turnover went up 40.5% on last year', '40.5', 'went up 40.5%'],
    ['trade grew by 40.5 percent', '40.5', 'grew by 40.5 percent'],
    ['exports grew by 12 per cent', '12', 'grew by 12 per cent'],
    ['imports decreased by 5%', '-5', 'decreased by 5%'],
    ['imports fell 5 percent', '-5', 'fell 5 percent'],
    ['imports changed by -3.2%', '-3.2', '-3.2%'],
    ['a 12% increase', '12', '12% increase'],
    ['exports were 7% lower', '-7', '7% lower'],
    ['trade increased compared with 2016 by 40.5%', '40.5', 'by 40.5%'],
    ['trade was 140.5% of the level of 2016', '40.5', '140.5% of the level'],
  ])('reads "%s"', (text, percent, span) => {
    expect(one(text, 'en')).toEqual({ percent, multiple: null, span });
  });

  it.each([
    ['exports rose 1.4 times', '1.4', '1.4 times'],
    ['a 3.5-fold rise', '3.5', '3.5-fold rise'],
    ['trade doubled', '2', 'doubled'],
    ['imports halved', '-2', 'halved'],
    ['exports were 2 times lower', '-2', '2 times lower'],
    ['exports grew twice', '2', 'twice'],
  ])('reads the multiple in "%s"', (text, multiple, span) => {
    expect(one(text, 'en')).toEqual({ percent: null, multiple, span });
  });

  it('does not take a share, a level or a frequency for growth', () => {
    expect(findGrowth('Belarus accounts for 30% of the region’s trade', 'en')).toEqual([]);
    expect(findGrowth('machinery makes up 30% of exports', 'en')).toEqual([]);
    expect(findGrowth('the share rose by 2 percentage points', 'en')).toEqual([]);
    expect(findGrowth('the delegation visited twice', 'en')).toEqual([]);
    expect(findGrowth('the commission meets 2 times a year', 'en')).toEqual([]);
  });
});

describe('findGrowth in Russian', () => {
  it.each([
    ['товарооборот выросла на 40,5 %', '40.5', 'выросла на 40,5 %'],
    ['рост на 40,5 процента', '40.5', 'рост на 40,5 процента'],
    ['импорт снизился на 5 %', '-5', 'снизился на 5 %'],
    ['экспорт сократился на 3,2%', '-3.2', 'сократился на 3,2%'],
    ['составил 140,5 % к уровню 2016 года', '40.5', '140,5 % к уровню'],
    ['составил 85 % к уровню 2016 года', '-15', '85 % к уровню'],
    ['на 12,3% больше, чем годом ранее', '12.3', '12,3% больше'],
    ['на 4 % меньше', '-4', '4 % меньше'],
    ['товарооборот увеличился по сравнению с 2016 годом на 40,5 %', '40.5', 'на 40,5 %'],
  ])('reads «%s»', (text, percent, span) => {
    expect(one(text, 'ru')).toEqual({ percent, multiple: null, span });
  });

  it.each([
    ['экспорт вырос в 1,4 раза', '1.4', 'в 1,4 раза'],
    ['импорт увеличился в 3,5 раза', '3.5', 'в 3,5 раза'],
    ['поставки выросли вдвое', '2', 'вдвое'],
    ['поставки вдвое сократились', '-2', 'вдвое'],
    ['импорт снизился в 2 раза', '-2', 'в 2 раза'],
    ['экспорт в 1,5 раза больше', '1.5', 'в 1,5 раза больше'],
    ['экспорт вырос в полтора раза', '1.5', 'в полтора раза'],
  ])('reads the multiple in «%s»', (text, multiple, span) => {
    expect(one(text, 'ru')).toEqual({ percent: null, multiple, span });
  });

  it('does not take a share or a frequency for growth', () => {
    expect(findGrowth('на долю Беларуси приходится 30 % товарооборота', 'ru')).toEqual([]);
    expect(findGrowth('доля составляет 30 % от общего объема', 'ru')).toEqual([]);
    expect(findGrowth('комиссия собирается 2 раза в год', 'ru')).toEqual([]);
  });
});

describe('findGrowth on hostile input', () => {
  it('reads a 200 KB line of digits, spaces and percent signs quickly', () => {
    const line = '12 % '.repeat(20_000) + '1 234 '.repeat(10_000);
    const began = performance.now();
    findGrowth(line, 'ru');
    expect(performance.now() - began).toBeLessThan(1500);
  });
});
