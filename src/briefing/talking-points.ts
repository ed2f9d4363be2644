/**
 * Talking points: explicit rules over the facts a briefing gathered. Each rule reads the briefing and
 * returns its points, each saying in both languages what to raise and citing the facts that triggered it.
 * A new kind of fact (targets, opportunities) adds a rule to `talkingPointRules`; nothing else changes.
 */
import { isicSectors } from '../registry/reference/isic.ts';
import { activeStages } from '../cooperation/projects/stages.ts';
import { daysBetween } from '../core/days.ts';
import { formatDate, formatPercent, pluralRu } from './format.ts';
import type { Briefing, Fact, StatementDigest, TalkingPoint, Text } from './model.ts';

export type BriefingFacts = Omit<Briefing, 'talkingPoints'>;

export interface TalkingPointRule {
  id: string;
  /** What the rule looks for and why it matters, for whoever reads or extends the list. */
  description: string;
  points(facts: BriefingFacts): Array<Omit<TalkingPoint, 'rule'>>;
}

/** A stage a project has not left for this long reads as stalled. */
export const stalledAfterDays = 365;

const dayEn = (day: string) => formatDate(day, 'en');
const dayRu = (day: string) => formatDate(day, 'ru');
const percentEn = (value: number) => formatPercent(value, 'en');
const percentRu = (value: number) => formatPercent(value, 'ru');
/** A size in percent, without sign: "40.5%" / «40,5 %». */
const sizeEn = (value: number) => formatPercent(Math.abs(value), 'en', false);
const sizeRu = (value: number) => formatPercent(Math.abs(value), 'ru', false);

const daysEn = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
const daysRu = (n: number) => `${n} ${pluralRu(n, 'день', 'дня', 'дней')}`;
const countEn = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const countRuGenitive = ['', 'одного', 'двух', 'трёх', 'четырёх', 'пяти', 'шести', 'семи', 'восьми', 'девяти'];
/** "after three falling years" / «после трёх лет спада»: small counts in words, as prose writes them. */
const yearsEn = (n: number) => `${countEn[n] ?? n} falling year${n === 1 ? '' : 's'}`;
const yearsRu = (n: number) => `${countRuGenitive[n] || n} ${pluralRu(n, 'года', 'лет', 'лет')}`;

/** A record's text in one language, the other where it has only that one. */
const inEn = (t: Text | null) => t?.en ?? t?.ru ?? '';
const inRu = (t: Text | null) => t?.ru ?? t?.en ?? '';

/** «…» around a text, its own «…» turned into „…“ as Russian nests quotes. */
function quoteRu(text: string): string {
  return `«${text.replace(/«/g, '„').replace(/»/g, '“')}»`;
}

/** A record's text as a sentence of its own: ended with a full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** How long a project has stood still, in words. */
function stageWords(since: string | null, asOf: string, lang: 'en' | 'ru'): string {
  if (since === null) return lang === 'en' ? 'with no recorded progress' : 'движение по нему не отмечено';
  const days = daysBetween(since, asOf);
  return lang === 'en'
    ? `in the same stage for ${daysEn(days)}, since ${dayEn(since)}`
    : `с ${dayRu(since)} он ${daysRu(days)} на одной стадии`;
}

function commitmentFact(s: StatementDigest): Fact {
  // The point already quotes the commitment; its fact says which record it is.
  return {
    kind: 'commitment',
    id: s.statementId,
    label: {
      en: `the commitment made on ${dayEn(s.madeOn)}${s.statusOn && s.status === 'fulfilled' ? `, fulfilled on ${dayEn(s.statusOn)}` : ''}`,
      ru: `обязательство от ${dayRu(s.madeOn)}${s.statusOn && s.status === 'fulfilled' ? `, выполнено ${dayRu(s.statusOn)}` : ''}`,
    },
    sources: s.sources,
  };
}

export const talkingPointRules: TalkingPointRule[] = [
  {
    id: 'trade_recovery',
    description:
      'Turnover grew after one or more falling years: name the upturn and propose to restore the earlier volumes.',
    points(b) {
      if (b.trade.status !== 'known') return [];
      const trade = b.trade;
      return trade.trend
        .filter((t) => t.code === 'recovery')
        .map((t) => ({
          text: {
            en: `Trade is recovering: turnover grew by ${sizeEn(t.lastChangePercent)} after ${yearsEn(t.fallingYearsBefore)}. Propose to build on the upturn and return to the earlier volumes.`,
            ru: `Товарооборот восстанавливается: рост на ${sizeRu(t.lastChangePercent)} после ${yearsRu(t.fallingYearsBefore)} спада. Предложить закрепить рост и вернуться к прежним объёмам.`,
          },
          facts: [
            {
              kind: 'trade',
              id: 'turnover',
              label: { en: 'turnover against a year earlier', ru: 'товарооборот к прошлому году' },
              sources: trade.sources,
            },
          ],
        }));
    },
  },
  {
    id: 'trade_decline',
    description: 'Turnover fell for two years or more: raise the decline and ask what holds trade back.',
    points(b) {
      if (b.trade.status !== 'known') return [];
      const trade = b.trade;
      return trade.trend
        .filter((t) => t.code === 'decline' && t.years >= 2)
        .map((t) => ({
          text: {
            en: `Turnover has fallen for ${t.years} years in a row (latest ${percentEn(t.lastChangePercent)}). Ask what holds trade back and agree on steps to reverse it.`,
            ru: `Товарооборот снижается ${t.years}-й год подряд (последнее изменение ${percentRu(t.lastChangePercent)}). Выяснить причины и согласовать меры, чтобы переломить тенденцию.`,
          },
          facts: [
            {
              kind: 'trade',
              id: 'turnover',
              label: { en: 'turnover over the years', ru: 'товарооборот по годам' },
              sources: trade.sources,
            },
          ],
        }));
    },
  },
  {
    id: 'overdue_commitment',
    description: 'A commitment is past its due date and not fulfilled: raise it with whoever owns it.',
    points(b) {
      return b.commitments.overdue.map((s) => ({
        text: {
          en: `Raise the overdue commitment${s.owner ? ` of ${inEn(s.owner)}` : ''}, due on ${dayEn(s.dueOn!)} and ${daysEn(s.daysOverdue!)} late: ${sentence(inEn(s.text))}`,
          ru: `Поднять вопрос о просроченном обязательстве${s.owner ? ` (${inRu(s.owner)})` : ''}: срок истёк ${dayRu(s.dueOn!)}, просрочено на ${daysRu(s.daysOverdue!)}. ${sentence(inRu(s.text))}`,
        },
        facts: [commitmentFact(s)],
      }));
    },
  },
  {
    id: 'stalled_project',
    description: `A project is marked stalled, or has not left a live stage for ${stalledAfterDays} days: ask what holds it up.`,
    points(b) {
      return b.projects
        .filter(
          (p) =>
            p.stage === 'stalled' ||
            ((activeStages as readonly string[]).includes(p.stage) &&
              p.stage !== 'in_execution' &&
              p.stageOn !== null &&
              daysBetween(p.stageOn, b.asOf) >= stalledAfterDays),
        )
        .map((p) => ({
          text: {
            en: `Ask what holds up the project "${inEn(p.title)}", ${stageWords(p.stageOn, b.asOf, 'en')}.`,
            ru: `Выяснить, что сдерживает проект ${quoteRu(inRu(p.title))}: ${stageWords(p.stageOn, b.asOf, 'ru')}.`,
          },
          facts: [
            {
              kind: 'project',
              id: p.projectId,
              label: { en: "the project's stage history", ru: 'история стадий проекта' },
              sources: p.sources,
            },
          ],
        }));
    },
  },
  {
    id: 'leading_export_fell',
    description: 'One of the largest exports fell against a year earlier: ask about demand for it.',
    points(b) {
      if (b.trade.status !== 'known') return [];
      const trade = b.trade;
      return trade.exports.items
        .filter((item) => item.growthPercent !== null && item.growthPercent < 0)
        .map((item) => ({
          text: {
            en: `Exports of ${item.label} (${inEn(item.title)}) fell by ${sizeEn(item.growthPercent!)}: ask about demand and the obstacles buyers meet.`,
            ru: `Экспорт по позиции ${item.label} (${inRu(item.title)}) снизился на ${sizeRu(item.growthPercent!)}: выяснить причины и препятствия для покупателей.`,
          },
          facts: [
            {
              kind: 'structure',
              id: `exports:${item.code}`,
              label: { en: `exports of ${item.label}`, ru: `экспорт по позиции ${item.label}` },
              sources: trade.sources,
            },
          ],
        }));
    },
  },
  {
    id: 'proposal_without_project',
    description:
      'A proposal names a sector in which the relationship has no project yet: follow it up with a concrete project.',
    points(b) {
      const sectorsWithProjects = b.projects.map((p) => p.sectorCode).filter((c): c is string => c !== null);
      // ISIC: a section letter covers its divisions, so a project in 01 answers a proposal in A and back.
      const related = (a: string, c: string) => a === c || sectionOf(a) === sectionOf(c);
      return b.openProposals
        .filter((s) => s.sectorCode !== null && !sectorsWithProjects.some((c) => related(c, s.sectorCode!)))
        .map((s) => ({
          text: {
            en: `Follow up the proposal made on ${dayEn(s.madeOn)}, for which no project in its sector exists yet: ${sentence(inEn(s.text))}`,
            ru: `Вернуться к предложению, высказанному ${dayRu(s.madeOn)}, — проекта в этой отрасли пока нет: ${sentence(inRu(s.text))}`,
          },
          facts: [
            {
              kind: 'statement',
              id: s.statementId,
              label: { en: `the proposal made on ${dayEn(s.madeOn)}`, ru: `предложение от ${dayRu(s.madeOn)}` },
              sources: s.sources,
            },
          ],
        }));
    },
  },
  {
    id: 'fulfilled_since_last_meeting',
    description: 'Commitments fulfilled since the last meeting: acknowledge the results as a basis for the next steps.',
    points(b) {
      const done = b.commitments.fulfilledSinceLastMeeting;
      if (done.length === 0) return [];
      return [
        {
          text: {
            en: `Note what was done since the last meeting: ${done.map((s) => sentence(inEn(s.text))).join(' ')}`,
            ru: `Отметить выполненное после прошлой встречи: ${done.map((s) => sentence(inRu(s.text))).join(' ')}`,
          },
          facts: done.map(commitmentFact),
        },
      ];
    },
  },
];

const sectionOfDivision = new Map(isicSectors.map((s) => [s.code, s.parent ?? s.code]));

/** The ISIC section a code belongs to: a section is its own, a division its parent's. */
export function sectionOf(code: string): string {
  return sectionOfDivision.get(code) ?? code;
}

/** Every rule's points, in the order of the rules. */
export function talkingPoints(facts: BriefingFacts, rules: TalkingPointRule[] = talkingPointRules): TalkingPoint[] {
  return rules.flatMap((rule) => rule.points(facts).map((point) => ({ rule: rule.id, ...point })));
}
