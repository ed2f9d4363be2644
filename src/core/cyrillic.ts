/** Cyrillic letters (Russian, Belarusian, Ukrainian) in their common English renderings, lower case. */
const latinLetters: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ў: 'u',
  є: 'e',
  ї: 'i',
};

/** Lower-case text with its Cyrillic letters spelled in Latin ones, for file names and loose name keys. */
export function spellInLatin(text: string): string {
  let latin = '';
  for (const ch of text) latin += latinLetters[ch] ?? ch;
  return latin;
}
