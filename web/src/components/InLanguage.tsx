import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { pickLanguage } from '../i18n/bilingual.ts';

interface Props {
  en: string | null | undefined;
  ru: string | null | undefined;
  /** Shown when neither language has the text. */
  empty?: string;
}

/**
 * A record's text in the reader's language; when only the other language has it, that one with a small
 * badge saying so, marked with its language for screen readers and spell checkers.
 */
export function InLanguage({ en, ru, empty = '—' }: Props) {
  const { t, i18n } = useTranslation('common');
  const picked = pickLanguage(en, ru, i18n.language);
  if (!picked) return <>{empty}</>;
  if (!picked.fallback) return <>{picked.text}</>;
  const only = t(picked.lang === 'en' ? 'bilingual.onlyEn' : 'bilingual.onlyRu');
  return (
    <span lang={picked.lang}>
      {picked.text}{' '}
      <Badge
        component="abbr"
        size="xs"
        variant="outline"
        color="dark"
        title={only}
        aria-label={only}
        data-only-language={picked.lang}
        style={{ verticalAlign: 'middle', textDecoration: 'none' }}
      >
        {picked.lang.toUpperCase()}
      </Badge>
    </span>
  );
}
