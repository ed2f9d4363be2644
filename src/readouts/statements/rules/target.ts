import type { StatementRule } from '../model.ts';
import {
  attributionSpeaker,
  cueIndex,
  quoteAttribution,
  foldedOf,
  quotedPart,
  sentenceSubject,
  trimSpan,
} from '../scan.ts';

/** How far after a lead an amount may stand: "bring trade between the two countries to one billion dollars". */
const AMOUNT_WINDOW = 80;

/** A figure to reach: "bring trade to one billion dollars", «довести товарооборот до 200 млн долларов». */
export const target: StatementRule = {
  id: 'statement/target',
  meta: {
    description: {
      en: 'A goal of reaching an amount: a lead (bring to, aim for, set the goal) followed by a sum',
      ru: 'Цель выйти на сумму: оборот (довести до, выйти на, поставили задачу), за которым идёт сумма',
    },
  },
  find(ctx) {
    const folded = foldedOf(ctx.text);
    const index = cueIndex(ctx.lang);
    const { sentence } = ctx;
    for (const cue of index.targetLeads.find(folded, sentence.start, sentence.end)) {
      const window = Math.min(sentence.end, cue.end + AMOUNT_WINDOW);
      if (index.amounts.find(folded, cue.end, window).length === 0) continue;
      const quoted = sentence.quote && sentence.quote.start <= cue.start && cue.start < sentence.quote.end;
      const span = quoted ? quotedPart(ctx) : trimSpan(ctx.text, sentence);
      if (!span) continue;
      const attribution = quoted ? quoteAttribution(ctx) : null;
      const speaker = quoted ? attribution && attributionSpeaker(ctx, attribution) : sentenceSubject(ctx, cue.start);
      return [{ kind: 'target', span, confidence: 0.8, rule: this.id, speaker, cue }];
    }
    return [];
  },
};
