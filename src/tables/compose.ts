import type { Project } from '../cooperation/projects/model.ts';
import { textIn } from '../core/languages.ts';
import type { Statement } from '../cooperation/statements/model.ts';
import type { PartnersOverview } from '../partners/model.ts';
import type { RankBy, RankingLine } from '../trade/analytics/insights.ts';
import type { DatasetRef, StructureLine, TradeSeries, TradeStructure } from '../trade/analytics/service.ts';
import type { Cell, FigureTable } from './model.ts';
import { periodWords, words, type Language } from './words.ts';

/**
 * Each table a user can download, composed from the same answer the screen draws, so the file and the
 * screen cannot disagree. These only arrange data; service.ts fetches it.
 */

export interface Names {
  /** A territory's name in the language of the file, its code when it has none. */
  territory: (code: string) => string;
}

interface Context {
  language: Language;
  /** The day the file is made, YYYY-MM-DD. */
  today: string;
  names: Names;
}

function sourceOf(dataset: DatasetRef, language: Language): string {
  const flag = dataset.illustrative ? `; ${words[language].illustrative}` : '';
  return `${dataset.name} (${dataset.source})${flag}`;
}

const pairName = (home: string, partner: string, names: Names) =>
  `${names.territory(home)} — ${names.territory(partner)}`;

export function structureTable(data: TradeStructure, top: number, { language, today, names }: Context): FigureTable {
  const w = words[language];
  const direction = w.measure[data.direction];
  const level = w.level[data.level];
  const value = (line: StructureLine) => line.current[`${data.direction}Cents`];
  const previous = (line: StructureLine) => line.previous[`${data.direction}Cents`];
  const title = (line: StructureLine) =>
    line.code === 'other' ? w.structure.other : textIn(line.titleEn, line.titleRu, language);
  const row = (line: StructureLine): Cell[] => [
    line.code === 'other' ? '' : line.label,
    title(line),
    value(line),
    previous(line),
    line.sharePercent,
    line.growthPercent,
    line.contributionPp,
  ];
  return {
    title: w.structure.title(direction, level, pairName(data.home, data.partner, names)),
    about: [
      { label: w.period, value: periodWords(data.period, language) },
      { label: w.comparedWith, value: periodWords(data.previousPeriod, language) },
      { label: w.currency, value: w.currencyValue(data.currency) },
      { label: w.source, value: sourceOf(data.dataset, language) },
      { label: w.filters, value: w.structure.filters(level, direction.toLowerCase(), top) },
      { label: w.generated, value: today },
    ],
    columns: [
      { header: w.structure.code, type: 'text' },
      { header: w.structure.product, type: 'text' },
      { header: w.structure.value(periodWords(data.period, language)), type: 'money' },
      { header: w.structure.value(periodWords(data.previousPeriod, language)), type: 'money' },
      { header: w.structure.share, type: 'percent' },
      { header: w.structure.growth, type: 'percent' },
      { header: w.structure.contribution, type: 'number', decimals: 1 },
    ],
    rows: [...data.lines, ...(data.other ? [data.other] : [])].map(row),
    footer: [
      '',
      w.structure.total,
      data.total.current,
      data.total.previous,
      data.total.current === 0 ? null : 100,
      data.total.growthPercent,
      data.total.growthPercent,
    ],
  };
}

export function seriesTable(data: TradeSeries, { language, today, names }: Context): FigureTable {
  const w = words[language];
  return {
    title: w.series.title(pairName(data.home, data.partner, names)),
    about: [
      { label: w.period, value: periodWords(data.period, language) },
      { label: w.currency, value: w.currencyValue(data.currency) },
      { label: w.source, value: sourceOf(data.dataset, language) },
      { label: w.filters, value: w.series.filters(w.granularity[data.granularity], data.cumulative) },
      { label: w.generated, value: today },
    ],
    columns: [
      { header: w.series.period, type: 'text' },
      { header: w.measure.exports, type: 'money' },
      { header: w.measure.imports, type: 'money' },
      { header: w.measure.turnover, type: 'money' },
      { header: w.measure.balance, type: 'money' },
      { header: w.series.yearEarlier, type: 'money' },
      { header: w.series.growth, type: 'percent' },
    ],
    rows: data.points.map((p) => [
      p.label,
      p.totals.exportsCents,
      p.totals.importsCents,
      p.totals.turnoverCents,
      p.totals.balanceCents,
      p.previous?.turnoverCents ?? null,
      p.turnoverGrowthPercent,
    ]),
  };
}

export interface Ranking {
  home: string;
  currency: string;
  dataset: DatasetRef;
  range: { from: number; to: number; label: string };
  previousRange: { from: number; to: number; label: string };
  by: RankBy;
  lines: RankingLine[];
}

export function rankingTable(data: Ranking, { language, today, names }: Context): FigureTable {
  const w = words[language];
  return {
    title: w.ranking.title(names.territory(data.home), w.rankBy[data.by]),
    about: [
      { label: w.period, value: periodWords(data.range, language) },
      { label: w.comparedWith, value: periodWords(data.previousRange, language) },
      { label: w.currency, value: w.currencyValue(data.currency) },
      { label: w.source, value: sourceOf(data.dataset, language) },
      { label: w.generated, value: today },
    ],
    columns: [
      { header: w.ranking.rank, type: 'number' },
      { header: w.ranking.code, type: 'text' },
      { header: w.ranking.partner, type: 'text' },
      { header: w.ranking.grouping, type: 'text' },
      { header: w.measure.exports, type: 'money' },
      { header: w.measure.imports, type: 'money' },
      { header: w.measure.turnover, type: 'money' },
      { header: w.measure.balance, type: 'money' },
      { header: w.ranking.yearEarlier, type: 'money' },
      { header: w.ranking.growth, type: 'percent' },
      { header: w.ranking.share, type: 'percent' },
    ],
    rows: data.lines.map((l) => [
      l.rank,
      l.partner,
      names.territory(l.partner),
      l.grouping ? w.yes : w.no,
      l.current.exportsCents,
      l.current.importsCents,
      l.current.turnoverCents,
      l.current.balanceCents,
      l.previous.turnoverCents,
      l.turnoverGrowthPercent,
      l.sharePercent,
    ]),
  };
}

export function overviewTable(data: PartnersOverview, { language, today }: Context): FigureTable {
  const w = words[language];
  const sources = [...new Map(data.partners.flatMap((p) => (p.trade ? [[p.trade.dataset.id, p.trade.dataset]] : [])))];
  return {
    title: w.overview.title,
    about: [
      { label: w.period, value: data.period ? periodWords(data.period, language) : w.overview.noTrade },
      ...(data.previousPeriod ? [{ label: w.comparedWith, value: periodWords(data.previousPeriod, language) }] : []),
      { label: w.asOf, value: data.asOf },
      { label: w.currency, value: w.currencyValue(data.currency) },
      ...sources.map(([, dataset]) => ({ label: w.source, value: sourceOf(dataset, language) })),
      { label: w.generated, value: today },
    ],
    columns: [
      { header: w.overview.code, type: 'text' },
      { header: w.overview.partner, type: 'text' },
      { header: w.overview.agreements, type: 'number' },
      { header: w.overview.open, type: 'number' },
      { header: w.overview.overdue, type: 'number' },
      { header: w.overview.projects, type: 'number' },
      { header: w.measure.exports, type: 'money' },
      { header: w.measure.imports, type: 'money' },
      { header: w.measure.turnover, type: 'money' },
      { header: w.overview.yearEarlier, type: 'money' },
      { header: w.overview.growth, type: 'percent' },
      { header: w.overview.dataset, type: 'text' },
    ],
    rows: data.partners.map((p) => [
      p.partner.code,
      language === 'ru' ? p.partner.nameRu : p.partner.nameEn,
      p.agreementsInForce,
      p.openCommitments,
      p.overdueCommitments,
      p.activeProjects,
      p.trade?.exportsCents ?? null,
      p.trade?.importsCents ?? null,
      p.trade?.turnoverCents ?? null,
      p.trade?.previousTurnoverCents ?? null,
      p.trade?.growthPercent ?? null,
      p.trade?.dataset.name ?? null,
    ]),
  };
}

export interface StatementsData {
  statements: Statement[];
  /** Whom the statements concern, in the file's language, or null for every partner. */
  partner: string | null;
  commitmentsOnly: boolean;
  asOf: string;
  filters: string[];
  meetings: Map<string, { heldOn: string; title: string }>;
  owners: Map<string, string>;
}

export function statementsTable(data: StatementsData, { language, today }: Context): FigureTable {
  const w = words[language];
  const partner = data.partner ?? w.statements.every;
  return {
    title: data.commitmentsOnly ? w.statements.commitmentsTitle(partner) : w.statements.title(partner),
    about: [
      { label: w.asOf, value: data.asOf },
      { label: w.source, value: w.statements.source },
      ...(data.filters.length > 0 ? [{ label: w.filters, value: data.filters.join('; ') }] : []),
      { label: w.generated, value: today },
    ],
    columns: [
      { header: w.statements.meetingDate, type: 'date' },
      { header: w.statements.meeting, type: 'text' },
      { header: w.statements.kind, type: 'text' },
      { header: w.statements.text, type: 'text' },
      { header: w.statements.side, type: 'text' },
      { header: w.statements.owner, type: 'text' },
      { header: w.statements.due, type: 'date' },
      { header: w.statements.status, type: 'text' },
      { header: w.statements.overdue, type: 'text' },
    ],
    rows: data.statements.map((s) => {
      const meeting = data.meetings.get(s.meetingId);
      return [
        meeting?.heldOn ?? null,
        meeting?.title ?? null,
        w.statementKind[s.kind],
        textIn(s.textEn, s.textRu, language),
        s.side ? w.side[s.side] : null,
        data.owners.get(s.id) ?? null,
        s.dueOn,
        w.status[s.status],
        s.overdue ? w.yes : w.no,
      ];
    }),
  };
}

export interface ProjectsData {
  projects: Project[];
  partner: string | null;
  filters: string[];
  parties: Map<string, string>;
  sectors: Map<string, string>;
}

export function projectsTable(data: ProjectsData, { language, today }: Context): FigureTable {
  const w = words[language];
  const next = (p: Project) => p.milestones.find((m) => m.doneOn === null) ?? null;
  return {
    title: w.projects.title(data.partner ?? w.statements.every),
    about: [
      { label: w.currency, value: w.projects.currencyValue },
      { label: w.source, value: w.projects.source },
      ...(data.filters.length > 0 ? [{ label: w.filters, value: data.filters.join('; ') }] : []),
      { label: w.generated, value: today },
    ],
    columns: [
      { header: w.projects.project, type: 'text' },
      { header: w.projects.kind, type: 'text' },
      { header: w.projects.stage, type: 'text' },
      { header: w.projects.sector, type: 'text' },
      { header: w.projects.value, type: 'money' },
      { header: w.projects.currency, type: 'text' },
      { header: w.projects.parties, type: 'text' },
      { header: w.projects.nextMilestone, type: 'text' },
      { header: w.projects.nextDue, type: 'date' },
    ],
    rows: data.projects.map((p) => [
      textIn(p.titleEn, p.titleRu, language),
      w.projectKind[p.kind],
      w.stage[p.stage],
      p.sectorCode ? (data.sectors.get(p.sectorCode) ?? p.sectorCode) : null,
      p.valueMinor,
      p.valueMinor === null ? null : p.currency,
      p.parties.map((party) => data.parties.get(party.organizationId) ?? party.organizationId).join('; ') || null,
      next(p)?.title ?? null,
      next(p)?.dueOn ?? null,
    ]),
  };
}
