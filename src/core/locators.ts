/**
 * A place in a document ("paragraph 10", "pages 3–4", "item 2", "annex") in the reader's language. Locators
 * are typed by hand, so only the common forms are translated; anything else is shown as it was written.
 * Shared by the web and the server's documents (briefings), so both say a place alike.
 */
const locatorWords = {
  paragraph: { en: ['paragraph', 'paragraphs'], ru: ['абзац', 'абзацы'] },
  page: { en: ['page', 'pages'], ru: ['страница', 'страницы'] },
  section: { en: ['section', 'sections'], ru: ['раздел', 'разделы'] },
  item: { en: ['item', 'items'], ru: ['пункт', 'пункты'] },
  annex: { en: ['annex', 'annexes'], ru: ['приложение', 'приложения'] },
  // Where a readout's draft item was read from (src/readouts/spans.ts).
  character: { en: ['character', 'characters'], ru: ['символ', 'символы'] },
} as const;

const locatorPattern =
  /^(paragraphs?|pages?|sections?|items?|annex(?:es)?|characters?|абзацы?|страницы?|разделы?|пункты?|приложени[ея]|символы?)(?:\s+(\d+)(?:\s*[–-]\s*(\d+))?)?$/iu;

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
  if (match[2] === undefined) return words[0];
  return `${words[range ? 1 : 0]} ${match[2]}${range ? `–${match[3]}` : ''}`;
}
