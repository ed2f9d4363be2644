import { describe, expect, it } from 'vitest';
import { isicSectors } from './isic.ts';
import { regions } from './regions.ts';

const cyrillic = /[\u0400-\u04FF]/;

describe('ISO 3166-2 regions', () => {
  const russian = regions.filter((r) => r.parent === 'RU');
  const belarusian = regions.filter((r) => r.parent === 'BY');
  const kazakh = regions.filter((r) => r.parent === 'KZ');
  const uzbek = regions.filter((r) => r.parent === 'UZ');
  const chinese = regions.filter((r) => r.parent === 'CN');
  const vietnamese = regions.filter((r) => r.parent === 'VN');

  it('lists the 83 federal subjects of Russia with unique ISO codes', () => {
    expect(russian).toHaveLength(83);
    expect(new Set(russian.map((r) => r.code)).size).toBe(83);
    for (const r of russian) expect(r.code).toMatch(/^RU-[A-Z]{2,3}$/);
  });

  it('lists the 6 regions and the city of Minsk for Belarus', () => {
    expect(belarusian).toHaveLength(7);
    expect(new Set(belarusian.map((r) => r.code)).size).toBe(7);
    for (const r of belarusian) expect(r.code).toMatch(/^BY-[A-Z]{2}$/);
    expect(belarusian.find((r) => r.code === 'BY-HM')).toMatchObject({ nameEn: 'Minsk', nameRu: 'Минск' });
  });

  it('lists 14 regions and the cities of Almaty, Astana and Shymkent for Kazakhstan, by the alphabetic codes', () => {
    expect(kazakh).toHaveLength(17);
    for (const r of kazakh) expect(r.code).toMatch(/^KZ-[A-Z]{3}$/);
    expect(kazakh.find((r) => r.code === 'KZ-ALA')).toMatchObject({ nameEn: 'Almaty', nameRu: 'Алматы' });
    expect(kazakh.find((r) => r.code === 'KZ-ALM')).toMatchObject({
      nameEn: 'Almaty Region',
      nameRu: 'Алматинская область',
    });
    expect(kazakh.find((r) => r.code === 'KZ-SEV')).toMatchObject({
      nameEn: 'North Kazakhstan Region',
      nameRu: 'Северо-Казахстанская область',
    });
  });

  it('lists 12 regions, Karakalpakstan and the city of Tashkent for Uzbekistan', () => {
    expect(uzbek).toHaveLength(14);
    for (const r of uzbek) expect(r.code).toMatch(/^UZ-[A-Z]{2}$/);
    expect(uzbek.find((r) => r.code === 'UZ-TK')).toMatchObject({ nameEn: 'Tashkent', nameRu: 'Ташкент' });
    expect(uzbek.find((r) => r.code === 'UZ-SA')).toMatchObject({
      nameEn: 'Samarkand Region',
      nameRu: 'Самаркандская область',
    });
  });

  it('lists the 34 provincial-level divisions of China by their alphabetic codes', () => {
    expect(chinese).toHaveLength(34);
    for (const r of chinese) expect(r.code).toMatch(/^CN-[A-Z]{2}$/);
    const named = (kind: RegExp) => chinese.filter((r) => kind.test(r.nameEn));
    expect(named(/ Province$/)).toHaveLength(23);
    expect(named(/ Autonomous Region$/)).toHaveLength(5);
    expect(named(/ Special Administrative Region$/)).toHaveLength(2);
    for (const r of named(/ Province$/)) expect(r.nameRu, r.code).toMatch(/^провинция \p{Lu}/u);
    expect(chinese.find((r) => r.code === 'CN-JS')).toMatchObject({
      nameEn: 'Jiangsu Province',
      nameRu: 'провинция Цзянсу',
    });
    expect(chinese.find((r) => r.code === 'CN-HL')).toMatchObject({
      nameEn: 'Heilongjiang Province',
      nameRu: 'провинция Хэйлунцзян',
    });
    expect(chinese.find((r) => r.code === 'CN-GX')).toMatchObject({
      nameEn: 'Guangxi Zhuang Autonomous Region',
      nameRu: 'Гуанси-Чжуанский автономный район',
    });
    expect(chinese.find((r) => r.code === 'CN-BJ')).toMatchObject({ nameEn: 'Beijing', nameRu: 'Пекин' });
  });

  it('lists the 58 provinces and 5 centrally governed cities of Vietnam', () => {
    expect(vietnamese).toHaveLength(63);
    const cities = vietnamese.filter((r) => /^VN-[A-Z]{2}$/.test(r.code));
    expect(cities.map((r) => r.code)).toEqual(['VN-CT', 'VN-DN', 'VN-HN', 'VN-HP', 'VN-SG']);
    for (const r of vietnamese.filter((v) => !cities.includes(v))) {
      expect(r.code).toMatch(/^VN-\d{2}$/);
      expect(r.nameEn, r.code).toMatch(/^[A-Za-z -]+ Province$/);
      expect(r.nameRu, r.code).toMatch(/^провинция \p{Lu}/u);
    }
    expect(vietnamese.find((r) => r.code === 'VN-66')).toMatchObject({
      nameEn: 'Hung Yen Province',
      nameRu: 'провинция Хынгйен',
    });
    expect(vietnamese.find((r) => r.code === 'VN-SG')).toMatchObject({ nameEn: 'Ho Chi Minh City', nameRu: 'Хошимин' });
    expect(vietnamese.find((r) => r.code === 'VN-HN')).toMatchObject({ nameEn: 'Hanoi', nameRu: 'Ханой' });
  });

  it('holds only Belarusian, Chinese, Kazakh, Russian, Uzbek and Vietnamese regions, sorted without duplicates', () => {
    expect(regions).toHaveLength(
      russian.length + belarusian.length + kazakh.length + uzbek.length + chinese.length + vietnamese.length,
    );
    const codes = regions.map((r) => r.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('names every region in English and Russian', () => {
    for (const r of regions) {
      expect(r.nameEn.trim(), r.code).not.toBe('');
      expect(r.nameRu.trim(), r.code).not.toBe('');
      expect(r.nameRu, r.code).toMatch(cyrillic);
      expect(r.nameEn, r.code).not.toMatch(cyrillic);
    }
    expect(regions.find((r) => r.code === 'RU-KRS')).toEqual({
      code: 'RU-KRS',
      parent: 'RU',
      nameEn: 'Kursk Oblast',
      nameRu: 'Курская область',
    });
  });
});

describe('ISIC Rev.4 sectors', () => {
  const sections = isicSectors.filter((s) => s.level === 'section');
  const divisions = isicSectors.filter((s) => s.level === 'division');

  it('lists the 21 sections A–U without a parent', () => {
    expect(sections.map((s) => s.code)).toEqual('ABCDEFGHIJKLMNOPQRSTU'.split(''));
    for (const s of sections) expect(s.parent).toBeNull();
  });

  it('lists the 88 two-digit divisions with unique codes in numeric order', () => {
    expect(divisions).toHaveLength(88);
    const codes = divisions.map((d) => d.code);
    for (const code of codes) expect(code).toMatch(/^\d{2}$/);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(isicSectors.map((s) => s.code)).size).toBe(isicSectors.length);
  });

  it('puts every division under an existing section listed before it', () => {
    for (const d of divisions) {
      const sectionIndex = isicSectors.findIndex((s) => s.level === 'section' && s.code === d.parent);
      expect(sectionIndex, d.code).toBeGreaterThanOrEqual(0);
      expect(sectionIndex, d.code).toBeLessThan(isicSectors.indexOf(d));
    }
    const sectionOf = (code: string) => isicSectors.find((s) => s.code === code)?.parent;
    expect(sectionOf('01')).toBe('A');
    expect(sectionOf('10')).toBe('C');
    expect(sectionOf('33')).toBe('C');
    expect(sectionOf('35')).toBe('D');
    expect(sectionOf('99')).toBe('U');
  });

  it('titles every sector in English and Russian', () => {
    for (const s of isicSectors) {
      expect(s.titleEn.trim(), s.code).not.toBe('');
      expect(s.titleRu, s.code).toMatch(cyrillic);
    }
    expect(isicSectors.find((s) => s.code === 'C')).toMatchObject({
      titleEn: 'Manufacturing',
      titleRu: 'Обрабатывающая промышленность',
    });
  });
});
