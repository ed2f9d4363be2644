import { abbreviations, type Abbreviation } from '../lexicon/abbreviations.ts';
import type { Lang } from './language.ts';

/** A stretch of the text: UTF-16 offsets, `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** The quotation (marks included) this sentence belongs to, when it is part of someone's quoted words. */
  quote?: Span;
  /** Who said it: ", — подчеркнул глава государства" after the quote, or "The President said:" before it. */
  attribution?: Span;
}

const abbreviationIndex = new Map<Lang, Map<string, Abbreviation>>(
  (Object.keys(abbreviations) as Lang[]).map((lang) => [lang, new Map(abbreviations[lang].map((a) => [a.text, a]))]),
);

const LAST_WORD = /(\S+)\s*$/u;
/** "A.", "А.Г.", "A. B." at the end of a piece: initials waiting for their surname. */
const TRAILING_INITIALS = /(?:^|[\s(«"“„])(?:\p{Lu}\.\s?){1,3}\s*$/u;
const STARTS_LOWER_OR_DIGIT = /^\s*[\p{Ll}\d]/u;
const STARTS_UPPER = /^\s*\p{Lu}/u;
const STARTS_ACRONYM = /^\s*\p{Lu}{2,}(?!\p{L})/u;
/** A clause that continues a quoted sentence: "— спросил он", ", the president said", "he asked". */
const STARTS_CONTINUATION = /^\s*(?:[,;:]|[—–-]\s*\p{Ll}|\p{Ll})/u;
const TERMINAL = /[.!?…:;»"”)]\s*$/u;

function segments(text: string, lang: Lang): Span[] {
  const out: Span[] = [];
  for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(text)) {
    out.push({ start: s.index, end: s.index + s.segment.length });
  }
  return out;
}

function endsWithAbbreviation(piece: string, lang: Lang): Abbreviation | undefined {
  const word = LAST_WORD.exec(piece)?.[1]
    ?.replace(/^[(«"“„]+/u, '')
    .toLowerCase();
  return word ? abbreviationIndex.get(lang)?.get(word) : undefined;
}

/** Whether the segmenter's break between `prev` and `next` is false and the two pieces are one sentence. */
function sameSentence(prev: string, next: string, lang: Lang): boolean {
  if (/\n\s*\n\s*$/u.test(prev)) return false;
  if (/\n\s*$/u.test(prev)) {
    // A hard line break inside a sentence (PDF text wraps lines); a finished line is a finished sentence.
    return !TERMINAL.test(prev) && STARTS_LOWER_OR_DIGIT.test(next);
  }
  const abbreviation = endsWithAbbreviation(prev, lang);
  if (abbreviation) {
    if (!abbreviation.mayEnd) return true;
    if (STARTS_LOWER_OR_DIGIT.test(next) || STARTS_ACRONYM.test(next)) return true;
  } else if (TRAILING_INITIALS.test(prev) && STARTS_UPPER.test(next)) {
    return true;
  }
  return STARTS_CONTINUATION.test(next);
}

function trim(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

interface Quote extends Span {
  /** The words said, without the marks. */
  inner: Span;
}

const CLOSER: Record<string, string> = { '«': '»', '„': '“', '“': '”', '"': '"' };

/** Quotation marks paired up, nested ones included: «…„…“…», “…”, "…". */
function quotations(text: string): Quote[] {
  const found: Quote[] = [];
  const open: { mark: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const top = open[open.length - 1];
    if (top && CLOSER[top.mark] === ch && (ch !== '"' || !/[\p{L}\d]/u.test(text[i + 1] ?? ''))) {
      open.pop();
      found.push({ start: top.at, end: i + 1, inner: { start: top.at + 1, end: i } });
    } else if (ch in CLOSER && /\S/u.test(text[i + 1] ?? '')) {
      open.push({ mark: ch, at: i });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const LEAD_IN = /^([^«"“„]*?):\s*$/u;
const TRAILING_CLAUSE = /^[,\s]*(?:[—–-]\s*)?([^,.!?…;«"“„]+)/u;

/** A quote holds someone's words, not a name in quotes («БелАЗ»), when punctuation or speech surrounds it. */
function isSpeech(text: string, q: Quote): boolean {
  const inner = text.slice(q.inner.start, q.inner.end);
  if (/[.!?…]\s+\S/u.test(inner) || /[,.!?…]\s*$/u.test(inner)) return true;
  const after = text.slice(q.end, q.end + 4);
  // «…», – сказал он; not «БЕЛАЗ» – управляющая компания, a name a dash explains.
  if (/^\s*,?\s*[—–]/u.test(after) && inner.trim().split(/\s+/u).length >= 3) return true;
  if (/:\s*$/u.test(text.slice(Math.max(0, q.start - 3), q.start))) return true;
  return inner.trim().split(/\s+/u).length >= 8;
}

function attributionOf(text: string, q: Quote, sentences: Span[]): Span | undefined {
  const last = sentences.find((s) => s.start < q.end && q.end <= s.end);
  if (last && q.end < last.end) {
    const rest = text.slice(q.end, last.end);
    const clause = TRAILING_CLAUSE.exec(rest);
    const words = clause?.[1]?.trim();
    const startsRight = /^\s*(?:,|[—–-])/u.test(rest) || /^\s*\p{Ll}/u.test(rest);
    if (clause && words && startsRight) {
      const start = q.end + clause[0].length - clause[1]!.length;
      return trim(text, { start, end: start + clause[1]!.length }) ?? undefined;
    }
  }
  const first = sentences.find((s) => s.start <= q.start && q.start < s.end);
  if (first) {
    const lead = LEAD_IN.exec(text.slice(first.start, q.start));
    if (lead && lead[1]!.trim()) {
      const start = first.start + lead.index;
      return trim(text, { start, end: start + lead[1]!.length }) ?? undefined;
    }
  }
  return undefined;
}

/**
 * The sentences of a text, from the ICU segmenter with its false breaks mended: abbreviations, initials, a quote
 * and the clause that attributes it. A quotation of several sentences is split, each sentence keeping the quote and
 * its attribution.
 */
export function splitSentences(text: string, lang: Lang): Sentence[] {
  const joined: Span[] = [];
  for (const seg of segments(text, lang)) {
    const prev = joined[joined.length - 1];
    if (prev && sameSentence(text.slice(prev.start, prev.end), text.slice(seg.start, seg.end), lang)) {
      prev.end = seg.end;
    } else {
      joined.push({ ...seg });
    }
  }
  const sentences = joined.map((s) => trim(text, s)).filter((s): s is Span => s !== null);
  const speech = quotations(text).filter((q) => isSpeech(text, q));
  const out: Sentence[] = [];
  for (const s of sentences) {
    // The outermost quotation wins: a title quoted inside someone's words does not make a new quote.
    const q = speech.find((x) => x.start < s.end && s.start < x.end && overlapsWords(text, s, x));
    if (!q) {
      out.push(s);
      continue;
    }
    const prev = out[out.length - 1];
    // A quote right after another one on the same line, with no words of its own, goes on with the same speaker.
    const continued =
      prev?.quote && (prev.quote.start === q.start || !/\n/u.test(text.slice(prev.end, s.start)))
        ? prev.attribution
        : undefined;
    const attribution = attributionOf(text, q, sentences) ?? continued;
    out.push({ ...s, quote: { start: q.start, end: q.end }, ...(attribution ? { attribution } : {}) });
  }
  return out;
}

/** A sentence belongs to a quote when some of its words lie inside the marks, not just a stray mark. */
function overlapsWords(text: string, s: Span, q: Quote): boolean {
  const from = Math.max(s.start, q.inner.start);
  const to = Math.min(s.end, q.inner.end);
  return from < to && /[\p{L}\d]/u.test(text.slice(from, to));
}

/** Paragraphs: separated by blank lines, or by line breaks when the text has no blank line at all. */
export function splitParagraphs(text: string): Span[] {
  const separator = /\n[ \t\r]*\n/u.test(text) ? /\n[ \t\r]*\n\s*/gu : /\n\s*/gu;
  const out: Span[] = [];
  let from = 0;
  for (const m of text.matchAll(separator)) {
    const span = trim(text, { start: from, end: m.index });
    if (span) out.push(span);
    from = m.index + m[0].length;
  }
  const last = trim(text, { start: from, end: text.length });
  if (last) out.push(last);
  return out;
}
