import type { Finding, SentenceContext, StatementRule } from '../model.ts';
import {
  actKindOf,
  clauseEnd,
  cueIndex,
  foldedOf,
  inQuoteOrAttribution,
  narrated,
  splitClauses,
  stripFillersBack,
  subjectBefore,
  trailingSpeaker,
  trimSpan,
} from '../scan.ts';

/** Where the text before `at` ends, spaces skipped: a relative "who" before "proposed" makes it a mere mention. */
function skipBack(text: string, at: number): number {
  while (at > 0 && /\s/u.test(text[at - 1]!)) at--;
  return at;
}

/** How many words after the verb a courtesy may stand: «попросил передать наилучшие пожелания». */
const COURTESY_REACH = 6;

/** Where the `count`th word after `from` ends. */
function wordsAfter(text: string, from: number, count: number): number {
  const re = /[\p{L}\d]+/gu;
  re.lastIndex = from;
  let end = from;
  for (let i = 0; i < count; i++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].length;
  }
  return end;
}

/**
 * A verb inside what someone else is reported to have said ("the minister said the region intends to…") is theirs
 * to tell: the reported-speech rule reads that clause with its speaker. A verb joined by "and" is the subject's own.
 */
function reportedByAnother(ctx: SentenceContext, at: number): boolean {
  const folded = foldedOf(ctx.text);
  const index = cueIndex(ctx.lang);
  const { sentence } = ctx;
  const before = [index.speech, index.frames]
    .flatMap((phrases) => phrases.find(folded, sentence.start, at))
    .filter((m) => !inQuoteOrAttribution(ctx, m.start));
  return before.length > 0 && !stripFillersBack(ctx, sentence.start, at).linked;
}

/** A verb that names the act: "The head of state proposed that…", «Губернатор попросил…», "He invited…". */
export const reportedAct: StatementRule = {
  id: 'statement/reported-act',
  meta: {
    description: {
      en: 'A verb naming the act (proposed, promised, asked, invited, described as) and the clause it governs',
      ru: 'Глагол, называющий действие (предложил, пообещал, попросил, пригласил, назвал), и зависящее от него предложение',
    },
  },
  find(ctx) {
    const folded = foldedOf(ctx.text);
    const index = cueIndex(ctx.lang);
    const { sentence } = ctx;
    const found: Finding[] = [];
    for (const cue of index.acts.find(folded, sentence.start, sentence.end)) {
      if (inQuoteOrAttribution(ctx, cue.start) || narrated(ctx, cue.start)) continue;
      if (/[-‑]/u.test(ctx.text[cue.start - 1] ?? '')) continue; // "so-called"
      const kind = actKindOf(index, folded, cue);
      if (!kind || reportedByAnother(ctx, cue.start)) continue;
      const soon = wordsAfter(ctx.text, cue.end, COURTESY_REACH);
      if (index.courtesies.find(folded, cue.end, soon).length > 0) continue;
      if (kind === 'request' && index.questions.find(folded, cue.end, wordsAfter(ctx.text, cue.end, 4)).length > 0) {
        continue;
      }
      const before = skipBack(ctx.text, cue.start);
      if (index.subordinators.endsAt(folded, sentence.start, before)) continue;
      if (index.participleBefore.endsAt(folded, sentence.start, before)) continue;
      const after = cue.end + (/^\s*/u.exec(ctx.text.slice(cue.end))?.[0].length ?? 0);
      if (index.participleAfter.startsAt(folded, after, sentence.end)) continue;
      const clause = trimSpan(ctx.text, { start: cue.start, end: clauseEnd(ctx, cue.end) });
      if (!clause) continue;
      const speaker = trailingSpeaker(ctx, clause.end) ?? subjectBefore(ctx, sentence.start, cue.start);
      const parts = kind === 'proposal' || kind === 'request' ? splitClauses(ctx, clause) : [clause];
      for (const span of parts) {
        found.push({ kind, span, confidence: 0.85, rule: this.id, speaker, cue });
      }
    }
    return found;
  },
};
