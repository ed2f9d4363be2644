/**
 * A project a statement proposes or promises: a joint production, a construction, a supply or a contract,
 * named by the words from its cue to the end of the clause ("joint production of municipal vehicles").
 */
import { foldCase } from '../text/morphology.ts';
import type { Span } from '../text/sentences.ts';
import type { Analysis } from './analysis.ts';

type ProjectKind =
  'supply' | 'joint_production' | 'construction_contract' | 'investment' | 'technology' | 'education' | 'other';

/** Cue words by the kind of project they start; Russian ones as stems. */
export const projectCues: ReadonlyArray<{ kind: ProjectKind; en: string[]; ru: string[] }> = [
  {
    kind: 'joint_production',
    en: ['joint production', 'joint venture', 'assembly of', 'assembly plant', 'production of', 'localization'],
    ru: [
      'совместное производство',
      'совместного производства',
      'совместное предприятие',
      'сборк',
      'производство',
      'производства',
      'локализац',
    ],
  },
  {
    kind: 'construction_contract',
    en: ['construction of', 'to build', 'build ', 'contract to build', 'housing'],
    ru: ['строительств', 'построить', 'построит', 'возвести', 'возведени'],
  },
  {
    kind: 'supply',
    en: ['supply of', 'supplies of', 'delivery of', 'deliveries of', 'to supply', 'to buy', 'purchase of'],
    ru: ['поставк', 'поставить', 'закупк', 'закупить'],
  },
  { kind: 'investment', en: ['invest', 'investment'], ru: ['инвести'] },
  { kind: 'education', en: ['training', 'students', 'education'], ru: ['обучени', 'подготовк', 'студент'] },
];

export interface ProjectFound {
  title: string;
  kind: ProjectKind;
  span: Span;
  rule: string;
  confidence: number;
}

/** Only what is proposed, promised or set as a target starts a project; an assessment does not. */
const starting = new Set(['proposal', 'commitment', 'target', 'request']);

export function findProjects(
  analysis: Analysis,
  statement: { kind: string; span: Span },
  organizationItemIds: string[],
): ProjectFound | null {
  if (!starting.has(statement.kind)) return null;
  const text = analysis.text.slice(statement.span.start, statement.span.end);
  const lower = foldCase(text);
  for (const cue of projectCues) {
    for (const word of cue[analysis.lang]) {
      const at = lower.indexOf(word);
      if (at < 0) continue;
      const rest = text
        .slice(at)
        .split(/[,;.!?»"”:]|\s[—–]\s/u)[0]!
        .trim();
      if (rest.split(/\s+/u).length < 2) continue;
      const title = (rest.charAt(0).toUpperCase() + rest.slice(1)).slice(0, 200);
      const start = statement.span.start + at;
      return {
        title,
        kind: cue.kind,
        span: { start, end: start + rest.length },
        rule: `project.${analysis.lang}.${cue.kind}`,
        // With parties named, it is more likely a project than a wish.
        confidence: organizationItemIds.length > 0 ? 0.7 : 0.5,
      };
    }
  }
  return null;
}
