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

const locatorWords = {
  paragraph: { en: ['paragraph', 'paragraphs'], ru: ['абзац', 'абзацы'] },
  page: { en: ['page', 'pages'], ru: ['страница', 'страницы'] },
  section: { en: ['section', 'sections'], ru: ['раздел', 'разделы'] },
} as const;

const locatorPattern = /^(paragraphs?|pages?|sections?|абзацы?|страницы?|разделы?)\s+(\d+)(?:\s*[–-]\s*(\d+))?$/iu;

/**
 * A place in a document ("paragraph 10", "pages 3–4") in the reader's language. Locators are typed by hand,
 * so only the common forms are translated; anything else is shown as it was written.
 */
export function localizeLocator(locator: string, language: string): string {
  const match = locatorPattern.exec(locator.trim());
  if (!match) return locator;
  const word = match[1]!.toLowerCase();
  const unit = (Object.keys(locatorWords) as Array<keyof typeof locatorWords>).find((key) =>
    [...locatorWords[key].en, ...locatorWords[key].ru].includes(word as never),
  );
  if (!unit) return locator;
  const range = match[3] !== undefined;
  const words = locatorWords[unit][language === 'ru' ? 'ru' : 'en'];
  return `${words[range ? 1 : 0]} ${match[2]}${range ? `–${match[3]}` : ''}`;
}

/**
 * The language a text kept in one field only was typed in, told by its script: Russian with a Cyrillic
 * letter, English with Latin letters and no Cyrillic, unknown otherwise (codes, numbers).
 */
export function typedLanguage(text: string): 'en' | 'ru' | undefined {
  if (/\p{Script=Cyrillic}/u.test(text)) return 'ru';
  return /\p{Script=Latin}{2,}/u.test(text) ? 'en' : undefined;
}
