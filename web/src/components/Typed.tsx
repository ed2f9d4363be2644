import { typedLanguage } from '../i18n/bilingual.ts';

/**
 * A text a user typed in one field (a place, an alias, a dataset's name), marked with the language it is in
 * so that screen readers read it in that language; it is shown as written, whatever the interface language.
 */
export function Typed({ text, lang }: { text: string; lang?: string | null }) {
  const language = lang ?? typedLanguage(text);
  return language ? <span lang={language}>{text}</span> : <>{text}</>;
}
