import { describe, expect, it } from 'vitest';
import { contentWords, nameKey, namesMatch, tokenOverlap } from './normalize.ts';

describe('matching names', () => {
  it('ignores case and quotes', () => {
    expect(namesMatch('«БелАЗ»', 'белаз')).toBe(true);
    expect(namesMatch('"Planar"', '„PLANAR“')).toBe(true);
  });

  it('ignores legal forms in either alphabet', () => {
    expect(namesMatch('OAO Planar', 'Planar')).toBe(true);
    expect(namesMatch('ОАО «Гродно Азот»', 'JSC Grodno Azot')).toBe(true);
    expect(namesMatch('ПАО «Татнефть»', 'Tatneft PJSC')).toBe(true);
    expect(namesMatch('ООО «Полиом»', 'Poliom LLC')).toBe(true);
    expect(namesMatch('ТОО «Казцинк»', 'Kazzinc')).toBe(true);
    expect(namesMatch('ПО «Кристалл»', 'Kristall')).toBe(true);
  });

  it('keeps «по» when it is a word inside the name', () => {
    expect(nameKey('Центр по хранению зерна')).toHaveLength(4);
  });

  it('reads ё as е', () => {
    expect(namesMatch('Алексей Миллер', 'Алексей Миллёр')).toBe(true);
    expect(namesMatch('Пётр Пархомчик', 'Петр Пархомчик')).toBe(true);
  });

  it('matches a Cyrillic name with its romanisations', () => {
    expect(namesMatch('БелАЗ', 'BelAZ')).toBe(true);
    expect(namesMatch('Михайловский ГОК', 'Mikhailovsky GOK')).toBe(true);
    expect(namesMatch('Михайловский ГОК', 'Mihaylovskiy GOK')).toBe(true);
    expect(namesMatch('Евгений Куйвашев', 'Yevgeny Kuyvashev')).toBe(true);
    expect(namesMatch('Алексей Островский', 'Alexei Ostrovsky')).toBe(true);
    expect(namesMatch('Щекиноазот', 'Shchekinoazot')).toBe(true);
    expect(namesMatch('Юрий Шулейко', 'Yuri Shuleiko')).toBe(true);
  });

  it('matches an inflected Russian name with its nominative', () => {
    expect(namesMatch('Минским тракторным заводом', 'Минский тракторный завод')).toBe(true);
    expect(namesMatch('Бабушкиной крынки', 'Бабушкина крынка')).toBe(true);
    expect(namesMatch('Уральской горно-металлургической компании', 'Уральская горно-металлургическая компания')).toBe(
      true,
    );
    expect(namesMatch('Геннадием Соловьём', 'Геннадий Соловей')).toBe(true);
    expect(namesMatch('Евгением Куйвашевым', 'Евгений Куйвашев')).toBe(true);
  });

  it('tells different names apart', () => {
    expect(namesMatch('Минский тракторный завод', 'Минский моторный завод')).toBe(false);
    expect(namesMatch('MAZ', 'BelAZ')).toBe(false);
    expect(namesMatch('Aleksandr Lukashenko', 'Lukashenko')).toBe(false);
    expect(namesMatch('OAO', 'OAO')).toBe(false);
  });
});

describe('overlap of words', () => {
  it('counts the share of the reference content words found in the candidate, in any order', () => {
    expect(tokenOverlap('Governor of Kursk Oblast', 'Kursk Oblast Governor')).toBe(1);
    expect(tokenOverlap('Governor of Kursk Oblast', 'Governor')).toBeCloseTo(1 / 3);
  });

  it('leaves out stop words and keeps numbers', () => {
    expect(contentWords('buy 50 buses for the towns')).toEqual(['bui', '50', 'buses', 'tovns']);
  });

  it('stems Russian words crudely', () => {
    expect(tokenOverlap('Губернатор Курской области', 'губернатором Курская область')).toBe(1);
    expect(tokenOverlap('поставки лифтов в область', 'поставка лифтов в области')).toBe(1);
  });

  it('counts a reference without content words as fully found', () => {
    expect(tokenOverlap('of the', 'anything')).toBe(1);
  });
});
