import { findDueRanges } from '../../figures/dates.ts';
import type { Span } from '../../text/sentences.ts';
import type { SentenceContext, StatementKind } from '../model.ts';
import { cueIndex, foldedOf, judgement } from '../scan.ts';

/**
 * What a clause reported after a neutral verb ("said that …") states: readiness is a proposal, the future a
 * commitment, a judgement or a "should" an assessment. A clause that only reports a fact states nothing.
 */
export function reportedKind(ctx: SentenceContext, clause: Span): StatementKind | null {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const has = (phrases: typeof index.future) => phrases.find(folded, clause.start, clause.end).length > 0;
  if (has(index.readiness)) return 'proposal';
  if (has(index.future)) return 'commitment';
  if (judgement(ctx, clause.start, clause.end)) return 'assessment';
  if (futureDeadline(ctx, clause)) return 'commitment';
  if (has(index.necessity)) return 'assessment';
  return null;
}

/** A deadline in the clause that lies after the readout's date: «сообщил, что КАМАЗ в следующем году увеличит…». */
function futureDeadline(ctx: SentenceContext, clause: Span): boolean {
  const piece = ctx.text.slice(clause.start, clause.end);
  return findDueRanges(piece, ctx.lang, ctx.documentDate).some(
    (range) => (range.dueTo ?? '') > ctx.documentDate || (range.dueFrom ?? '') > ctx.documentDate,
  );
}

/** Fewer words than this after "let us" say nothing to act on: "Let us finally do it." */
const MIN_WORDS_SAID = 4;

/** Whether what follows a first-person cue says something: not negated, not a word or two. */
function says(ctx: SentenceContext, from: number, to: number): boolean {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const rest = folded.slice(from, to);
  const firstWord = /[\p{L}\d'’]+/u.exec(rest);
  if (firstWord && index.negations.startsAt(folded, from + firstWord.index, to)) return false;
  return (rest.match(/[\p{L}\d]+/gu) ?? []).length >= MIN_WORDS_SAID;
}

/** What quoted words state in the first person: «Мы просим…», "We will…", or a judgement. */
export function quotedKind(ctx: SentenceContext, words: Span): StatementKind | null {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const firstPerson = (Object.keys(index.firstPerson) as (keyof typeof index.firstPerson)[])
    .flatMap((kind) => index.firstPerson[kind].find(folded, words.start, words.end).map((m) => ({ kind, m })))
    .filter(({ m }) => says(ctx, m.end, words.end))
    .sort((a, b) => a.m.start - b.m.start)[0];
  if (firstPerson) return firstPerson.kind;
  return judgement(ctx, words.start, words.end) ? 'assessment' : null;
}
