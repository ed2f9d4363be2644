import { createHash } from 'node:crypto';
import { refuse } from './problems.ts';

/** The most characters a readout may have: a long press release is 20,000; this is ten of them. */
export const maxReadoutCharacters = 200_000;
/** Fewer letters than a two-line note cannot tell who met whom. */
export const minReadoutLetters = 80;
/** A readout is prose: at least half of what is not a space is letters (tables of figures are far below). */
const minLetterShare = 0.5;

/**
 * The canonical form of a readout's text: the form that is stored, hashed, shown and that every span
 * indexes into, whatever it was read from.
 *
 * - Line breaks become LF; U+2028, NEL, form and vertical feeds (a PDF's page break) become a line break
 *   and U+2029 a paragraph break, so words on either side stay apart.
 * - Control characters other than LF and TAB go, as do soft hyphens and zero-width spaces and joiners that
 *   would split a name ("Bel&shy;AZ") for matching without being visible to the reader.
 * - NFC, after the removals, so a removed character never leaves a letter and its accent apart.
 * - Non-breaking spaces (U+00A0, U+202F) are KEPT: the text is shown to the analyst as it was written and
 *   spans must point into it; Russian typesetting puts them inside figures ("1 844 036") and between a day
 *   and its month, where they say "these belong together". The figures and date parsers read them as spaces.
 * - Each line loses its trailing white space; runs of blank lines become one; the whole is trimmed.
 */
export function normalizeReadoutText(text: string): string {
  const lines = removeInvisible(unifyLineBreaks(text)).normalize('NFC').split('\n');
  const kept: string[] = [];
  let blank = 0;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') {
      blank += 1;
      continue;
    }
    if (kept.length > 0) kept.push(blank > 0 ? '\n\n' : '\n');
    kept.push(line);
    blank = 0;
  }
  return kept.join('').trim();
}

function unifyLineBreaks(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u0085\f\v]/g, '\n')
    .replace(/\u2029/g, '\n\n');
}

// Control characters (TAB and LF are kept), soft hyphen, zero-width space, word joiner, byte order mark.
const invisible = /[\p{Cc}\u00ad\u200b\u2060\ufeff]/gu;

function removeInvisible(text: string): string {
  return text.replace(invisible, (char) => (char === '\n' || char === '\t' ? char : ''));
}

/** Lower-case hex SHA-256 of the normalised text, so the same readout is known again in any format. */
export function readoutHash(text: string): string {
  return createHash('sha256').update(normalizeReadoutText(text), 'utf8').digest('hex');
}

/**
 * The first gate before extraction: refuses a text that is empty, longer than any readout, or not prose
 * (binary read as text, a table of figures, a line or two). Whether it tells of a meeting is the engine's
 * call, later.
 */
export function checkReadoutText(text: string): void {
  if (text.trim() === '') {
    throw refuse('text', 'empty_text', 'the readout is empty: paste its text or upload a file that holds it');
  }
  if (text.length > maxReadoutCharacters) {
    throw refuse(
      'text',
      'too_big',
      `the readout has ${text.length.toLocaleString('en')} characters; Accord reads readouts of up to ` +
        `${maxReadoutCharacters.toLocaleString('en')}: paste the one readout, not a whole collection`,
      { maximum: maxReadoutCharacters, length: text.length },
    );
  }
  const counts = countCharacters(text);
  if (counts.replacement > 0 && counts.replacement >= counts.visible * 0.01) {
    throw refuse(
      'text',
      'not_a_readout',
      `the text holds ${counts.replacement} characters that could not be decoded (shown as �): ` +
        'it looks like a binary file read as text; upload the document itself or paste its text',
      { reason: 'binary', replaced: counts.replacement },
    );
  }
  const share = counts.letters / counts.visible;
  if (share < minLetterShare) {
    const percent = Math.round(share * 100);
    throw refuse(
      'text',
      'not_a_readout',
      `only ${percent}% of the text is letters: it looks like a table of figures or a binary file, not a ` +
        'readout written in sentences',
      { reason: 'mostly_not_letters', share: percent, minimum: Math.round(minLetterShare * 100) },
    );
  }
  if (counts.letters < minReadoutLetters) {
    throw refuse(
      'text',
      'not_a_readout',
      `the text has ${counts.letters} letters; a readout needs at least ${minReadoutLetters} to say who met ` +
        'whom: paste the whole readout',
      { reason: 'too_short', letters: counts.letters, minimum: minReadoutLetters },
    );
  }
}

function countCharacters(text: string): { letters: number; visible: number; replacement: number } {
  let letters = 0;
  let visible = 0;
  let replacement = 0;
  for (const char of text) {
    if (/\s/.test(char)) continue;
    visible += 1;
    if (char === '\ufffd') replacement += 1;
    else if (/\p{L}/u.test(char)) letters += 1;
  }
  return { letters, visible, replacement };
}
