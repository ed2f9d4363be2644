import { describe, expect, it } from 'vitest';
import type { Lang, TerritoryMention, TradeCarry } from './model.ts';
import { findTradeFigures } from './trade.ts';

/** Territory mentions as the territory module would give them: every listed name, with its code. */
function mark(sentence: string, names: Record<string, string>): TerritoryMention[] {
  const found: TerritoryMention[] = [];
  for (const [name, code] of Object.entries(names)) {
    let at = sentence.indexOf(name);
    while (at >= 0) {
      found.push({ start: at, end: at + name.length, code });
      at = sentence.indexOf(name, at + name.length);
    }
  }
  return found;
}

const kursk = {
  Belarus: 'BY',
  Belarusian: 'BY',
  Russia: 'RU',
  'Kursk Oblast': 'RU-KRS',
  Kursk: 'RU-KRS',
  Беларусь: 'BY',
  Беларуси: 'BY',
  белорусской: 'BY',
  России: 'RU',
  Россией: 'RU',
  'Курской областью': 'RU-KRS',
  'Курской области': 'RU-KRS',
};

function read(sentence: string, lang: Lang, carry: TradeCarry = {}, documentDate = '2017-12-06') {
  return findTradeFigures(sentence, {
    lang,
    documentDate,
    home: 'BY',
    partner: 'RU-KRS',
    territories: mark(sentence, kursk),
    carry,
  });
}

describe('findTradeFigures in English', () => {
  it('reads turnover with its pair, period, qualifier-free amount and growth', () => {
    const sentence =
      'In January–September 2017 trade between Belarus and Kursk Oblast reached $96.3 million, up 40.5% over the same period of 2016.';
    const [figure] = read(sentence, 'en').figures;
    expect(figure).toMatchObject({
      measure: 'turnover',
      reporter: 'BY',
      partner: 'RU-KRS',
      periodFrom: '2017-01',
      periodTo: '2017-09',
      amount: '96300000',
      currency: 'USD',
      qualifier: null,
      growthPercent: '40.5',
      growthMultiple: null,
      basePeriod: { from: '2016-01', to: '2016-09' },
      rule: 'trade.measure',
    });
    expect(sentence.slice(figure!.start, figure!.end)).toBe(
      'trade between Belarus and Kursk Oblast reached $96.3 million, up 40.5%',
    );
  });

  it('keeps a country total inside a regional readout as the countries’ pair', () => {
    const [figure] = read('Trade between Belarus and Russia exceeded $32 billion last year.', 'en').figures;
    expect(figure).toMatchObject({ reporter: 'BY', partner: 'RU', qualifier: 'more than', periodFrom: '2016-01' });
    const [alone] = read("Belarus' trade with Russia as a whole came to $32.4 billion in 2016.", 'en').figures;
    expect(alone).toMatchObject({ reporter: 'BY', partner: 'RU' });
  });

  it('makes the exporter the reporter', () => {
    expect(read('Exports of Belarus to the region reached $60 million in 2016.', 'en').figures[0]).toMatchObject({
      measure: 'exports',
      reporter: 'BY',
      partner: 'RU-KRS',
    });
    expect(read('Kursk exports to Belarus came to $36 million in 2016.', 'en').figures[0]).toMatchObject({
      measure: 'exports',
      reporter: 'RU-KRS',
      partner: 'BY',
    });
    expect(read("The region's exports to Belarus came to $36 million in 2016.", 'en').figures[0]).toMatchObject({
      reporter: 'RU-KRS',
      partner: 'BY',
    });
  });

  it('makes the importer the reporter', () => {
    expect(read('Belarus imported $23 million worth of goods from the region in 2016.', 'en').figures[0]).toMatchObject(
      {
        measure: 'imports',
        reporter: 'BY',
        partner: 'RU-KRS',
      },
    );
    expect(read('The region imported $48.5 million worth of Belarusian goods in 2016.', 'en').figures[0]).toMatchObject(
      {
        measure: 'imports',
        reporter: 'RU-KRS',
        partner: 'BY',
      },
    );
  });

  it('takes the talks’ pair when no territory is named', () => {
    expect(read('Exports stood at $52.1 million in 2016.', 'en').figures[0]).toMatchObject({
      reporter: 'BY',
      partner: 'RU-KRS',
      confidence: 0.85,
    });
  });

  it('gives a figure for each amount of a sentence', () => {
    const { figures } = read('In 2016 exports reached $60 million and imports $36 million.', 'en');
    expect(figures.map((f) => [f.measure, f.amount, f.periodFrom])).toEqual([
      ['exports', '60000000', '2016-01'],
      ['imports', '36000000', '2016-01'],
    ]);
  });

  it('carries the period, measure and pair into the next sentence of the paragraph', () => {
    const first = read('In ten months trade between Belarus and Kursk Oblast amounted to $118.6 million.', 'en');
    expect(first.carry).toEqual({
      measure: 'turnover',
      period: { from: '2017-01', to: '2017-10' },
      pair: { reporter: 'BY', partner: 'RU-KRS' },
    });
    const [next] = read('Belarusian exports stood at $52.1 million.', 'en', first.carry).figures;
    expect(next).toMatchObject({ measure: 'exports', periodFrom: '2017-01', periodTo: '2017-10', reporter: 'BY' });
  });

  it('reads growth as a multiple and a decline', () => {
    expect(read('In 2016 trade with Kursk Oblast grew 3.5-fold to $142 million.', 'en').figures[0]).toMatchObject({
      growthMultiple: '3.5',
      basePeriod: { from: '2015-01', to: '2015-12' },
    });
    expect(read('Last year trade with Kursk Oblast went down by 12% to $37.4 million.', 'en').figures[0]).toMatchObject(
      {
        growthPercent: '-12',
      },
    );
  });

  it('does not take investment, contracts, output, prices or goals for trade', () => {
    expect(read('Belarusian investors put $20 million into the Kursk plant.', 'en').figures).toEqual([]);
    expect(read('Trade talks ended with a contract worth $50 million.', 'en').figures).toEqual([]);
    expect(read('After the trade fair, the plant produced goods for $5 million.', 'en').figures).toEqual([]);
    expect(read('Supplies of gas cost $127 per thousand cubic metres.', 'en').figures).toEqual([]);
    expect(read('The sides agreed to bring trade to $200 million by 2020.', 'en').figures).toEqual([]);
    expect(read('We should bring trade to one billion dollars.', 'en').figures).toEqual([]);
    expect(read('Belarus, Kursk eye $200 million in trade', 'en').figures).toEqual([]);
  });
});

describe('findTradeFigures in Russian', () => {
  it('reads turnover with growth on the same period of the previous year', () => {
    const sentence =
      'В январе–сентябре 2017 года товарооборот Беларуси с Курской областью составил 96,3 млн долларов США, или 140,5 % к уровню аналогичного периода прошлого года.';
    expect(read(sentence, 'ru').figures[0]).toMatchObject({
      measure: 'turnover',
      reporter: 'BY',
      partner: 'RU-KRS',
      periodFrom: '2017-01',
      periodTo: '2017-09',
      amount: '96300000',
      currency: 'USD',
      growthPercent: '40.5',
      basePeriod: { from: '2016-01', to: '2016-09' },
    });
  });

  it('reads exports and imports with their direction', () => {
    expect(
      read('Экспорт белорусской продукции в область за 9 месяцев достиг почти 60 млн долларов.', 'ru').figures[0],
    ).toMatchObject({
      measure: 'exports',
      reporter: 'BY',
      partner: 'RU-KRS',
      qualifier: 'almost',
      periodTo: '2017-09',
    });
    expect(
      read('Импорт из региона вырос в 1,5 раза — до 41,3 млн долларов за январь–июль.', 'ru').figures[0],
    ).toMatchObject({ measure: 'imports', reporter: 'BY', partner: 'RU-KRS', growthMultiple: '1.5' });
  });

  it('keeps the country total apart', () => {
    expect(
      read('В целом товарооборот Беларуси с Россией за 2016 год составил 26,1 млрд долларов.', 'ru').figures[0],
    ).toMatchObject({ reporter: 'BY', partner: 'RU', periodFrom: '2016-01', periodTo: '2016-12' });
  });

  it('does not take a goal or a contract for trade', () => {
    expect(read('Стороны поставили цель довести товарооборот до 200 млн долларов.', 'ru').figures).toEqual([]);
    expect(read('Стороны договорились выйти на товарооборот в 2 млрд долларов к 2021 году.', 'ru').figures).toEqual([]);
    expect(read('На выставке подписаны контракты на 15 млн долларов.', 'ru').figures).toEqual([]);
    expect(read('Инвестиции в проект составят 30 млн долларов.', 'ru').figures).toEqual([]);
  });

  it('ties an amount with no measure word to the measure of the sentence before', () => {
    const carry: TradeCarry = {
      measure: 'turnover',
      period: { from: '2017-01', to: '2017-09' },
      pair: { reporter: 'BY', partner: 'RU-KRS' },
    };
    const sentence = 'На Курскую область из этой суммы приходится 6,8 млн долларов.';
    const mogilev = findTradeFigures('На Могилевскую область из этой суммы приходится 6,8 млн долларов.', {
      lang: 'ru',
      documentDate: '2017-12-06',
      home: 'KZ-SEV',
      partner: 'BY',
      territories: [{ start: 3, end: 24, code: 'BY-MA' }],
      carry: { ...carry, pair: { reporter: 'KZ-SEV', partner: 'BY' } },
    });
    expect(mogilev.figures[0]).toMatchObject({
      measure: 'turnover',
      reporter: 'KZ-SEV',
      partner: 'BY-MA',
      periodFrom: '2017-01',
      rule: 'trade.carried-measure',
    });
    expect(read(sentence, 'ru').figures).toHaveLength(0);
  });
});

describe('figures that lean on their neighbours', () => {
  it('ties a pronoun before a verb of result to the measure of the sentence before', () => {
    const first = read('Trade between Belarus and Kursk Oblast reached $80 million in 2016.', 'en');
    const [figure] = read('In January–September 2017 it grew by 12% to $70.2 million.', 'en', first.carry).figures;
    expect(figure).toMatchObject({
      measure: 'turnover',
      reporter: 'BY',
      partner: 'RU-KRS',
      periodTo: '2017-09',
      amount: '70200000',
      growthPercent: '12',
      rule: 'trade.carried-measure',
    });
    const russian = read('Товарооборот Беларуси с Курской областью в 2016 году составил 80 млн долларов.', 'ru');
    const [later] = read(
      'За девять месяцев 2017 года он составил 70,2 млн долларов, хотя импорт вырос на 14%.',
      'ru',
      russian.carry,
    ).figures;
    expect(later).toMatchObject({ measure: 'turnover', amount: '70200000', growthPercent: null });
  });

  it('splits one measure word between its amounts at the clause, each with its own period and growth', () => {
    const figures = read(
      'Last year the region’s trade with Belarus came to $90 million; in January–September 2017 it was $85 million, up 12.5%.',
      'en',
    ).figures;
    expect(figures.map((f) => [f.amount, f.periodFrom, f.periodTo, f.growthPercent])).toEqual([
      ['90000000', '2016-01', '2016-12', null],
      ['85000000', '2017-01', '2017-09', '12.5'],
    ]);
  });

  it('leaves a growth that follows another measure word to that measure', () => {
    const [figure] = read(
      'Trade between Belarus and Kursk Oblast totalled $75 million in 2016, and Kursk exports to Belarus grew by 40%.',
      'en',
    ).figures;
    expect(figure).toMatchObject({ amount: '75000000', growthPercent: null });
  });
});

describe('pairs, bases and carried sides', () => {
  it('reads a pair joined by a dash and a base after "the level of"', () => {
    const [figure] = read(
      'Last year, Belarus–Kursk Oblast trade came close to $390 million, 1.4 times the level of 2015.',
      'en',
    ).figures;
    expect(figure).toMatchObject({ reporter: 'BY', partner: 'RU-KRS', periodFrom: '2016-01', growthMultiple: '1.4' });
  });

  it('takes the country right after «импорт» for the importer', () => {
    const [figure] = read('Импорт Беларуси из Курской области в 2016 году составил 15,6 млн долларов.', 'ru').figures;
    expect(figure).toMatchObject({ measure: 'imports', reporter: 'BY', partner: 'RU-KRS' });
  });

  it('keeps the other side of the figure before when a share names only one side', () => {
    const first = read('In 2016 trade between Belarus and Russia reached $30 billion.', 'en');
    const [share] = read('Kursk Oblast accounted for $90 million of that.', 'en', first.carry).figures;
    expect(share).toMatchObject({ reporter: 'BY', partner: 'RU-KRS', amount: '90000000' });
  });

  it('reads «прибавив» as growth and «показатель» as the measure before', () => {
    const first = read(
      'Товарооборот Беларуси с Курской областью в 2016 году составил 80 млн долларов, прибавив 7%.',
      'ru',
    );
    expect(first.figures[0]).toMatchObject({ growthPercent: '7' });
    const [later] = read('В 2015 году показатель составил 74,8 млн долларов.', 'ru', first.carry).figures;
    expect(later).toMatchObject({ measure: 'turnover', amount: '74800000', periodFrom: '2015-01' });
  });
});

describe('amounts listed under one measure word', () => {
  it('gives each its own pair and growth, the dash standing for the verb', () => {
    const figures = read(
      'Товарооборот Беларуси с Курской областью в 2016 году превысил 90 млн долларов, ' +
        'с Россией – 30 млрд долларов, что на 12,6% больше.',
      'ru',
    ).figures;
    expect(figures.map((f) => [f.partner, f.amount, f.growthPercent])).toEqual([
      ['RU-KRS', '90000000', null],
      ['RU', '30000000000', '12.6'],
    ]);
  });

  it('does not take goods of a country for its importer', () => {
    const [figure] = read('Импорт белорусской продукции в Курскую область составил 31 млн долларов.', 'ru').figures;
    expect(figure).toMatchObject({ measure: 'imports', reporter: 'RU-KRS', partner: 'BY' });
  });
});
