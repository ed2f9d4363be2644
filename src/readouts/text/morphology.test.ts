import { beforeAll, describe, expect, it } from 'vitest';
import { loadMorphology, type Morphology } from './morphology.ts';

let morph: Morphology;
beforeAll(async () => {
  morph = await loadMorphology();
});

const shareKey = (a: string[], b: string[]) => a.some((k) => b.includes(k));

describe('Russian lemmas', () => {
  it('gives the dictionary form of inflected words', () => {
    expect(morph.lemmas('Курской')).toEqual(['курский']);
    expect(morph.lemmas('области')).toEqual(['область']);
    expect(morph.lemmas('БелАЗа')).toContain('белаз');
    expect(morph.lemmas('Мозырского')).toContain('мозырский');
  });

  it('keeps every reading of an ambiguous word', () => {
    expect(morph.lemmas('стали')).toEqual(expect.arrayContaining(['стать', 'сталь']));
  });

  it('reads ё as е', () => {
    expect(morph.lemmas('Орёл')).toEqual(['орел']);
  });

  it('gives all cases of a company name it does not know a key in common', () => {
    for (const name of ['Планар', 'Росатом', 'Белшина']) {
      const base = morph.keyOf(name, 'ru');
      for (const ending of ['а', 'у', 'ом', 'е']) {
        const inflected = name.endsWith('а') ? name.slice(0, -1) + (ending === 'ом' ? 'ой' : ending) : name + ending;
        expect(shareKey(base, morph.keyOf(inflected, 'ru')), `${name} / ${inflected}`).toBe(true);
      }
    }
  });

  it('inflects only the last part of a hyphenated name it does not know', () => {
    expect(morph.lemmas('БелАЗ-Холдинга')).toEqual(['белаз-холдинг']);
    expect(morph.lemmas('Кабардино-Балкарской')).toEqual(['кабардино-балкарский']);
  });

  it('loads once and shares the dictionaries', async () => {
    const again = await loadMorphology();
    expect(again.lemmas('заводом')).toEqual(['завод']);
  });
});

describe('English stems', () => {
  it('folds plurals and possessives onto one stem', () => {
    const same = [
      ['tyres', 'tyre'],
      ['lorries', 'lorry'],
      ['buses', 'bus'],
      ['fertilizers', 'fertilizer'],
      ['potatoes', 'potato'],
      ['glasses', 'glass'],
      ['vehicles', 'vehicle'],
      ["Belarus'", 'Belarus'],
      ['Belarus’', 'Belarus'],
      ["Russia's", 'Russia'],
    ];
    for (const [a, b] of same) expect(morph.lemmas(a!), `${a} / ${b}`).toEqual(morph.lemmas(b!));
  });

  it('leaves words ending in -us, -ss and -is alone', () => {
    expect(morph.lemmas('Belarus')).toEqual(['belarus']);
    expect(morph.lemmas('analysis')).toEqual(['analysis']);
    expect(morph.lemmas('glass')).toEqual(['glass']);
  });

  it('gives match keys by language: a Latin brand in a Russian text is not an English plural', () => {
    expect(morph.keyOf('Trucks', 'en')).toContain('truck');
    expect(morph.keyOf('Mazs', 'ru')).toEqual(['mazs']);
    expect(morph.keyOf('Курской', 'ru')).toEqual(expect.arrayContaining(['курский', 'курской']));
  });
});
