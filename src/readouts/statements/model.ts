import type { Lang } from '../text/language.ts';
import type { Span } from '../text/sentences.ts';

export const statementKinds = ['proposal', 'commitment', 'request', 'assessment', 'invitation', 'target'] as const;
export type StatementKind = (typeof statementKinds)[number];

/** A sentence as `splitSentences` gives it: its quotation and who the text says spoke it, when it is quoted. */
export interface StatementSentence extends Span {
  quote?: Span;
  attribution?: Span;
}

export interface StatementCandidate {
  kind: StatementKind;
  /** The clause that states it, within one sentence. */
  span: Span;
  sentence: Span;
  /** 0..1 */
  confidence: number;
  /** Id of the rule that found it. */
  rule: string;
  /** The words naming who said it ("the head of state", «Губернатор», "he"), as the text has them. */
  speaker: Span | null;
  dueFrom: string | null;
  dueTo: string | null;
}

/** A statement as a rule finds it, before its due range is read. */
export interface Finding extends Omit<StatementCandidate, 'dueFrom' | 'dueTo' | 'sentence'> {
  /** The words that gave it away: the verb, the lead of a target. */
  cue: Span;
}

/** What a rule reads: one sentence, with its neighbours for statements whose speaker is named next door. */
export interface SentenceContext {
  text: string;
  lang: Lang;
  /** The readout's date, `YYYY-MM-DD`: a deadline after it speaks of the future. */
  documentDate: string;
  sentence: StatementSentence;
  previous: StatementSentence | undefined;
  next: StatementSentence | undefined;
}

export interface StatementRule {
  id: string;
  meta: { description: { en: string; ru: string } };
  find(context: SentenceContext): Finding[];
}
