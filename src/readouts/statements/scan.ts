/**
 * What the statement rules share: lexicon phrases found in a sentence, and the words naming a speaker before or
 * after a verb. Offsets are always into the whole text.
 */
import { lowerKeepingOffsets } from '../figures/text.ts';
import { monthNames } from '../input/months.ts';
import type { Lang } from '../text/language.ts';
import type { Span } from '../text/sentences.ts';
import { cues, type CueLexicon } from './lexicon/cues.ts';
import type { SentenceContext } from './model.ts';

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\d]/u.test(c);

/** A phrase as a pattern; `bounded` leaves out the look-behind that a caller puts once before a whole group. */
function phrasePattern(phrase: string, bounded = false): string {
  const body = phrase
    .split(/\s+/u)
    .map((word) => {
      const open = word.endsWith('*');
      const core = (open ? word.slice(0, -1) : word).replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
      return open ? `${core}[\\p{L}-]*` : core;
    })
    .join('\\s+');
  const head = isWordChar(phrase[0]) && !bounded ? '(?<![\\p{L}\\d])' : '';
  const tail = isWordChar(phrase.at(-1)) || phrase.endsWith('*') ? '(?![\\p{L}\\d])' : '';
  return `${head}${body}${tail}`;
}

/** Finds a list's phrases in folded text, the longest at a place winning. */
export class Phrases {
  private readonly pattern: RegExp | null;

  constructor(phrases: readonly string[]) {
    const sorted = [...new Set(phrases.map(fold))].sort((a, b) => b.length - a.length);
    // One look-behind before all the phrases that open with a letter: the engine then gives up at once inside a
    // word instead of trying every phrase there.
    const words = sorted.filter((p) => isWordChar(p[0]));
    const others = sorted.filter((p) => !isWordChar(p[0]));
    const alternatives = [
      ...(words.length > 0 ? [`(?<![\\p{L}\\d])(?:${words.map((p) => phrasePattern(p, true)).join('|')})`] : []),
      ...others.map((p) => phrasePattern(p)),
    ];
    this.pattern = sorted.length > 0 ? new RegExp(alternatives.join('|'), 'gu') : null;
  }

  /** Matches within `from`..`to` of the folded text, never overlapping. */
  find(folded: string, from: number, to: number): Span[] {
    if (!this.pattern) return [];
    const out: Span[] = [];
    const slice = folded.slice(from, to);
    for (const m of slice.matchAll(this.pattern))
      out.push({ start: from + m.index, end: from + m.index + m[0].length });
    return out;
  }

  /** Whether a phrase of the list starts exactly at `at`. */
  startsAt(folded: string, at: number, to: number): Span | undefined {
    return this.find(folded, at, to).find((m) => m.start === at);
  }

  /** Whether a phrase of the list ends exactly at `end`, as the last words before it. */
  endsAt(folded: string, from: number, end: number): Span | undefined {
    return this.find(folded, from, end).find((m) => m.end === end);
  }
}

/** Lower case, ё read as е, every character at its offset. */
export function fold(text: string): string {
  return lowerKeepingOffsets(text).replaceAll('ё', 'е');
}

export interface CueIndex {
  acts: Phrases;
  /** Each act phrase, whole, and the kind it names. */
  actKinds: { pattern: RegExp; kind: keyof CueLexicon['acts'] }[];
  speech: Phrases;
  frames: Phrases;
  narration: Phrases;
  agreement: Phrases;
  future: Phrases;
  readiness: Phrases;
  hedges: Phrases;
  necessity: Phrases;
  evaluation: Phrases;
  partnerQualifiers: Phrases;
  partner: Phrases;
  firstPerson: Record<keyof CueLexicon['acts'], Phrases>;
  targetLeads: Phrases;
  amounts: Phrases;
  fillers: Phrases;
  adverbialOpeners: Phrases;
  subjectEnders: Set<string>;
  backReference: Phrases;
  subordinators: Phrases;
  questions: Phrases;
  participleBefore: Phrases;
  participleAfter: Phrases;
  courtesies: Phrases;
  negations: Phrases;
  lexicon: CueLexicon;
}

function buildIndex(lexicon: CueLexicon): CueIndex {
  const actKeys = Object.keys(lexicon.acts) as (keyof CueLexicon['acts'])[];
  const actKinds = actKeys.flatMap((kind) =>
    lexicon.acts[kind].map((phrase) => ({ pattern: new RegExp(`^(?:${phrasePattern(fold(phrase))})$`, 'u'), kind })),
  );
  const firstPerson = Object.fromEntries(
    actKeys.map((kind) => [kind, new Phrases(lexicon.firstPerson[kind])]),
  ) as Record<keyof CueLexicon['acts'], Phrases>;
  return {
    acts: new Phrases(actKeys.flatMap((kind) => lexicon.acts[kind])),
    actKinds,
    speech: new Phrases(lexicon.speech),
    frames: new Phrases(lexicon.frames),
    narration: new Phrases(lexicon.narration),
    agreement: new Phrases(lexicon.agreement),
    future: new Phrases(lexicon.future),
    readiness: new Phrases(lexicon.readiness),
    hedges: new Phrases(lexicon.hedges),
    necessity: new Phrases(lexicon.necessity),
    evaluation: new Phrases(lexicon.evaluation),
    partnerQualifiers: new Phrases(lexicon.partnerQualifiers),
    partner: new Phrases(lexicon.partner),
    firstPerson,
    targetLeads: new Phrases(lexicon.targetLeads),
    amounts: new Phrases(lexicon.amounts),
    fillers: new Phrases(lexicon.fillers),
    adverbialOpeners: new Phrases(lexicon.adverbialOpeners),
    subjectEnders: new Set(lexicon.subjectEnders.map(fold)),
    backReference: new Phrases(lexicon.backReference),
    subordinators: new Phrases(lexicon.subordinators),
    questions: new Phrases(lexicon.questions),
    participleBefore: new Phrases(lexicon.participleBefore),
    participleAfter: new Phrases(lexicon.participleAfter),
    courtesies: new Phrases(lexicon.courtesies),
    negations: new Phrases(lexicon.negations),
    lexicon,
  };
}

const indexes = new Map<Lang, CueIndex>();
export function cueIndex(lang: Lang): CueIndex {
  let index = indexes.get(lang);
  if (!index) indexes.set(lang, (index = buildIndex(cues[lang])));
  return index;
}

/** The folded text, kept for the last few texts so that every rule folds a readout once. */
const foldCache = new Map<string, string>();
export function foldedOf(text: string): string {
  let folded = foldCache.get(text);
  if (folded === undefined) {
    if (foldCache.size > 8) foldCache.clear();
    foldCache.set(text, (folded = fold(text)));
  }
  return folded;
}

export function trimSpan(text: string, span: Span): Span | null {
  let { start, end } = span;
  while (start < end && /[\s,;:—–\-"“”„«]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:.!?…—–\-"“”„»]/u.test(text[end - 1]!)) end--;
  // A name in quotes at the end keeps its closing mark: на заводе «Гомсельмаш».
  const inside = text.slice(start, end);
  const unclosed = (open: string, close: string) =>
    open === close ? (inside.split(open).length - 1) % 2 === 1 : inside.split(open).length > inside.split(close).length;
  for (const [open, close] of [
    ['«', '»'],
    ['„', '“'],
    ['“', '”'],
    ['"', '"'],
  ] as const) {
    if (unclosed(open, close) && text.indexOf(close, end) >= end && text.indexOf(close, end) <= span.end) {
      end = text.indexOf(close, end) + 1;
    }
  }
  return start < end ? { start, end } : null;
}

interface Word extends Span {
  text: string;
}

function wordsIn(folded: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  for (const m of folded.slice(from, to).matchAll(/[\p{L}\d][\p{L}\d'’.-]*/gu)) {
    out.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Strip filler phrases ("also", «в свою очередь», "and") from the end of `from`..`end`; says if a link went. */
export function stripFillersBack(ctx: SentenceContext, from: number, end: number): { end: number; linked: boolean } {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  let linked = false;
  for (;;) {
    let e = end;
    while (e > from && /[\s,—–-]/u.test(ctx.text[e - 1]!)) e--;
    const filler = index.fillers.endsAt(folded, from, e);
    if (!filler) return { end: e, linked };
    if (/^(?:and|и|а|but|но)$/u.test(folded.slice(filler.start, filler.end))) linked = true;
    end = filler.start;
  }
}

const LOWER_VERB = {
  en: (w: string) =>
    /^(?:is|was|are|were|has|have|had|will|would|can|could|met|held|received)$/u.test(w) || /ed$/u.test(w),
  ru: (w: string) => /^[а-я]+(?:[аеиоуыяэю]л|ла|ли|лся|лась|лись)$/u.test(w) && w.length > 4,
};

function looksLikeSubject(ctx: SentenceContext, span: Span): boolean {
  const folded = foldedOf(ctx.text);
  const words = wordsIn(folded, span.start, span.end);
  if (words.length === 0 || words.length > 9) return false;
  return cueIndex(ctx.lang).subordinators.find(folded, span.start, span.end).length === 0;
}

/** The subject of the sentence: its first words, up to its first verb or cue and not past `before`. */
export function sentenceSubject(ctx: SentenceContext, before: number): Span | null {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const { sentence } = ctx;
  const comma = ctx.text.slice(sentence.start, before).search(/[,;]/u);
  let end = comma >= 0 ? sentence.start + comma : before;
  for (const phrases of [
    index.speech,
    index.acts,
    index.narration,
    index.agreement,
    index.targetLeads,
    index.future,
    index.readiness,
  ]) {
    const first = phrases.find(folded, sentence.start, end).find((m) => m.start > sentence.start);
    if (first) end = first.start;
  }
  const words = wordsIn(folded, sentence.start, end);
  const verb = words.findIndex((w, i) => i > 0 && LOWER_VERB[ctx.lang](w.text));
  const last = verb > 0 ? words[verb - 1] : words.at(-1);
  if (!last) return null;
  const span = trimSpan(ctx.text, { start: sentence.start, end: stripFillersBack(ctx, sentence.start, last.end).end });
  return span && looksLikeSubject(ctx, span) ? span : null;
}

/** Whether a narrating verb ("recalled that") governs the position, not undone by a joined verb ("and proposed"). */
export function narrated(ctx: SentenceContext, at: number): boolean {
  const folded = foldedOf(ctx.text);
  const narration = cueIndex(ctx.lang)
    .narration.find(folded, ctx.sentence.start, at)
    .filter((m) => !inQuoteOrAttribution(ctx, m.start));
  return narration.length > 0 && !stripFillersBack(ctx, ctx.sentence.start, at).linked;
}

/** Where the clause opened at `from` ends: before a verb of another statement joined by "and", or at the sentence end. */
export function clauseEnd(ctx: SentenceContext, from: number): number {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const { sentence } = ctx;
  const limit = spokenQuote(ctx) && sentence.quote!.start > from ? sentence.quote!.start : sentence.end;
  const next = [index.acts, index.speech, index.narration, index.agreement]
    .flatMap((phrases) => phrases.find(folded, from, limit))
    .sort((a, b) => a.start - b.start);
  for (const cue of next) {
    const joined = stripFillersBack(ctx, from, cue.start);
    if (joined.linked) return joined.end;
    const own = ownSubject(ctx, from, cue.start);
    if (own) return own.comma;
  }
  return limit;
}

/**
 * A verb after `from` with a subject of its own after a comma: "…, Governor Skakov told reporters", «…, а аким
 * пригласил». Gives the comma that ends the clause before it and the subject.
 */
export function ownSubject(ctx: SentenceContext, from: number, cue: number): { comma: number; subject: Span } | null {
  const { end } = stripFillersBack(ctx, from, cue);
  const comma = Math.max(ctx.text.lastIndexOf(',', end - 1), ctx.text.lastIndexOf('—', end - 1));
  if (comma <= from) return null;
  const subject = subjectBefore(ctx, comma + 1, cue);
  if (!subject || subject.start - comma > 4) return null;
  const words = wordsIn(foldedOf(ctx.text), subject.start, subject.end).length;
  return words <= 6 ? { comma, subject } : null;
}

/** Who a trailing attribution names: "X intends to do Y, Governor Skakov told reporters" → Governor Skakov. */
export function trailingSpeaker(ctx: SentenceContext, clauseEnd: number): Span | null {
  const folded = foldedOf(ctx.text);
  const { sentence, text } = ctx;
  if (!/^\s*[,—–]/u.test(text.slice(clauseEnd, sentence.end))) return null;
  const cue = cueIndex(ctx.lang)
    .speech.find(folded, clauseEnd, sentence.end)
    .find((m) => !inQuoteOrAttribution(ctx, m.start));
  if (!cue) return null;
  const between = text.slice(clauseEnd, cue.start).replace(/^\s*[,—–]\s*/u, '');
  if (!between.trim()) return subjectAfter(ctx, cue.end, sentence.end);
  return ownSubject(ctx, clauseEnd - 1, cue.start)?.subject ?? null;
}

/** The clause split where a second one of the same act begins: «предложил A, а также B». */
export function splitClauses(ctx: SentenceContext, span: Span): Span[] {
  const folded = foldedOf(ctx.text);
  const out: Span[] = [];
  let start = span.start;
  for (const { phrase, beforeName } of cueIndex(ctx.lang).lexicon.clauseBreaks) {
    for (const m of new Phrases([phrase]).find(folded, start, span.end)) {
      const after = ctx.text.slice(m.end).trimStart();
      if (beforeName && !/^[\p{Lu}«"„“]/u.test(after)) continue;
      const part = trimSpan(ctx.text, { start, end: m.start });
      if (part) out.push(part);
      start = m.end;
    }
  }
  const last = trimSpan(ctx.text, { start, end: span.end });
  if (last) out.push(last);
  return out;
}

/** A comma, a dash, or a hyphen standing for one as a dateline has it: "MINSK, 5 December (BelTA) - Belarus…". */
function isChunkBreak(text: string, at: number): boolean {
  const c = text[at]!;
  return /[,;—–]/u.test(c) || (c === '-' && text[at - 1] === ' ' && text[at + 1] === ' ');
}

const monthWords = new Map(
  (Object.keys(monthNames) as Lang[]).map((lang) => [lang, new Set(monthNames[lang].flat())] as const),
);

/**
 * The subject after an adverbial that opens the sentence without a comma: "On 5 December Lukashenko", «В ходе
 * встречи Александр Лукашенко», "At the talks the president": from the last name or "the" not governed by the
 * opening preposition.
 */
function subjectAfterAdverbial(ctx: SentenceContext, chunk: Span): Span | null {
  const words = wordsIn(foldedOf(ctx.text), chunk.start, chunk.end);
  const capital = (i: number) =>
    /^\p{Lu}/u.test(ctx.text[words[i]!.start]!) && !monthWords.get(ctx.lang)!.has(words[i]!.text);
  const openers = cueIndex(ctx.lang).adverbialOpeners;
  const governed = (i: number) => openers.startsAt(words[i - 1]!.text, 0, words[i - 1]!.text.length) !== undefined;
  let from = -1;
  for (let i = 1; i < words.length; i++) {
    if (capital(i) && governed(i)) from = i + 1 < words.length && !capital(i + 1) ? i + 1 : -1;
    else if (i >= 2 && ((capital(i) && (!capital(i - 1) || governed(i - 1))) || words[i]!.text === 'the')) from = i;
  }
  if (from < 0) return null;
  const span = trimSpan(ctx.text, { start: words[from]!.start, end: chunk.end });
  return span && looksLikeSubject(ctx, span) ? span : null;
}

/**
 * Who does what the verb at `cue` says, named before it: "The governor also asked" → "The governor",
 * «Губернатор, в свою очередь, попросил» → «Губернатор». A verb joined by "and" takes the sentence's subject.
 */
export function subjectBefore(ctx: SentenceContext, from: number, cue: number): Span | null {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const { end, linked } = stripFillersBack(ctx, from, cue);
  if (linked) return sentenceSubject(ctx, cue);
  const chunks: Span[] = [];
  let start = from;
  for (let i = from; i <= end; i++) {
    if (i === end || isChunkBreak(ctx.text, i)) {
      const chunk = trimSpan(ctx.text, { start, end: i });
      if (chunk) chunks.push(chunk);
      start = i + 1;
    }
  }
  const usable = chunks.filter((chunk) => {
    const filler = index.fillers.startsAt(folded, chunk.start, chunk.end);
    if (filler && filler.end >= chunk.end) return false;
    return !/^\d/u.test(ctx.text[chunk.start]!);
  });
  const last = usable.at(-1);
  if (!last) return null;
  if (index.adverbialOpeners.startsAt(folded, last.start, last.end)) return subjectAfterAdverbial(ctx, last);
  const stripped = stripFillersBack(ctx, last.start, last.end);
  let head = last.start;
  for (let lead = index.fillers.startsAt(folded, head, stripped.end); lead && lead.end < stripped.end;) {
    head = lead.end;
    while (head < stripped.end && /\s/u.test(ctx.text[head]!)) head++;
    lead = index.fillers.startsAt(folded, head, stripped.end);
  }
  const span = trimSpan(ctx.text, { start: head, end: stripped.end });
  if (span && looksLikeSubject(ctx, span)) return span;
  return null;
}

/** An inverted subject after its verb: «, заявил Президент Беларуси Александр Лукашенко 14 ноября на встрече». */
export function subjectAfter(ctx: SentenceContext, from: number, to: number): Span | null {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  let end = -1;
  let start = -1;
  for (const word of wordsIn(folded, from, to)) {
    const between = ctx.text.slice(end < 0 ? from : end, word.start);
    if (start >= 0 && /[,;:.!?()«"“]/u.test(between)) break;
    if (/^\d/u.test(word.text)) break;
    if (start >= 0 && index.subjectEnders.has(word.text)) break;
    if (start < 0 && index.fillers.startsAt(folded, word.start, to)) continue;
    if (start < 0) start = word.start;
    end = word.end;
  }
  const span = start < 0 ? null : trimSpan(ctx.text, { start, end });
  return span && looksLikeSubject(ctx, span) ? span : null;
}

/** Who an attribution names: "the president said" → "the president", «подчеркнул глава государства». */
export function attributionSpeaker(ctx: SentenceContext, attribution: Span): Span | null {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const verbs = [
    ...index.speech.find(folded, attribution.start, attribution.end),
    ...index.acts.find(folded, attribution.start, attribution.end),
  ].sort((a, b) => a.start - b.start);
  const verb = verbs[0];
  if (!verb) return trimSpan(ctx.text, attribution);
  const before = subjectBefore(ctx, attribution.start, verb.start);
  return before ?? subjectAfter(ctx, verb.end, attribution.end);
}

/** The attribution's verb of act, when it names the act: «…», — предложил губернатор. */
export function attributionAct(ctx: SentenceContext, attribution: Span): keyof CueLexicon['acts'] | undefined {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const act = index.acts.find(folded, attribution.start, attribution.end)[0];
  return act ? actKindOf(index, folded, act) : undefined;
}

/** The kind a matched act phrase stands for, wildcards included. */
export function actKindOf(index: CueIndex, folded: string, match: Span): keyof CueLexicon['acts'] | undefined {
  const words = folded.slice(match.start, match.end);
  return index.actKinds.find((entry) => entry.pattern.test(words))?.kind;
}

/**
 * Who the text says spoke the sentence's quotation: the attribution the sentence splitter found, or else the words
 * after the closing mark up to the sentence's end when a verb of speech is among them ("…," Aleksandr Lukashenko said).
 */
const attributions = new WeakMap<object, Span | null>();

export function quoteAttribution(ctx: SentenceContext): Span | null {
  const known = attributions.get(ctx.sentence);
  if (known !== undefined) return known;
  const found = readAttribution(ctx);
  attributions.set(ctx.sentence, found);
  return found;
}

function readAttribution(ctx: SentenceContext): Span | null {
  const { sentence, text } = ctx;
  if (!sentence.quote || !spokenQuote(ctx)) return null;
  if (sentence.attribution && namesSpeech(ctx, sentence.attribution)) return sentence.attribution;
  const after = text.slice(sentence.quote.end, sentence.quote.end + ATTRIBUTION_REACH);
  const stop = after.search(/[.!?…\n«"“„]/u);
  const span = trimSpan(text, {
    start: sentence.quote.end,
    end: sentence.quote.end + (stop < 0 ? after.length : stop),
  });
  return span && namesSpeech(ctx, span) ? span : null;
}

/** How far after a quotation its attribution may run: ", the head of the Russian state corporation added." */
const ATTRIBUTION_REACH = 160;

/** Whether a position lies in someone's quoted words or in the attribution that credits them. */
export function inQuoteOrAttribution(ctx: SentenceContext, at: number): boolean {
  const attribution = quoteAttribution(ctx);
  if (!attribution && !spokenQuote(ctx)) return false;
  const inside = (s: Span | null | undefined) => s != null && s.start <= at && at < s.end;
  return inside(ctx.sentence.quote) || inside(attribution);
}

/** A quote of someone's words, not a name in quotes before a dash («Беларуськалий» — расширить). */
export function spokenQuote(ctx: SentenceContext): boolean {
  const { quote, attribution } = ctx.sentence;
  if (!quote) return false;
  if (attribution && namesSpeech(ctx, attribution)) return true;
  return ctx.text.slice(quote.start, quote.end).trim().split(/\s+/u).length >= 4;
}

/** Whether words hold a verb of speech or of an act: an attribution, not the rest of a clause after a name. */
function namesSpeech(ctx: SentenceContext, span: Span): boolean {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  return (
    index.speech.find(folded, span.start, span.end).length + index.acts.find(folded, span.start, span.end).length > 0
  );
}

/** The part of the sentence inside its quotation marks. */
export function quotedPart(ctx: SentenceContext): Span | null {
  const { sentence, text } = ctx;
  if (!sentence.quote) return null;
  return trimSpan(text, {
    start: Math.max(sentence.start, sentence.quote.start + 1),
    end: Math.min(sentence.end, sentence.quote.end - 1),
  });
}

/** A judgement in `from`..`to`: "disappointing", or a partner with a qualifier ("a reliable partner"). */
export function judgement(ctx: SentenceContext, from: number, to: number): Span | undefined {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const evaluation = index.evaluation.find(folded, from, to)[0];
  if (evaluation) return evaluation;
  for (const partner of index.partner.find(folded, from, to)) {
    const before = wordsIn(folded, from, partner.start).slice(-4);
    const lookFrom = before[0]?.start ?? partner.start;
    if (index.partnerQualifiers.find(folded, lookFrom, partner.start).length > 0) return partner;
  }
  return undefined;
}
