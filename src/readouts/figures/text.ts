/**
 * Small, linear scanners the figure rules share: lexicon phrases matched at a position (forwards or
 * backwards), numbers as written in English and Russian, and exact decimal arithmetic on strings.
 * Everything walks the text once with explicit loops rather than regular expressions, so that no input
 * (a 200 KB line of digits and spaces included) can make a match backtrack.
 */
import type { Lang } from './model.ts';

const letter = /\p{L}/u;
const spaceChars = new Set([' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003']);

export function isLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  if (code >= 0x400 && code <= 0x4ff) return true;
  return letter.test(c);
}
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isSpace = (c: string | undefined): boolean => c !== undefined && spaceChars.has(c);

/** Lower case with every character kept at its offset (a few letters grow when lowered; those stay as they are). */
export function lowerKeepingOffsets(text: string): string {
  const lowered = text.toLowerCase();
  if (lowered.length === text.length) return lowered;
  let out = '';
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

export function skipSpaces(text: string, pos: number): number {
  while (isSpace(text[pos])) pos++;
  return pos;
}

export function skipSpacesBack(text: string, end: number): number {
  while (end > 0 && isSpace(text[end - 1])) end--;
  return end;
}

interface Token {
  text: string;
  /** The token is a stem: any letters may follow it ("доллар*" reads долларов, доллара…). */
  stem: boolean;
}

/**
 * A lexicon phrase, lower case: words separated by a space (which matches any run of spaces, non-breaking
 * ones included); a word ending in `*` is a stem that takes any ending.
 */
export class Phrase {
  readonly tokens: Token[];
  constructor(readonly source: string) {
    this.tokens = source
      .toLowerCase()
      .split(' ')
      .filter((t) => t.length > 0)
      .map((t) => (t.endsWith('*') ? { text: t.slice(0, -1), stem: true } : { text: t, stem: false }));
  }

  /** Where the phrase ends if it starts at `pos` of the lowered text, else -1. */
  matchAt(lower: string, pos: number): number {
    const first = this.tokens[0]?.text[0];
    if (isLetter(first) && isLetter(lower[pos - 1])) return -1;
    let at = pos;
    for (let t = 0; t < this.tokens.length; t++) {
      const token = this.tokens[t]!;
      if (t > 0) {
        const after = skipSpaces(lower, at);
        if (after === at && !endsWithNonLetter(this.tokens[t - 1]!)) return -1;
        at = after;
      }
      if (!lower.startsWith(token.text, at)) return -1;
      at += token.text.length;
      if (token.stem) while (isLetter(lower[at])) at++;
    }
    const last = this.tokens[this.tokens.length - 1]!;
    if ((last.stem || isLetter(last.text[last.text.length - 1])) && isLetter(lower[at])) return -1;
    return at;
  }

  /** Where the phrase starts if it ends at `end` of the lowered text, else -1. */
  matchBefore(lower: string, end: number): number {
    let at = end;
    const lastToken = this.tokens[this.tokens.length - 1]!;
    if (isLetter(lastToken.text[lastToken.text.length - 1]) && !lastToken.stem && isLetter(lower[end])) return -1;
    for (let t = this.tokens.length - 1; t >= 0; t--) {
      const token = this.tokens[t]!;
      if (t < this.tokens.length - 1) {
        const before = skipSpacesBack(lower, at);
        if (before === at && !endsWithNonLetter(token)) return -1;
        at = before;
      }
      if (token.stem) {
        let wordStart = at;
        while (wordStart > 0 && isLetter(lower[wordStart - 1])) wordStart--;
        if (!lower.startsWith(token.text, wordStart) || at - wordStart < token.text.length) return -1;
        at = wordStart;
      } else {
        if (at < token.text.length || !lower.startsWith(token.text, at - token.text.length)) return -1;
        at -= token.text.length;
      }
    }
    if (isLetter(this.tokens[0]!.text[0]) && isLetter(lower[at - 1])) return -1;
    return at;
  }
}

const endsWithNonLetter = (token: Token) => !token.stem && !isLetter(token.text[token.text.length - 1]);

const none: never[] = [];

/** A lexicon: phrases with the value each stands for, tried longest first. */
export class Lexicon<V> {
  private readonly entries: Array<{ phrase: Phrase; value: V }>;
  /** Entries by their first character, so that a scan tries only the phrases that can start where it stands. */
  private readonly byFirst = new Map<string, Array<{ phrase: Phrase; value: V }>>();
  constructor(entries: Iterable<readonly [string, V]>) {
    this.entries = [...entries]
      .map(([source, value]) => ({ phrase: new Phrase(source), value }))
      .sort((a, b) => b.phrase.source.length - a.phrase.source.length);
    for (const entry of this.entries) {
      const first = entry.phrase.tokens[0]?.text[0] ?? '';
      this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), entry]);
    }
  }

  /** The longest phrase starting at `pos`. */
  at(lower: string, pos: number): { start: number; end: number; value: V } | null {
    let best: { start: number; end: number; value: V } | null = null;
    for (const { phrase, value } of this.byFirst.get(lower[pos] ?? '') ?? none) {
      const end = phrase.matchAt(lower, pos);
      if (end > pos && (best === null || end > best.end)) best = { start: pos, end, value };
    }
    return best;
  }

  /** The longest phrase ending at `end`. */
  before(lower: string, end: number): { start: number; end: number; value: V } | null {
    let best: { start: number; end: number; value: V } | null = null;
    for (const { phrase, value } of this.entries) {
      const start = phrase.matchBefore(lower, end);
      if (start >= 0 && start < end && (best === null || start < best.start)) best = { start, end, value };
    }
    return best;
  }

  /** Every non-overlapping occurrence, left to right, longest first at each place. */
  all(lower: string): Array<{ start: number; end: number; value: V }> {
    const found: Array<{ start: number; end: number; value: V }> = [];
    for (let i = 0; i < lower.length; i++) {
      if (isLetter(lower[i - 1]) && isLetter(lower[i])) continue;
      const hit = this.at(lower, i);
      if (hit) {
        found.push(hit);
        i = hit.end - 1;
      }
    }
    return found;
  }
}

/** A number as written: "96.3", "96,3", "1.844.036.360,12", "1 844 036 360,12", "$1,234,567". */
export interface WrittenNumber {
  start: number;
  end: number;
  /** Exact decimal, e.g. "1844036360.12". */
  value: string;
  /** Digits run on into more digits ("05.12.2017", "1.2.3"): a date or a code, not a quantity. */
  partOfLarger: boolean;
}

const groupSpace = (c: string | undefined) => c === ' ' || c === '\u00a0' || c === '\u202f' || c === '\u2009';

function digitsEnd(text: string, pos: number): number {
  while (isDigit(text[pos])) pos++;
  return pos;
}

/** Reads the number that starts at `start` (a digit); linear in its length. */
export function readNumber(text: string, start: number, lang: Lang): WrittenNumber {
  const firstEnd = digitsEnd(text, start);
  let at = firstEnd;
  let spaced = false;
  // Separators seen before the last group, and the last group itself.
  let earlierKinds = '';
  let last: { sep: string; at: number; length: number } | null = null;
  for (;;) {
    const sep = text[at];
    if (sep === undefined || !isDigit(text[at + 1])) break;
    const groupEnd = digitsEnd(text, at + 1);
    const length = groupEnd - at - 1;
    const kind = groupSpace(sep) ? ' ' : sep;
    if (kind === ' ') {
      // Spaces group thousands only after a short head and before groups of exactly three digits.
      if (firstEnd - start > 3 || length !== 3 || earlierKinds.includes(',') || earlierKinds.includes('.')) break;
      if (last?.sep === ',' || last?.sep === '.') break;
      spaced = true;
    } else if (kind !== ',' && kind !== '.') break;
    if (last && !earlierKinds.includes(last.sep)) earlierKinds += last.sep;
    last = { sep: kind, at, length };
    at = groupEnd;
    if (kind !== ' ' && length !== 3) break;
  }
  const partOfLarger = (text[at] === '.' || text[at] === ',') && isDigit(text[at + 1]);
  let decimalAt = -1;
  if (last && last.sep !== ' ') {
    const otherKind = earlierKinds.replace(' ', '').replace(last.sep, '') !== '';
    const sameKind = earlierKinds.includes(last.sep);
    if (last.length !== 3 || otherKind) decimalAt = last.at;
    else if (!sameKind && (spaced || firstEnd - start > 3 || (lang === 'ru' ? ',' : '.') === last.sep)) {
      decimalAt = last.at;
    }
  }
  const digitsOnly = (from: number, to: number) => text.slice(from, to).replace(/\D/g, '');
  const value = normalizeDecimal(
    decimalAt < 0 ? digitsOnly(start, at) : `${digitsOnly(start, decimalAt)}.${text.slice(decimalAt + 1, at)}`,
  );
  return { start, end: at, value, partOfLarger };
}

/** "0096.300" → "96.3"; "-0" → "0". */
export function normalizeDecimal(value: string): string {
  let sign = '';
  let body = value;
  if (body.startsWith('-')) {
    sign = '-';
    body = body.slice(1);
  }
  const dot = body.indexOf('.');
  let int = dot < 0 ? body : body.slice(0, dot);
  let frac = dot < 0 ? '' : body.slice(dot + 1);
  let lead = 0;
  while (lead < int.length - 1 && int[lead] === '0') lead++;
  int = int.slice(lead) || '0';
  let tail = frac.length;
  while (tail > 0 && frac[tail - 1] === '0') tail--;
  frac = frac.slice(0, tail);
  const out = frac ? `${int}.${frac}` : int;
  return out === '0' ? '0' : sign + out;
}

function toScaled(value: string): { units: bigint; scale: number } {
  const negative = value.startsWith('-');
  const [int = '0', frac = ''] = (negative ? value.slice(1) : value).split('.');
  const units = BigInt(int + frac || '0');
  return { units: negative ? -units : units, scale: frac.length };
}

function fromScaled(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return normalizeDecimal(`${negative ? '-' : ''}${int}${scale > 0 ? `.${frac}` : ''}`);
}

/** value × 10^power, exactly. */
export function shiftDecimal(value: string, power: number): string {
  const { units, scale } = toScaled(value);
  return power >= scale ? fromScaled(units * 10n ** BigInt(power - scale), 0) : fromScaled(units, scale - power);
}

export function addDecimals(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  const scale = Math.max(x.scale, y.scale);
  return fromScaled(x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale), scale);
}

export function negateDecimal(value: string): string {
  return normalizeDecimal(value.startsWith('-') ? value.slice(1) : `-${value}`);
}

/** Every number in the text, left to right. */
export function findNumbers(text: string, lang: Lang): WrittenNumber[] {
  const found: WrittenNumber[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text[i])) continue;
    if (isDigit(text[i - 1])) continue;
    const number = readNumber(text, i, lang);
    // A number glued to letters before it ("COVID19", "A4") is a name, not a quantity.
    const afterSeparator = (text[i - 1] === '.' || text[i - 1] === ',') && isDigit(text[i - 2]);
    if (!isLetter(text[i - 1])) found.push(afterSeparator ? { ...number, partOfLarger: true } : number);
    i = Math.max(i, number.end - 1);
  }
  return found;
}
