import type { StatementRule } from '../model.ts';
import { attributionAct, attributionSpeaker, quoteAttribution, quotedPart, spokenQuote } from '../scan.ts';
import { quotedKind } from './classify.ts';

/** Someone's quoted words that ask, promise, propose or judge: «Мы просим одного…», — подчеркнул глава государства. */
export const quotation: StatementRule = {
  id: 'statement/quotation',
  meta: {
    description: {
      en: 'Quoted words in the first person (we ask, we will, I propose) or with a judgement, credited to their attribution',
      ru: 'Цитата от первого лица (просим, будем, предлагаю) или с оценкой, отнесённая к автору цитаты',
    },
  },
  find(ctx) {
    const words = quotedPart(ctx);
    if (!words || !spokenQuote(ctx)) return [];
    const attribution = quoteAttribution(ctx);
    const act = attribution ? attributionAct(ctx, attribution) : undefined;
    const kind = act ?? quotedKind(ctx, words);
    if (!kind) return [];
    const speaker = attribution ? attributionSpeaker(ctx, attribution) : null;
    const confidence = act ? 0.7 : 0.55;
    return [{ kind, span: words, confidence, rule: this.id, speaker, cue: attribution ?? words }];
  },
};
