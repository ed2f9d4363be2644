import type { Span } from '../../text/sentences.ts';
import type { Finding, SentenceContext, StatementRule } from '../model.ts';
import {
  clauseEnd,
  cueIndex,
  foldedOf,
  inQuoteOrAttribution,
  narrated,
  stripFillersBack,
  subjectAfter,
  subjectBefore,
  trimSpan,
} from '../scan.ts';
import { reportedKind } from './classify.ts';

const PRONOUNS = /^(?:его|ее|её|их|him|her|them)$/u;
/** What opens a reported clause and belongs to neither side: "that", «что». */
const OPENER = /^[\s,:—–-]*(?:that|что)?(?![\p{L}])/u;

/** After a verb of speech, what says the reported words follow rather than precede: ", что", "that", ":". */
const OPENS_CLAUSE = /^\s*(?:[,:]|that(?![\p{L}])|что(?![\p{L}]))/u;

interface Reading {
  clause: Span;
  speaker: Span | null;
}

/** "According to the minister, …", «По его мнению, …»: the speaker is in the frame, the clause after its comma. */
function readFrame(ctx: SentenceContext, cue: Span): Reading | null {
  const { text, sentence } = ctx;
  const comma = text.indexOf(',', cue.end);
  if (comma < 0 || comma >= sentence.end) return null;
  const inner = text.slice(cue.start, cue.end).split(/\s+/u);
  const pronoun = inner.findIndex((w) => PRONOUNS.test(w.toLowerCase()));
  let speaker: Span | null;
  if (pronoun >= 0) {
    const at = cue.start + text.slice(cue.start, cue.end).indexOf(inner[pronoun]!);
    speaker = { start: at, end: at + inner[pronoun]!.length };
  } else {
    speaker = trimSpan(text, { start: cue.end, end: comma });
  }
  const clause = trimSpan(text, { start: comma + 1, end: clauseEnd(ctx, comma + 1) });
  return clause ? { clause, speaker } : null;
}

/** "X said (that) …", "…, the president admitted", «…, заявил Президент …». */
function readSpeech(ctx: SentenceContext, cue: Span): Reading | null {
  const { text, sentence } = ctx;
  const before = stripFillersBack(ctx, sentence.start, cue.start);
  const inverted = /[,—–]\s*$/u.test(text.slice(sentence.start, cue.start)) && !OPENS_CLAUSE.test(text.slice(cue.end));
  const after = inverted ? subjectAfter(ctx, cue.end, sentence.end) : null;
  if (before.end > sentence.start && after) {
    // The verb opens an inverted attribution: the words said come first.
    const clause = trimSpan(text, { start: sentence.start, end: before.end });
    return clause ? { clause, speaker: after } : null;
  }
  const speaker = subjectBefore(ctx, sentence.start, cue.start);
  if (speaker) {
    const lead = text.slice(sentence.start, speaker.start);
    const comma = lead.lastIndexOf(',');
    if (comma > 0 && lead.slice(0, comma).trim().split(/\s+/u).length >= 3) {
      const clause = trimSpan(text, { start: sentence.start, end: sentence.start + comma });
      if (clause && !lead.slice(comma + 1).trim()) return { clause, speaker };
    }
  }
  const open = OPENER.exec(text.slice(cue.end).toLowerCase());
  const start = cue.end + (open?.[0].length ?? 0);
  const clause = trimSpan(text, { start, end: clauseEnd(ctx, start) });
  return clause ? { clause, speaker } : null;
}

/**
 * A neutral verb of speech (said, noted, «отметил») or a frame ("according to") whose clause states something:
 * "Alexander Bogomaz said the region would buy 50 buses" is a commitment, "…, the president admitted" after a
 * judgement an assessment. Also a sentence whose speaker the next one names: «… Об этом заявил Александр Лукашенко».
 */
export const reportedSpeech: StatementRule = {
  id: 'statement/reported-speech',
  meta: {
    description: {
      en: 'A verb of speech or an "according to" whose clause proposes, commits or judges',
      ru: 'Глагол речи или «по словам», чьё придаточное предлагает, обещает или оценивает',
    },
  },
  find(ctx) {
    const folded = foldedOf(ctx.text);
    const index = cueIndex(ctx.lang);
    const { sentence } = ctx;
    const found: Finding[] = [];
    const cues = [
      ...index.frames.find(folded, sentence.start, sentence.end).map((span) => ({ span, frame: true })),
      ...index.speech.find(folded, sentence.start, sentence.end).map((span) => ({ span, frame: false })),
    ].sort((a, b) => a.span.start - b.span.start);
    for (const { span: cue, frame } of cues) {
      if (inQuoteOrAttribution(ctx, cue.start) || narrated(ctx, cue.start)) continue;
      const reading = frame ? readFrame(ctx, cue) : readSpeech(ctx, cue);
      if (!reading) continue;
      const kind = reportedKind(ctx, reading.clause);
      if (kind)
        found.push({ kind, span: reading.clause, confidence: 0.65, rule: this.id, speaker: reading.speaker, cue });
    }
    if (cues.length === 0 && !sentence.quote && ctx.next) {
      const back = index.backReference.startsAt(folded, ctx.next.start, ctx.next.end);
      const clause = trimSpan(ctx.text, sentence);
      const kind = back && clause ? reportedKind(ctx, clause) : null;
      if (back && clause && kind) {
        const speaker = subjectAfter(ctx, back.end, ctx.next.end);
        found.push({ kind, span: clause, confidence: 0.6, rule: this.id, speaker, cue: back });
      }
    }
    return found;
  },
};
