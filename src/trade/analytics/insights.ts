import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { groupingCodes } from '../../registry/territories/service.ts';
import { formatRange, yearEarlier, type PeriodRange } from '../periods.ts';
import {
  datasetRef,
  datasetsByPriority,
  growthPercent,
  totalsByKey,
  tradeSummary,
  type DatasetRef,
  type Totals,
} from './service.ts';
import * as store from './store.ts';

export type RankBy = 'turnover' | 'growth' | 'balance' | 'exports' | 'imports';

export interface RankingLine {
  /** Null for a statistical territory, which is listed after the countries and regions, unranked. */
  rank: number | null;
  partner: string;
  grouping: boolean;
  current: Totals;
  previous: Totals;
  turnoverGrowthPercent: number | null;
  sharePercent: number | null;
}

/**
 * Every partner of home over a range, ranked by turnover, growth or balance; statistical territories
 * (areas n.e.s., free zones…) are no partner one can rank a country against, so they follow, unranked.
 */
export async function partnerRanking(
  db: Db,
  query: { home: string; range: PeriodRange; by: RankBy; datasetId?: string; limit?: number },
): Promise<{ home: string; currency: 'USD'; dataset: DatasetRef; period: string; by: RankBy; lines: RankingLine[] }> {
  const dataset = await datasetForHome(db, query.home, query.range, query.datasetId);
  const perspective = { datasetId: dataset.id, home: query.home, mirrorImports: dataset.kind === 'baci' };
  const [cur, prev] = (await store.sumsByPartner(db, perspective, [
    { range: query.range },
    { range: yearEarlier(query.range) },
  ])) as [store.FlowSum[], store.FlowSum[]];
  const partners = new Set([...cur, ...prev].map((s) => s.key));
  const curBy = totalsByKey(cur);
  const prevBy = totalsByKey(prev);
  const empty: Totals = { exportsCents: 0, importsCents: 0, turnoverCents: 0, balanceCents: 0 };
  const total = [...curBy.values()].reduce((a, t) => a + t.turnoverCents, 0);
  const groupings = await groupingCodes(db);
  const lines: RankingLine[] = [...partners].map((partner) => {
    const current = curBy.get(partner) ?? empty;
    const previous = prevBy.get(partner) ?? empty;
    return {
      rank: null,
      partner,
      grouping: groupings.has(partner),
      current,
      previous,
      turnoverGrowthPercent: growthPercent(current.turnoverCents, previous.turnoverCents),
      sharePercent: total === 0 ? null : (current.turnoverCents / total) * 100,
    };
  });
  const key = (l: RankingLine): number => {
    switch (query.by) {
      case 'growth':
        return l.turnoverGrowthPercent ?? Number.NEGATIVE_INFINITY;
      case 'balance':
        return l.current.balanceCents;
      case 'exports':
        return l.current.exportsCents;
      case 'imports':
        return l.current.importsCents;
      default:
        return l.current.turnoverCents;
    }
  };
  lines.sort((a, b) => key(b) - key(a) || a.partner.localeCompare(b.partner));
  const ranked = lines.filter((l) => !l.grouping);
  ranked.forEach((l, i) => (l.rank = i + 1));
  const limit = query.limit ?? lines.length;
  return {
    home: query.home,
    currency: 'USD',
    dataset,
    period: formatRange(query.range),
    by: query.by,
    lines: [...ranked.slice(0, limit), ...lines.filter((l) => l.grouping).slice(0, limit)],
  };
}

async function datasetForHome(db: Db, home: string, range: PeriodRange, datasetId?: string): Promise<DatasetRef> {
  const candidates = (await datasetsByPriority(db)).filter((d) => datasetId === undefined || d.id === datasetId);
  const covering = await store.datasetsCovering(
    db,
    candidates.map((row) => row.id),
    home,
    null,
    range,
    false,
  );
  const row = candidates.find((candidate) => covering.has(candidate.id));
  if (row) return datasetRef(row);
  throw new AccordError('NOT_FOUND', `no trade data reported by ${home} in ${formatRange(range)}`);
}

export interface TrendSignal {
  code: 'decline' | 'recovery' | 'growth' | 'balance_turned';
  textEn: string;
  textRu: string;
  /** Consecutive years the latest change lasts (for a balance that turned: 1). */
  years: number;
  /** For a recovery: the falling years before it. */
  fallingYearsBefore: number;
  /** The latest year-on-year change of turnover, percent. */
  changePercent: number;
}

const ordinalsEn = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
const ordinalsRu = [
  'первый',
  'второй',
  'третий',
  'четвёртый',
  'пятый',
  'шестой',
  'седьмой',
  'восьмой',
  'девятый',
  'десятый',
];
const countEn = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const countRu = ['', 'одного', 'двух', 'трёх', 'четырёх', 'пяти', 'шести', 'семи', 'восьми', 'девяти'];

/**
 * Trend signals in plain words, from the turnover of the same range in earlier years
 * ("third year of decline", "recovery: +40.5% after two falling years").
 */
export async function trendSignals(
  db: Db,
  query: { home: string; partner: string; range: PeriodRange; datasetId?: string; years?: number },
): Promise<{ signals: TrendSignal[]; years: Array<{ period: string; turnoverCents: number; balanceCents: number }> }> {
  const years: Array<{ period: string; turnoverCents: number; balanceCents: number }> = [];
  let range = query.range;
  for (let i = 0; i < (query.years ?? 6); i += 1) {
    const summary = await tradeSummary(db, { ...query, range }).catch((error: unknown) => {
      if (error instanceof AccordError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!summary || summary.current.turnoverCents === 0) break;
    years.unshift({
      period: summary.period.label,
      turnoverCents: summary.current.turnoverCents,
      balanceCents: summary.current.balanceCents,
    });
    range = yearEarlier(range);
  }
  return { signals: describeTrend(years), years };
}

/** The plain-words reading of a run of yearly values, oldest first. Pure, so it is tested on its own. */
export function describeTrend(years: Array<{ turnoverCents: number; balanceCents: number }>): TrendSignal[] {
  const signals: TrendSignal[] = [];
  if (years.length < 2) return signals;
  const changes = years.slice(1).map((y, i) => growthPercent(y.turnoverCents, years[i]!.turnoverCents) ?? 0);
  const last = changes.at(-1)!;
  let run = 0;
  for (let i = changes.length - 1; i >= 0 && Math.sign(changes[i]!) === Math.sign(last) && last !== 0; i -= 1) run += 1;
  const pct = `${last > 0 ? '+' : ''}${last.toFixed(1)}%`;
  // Russian writes the decimal comma and a (non-breaking) space before the percent sign.
  const pctRu = pct.replace('.', ',').replace('%', '\u00a0%');
  if (last < 0) {
    signals.push({
      code: 'decline',
      years: run,
      fallingYearsBefore: 0,
      changePercent: last,
      textEn: run === 1 ? `decline: ${pct}` : `${ordinalsEn[run - 1] ?? `${run}th`} year of decline (${pct})`,
      textRu: run === 1 ? `спад: ${pctRu}` : `${ordinalsRu[run - 1] ?? `${run}-й`} год спада (${pctRu})`,
    });
  } else if (last > 0) {
    let falls = 0;
    for (let i = changes.length - 1 - run; i >= 0 && changes[i]! < 0; i -= 1) falls += 1;
    if (falls > 0) {
      signals.push({
        code: 'recovery',
        years: run,
        fallingYearsBefore: falls,
        changePercent: last,
        textEn: `recovery: ${pct} after ${countEn[falls] ?? falls} falling year${falls > 1 ? 's' : ''}`,
        textRu: `восстановление: ${pctRu} после ${countRu[falls] ?? falls} ${falls === 1 ? 'года' : 'лет'} спада`,
      });
    } else if (run >= 2) {
      signals.push({
        code: 'growth',
        years: run,
        fallingYearsBefore: 0,
        changePercent: last,
        textEn: `${ordinalsEn[run - 1] ?? `${run}th`} year of growth (${pct})`,
        textRu: `${ordinalsRu[run - 1] ?? `${run}-й`} год роста (${pctRu})`,
      });
    }
  }
  const before = years.at(-2)!.balanceCents;
  const now = years.at(-1)!.balanceCents;
  if (Math.sign(before) !== Math.sign(now) && now !== 0) {
    signals.push({
      code: 'balance_turned',
      years: 1,
      fallingYearsBefore: 0,
      changePercent: last,
      textEn: `the balance turned ${now > 0 ? 'positive' : 'negative'}`,
      textRu: `сальдо стало ${now > 0 ? 'положительным' : 'отрицательным'}`,
    });
  }
  return signals;
}

export interface MirrorSide {
  dataset: DatasetRef;
  /** What the reporter declared: its exports to and imports from the other side. */
  exportsCents: number;
  importsCents: number;
}

export interface MirrorView {
  home: string;
  partner: string;
  currency: 'USD';
  period: string;
  homeReport: MirrorSide | null;
  partnerReport: MirrorSide | null;
  /** Home's exports as home declared them minus the partner's imports from home as the partner declared them. */
  exportsGapCents: number | null;
  importsGapCents: number | null;
}

/**
 * The same trade as each side declared it: home's exports against the partner's imports from home, and
 * the other way round. Each side is read from the most authoritative dataset in which it is the reporter.
 */
export async function mirrorView(
  db: Db,
  query: { home: string; partner: string; range: PeriodRange },
): Promise<MirrorView> {
  const side = async (reporter: string, counterpart: string): Promise<MirrorSide | null> => {
    const dataset = await datasetForHome(db, reporter, query.range).catch((error: unknown) => {
      if (error instanceof AccordError && error.code === 'NOT_FOUND') return null;
      throw error;
    });
    if (!dataset || dataset.kind === 'baci') return null;
    const [sums] = (await store.sumsByPartner(db, { datasetId: dataset.id, home: reporter, mirrorImports: false }, [
      { range: query.range, partners: [counterpart] },
    ])) as [store.FlowSum[]];
    const of = (flow: string) => sums.filter((s) => s.flow === flow).reduce((a, s) => a + s.valueCents, 0);
    return { dataset, exportsCents: of('X'), importsCents: of('M') };
  };
  const homeReport = await side(query.home, query.partner);
  const partnerReport = await side(query.partner, query.home);
  const both = homeReport && partnerReport;
  return {
    home: query.home,
    partner: query.partner,
    currency: 'USD',
    period: formatRange(query.range),
    homeReport,
    partnerReport,
    exportsGapCents: both ? homeReport.exportsCents - partnerReport.importsCents : null,
    importsGapCents: both ? homeReport.importsCents - partnerReport.exportsCents : null,
  };
}
