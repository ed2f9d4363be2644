import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const locales = fileURLToPath(new URL('../../web/src/i18n/locales/', import.meta.url));

/** Keys of a locale file, plural forms as one key: Russian has forms (few, many) that English lacks. */
function keysOf(language: string, file: string): string[] {
  const walk = (value: unknown, prefix: string): string[] =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, inner]) => walk(inner, `${prefix}${key}.`))
      : [prefix.slice(0, -1).replace(/_(zero|one|two|few|many|other)$/, '')];
  const text = fs.readFileSync(`${locales}${language}/${file}`, 'utf8');
  return [...new Set(walk(JSON.parse(text), ''))].sort();
}

describe('web locales', () => {
  // A key missing in one language shows the English text, or the key itself, to its readers.
  it.each(fs.readdirSync(`${locales}en`))('%s has the same keys in English and Russian', (file) => {
    expect(keysOf('ru', file)).toEqual(keysOf('en', file));
  });
});
