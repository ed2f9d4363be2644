import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

// Each feature keeps its words in its own namespace file, so features can grow without touching each other.
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', { eager: true });

const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const match = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  (resources[language] ??= {})[namespace] = module.default;
}

export const languages = ['en', 'ru'] as const;
export const languageStorageKey = 'accord.language';

function initialLanguage(): string {
  const stored = window.localStorage.getItem(languageStorageKey);
  if (stored && (languages as readonly string[]).includes(stored)) return stored;
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18next.on('languageChanged', (language) => {
  window.localStorage.setItem(languageStorageKey, language);
  document.documentElement.lang = language;
});
document.documentElement.lang = i18next.language;

export default i18next;
