import type { Finding, StatementRule } from '../model.ts';
import {
  actKindOf,
  clauseEnd,
  cueIndex,
  foldedOf,
  inQuoteOrAttribution,
  narrated,
  splitClauses,
  subjectBefore,
} from '../scan.ts';

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
      if (inQuoteOrAttribution(sentence, cue.start) || narrated(ctx, cue.start)) continue;
      if (/[-‑]/u.test(ctx.text[cue.start - 1] ?? '')) continue; // "so-called"
      const kind = actKindOf(index, folded, cue);
      if (!kind) continue;
      const speaker = subjectBefore(ctx, sentence.start, cue.start);
      const clause = { start: cue.start, end: clauseEnd(ctx, cue.end) };
      const parts = kind === 'proposal' || kind === 'request' ? splitClauses(ctx, clause) : [clause];
      for (const span of parts) {
        found.push({ kind, span, confidence: 0.85, rule: this.id, speaker, cue });
      }
    }
    return found;
  },
};
