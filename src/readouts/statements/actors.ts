/**
 * Who a sentence is about, for pronouns in the sentences after it: "Aleksandr Lukashenko recalled that Vladimir
 * Semashko had raised the issue. He asked Rosatom…" — "he" is the one who recalled, not the one recalled.
 */
import type { Span } from '../text/sentences.ts';
import type { Finding, SentenceContext } from './model.ts';
import {
  attributionSpeaker,
  cueIndex,
  foldedOf,
  inQuoteOrAttribution,
  quoteAttribution,
  subjectBefore,
} from './scan.ts';

export function isPronoun(ctx: SentenceContext, span: Span): boolean {
  const words = foldedOf(ctx.text).slice(span.start, span.end).split(/\s+/u);
  return words.length === 1 && cueIndex(ctx.lang).lexicon.pronouns.includes(words[0]!);
}

/**
 * The one the sentence names as acting or speaking, when it names one other than by a pronoun: a statement's speaker,
 * a quotation's attribution, or the subject of a verb of speech or narration ("X recalled", «X рассказал»).
 */
export function actorOf(ctx: SentenceContext, findings: Finding[]): Span | null {
  const named = (span: Span | null | undefined): span is Span => span != null && !isPronoun(ctx, span);
  const speaker = findings.map((f) => f.speaker).find(named);
  if (speaker) return speaker;
  const attribution = quoteAttribution(ctx);
  const quoted = attribution ? attributionSpeaker(ctx, attribution) : null;
  if (named(quoted)) return quoted;
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const { sentence } = ctx;
  const verb = [index.speech, index.narration, index.acts]
    .flatMap((phrases) => phrases.find(folded, sentence.start, sentence.end))
    .filter((m) => !inQuoteOrAttribution(ctx, m.start))
    .sort((a, b) => a.start - b.start)[0];
  const subject = verb ? subjectBefore(ctx, sentence.start, verb.start) : null;
  return named(subject) ? subject : null;
}
