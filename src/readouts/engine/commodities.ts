/**
 * Whether a commodity is named as exported or imported: the nearest word of selling or buying before it in
 * its sentence ("sold the region tractors … and bought freight wagons"), else after it ("tyres were exported").
 */
import { foldCase } from '../text/morphology.ts';
import type { Span } from '../text/sentences.ts';
import type { Analysis } from './analysis.ts';
import type { Sides } from './meeting.ts';

const flowWords = {
  export: {
    en: ['export', 'sold', 'sell', 'supplie', 'supply', 'deliver', 'shipped', 'ship', 'sales of'],
    ru: ['экспорт', 'поставля', 'поставк', 'постав', 'продал', 'продае', 'отгруж', 'вывоз'],
  },
  import: {
    en: ['import', 'bought', 'buy', 'purchase', 'procure'],
    ru: ['импорт', 'закупа', 'закуп', 'покупа', 'купил', 'ввоз', 'приобрета'],
  },
} as const;

function lastCue(text: string, lang: 'en' | 'ru'): { flow: 'export' | 'import'; at: number } | null {
  let best: { flow: 'export' | 'import'; at: number } | null = null;
  for (const flow of ['export', 'import'] as const) {
    for (const word of flowWords[flow][lang]) {
      const at = text.lastIndexOf(word);
      if (at >= 0 && (!best || at > best.at)) best = { flow, at };
    }
  }
  return best;
}

/**
 * The flow as home sees it: a home export is named "exports of Belarus" or "Belarus supplies"; when the partner
 * is the one said to sell ("the region sells Belarus …"), it is a home import.
 */
export function commodityFlow(analysis: Analysis, sentence: Span, at: Span, sides: Sides): 'export' | 'import' | null {
  const before = foldCase(analysis.text.slice(sentence.start, at.start));
  const cue = lastCue(before, analysis.lang);
  if (cue) {
    const subject = analysis.territories.filter((t) => t.start >= sentence.start && t.end <= sentence.start + cue.at);
    const seller = subject.at(-1)?.id;
    const partnerSells =
      seller !== undefined && sides.partner !== null && seller === sides.partner && cue.flow === 'export';
    return partnerSells ? 'import' : cue.flow;
  }
  const after = foldCase(analysis.text.slice(at.end, sentence.end));
  for (const flow of ['export', 'import'] as const) {
    if (flowWords[flow][analysis.lang].some((w) => after.includes(w))) return flow;
  }
  return null;
}
