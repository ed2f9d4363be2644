import { describe, expect, it } from 'vitest';
import { normalizeName, transliterate } from './names.ts';

describe('normalizeName', () => {
  it('drops quotes, case and legal forms in both languages', () => {
    expect(normalizeName('ОАО «Планар»')).toBe('планар');
    expect(normalizeName('OAO Planar')).toBe('planar');
    expect(normalizeName('Planar, JSC')).toBe('planar');
    expect(normalizeName('"BelAZ" OJSC')).toBe('belaz');
    expect(normalizeName('Открытое акционерное общество "БелАЗ"')).toBe('белаз');
    expect(normalizeName('Open Joint-Stock Company “Minsk Motor Plant”')).toBe('minsk motor plant');
    expect(normalizeName('РУП «Гомсельмаш»')).toBe('гомсельмаш');
    expect(normalizeName('Rosatom State Corporation')).toBe('rosatom');
  });

  it('reads ё as е and dashes as spaces', () => {
    expect(normalizeName('Орёл-Сити  ООО')).toBe('орел сити');
    expect(normalizeName('Mozyr Housing-Construction Factory')).toBe('mozyr housing construction factory');
  });

  it('keeps a name that is only a legal form-like word', () => {
    expect(normalizeName('АО')).toBe('ао');
    expect(normalizeName('Limited')).toBe('limited');
  });
});

describe('transliterate', () => {
  it('gives Cyrillic and Latin spellings of a name one key', () => {
    expect(transliterate('БелАЗ')).toBe('belaz');
    expect(transliterate('BelAZ')).toBe('belaz');
    expect(transliterate('Планар')).toBe('planar');
    const key = transliterate('Михайловский');
    expect(transliterate('Mikhailovsky')).toBe(key);
    expect(transliterate('Mikhaylovskiy')).toBe(key);
    expect(transliterate('Mikhajlovskij')).toBe(key);
  });

  it('merges kh/h, ts/c, shch/sch and soft signs', () => {
    expect(transliterate('Цветков')).toBe(transliterate('Tsvetkov'));
    expect(transliterate('Хабаровск')).toBe(transliterate('Habarovsk'));
    expect(transliterate('Щёкино')).toBe(transliterate('Shchekino'));
    expect(transliterate('Гомель')).toBe(transliterate('Gomel'));
    expect(transliterate('Беларусь')).toBe(transliterate('Belarus'));
    expect(transliterate('Дмитриев')).toBe(transliterate('Dmitriyev'));
  });
});
