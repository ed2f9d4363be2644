import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { groupingCodes } from '../../registry/territories/service.ts';
import { hsChapters, hsSections, sectionOfChapter } from '../hs/reference.ts';
import type { DatasetKind } from '../model.ts';
import { formatRange, isYear, monthOf, periodsIn, yearEarlier, yearOf, type PeriodRange } from '../periods.ts';
import * as store from './store.ts';

/** Which dataset answers when the user names none: the most authoritative one that covers the pair. */
export const datasetPriority: DatasetKind[] = [
  'official_customs',
  'national_statistics',
  'comtrade',
  'baci',
  'illustrative',
];

export interface DatasetRef {
  id: string;
  name: string;
  kind: string;
  source: string;
  /** Shown beside every figure computed from made-up data. */
  illustrative: boolean;
}

export interface Totals {
  exportsCents: number;
  importsCents: number;
  turnoverCents: number;
  balanceCents: number;
}

export interface PairQuery {
  home: string;
  partner: string;
  range: PeriodRange;
  datasetId?: string;
}

interface Resolved {
  dataset: DatasetRef;
  perspective: store.Perspective;
}

type DatasetRow = Awaited<ReturnType<typeof store.allDatasets>>[number];

/** Every dataset, most authoritative first: the order in which one is taken when the user names none. */
export async function datasetsByPriority(db: Db): Promise<DatasetRow[]> {
  return (await store.allDatasets(db)).sort(
    (a, b) =>
      datasetPriority.indexOf(a.kind as DatasetKind) - datasetPriority.indexOf(b.kind as DatasetKind) ||
      a.name.localeCompare(b.name),
  );
}

export function datasetRef(row: DatasetRow): DatasetRef {
  return { ...row, illustrative: row.kind === 'illustrative' };
}

/** BACI holds each flow once, from the exporter: home's imports are read from its partners' exports. */
export function perspectiveOf(row: DatasetRow, home: string): store.Perspective {
  return { datasetId: row.id, home, mirrorImports: row.kind === 'baci' };
}

async function resolveDataset(
  db: Db,
  home: string,
  partner: string,
  range: PeriodRange,
  datasetId?: string,
): Promise<Resolved> {
  let row: DatasetRow | undefined;
  if (datasetId) {
    row = await store.findDataset(db, datasetId);
    if (!row) throw new AccordError('NOT_FOUND', `trade dataset ${datasetId} does not exist`);
  } else {
    const candidates = await datasetsByPriority(db);
    const covering = await store.datasetsCovering(
      db,
      candidates.map((candidate) => candidate.id),
      home,
      partner,
      range,
      true,
    );
    row = candidates.find((candidate) => covering.has(candidate.id));
    if (!row) {
      throw new AccordError(
        'NOT_FOUND',
        `no trade data for ${home}–${partner} in ${formatRange(range)}; import a dataset with accord trade import`,
      );
    }
  }
  return { dataset: datasetRef(row), perspective: perspectiveOf(row, home) };
}

function totalsOf(sums: store.FlowSum[], key?: string): Totals {
  let exportsCents = 0;
  let importsCents = 0;
  for (const s of sums) {
    if (key !== undefined && s.key !== key) continue;
    if (s.flow === 'X') exportsCents += s.valueCents;
    else if (s.flow === 'M') importsCents += s.valueCents;
  }
  return {
    exportsCents,
    importsCents,
    turnoverCents: exportsCents + importsCents,
    balanceCents: exportsCents - importsCents,
  };
}

/** The totals of every key in one pass: asking `totalsOf` once per key would read the sums once per key. */
export function totalsByKey(sums: store.FlowSum[]): Map<string, Totals> {
  const grouped = new Map<string, store.FlowSum[]>();
  for (const s of sums) {
    const group = grouped.get(s.key);
    if (group) group.push(s);
    else grouped.set(s.key, [s]);
  }
  return new Map([...grouped].map(([key, group]) => [key, totalsOf(group)]));
}

/** Growth in percent from exact sums; null when there is nothing to grow from. */
export function growthPercent(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

function change(current: Totals, previous: Totals) {
  return {
    exportsCents: current.exportsCents - previous.exportsCents,
    importsCents: current.importsCents - previous.importsCents,
    turnoverCents: current.turnoverCents - previous.turnoverCents,
    balanceCents: current.balanceCents - previous.balanceCents,
  };
}

function growth(current: Totals, previous: Totals) {
  return {
    exports: growthPercent(current.exportsCents, previous.exportsCents),
    imports: growthPercent(current.importsCents, previous.importsCents),
    turnover: growthPercent(current.turnoverCents, previous.turnoverCents),
  };
}

function periodInfo(range: PeriodRange) {
  return { from: range.from, to: range.to, label: formatRange(range) };
}

export interface TradeSummary {
  home: string;
  partner: string;
  currency: 'USD';
  dataset: DatasetRef;
  period: { from: number; to: number; label: string };
  previousPeriod: { from: number; to: number; label: string };
  current: Totals;
  previous: Totals;
  change: Totals;
  growthPercent: { exports: number | null; imports: number | null; turnover: number | null };
  /** The partner's share of home's turnover with all partners, in percent. */
  sharePercent: number | null;
  /**
   * 1 = home's largest partner by turnover in the period, among the countries and regions it traded
   * with; null for a partner it did not trade with, or that is a statistical territory (`grouping`).
   */
  rank: number | null;
  /** The countries and regions home traded with in the period: what `rank` counts among. */
  partners: number;
  /** The partner is a statistical territory (areas n.e.s., free zones…), not a country or region. */
  grouping: boolean;
  /** Flows of the pair in the period that their source flags (estimated, confidential, re-export). */
  flagged: number;
}

/** Exports, imports, turnover and balance of a pair over a range against the same range a year earlier. */
export async function tradeSummary(db: Db, query: PairQuery): Promise<TradeSummary> {
  const { dataset, perspective } = await resolveDataset(db, query.home, query.partner, query.range, query.datasetId);
  const previousRange = yearEarlier(query.range);
  const [currentAll, previousPair] = (await store.sumsByPartner(db, perspective, [
    { range: query.range },
    { range: previousRange, partners: [query.partner] },
  ])) as [store.FlowSum[], store.FlowSum[]];
  const current = totalsOf(currentAll, query.partner);
  const previous = totalsOf(previousPair);
  const byPartner = new Map<string, number>();
  for (const s of currentAll) byPartner.set(s.key, (byPartner.get(s.key) ?? 0) + s.valueCents);
  const homeTurnover = [...byPartner.values()].reduce((a, b) => a + b, 0);
  const pairTurnover = current.turnoverCents;
  // Statistical territories count in home's turnover (the share), but rank among countries they do not.
  const groupings = await groupingCodes(db);
  const grouping = groupings.has(query.partner);
  const ranked = [...byPartner].filter(([partner]) => !groupings.has(partner)).map(([, turnover]) => turnover);
  const rank = byPartner.has(query.partner) && !grouping ? 1 + ranked.filter((v) => v > pairTurnover).length : null;
  return {
    home: query.home,
    partner: query.partner,
    currency: 'USD',
    dataset,
    period: periodInfo(query.range),
    previousPeriod: periodInfo(previousRange),
    current,
    previous,
    change: change(current, previous),
    growthPercent: growth(current, previous),
    sharePercent: homeTurnover === 0 ? null : (pairTurnover / homeTurnover) * 100,
    rank,
    partners: ranked.length,
    grouping,
    flagged: currentAll.reduce((n, s) => n + (s.key === query.partner ? (s.flagged ?? 0) : 0), 0),
  };
}

export type HsLevel = 'section' | 'chapter' | 'heading' | 'subheading';

export interface StructureLine {
  code: string;
  /** The code as people write it: a section's roman numeral (VII), any other code as it is; none for "other". */
  label: string;
  titleEn: string | null;
  titleRu: string | null;
  current: Totals;
  previous: Totals;
  /** Share of the pair's turnover (or of the chosen direction) in the period, percent. */
  sharePercent: number | null;
  growthPercent: number | null;
  /** Percentage points this product added to the growth of the chosen direction. */
  contributionPp: number | null;
}

export interface TradeStructure {
  home: string;
  partner: string;
  currency: 'USD';
  dataset: DatasetRef;
  level: HsLevel;
  direction: Direction;
  period: { from: number; to: number; label: string };
  previousPeriod: { from: number; to: number; label: string };
  total: { current: number; previous: number; growthPercent: number | null };
  lines: StructureLine[];
  /** What the lines beyond `top` add up to, so shares still sum to 100. */
  other: StructureLine | null;
}

export type Direction = 'exports' | 'imports' | 'turnover';

const directionValue = (t: Totals, d: Direction) =>
  d === 'exports' ? t.exportsCents : d === 'imports' ? t.importsCents : t.turnoverCents;

export type TitleLookup = (codes: string[]) => Promise<Map<string, { titleEn: string; titleRu: string | null }>>;

/** Built-in titles for sections and chapters; headings and subheadings come from the loaded nomenclature. */
function builtInTitle(level: HsLevel, code: string): { titleEn: string; titleRu: string } | null {
  if (level === 'section') {
    const s = hsSections.find((x) => x.code === code);
    return s ? { titleEn: s.titleEn, titleRu: s.titleRu } : null;
  }
  if (level === 'chapter') {
    const c = hsChapters.find((x) => x.code === code);
    return c ? { titleEn: c.titleEn, titleRu: c.titleRu } : null;
  }
  return null;
}

/**
 * The commodity structure of a pair's trade at one HS level: value, share, growth and each product's
 * contribution to the growth in percentage points, against the same range a year earlier.
 */
export async function tradeStructure(
  db: Db,
  query: PairQuery & { level: HsLevel; direction?: Direction; top?: number; titles?: TitleLookup },
): Promise<TradeStructure> {
  const { dataset, perspective } = await resolveDataset(db, query.home, query.partner, query.range, query.datasetId);
  const direction = query.direction ?? 'turnover';
  const digits = query.level === 'section' || query.level === 'chapter' ? 2 : query.level === 'heading' ? 4 : 6;
  const previousRange = yearEarlier(query.range);
  const [cur, prev] = (await store.sumsByProduct(
    db,
    perspective,
    query.partner,
    [query.range, previousRange],
    digits,
  )) as [store.FlowSum[], store.FlowSum[]];
  const bucket = (code: string) => (query.level === 'section' ? (sectionOfChapter(code)?.code ?? '??') : code);
  const codes = new Set<string>([...cur, ...prev].map((s) => bucket(s.key)));
  const regroup = (sums: store.FlowSum[]) => sums.map((s) => ({ ...s, key: bucket(s.key) }));
  const curSums = regroup(cur);
  const prevSums = regroup(prev);
  const currentTotal = directionValue(totalsOf(curSums), direction);
  const previousTotal = directionValue(totalsOf(prevSums), direction);
  const currentByCode = totalsByKey(curSums);
  const previousByCode = totalsByKey(prevSums);
  const lines: StructureLine[] = [...codes].map((code) => {
    const current = currentByCode.get(code) ?? zero();
    const previous = previousByCode.get(code) ?? zero();
    const c = directionValue(current, direction);
    const p = directionValue(previous, direction);
    return {
      code,
      label: query.level === 'section' ? (hsSections.find((s) => s.code === code)?.roman ?? code) : code,
      titleEn: null,
      titleRu: null,
      current,
      previous,
      sharePercent: currentTotal === 0 ? null : (c / currentTotal) * 100,
      growthPercent: growthPercent(c, p),
      contributionPp: previousTotal === 0 ? null : ((c - p) / Math.abs(previousTotal)) * 100,
    };
  });
  const visible = lines
    .filter((l) => directionValue(l.current, direction) !== 0 || directionValue(l.previous, direction) !== 0)
    .sort(
      (a, b) =>
        directionValue(b.current, direction) - directionValue(a.current, direction) || a.code.localeCompare(b.code),
    );
  const top = query.top ?? visible.length;
  const shown = visible.slice(0, top);
  const rest = visible.slice(top);
  const loaded = query.titles && digits > 2 ? await query.titles(shown.map((l) => l.code)) : new Map();
  for (const line of shown) {
    // Without a loaded nomenclature a heading still says which chapter it belongs to.
    const chapter = builtInTitle('chapter', line.code.slice(0, 2));
    const fallback = chapter && {
      titleEn: `[chapter ${line.code.slice(0, 2)}] ${chapter.titleEn}`,
      titleRu: `[группа ${line.code.slice(0, 2)}] ${chapter.titleRu}`,
    };
    const coarser = query.level !== 'section' && line.code.length < digits;
    const title =
      (coarser && line.code.length === 2 ? builtInTitle('chapter', line.code) : builtInTitle(query.level, line.code)) ??
      loaded.get(line.code) ??
      fallback ??
      null;
    line.titleEn = title ? `${title.titleEn}${coarser ? ' (not broken down further)' : ''}` : null;
    line.titleRu = title?.titleRu ? `${title.titleRu}${coarser ? ' (без дальнейшей разбивки)' : ''}` : null;
  }
  return {
    home: query.home,
    partner: query.partner,
    currency: 'USD',
    dataset,
    level: query.level,
    direction,
    period: periodInfo(query.range),
    previousPeriod: periodInfo(previousRange),
    total: {
      current: currentTotal,
      previous: previousTotal,
      growthPercent: growthPercent(currentTotal, previousTotal),
    },
    lines: shown,
    other: rest.length === 0 ? null : sumLines(rest, currentTotal, previousTotal, direction),
  };
}

function sumLines(lines: StructureLine[], currentTotal: number, previousTotal: number, d: Direction): StructureLine {
  const add = (pick: (l: StructureLine) => Totals): Totals =>
    lines.reduce(
      (acc, l) => ({
        exportsCents: acc.exportsCents + pick(l).exportsCents,
        importsCents: acc.importsCents + pick(l).importsCents,
        turnoverCents: acc.turnoverCents + pick(l).turnoverCents,
        balanceCents: acc.balanceCents + pick(l).balanceCents,
      }),
      { exportsCents: 0, importsCents: 0, turnoverCents: 0, balanceCents: 0 },
    );
  const current = add((l) => l.current);
  const previous = add((l) => l.previous);
  const c = directionValue(current, d);
  const p = directionValue(previous, d);
  return {
    code: 'other',
    label: '',
    titleEn: `Other (${lines.length} codes)`,
    titleRu: `Прочие (${lines.length})`,
    current,
    previous,
    sharePercent: currentTotal === 0 ? null : (c / currentTotal) * 100,
    growthPercent: growthPercent(c, p),
    contributionPp: previousTotal === 0 ? null : ((c - p) / Math.abs(previousTotal)) * 100,
  };
}

export type Granularity = 'month' | 'quarter' | 'year';

export interface SeriesPoint {
  label: string;
  /** First month of the bucket (YYYYMM). */
  period: number;
  totals: Totals;
  /** Same bucket a year earlier, for year-on-year growth. */
  previous: Totals | null;
  turnoverGrowthPercent: number | null;
}

export interface TradeSeries {
  home: string;
  partner: string;
  currency: 'USD';
  dataset: DatasetRef;
  granularity: Granularity;
  cumulative: boolean;
  period: { from: number; to: number; label: string };
  points: SeriesPoint[];
}

/** A pair's trade by month, quarter or year; cumulative from January when asked, with year-on-year growth. */
export async function tradeSeries(
  db: Db,
  query: PairQuery & { granularity: Granularity; cumulative?: boolean },
): Promise<TradeSeries> {
  const { dataset, perspective } = await resolveDataset(db, query.home, query.partner, query.range, query.datasetId);
  const extended = { from: query.range.from - 100, to: query.range.to };
  const sums = await store.sumsByPeriod(db, perspective, query.partner, extended);
  const byPeriod = totalsByKey(sums);
  const monthly = new Map<number, Totals>();
  for (const month of periodsIn(extended)) monthly.set(month, byPeriod.get(String(month)) ?? zero());
  // Annual rows cannot be split into months; a yearly series shows them as their year.
  if (query.granularity === 'year') {
    for (const key of new Set(sums.map((s) => Number(s.key)).filter(isYear))) {
      const january = key + 1;
      if (monthly.has(january)) monthly.set(january, plus(monthly.get(january)!, byPeriod.get(String(key))!));
    }
  }
  const bucketOf = (m: number) =>
    query.granularity === 'month'
      ? m
      : query.granularity === 'quarter'
        ? yearOf(m) * 100 + Math.floor((monthOf(m) - 1) / 3) * 3 + 1
        : yearOf(m) * 100 + 1;
  const buckets = new Map<number, Totals>();
  const cumulativeByYear = new Map<number, Totals>();
  for (const [month, t] of monthly) {
    const key = bucketOf(month);
    const base = query.cumulative ? (cumulativeByYear.get(yearOf(month)) ?? zero()) : (buckets.get(key) ?? zero());
    const next = plus(base, t);
    if (query.cumulative) cumulativeByYear.set(yearOf(month), next);
    buckets.set(key, query.cumulative ? next : plus(buckets.get(key) ?? zero(), t));
  }
  const points: SeriesPoint[] = [];
  for (const [period, totals] of buckets) {
    if (period < query.range.from && bucketOf(query.range.from) !== period) continue;
    const previous = buckets.get(period - 100) ?? null;
    points.push({
      label: labelOf(period, query.granularity),
      period,
      totals,
      previous,
      turnoverGrowthPercent: previous ? growthPercent(totals.turnoverCents, previous.turnoverCents) : null,
    });
  }
  return {
    home: query.home,
    partner: query.partner,
    currency: 'USD',
    dataset,
    granularity: query.granularity,
    cumulative: query.cumulative ?? false,
    period: periodInfo(query.range),
    points,
  };
}

export const zero = (): Totals => ({ exportsCents: 0, importsCents: 0, turnoverCents: 0, balanceCents: 0 });
const plus = (a: Totals, b: Totals): Totals => ({
  exportsCents: a.exportsCents + b.exportsCents,
  importsCents: a.importsCents + b.importsCents,
  turnoverCents: a.turnoverCents + b.turnoverCents,
  balanceCents: a.balanceCents + b.balanceCents,
});

function labelOf(period: number, granularity: Granularity): string {
  const year = yearOf(period);
  if (granularity === 'year') return String(year);
  if (granularity === 'quarter') return `${year}-Q${Math.floor((monthOf(period) - 1) / 3) + 1}`;
  return `${year}-${String(monthOf(period)).padStart(2, '0')}`;
}
