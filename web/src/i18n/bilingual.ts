/** A text kept in English, Russian or both, as the reader should see it. */
export interface Picked {
  text: string;
  /** The language the text is in. */
  lang: 'en' | 'ru';
  /** The reader's language has none, so this is the other one. */
  fallback: boolean;
}

/**
 * The text in the reader's language, or else in the other one, flagged so the page can say so: records keep
 * what users wrote, and many are known in one language only.
 */
export function pickLanguage(
  en: string | null | undefined,
  ru: string | null | undefined,
  language: string,
): Picked | null {
  const wantRu = language === 'ru';
  const own = wantRu ? ru : en;
  if (own) return { text: own, lang: wantRu ? 'ru' : 'en', fallback: false };
  const other = wantRu ? en : ru;
  if (other) return { text: other, lang: wantRu ? 'en' : 'ru', fallback: true };
  return null;
}

export { localizeLocator } from '../../../src/core/locators.ts';

/**
 * The language a text kept in one field only was typed in, told by its script: Russian with a Cyrillic
 * letter, English with Latin letters and no Cyrillic, unknown otherwise (codes, numbers).
 */
export function typedLanguage(text: string): 'en' | 'ru' | undefined {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  return /\p{Script=Latin}{2,}/u.test(text) ? 'en' : undefined;
}
