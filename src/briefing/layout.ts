import type { BriefingDocument } from './document.ts';
import type { Briefing, BriefingLanguage } from './model.ts';

export interface LayoutOptions {
  marking: string | null;
  producedAt: string;
}

export function layoutBriefing(
  _briefing: Briefing,
  _lang: BriefingLanguage,
  _options: LayoutOptions,
): BriefingDocument {
  throw new Error('layoutBriefing: under construction in this session');
}
