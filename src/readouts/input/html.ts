import { namedEntities } from './entities.ts';

/** What a web page holds for a readout: its article's text, paragraphs apart, and its headline. */
export interface HtmlReadout {
  text: string;
  title: string | null;
}

/** Elements whose content is not text at all; it runs to the matching end tag. */
const rawTextElements = new Set([
  'script',
  'style',
  'template',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'noscript',
]);
/** The page around the article: menus, headers, sidebars, forms, pictures. Their text is not the readout's. */
const droppedElements = new Set([
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'svg',
  'math',
  'menu',
  'dialog',
  'object',
  'video',
  'audio',
  'canvas',
  'head',
]);
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements that start and end a paragraph of their own. */
const blockElements = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
/** Below this many letters an <article> or <main> is a teaser, and the whole page is read instead. */
const minArticleLetters = 200;
const maxTitleLength = 500;

/**
 * Reads a web page in one pass over its characters, with no regular expression that can backtrack, so
 * hostile tag soup costs the same as a clean page of its size. Tags are matched leniently (an end tag
 * closes what is open inside its element; one with nothing to close is ignored), as browsers do.
 * The text of the page's <article> (the longest, when there are several) is taken, else of its <main>,
 * else of the whole page, without menus, headers, sidebars, footers, scripts, styles and comments.
 */
export function readHtml(html: string): HtmlReadout {
  const lower = html.replace(/[A-Z]+/g, (s) => s.toLowerCase());
  const length = html.length;
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  const pieces: string[] = [];
  // Articles and mains as ranges of `pieces`: an outermost element's text is one run of them.
  const articles: Array<[number, number]> = [];
  const mains: Array<[number, number]> = [];
  let articleDepth = -1;
  let mainDepth = -1;
  let dropped = 0;
  let inPre = 0;
  let h1: string[] | null = null;
  let firstH1: string | null = null;
  let fallbackH1: string | null = null;
  let pageTitle: string | null = null;
  // The names of elements seen, one string each, so a long page keeps no copy per tag on its stack.
  const names = new Map<string, string>();

  const emitText = (from: number, to: number) => {
    if (dropped > 0 && !h1) return;
    const raw = html.slice(from, to);
    const text = decodeEntities(inPre > 0 ? raw : collapseSpaces(raw));
    if (h1) h1.push(text);
    if (dropped === 0) pieces.push(text);
  };
  /** A paragraph break, a line break or a cell's tab; of breaks in a row only the strongest is kept. */
  const emitBreak = (mark: '\n\n' | '\n' | '\t') => {
    if (dropped > 0 || pieces.length === 0) return;
    const last = pieces[pieces.length - 1];
    if (last === '\n\n' || (mark === '\t' && last === '\n')) return;
    if (mark !== '\t' && (last === '\n' || last === '\t')) pieces[pieces.length - 1] = '\n\n';
    else pieces.push(mark);
  };
  const open = (name: string) => {
    if (droppedElements.has(name)) dropped += 1;
    if (blockElements.has(name)) emitBreak('\n\n');
    else if (name === 'td' || name === 'th') emitBreak('\t');
    if (name === 'pre') inPre += 1;
    if (name === 'h1' && h1 === null) h1 = [];
    if (name === 'article' && articleDepth < 0 && dropped === 0) {
      articleDepth = stack.length;
      articles.push([pieces.length, pieces.length]);
    }
    if (name === 'main' && mainDepth < 0 && dropped === 0) {
      mainDepth = stack.length;
      mains.push([pieces.length, pieces.length]);
    }
    stack.push(name);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const close = () => {
    const name = stack.pop()!;
    openCount.set(name, openCount.get(name)! - 1);
    if (blockElements.has(name)) emitBreak('\n\n');
    if (name === 'h1' && h1) {
      const heading = collapse(h1.join(''));
      if (heading !== '' && dropped === 0) firstH1 ??= heading;
      else if (heading !== '') fallbackH1 ??= heading;
      h1 = null;
    }
    if (stack.length === articleDepth) {
      articles[articles.length - 1]![1] = pieces.length;
      articleDepth = -1;
    }
    if (stack.length === mainDepth) {
      mains[mains.length - 1]![1] = pieces.length;
      mainDepth = -1;
    }
    if (name === 'pre') inPre -= 1;
    if (droppedElements.has(name)) dropped -= 1;
  };

  let at = 0;
  while (at < length) {
    const lt = html.indexOf('<', at);
    if (lt < 0) {
      emitText(at, length);
      break;
    }
    if (lt > at) emitText(at, lt);
    const next = lower.charCodeAt(lt + 1);
    if (isAsciiLetter(next)) {
      const tag = readTag(html, lower, lt + 1);
      if (tag.end < 0) break;
      at = tag.end;
      const name = names.get(tag.name) ?? (names.set(tag.name, tag.name), tag.name);
      if (name === 'br') emitBreak('\n');
      else if (name === 'hr') emitBreak('\n\n');
      if (voidElements.has(name)) continue;
      if (rawTextElements.has(name)) {
        const contentEnd = findEndTag(lower, name, at);
        if (name === 'title' && pageTitle === null) pageTitle = collapse(decodeEntities(html.slice(at, contentEnd)));
        at = skipTag(lower, contentEnd);
        continue;
      }
      open(name);
      if (tag.selfClosing) close();
    } else if (next === 0x2f /* / */ && isAsciiLetter(lower.charCodeAt(lt + 2))) {
      const tag = readTag(html, lower, lt + 2);
      if (tag.end < 0) break;
      at = tag.end;
      if (tag.name === 'br') emitBreak('\n');
      if ((openCount.get(tag.name) ?? 0) === 0) continue;
      while (stack.length > 0) {
        const name = stack[stack.length - 1];
        close();
        if (name === tag.name) break;
      }
    } else if (lower.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      at = end < 0 ? length : end + 3;
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */ || next === 0x2f) {
      at = skipTag(lower, lt);
    } else {
      emitText(lt, lt + 1);
      at = lt + 1;
    }
  }
  while (stack.length > 0) close();

  const chosen = longest(pieces, articles) ?? longest(pieces, mains) ?? pieces;
  const title = firstH1 ?? (pageTitle || null) ?? fallbackH1;
  return { text: tidyLines(chosen.join('')), title: title === null ? null : title.slice(0, maxTitleLength) };
}

/** The pieces of the range with the most letters, when it has enough to be more than a teaser. */
function longest(pieces: string[], ranges: Array<[number, number]>): string[] | null {
  let best: string[] | null = null;
  let bestLetters = minArticleLetters - 1;
  for (const [start, end] of ranges) {
    const range = pieces.slice(start, end);
    const count = letters(range);
    if (count > bestLetters) {
      best = range;
      bestLetters = count;
    }
  }
  return best;
}

/** Characters past ASCII punctuation and digits, near enough to letters to weigh an article. */
function letters(pieces: string[]): number {
  let count = 0;
  for (const piece of pieces) {
    for (let i = 0; i < piece.length; i += 1) if (piece.charCodeAt(i) > 0x40) count += 1;
  }
  return count;
}

/** A start or end tag's name and where the tag ends (after its `>`), or -1 when the page ends inside it. */
function readTag(html: string, lower: string, nameStart: number): { name: string; end: number; selfClosing: boolean } {
  let i = nameStart;
  while (i < html.length && !isNameEnd(html.charCodeAt(i))) i += 1;
  const name = lower.slice(nameStart, i);
  let quote = 0;
  let afterEquals = false;
  for (; i < html.length; i += 1) {
    const c = html.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 0x3e /* > */) {
      return { name, end: i + 1, selfClosing: html.charCodeAt(i - 1) === 0x2f };
    } else if (c === 0x3d /* = */) {
      afterEquals = true;
    } else if ((c === 0x22 || c === 0x27) && afterEquals) {
      quote = c;
      afterEquals = false;
    } else if (!isSpace(c)) {
      afterEquals = false;
    }
  }
  return { name, end: -1, selfClosing: false };
}

/** Where the end tag of a raw-text element starts (its content ends), or the page's end. */
function findEndTag(lower: string, name: string, from: number): number {
  const needle = `</${name}`;
  for (let at = lower.indexOf(needle, from); at >= 0; at = lower.indexOf(needle, at + 1)) {
    const after = lower.charCodeAt(at + needle.length);
    if (Number.isNaN(after) || isNameEnd(after)) return at;
  }
  return lower.length;
}

function skipTag(lower: string, from: number): number {
  const end = lower.indexOf('>', from);
  return end < 0 ? lower.length : end + 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 0x2f || c === 0x3e;
}

function collapse(text: string): string {
  return collapseSpaces(text).trim();
}

/** Runs of HTML white space as one space; by hand, as a global replace is slow on megabytes of words. */
function collapseSpaces(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (!isSpace(text.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < text.length && isSpace(text.charCodeAt(end))) end += 1;
    if (end - i > 1 || text.charCodeAt(i) !== 0x20) {
      out += `${text.slice(from, i)} `;
      from = end;
    }
    i = end - 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Each line without the spaces the markup left at its ends; paragraphs apart by one blank line. */
function tidyLines(text: string): string {
  return text
    .split('\n')
    .map((line) => trimSpacesAndTabs(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function trimSpacesAndTabs(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && (line[start] === ' ' || line[start] === '\t')) start += 1;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t')) end -= 1;
  return line.slice(start, end);
}

/** Windows-1252 at 128–159, which Node's TextDecoder reads as Latin-1 controls; undefined ones stay U+FFFD. */
const windows1252 =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';
// Names that old pages write without their semicolon; others need it, so "&copy2017" is not misread.
const legacyBare = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp']);

/** Character references, numeric and named, in one pass; a reference that stands for nothing stays. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let at = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', at)) {
    out += text.slice(at, amp);
    const decoded = decodeReference(text, amp);
    if (decoded) {
      out += decoded.char;
      at = decoded.end;
    } else {
      out += '&';
      at = amp + 1;
    }
  }
  return out + text.slice(at);
}

function decodeReference(text: string, amp: number): { char: string; end: number } | null {
  let i = amp + 1;
  if (text[i] === '#') {
    const hex = text[i + 1] === 'x' || text[i + 1] === 'X';
    i += hex ? 2 : 1;
    const start = i;
    while (i < text.length && i - start < 8 && /[0-9a-fA-F]/.test(text[i]!) && (hex || /[0-9]/.test(text[i]!))) i += 1;
    if (i === start) return null;
    const code = Number.parseInt(text.slice(start, i), hex ? 16 : 10);
    const end = text[i] === ';' ? i + 1 : i;
    return { char: fromCodePoint(code), end };
  }
  const start = i;
  while (i < text.length && i - start < 32 && /[A-Za-z0-9]/.test(text[i]!)) i += 1;
  const name = text.slice(start, i);
  const char = namedEntities[name];
  if (char === undefined) return null;
  if (text[i] === ';') return { char, end: i + 1 };
  return legacyBare.has(name) ? { char, end: i } : null;
}

/** As browsers read them: 128–159 as Windows-1252 (pages written there use &#150; for a dash). */
function fromCodePoint(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return windows1252[code - 0x80]!;
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}
