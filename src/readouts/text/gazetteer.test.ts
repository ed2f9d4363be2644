import { beforeAll, describe, expect, it } from 'vitest';
import { createGazetteer, type Gazetteer, type GazetteerMatch } from './gazetteer.ts';
import { loadMorphology, type Morphology } from './morphology.ts';

let morph: Morphology;
let gazetteer: Gazetteer;

const entries = [
  { id: 'kursk', kind: 'territory', names: ['Курская область', 'Kursk Oblast', 'Kursk region'] },
  { id: 'kursk-city', kind: 'territory', names: ['Курск', 'Kursk'] },
  { id: 'belaz', kind: 'organization', names: ['ОАО «БелАЗ»', 'BelAZ'] },
  { id: 'planar', kind: 'organization', names: ['OAO Planar'] },
  { id: 'mmz', kind: 'organization', names: ['Минский моторный завод', 'Minsk Motor Plant'] },
  { id: 'minsk', kind: 'territory', names: ['Минск', 'Minsk'] },
  { id: 'gok', kind: 'organization', names: ['Михайловский ГОК', 'Михайловский горно-обогатительный комбинат'] },
  { id: 'mikhailovsky', kind: 'organization', names: ['Mikhaylovskiy'] },
  { id: 'tyres', kind: 'commodity', names: ['tyres', 'шины'], data: { hs: '4011' } },
  { id: 'trucks', kind: 'commodity', names: ['dump truck', 'самосвал'], data: { hs: '8704' } },
  { id: 'belarus', kind: 'territory', names: ['Belarus', 'Беларусь', 'Республика Беларусь'] },
  { id: 'usa', kind: 'territory', names: ['US', 'U.S.', 'США'] },
  { id: 'spb', kind: 'territory', names: ['St. Petersburg', 'Saint Petersburg'] },
  { id: 'jiangsu', kind: 'territory', names: ['провинция Цзянсу', 'Цзянсу'] },
  { id: 'jiangxi', kind: 'territory', names: ['провинция Цзянси', 'Цзянси'] },
];

beforeAll(async () => {
  morph = await loadMorphology();
  gazetteer = createGazetteer(morph, entries);
});

const found = (text: string, lang: 'en' | 'ru') =>
  gazetteer.find(text, lang).map((m: GazetteerMatch) => `${m.id}:${text.slice(m.start, m.end)}`);

describe('gazetteer in Russian', () => {
  it('finds names in any case: «Курской области», «Минским моторным заводом»', () => {
    expect(found('Губернатор Курской области побывал на встрече с Минским моторным заводом.', 'ru')).toEqual([
      'kursk:Курской области',
      'mmz:Минским моторным заводом',
    ]);
  });

  it('ignores quotes and legal forms around a company name', () => {
    expect(found('Самосвалы ОАО «БелАЗ» и продукция «Планара» пользуются спросом.', 'ru')).toEqual([
      'trucks:Самосвалы',
      'belaz:БелАЗ',
      'planar:Планара',
    ]);
  });

  it('finds a Latin name in a Russian text by transliteration, with a lower score', () => {
    const [match] = gazetteer.find('Техника BelAZ работает на Михайловском ГОКе.', 'ru');
    expect(match).toMatchObject({ id: 'belaz', name: 'BelAZ', score: 1 });
    expect(found('Поставки БелАЗов выросли.', 'ru')).toEqual(['belaz:БелАЗов']);
  });

  it('prefers the longest name and never overlaps', () => {
    expect(found('Делегация Михайловского горно-обогатительного комбината приехала в Курск.', 'ru')).toEqual([
      'gok:Михайловского горно-обогатительного комбината',
      'kursk-city:Курск',
    ]);
    expect(found('В Республике Беларусь и Минске', 'ru')).toEqual(['belarus:Республике Беларусь', 'minsk:Минске']);
  });

  it('takes the name the text spells over one that only shares its stem', () => {
    // Both names give the stem «цзянс»: the word the text spells as one of them decides.
    expect(found('Губернатор провинции Цзянсу посетил Цзянси.', 'ru')).toEqual([
      'jiangsu:провинции Цзянсу',
      'jiangxi:Цзянси',
    ]);
  });

  it('returns the entry data and the name that matched', () => {
    const [match] = gazetteer.find('Экспорт шин вырос.', 'ru');
    expect(match).toMatchObject({ id: 'tyres', kind: 'commodity', name: 'шины', data: { hs: '4011' } });
  });
});

describe('gazetteer in English', () => {
  it('tolerates plurals, possessives and case', () => {
    expect(found("Kursk region's imports of Tyres and dump trucks from Belarus’ plants", 'en')).toEqual([
      "kursk:Kursk region's",
      'tyres:Tyres',
      'trucks:dump trucks',
      'belarus:Belarus’',
    ]);
  });

  it('matches a Cyrillic name written in Latin letters', () => {
    const matches = gazetteer.find('Trucks went to the Mikhailovsky plant and Planar.', 'en');
    expect(matches.map((m) => [m.id, m.score])).toEqual([
      ['mikhailovsky', 0.8],
      ['planar', 1],
    ]);
  });

  it('reads a hyphen and a space between words alike', () => {
    const g = createGazetteer(morph, [
      { id: 'mb', kind: 'sector', names: ['machine-building'] },
      { id: 'bmz', kind: 'organization', names: ['Bryansk Machine Building Plant'] },
    ]);
    const text = 'Machine building grew; the Bryansk Machine-Building Plant agreed.';
    expect(g.find(text, 'en').map((m) => `${m.id}:${text.slice(m.start, m.end)}`)).toEqual([
      'mb:Machine building',
      'bmz:Bryansk Machine-Building Plant',
    ]);
  });

  it('looks only inside the range and keeps offsets into the whole text', () => {
    const text = 'Minsk. Then Kursk Oblast.';
    const matches = gazetteer.find(text, 'en', { start: 7, end: text.length });
    expect(matches).toHaveLength(1);
    expect(text.slice(matches[0]!.start, matches[0]!.end)).toBe('Kursk Oblast');
  });

  it('takes an acronym only in capitals and reads dots inside a name', () => {
    expect(found('Let us see: the US and the U.S. trade with St Petersburg and St. Petersburg.', 'en')).toEqual([
      'usa:US',
      'usa:U.S',
      'spb:St Petersburg',
      'spb:St. Petersburg',
    ]);
  });

  it('does not take a word in lower case for a capitalised name', () => {
    expect(found('a planar surface near minsk', 'en')).toEqual([]);
    expect(found('Planar near Minsk', 'en')).toEqual(['planar:Planar', 'minsk:Minsk']);
  });
});

describe('gazetteer with many entries', () => {
  // Its speed is measured by the readouts benchmark, not asserted here: CI machines are shared.
  it('still finds the right one among 5,000 similar names', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({
      id: `org-${i}`,
      kind: 'organization',
      names: [`Завод номер ${i}`, `Plant ${i} Holding`],
    }));
    const big = createGazetteer(morph, [...entries, ...many]);
    const text = 'Губернатор Курской области посетил Завод номер 42, а Plant 7 Holding прислал делегацию.';
    expect(big.find(text, 'ru').map((m) => m.id)).toEqual(['kursk', 'org-42', 'org-7']);
  });
});
