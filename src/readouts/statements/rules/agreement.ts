import type { StatementRule } from '../model.ts';
import { clauseEnd, cueIndex, foldedOf, inQuoteOrAttribution, sentenceSubject, trimSpan } from '../scan.ts';

/** An infinitive after «договорились»: what the sides will do, not what they talked about («об обмене»). */
const INFINITIVE = /^\s*(?:также\s+)?[а-яё]+(?:ть|ти|чь|ться|тись)(?![а-яё])/u;

/** "The sides agreed to …", «Стороны договорились довести…»: a commitment of both sides. */
export const agreement: StatementRule = {
  id: 'statement/agreement',
  meta: {
    description: {
      en: 'The sides agreed to do something (not merely on a topic)',
      ru: 'Стороны договорились что-то сделать (а не о теме разговора)',
    },
  },
  find(ctx) {
    const folded = foldedOf(ctx.text);
    const { sentence } = ctx;
    return cueIndex(ctx.lang)
      .agreement.find(folded, sentence.start, sentence.end)
      .filter((cue) => !inQuoteOrAttribution(ctx, cue.start))
      .filter((cue) => ctx.lang !== 'ru' || INFINITIVE.test(folded.slice(cue.end, sentence.end)))
      .flatMap((cue) => {
        const span = trimSpan(ctx.text, { start: cue.start, end: clauseEnd(ctx, cue.end) });
        if (!span) return [];
        const speaker = sentenceSubject(ctx, cue.start);
        return [{ kind: 'commitment' as const, span, confidence: 0.6, rule: this.id, speaker, cue }];
      });
  },
};
