import { describe, expect, it } from 'vitest';
import { localizeLocator, pickLanguage, typedLanguage } from '../../web/src/i18n/bilingual.ts';

describe('a text kept in two languages', () => {
  it("shows the reader's language when it is there", () => {
    expect(pickLanguage('Talks', 'Переговоры', 'ru')).toEqual({ text: 'Переговоры', lang: 'ru', fallback: false });
    expect(pickLanguage('Talks', 'Переговоры', 'en')).toEqual({ text: 'Talks', lang: 'en', fallback: false });
  });

  it('falls back to the other language, saying so, and gives nothing when neither is there', () => {
    expect(pickLanguage('Talks', null, 'ru')).toEqual({ text: 'Talks', lang: 'en', fallback: true });
    expect(pickLanguage(null, 'Переговоры', 'en')).toEqual({ text: 'Переговоры', lang: 'ru', fallback: true });
    expect(pickLanguage('', undefined, 'en')).toBeNull();
  });
});

describe('a place in a document', () => {
  it('names paragraphs, pages and sections, one or a range, in the reader’s language', () => {
    expect(localizeLocator('paragraph 10', 'ru')).toBe('абзац 10');
    expect(localizeLocator('paragraphs 1–2', 'ru')).toBe('абзацы 1–2');
    expect(localizeLocator('Pages 3-4', 'ru')).toBe('страницы 3–4');
    expect(localizeLocator('section 2', 'ru')).toBe('раздел 2');
    expect(localizeLocator('абзац 7', 'en')).toBe('paragraph 7');
    expect(localizeLocator('paragraph 10', 'en')).toBe('paragraph 10');
    expect(localizeLocator('item 3', 'ru')).toBe('пункт 3');
    expect(localizeLocator('annex', 'ru')).toBe('приложение');
    expect(localizeLocator('приложение 2', 'en')).toBe('annex 2');
  });

  it('leaves any other locator as it was typed', () => {
    for (const locator of ['table 3', 'paragraph ten', 'annex, line 4', 'стр. 5']) {
      expect(localizeLocator(locator, 'ru')).toBe(locator);
    }
  });
});

describe('the language of a text kept in one field', () => {
  it('is told by its script, and is unknown for codes and numbers', () => {
    expect(typedLanguage('Minsk')).toBe('en');
    expect(typedLanguage('Минск')).toBe('ru');
    expect(typedLanguage('ОАО «БЕЛАЗ» (BelAZ)')).toBe('ru');
    expect(typedLanguage('Kursk Oblast, 2017')).toBe('en');
    expect(typedLanguage('8703')).toBeUndefined();
    expect(typedLanguage('C')).toBeUndefined();
  });
});
