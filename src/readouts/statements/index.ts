/**
 * Statements in a readout: which clauses propose, promise, ask, judge, invite or set a target, and the words that
 * name who did. The rules each read one sentence; this file runs them and settles where two read the same clause.
 */
import { findDueRanges } from '../figures/dates.ts';
import type { Lang } from '../text/language.ts';
import type { Span } from '../text/sentences.ts';
import type { Finding, SentenceContext, StatementCandidate, StatementRule, StatementSentence } from './model.ts';
import { agreement } from './rules/agreement.ts';
import { quotation } from './rules/quotation.ts';
import { reportedAct } from './rules/reported-act.ts';
import { reportedSpeech } from './rules/reported-speech.ts';
import { target } from './rules/target.ts';

export type { StatementCandidate, StatementKind, StatementSentence } from './model.ts';

export const statementRules: StatementRule[] = [reportedAct, reportedSpeech, agreement, quotation, target];

/** Kinds a target may take over: "agreed to aim for two billion" is the target, not a commitment besides. */
const TARGET_ABSORBS = new Set(['proposal', 'commitment', 'assessment']);

/** A headline or a caption ends without a full stop; its statement is retold in the body. */
const FINISHED = /[.!?…»"”)]$/u;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const contains = (a: { start: number; end: number }, at: number) => a.start <= at && at < a.end;

/** One statement per act: a target takes over the clause it stands in; a clause read twice keeps the surer reading. */
function settle(findings: Finding[]): Finding[] {
  const targets = findings.filter((f) => f.kind === 'target');
  const rest = findings.filter((f) => f.kind !== 'target');
  for (const t of targets) {
    const host = rest.find((f) => TARGET_ABSORBS.has(f.kind) && contains(f.span, t.cue.start));
    if (host) {
      host.kind = 'target';
      host.confidence = Math.max(host.confidence, t.confidence);
      host.speaker ??= t.speaker;
    } else {
      rest.push(t);
    }
  }
  const kept: Finding[] = [];
  for (const f of [...rest].sort((a, b) => b.confidence - a.confidence)) {
    const clash = kept.some(
      (k) =>
        (k.kind === f.kind && overlaps(k.span, f.span)) ||
        (k.rule !== f.rule && contains(k.span, f.cue.start) && overlaps(k.span, f.span)),
    );
    if (!clash) kept.push(f);
  }
  return kept.sort((a, b) => a.span.start - b.span.start);
}

const BACK_POINTING = /^(?:it|them|this|that|these|его|ее|её|их|это|этого|эту|этим|эти)$/u;

/** A clause of a few words pointing back ("proposed to renew it") says too little alone: the sentence shows more. */
function widen(text: string, span: Span, sentence: Span): Span {
  const words = (text.slice(span.start, span.end).match(/[\p{L}\d]+/gu) ?? []).map((w) => w.toLowerCase());
  const vague = words.length < 3 || (words.length < 5 && words.some((w) => BACK_POINTING.test(w)));
  return vague ? { start: sentence.start, end: sentence.end } : span;
}

export function findStatements(
  text: string,
  sentences: StatementSentence[],
  lang: Lang,
  documentDate: string,
): StatementCandidate[] {
  const out: StatementCandidate[] = [];
  const quoted = new Map<string, Set<string>>();
  sentences.forEach((sentence, i) => {
    if (!FINISHED.test(text.slice(sentence.start, sentence.end).trimEnd())) return;
    const ctx: SentenceContext = {
      text,
      lang,
      documentDate,
      sentence,
      previous: sentences[i - 1],
      next: sentences[i + 1],
    };
    const findings = settle(statementRules.flatMap((rule) => rule.find(ctx)));
    if (findings.length === 0) return;
    const dues = findDueRanges(text.slice(sentence.start, sentence.end), lang, documentDate).map((d) => ({
      ...d,
      start: d.start + sentence.start,
      end: d.end + sentence.start,
    }));
    for (const f of findings) {
      // A quotation of several sentences is one act of each kind: the first sentence that shows it stands for it.
      if (sentence.quote && f.rule === quotation.id) {
        const key = `${sentence.quote.start}`;
        const kinds = quoted.get(key) ?? new Set<string>();
        if (kinds.has(f.kind)) continue;
        quoted.set(key, kinds.add(f.kind));
      }
      const span = widen(text, f.span, sentence);
      const due = dues.find((d) => span.start <= d.start && d.end <= span.end);
      out.push({
        kind: f.kind,
        span,
        sentence: { start: sentence.start, end: sentence.end },
        confidence: f.confidence,
        rule: f.rule,
        speaker: f.speaker,
        dueFrom: due?.dueFrom ?? null,
        dueTo: due?.dueTo ?? null,
      });
    }
  });
  return out;
}
