import { beforeAll, describe, expect, it } from 'vitest';
import { createGazetteer, type Gazetteer } from '../text/gazetteer.ts';
import { loadMorphology, type Morphology } from '../text/morphology.ts';
import { commodityEntries, commodityTerms } from './commodities.ts';
import type { LexiconData } from './entries.ts';

let morph: Morphology;
let gazetteer: Gazetteer;
beforeAll(async () => {
  morph = await loadMorphology();
  gazetteer = createGazetteer(morph, commodityEntries());
});

const codes = (g: Gazetteer, text: string, lang: 'en' | 'ru') =>
  g.find(text, lang).map((m) => `${text.slice(m.start, m.end)}=${(m.data as LexiconData).codes.join('+')}`);

describe('commodity lexicon', () => {
  it('has at least 150 terms in each language', () => {
    expect(commodityTerms.length).toBeGreaterThanOrEqual(150);
    expect(commodityTerms.flatMap((t) => t.en).length).toBeGreaterThanOrEqual(150);
    expect(commodityTerms.flatMap((t) => t.ru).length).toBeGreaterThanOrEqual(150);
  });

  it('gives each entry its first HS code as the id', () => {
    const [match] = gazetteer.find('Exports of synthetic fibres grew.', 'en');
    expect(match).toMatchObject({ id: '54', kind: 'commodity', data: { codes: ['54', '55'] } });
  });

  it('maps the goods of an English readout to HS codes', () => {
    const text =
      'Belarus mainly shipped tires, potash fertilizers, synthetic fibers, freight vehicles and footwear, ' +
      'while the region sent iron ore pellets and grain. Dump trucks, tractors and combine harvesters followed.';
    expect(codes(gazetteer, text, 'en')).toEqual([
      'tires=4011',
      'potash fertilizers=3104',
      'synthetic fibers=54+55',
      'freight vehicles=8704',
      'footwear=64',
      'iron ore pellets=2601',
      'grain=10',
      'Dump trucks=8704',
      'tractors=8701',
      'combine harvesters=8433',
    ]);
  });

  it('maps inflected Russian terms to HS codes', () => {
    const text =
      'Основу поставок составили шины, калийные удобрения и химические волокна; выросли продажи грузовых ' +
      'автомобилей, карьерных самосвалов, сельскохозяйственной техники и молочной продукции, сыров и сливочного ' +
      'масла. Область предложила поставки семян и станков.';
    expect(codes(gazetteer, text, 'ru')).toEqual([
      'шины=4011',
      'калийные удобрения=3104',
      'химические волокна=54+55',
      'грузовых автомобилей=8704',
      'карьерных самосвалов=8704',
      'сельскохозяйственной техники=8432+8433+8436',
      'молочной продукции=04',
      'сыров=0406',
      'сливочного масла=0405',
      'семян=1209',
      'станков=8456-8463',
    ]);
  });

  it('does not take the verb «стали», the car maker «ГАЗ» or «друга» for goods', () => {
    expect(codes(gazetteer, 'Стороны стали надежными партнерами и дополняют друг друга.', 'ru')).toEqual([]);
    expect(codes(gazetteer, 'Минский завод и ГАЗ собирают автобусы.', 'ru')).toEqual(['автобусы=8702']);
    expect(codes(gazetteer, 'Поставки мототехники выросли.', 'ru')).toEqual(['мототехники=8711']);
    expect(codes(gazetteer, 'Поставки техники выросли.', 'ru')).toEqual([]);
  });

  it("merges a user's terms over the built-in ones", () => {
    const extended = createGazetteer(
      morph,
      commodityEntries([
        { term: 'trucks', language: 'en', code: '870421' },
        { term: 'peat harvesting machines', language: 'en', code: '8479' },
        { term: 'торфоуборочные машины', language: 'ru', code: '8479' },
      ]),
    );
    expect(codes(extended, 'Trucks, lorries and peat harvesting machines.', 'en')).toEqual([
      'Trucks=870421',
      'lorries=8704',
      'peat harvesting machines=8479',
    ]);
    expect(codes(extended, 'Поставки торфоуборочных машин.', 'ru')).toEqual(['торфоуборочных машин=8479']);
  });
});
