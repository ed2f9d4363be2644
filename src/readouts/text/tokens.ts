export interface Token {
  start: number;
  end: number;
  text: string;
  kind: 'word' | 'number' | 'punct';
}

/** Letters with inner hyphens and apostrophes: "Санкт-Петербург", "O’Neill", "Belarus’s", "МАЗ-5440". */
const WORD = /\p{L}[\p{L}\p{M}\d]*(?:[-‐‑'’ʼ][\p{L}\d][\p{L}\p{M}\d]*)*/uy;
/** Digits with decimal and grouping marks that sit between digits: "96,3", "1.844.036.360,12", "1 000". */
const NUMBER = /\d+(?:[.,\u00A0\u202F\u2009]\d+)*/uy;
/** Thousands grouped by ordinary spaces ("1 250 тыс."): only 3-digit groups after a group of at most three. */
const SPACE_GROUPED = /\d{1,3}(?: \d{3})+(?:[.,]\d+)?(?!\d)/uy;
const SPACE = /\s+/uy;

function match(re: RegExp, text: string, at: number): string | null {
  re.lastIndex = at;
  return re.exec(text)?.[0] ?? null;
}

/** A possessive after s ("Belarus’ partner") belongs to the word, unless the word opened with a quote mark. */
function possessiveEnd(text: string, start: number, end: number): number {
  const mark = text[end];
  if ((mark !== '’' && mark !== "'") || !/[sS]$/u.test(text.slice(start, end))) return end;
  if (/[\p{L}\d]/u.test(text[end + 1] ?? '')) return end;
  const before = text[start - 1];
  return before === '‘' || before === "'" ? end : end + 1;
}

/** Words, numbers and punctuation marks with their offsets; spaces are dropped. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = match(SPACE, text, at);
    if (space) {
      at += space.length;
      continue;
    }
    const word = match(WORD, text, at);
    if (word) {
      const end = possessiveEnd(text, at, at + word.length);
      tokens.push({ start: at, end, text: text.slice(at, end), kind: 'word' });
      at = end;
      continue;
    }
    const grouped = match(SPACE_GROUPED, text, at);
    const number =
      grouped && grouped.length >= (match(NUMBER, text, at)?.length ?? 0) ? grouped : match(NUMBER, text, at);
    if (number) {
      tokens.push({ start: at, end: at + number.length, text: number, kind: 'number' });
      at += number.length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(at)!);
    tokens.push({ start: at, end: at + ch.length, text: ch, kind: 'punct' });
    at += ch.length;
  }
  return tokens;
}
