export type Lang = 'en' | 'ru';

/** Below this many letters a guess is noise (a title, a date line). */
const MIN_LETTERS = 12;
/** The share a script needs to decide; a Russian text quoting "BelAZ" or "USD" is still Russian. */
const MAJORITY = 0.6;

/** The language of a readout from the share of Cyrillic and Latin letters, or null when there is too little text. */
export function detectLanguage(text: string): Lang | null {
  let cyrillic = 0;
  let latin = 0;
  for (const ch of text) {
    if (/\p{Script=Cyrillic}/u.test(ch)) cyrillic++;
    else if (/\p{Script=Latin}/u.test(ch)) latin++;
  }
  const letters = cyrillic + latin;
  if (letters < MIN_LETTERS) return null;
  if (cyrillic / letters >= MAJORITY) return 'ru';
  if (latin / letters >= MAJORITY) return 'en';
  return null;
}
