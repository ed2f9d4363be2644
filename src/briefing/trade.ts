/**
 * The trade section of a briefing: the latest cumulative period published by the day, against the same
 * months a year earlier, with five years of dynamics, the structure of exports and imports, the trend and
 * the official figures documents had quoted by then.
 */
import type { Db } from '../db/connection.ts';
import { AccordError } from '../core/errors.ts';
import { documentsByIds } from '../documents/service.ts';
import { trendSignals } from '../trade/analytics/insights.ts';
import {
  datasetPriority,
  tradeSeries,
  tradeStructure,
  tradeSummary,
  type StructureLine,
  type TradeSummary,
} from '../trade/analytics/service.ts';
import { listDatasets } from '../trade/datasets/service.ts';
import type { TradeDataset } from '../trade/datasets/model.ts';
import { isKnownOn, latestMonthKnownOn } from '../trade/datasets/publication.ts';
import { listOfficialFigures } from '../trade/figures/service.ts';
import { hsTitles } from '../trade/hs/service.ts';
import { growthPercent } from '../trade/analytics/service.ts';
import type { DatasetKind } from '../trade/model.ts';
import { isYear, monthOf, parsePeriod, yearOf, type PeriodRange } from '../trade/periods.ts';
import type {
  MonthRange,
  OfficialFigureDigest,
  StructureDigest,
  StructureItem,
  TradeSection,
  YearTrade,
} from './model.ts';
import type { SourceList } from './sources.ts';

interface Pair {
  home: string;
  partner: string;
  asOf: string;
}

/** Years of dynamics a briefing shows, the current (possibly partial) one included. */
const dynamicsYears = 5;
/** Headings of exports and of imports listed by name; the rest are summed as "other". */
const structureTop = 5;

function notFoundAsNull<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (error instanceof AccordError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
}

/** The latest cumulative range a dataset had published by the day: January to the last month known. */
function knownRange(dataset: TradeDataset, day: string): PeriodRange | null {
  if (dataset.periodFrom === null || dataset.periodTo === null) return null;
  const rule = dataset.publicationRule;
  if (isYear(dataset.periodTo)) {
    for (let year = yearOf(dataset.periodTo); year >= yearOf(dataset.periodFrom); year -= 1) {
      if (isKnownOn(year * 100, rule, day)) return { from: year * 100 + 1, to: year * 100 + 12 };
    }
    return null;
  }
  const last = Math.min(dataset.periodTo, latestMonthKnownOn(day, rule));
  if (last < dataset.periodFrom) return null;
  return { from: yearOf(last) * 100 + 1, to: last };
}

const byPriority = (a: TradeDataset, b: TradeDataset) =>
  datasetPriority.indexOf(a.kind as DatasetKind) - datasetPriority.indexOf(b.kind as DatasetKind) ||
  a.name.localeCompare(b.name);

export async function composeTrade(db: Db, pair: Pair, sources: SourceList): Promise<TradeSection> {
  const datasets = (await listDatasets(db)).sort(byPriority);
  let found: { dataset: TradeDataset; range: PeriodRange; summary: TradeSummary } | null = null;
  for (const dataset of datasets) {
    const range = knownRange(dataset, pair.asOf);
    if (!range) continue;
    const summary = await notFoundAsNull(tradeSummary(db, { ...pair, range, datasetId: dataset.id }));
    if (summary && (summary.current.turnoverCents !== 0 || summary.previous.turnoverCents !== 0)) {
      found = { dataset, range, summary };
      break;
    }
  }
  const officialFigures = await figuresKnown(db, pair, found, sources);
  if (!found) {
    return { status: (await anyTradeLater(db, pair, datasets)) ? 'not_yet_known' : 'no_data', officialFigures };
  }
  const { dataset, range, summary } = found;
  const ref = sources.dataset(summary.dataset, dataset.publicationRule);
  const [annual, exports, imports, trend] = [
    await dynamics(db, pair, range, dataset.id),
    await structure(db, pair, range, dataset.id, 'exports'),
    await structure(db, pair, range, dataset.id, 'imports'),
    await trendSignals(db, { ...pair, range, datasetId: dataset.id }),
  ];
  return {
    status: 'known',
    dataset: summary.dataset,
    latestKnownMonth: range.to,
    period: { from: summary.period.from, to: summary.period.to },
    previousPeriod: { from: summary.previousPeriod.from, to: summary.previousPeriod.to },
    current: summary.current,
    previous: summary.previous,
    change: summary.change,
    growthPercent: summary.growthPercent,
    sharePercent: summary.sharePercent,
    rank: summary.rank,
    partners: summary.partners,
    annual,
    exports,
    imports,
    trend: trend.signals.map((s) => ({
      code: s.code,
      years: s.years,
      fallingYearsBefore: s.fallingYearsBefore,
      lastChangePercent: s.changePercent,
    })),
    officialFigures,
    sources: [ref],
  };
}

/** Whether any dataset holds the pair's trade at all, though none had published it by the day. */
async function anyTradeLater(db: Db, pair: Pair, datasets: TradeDataset[]): Promise<boolean> {
  for (const dataset of datasets) {
    if (dataset.periodFrom === null || dataset.periodTo === null) continue;
    const range = {
      from: isYear(dataset.periodFrom) ? dataset.periodFrom + 1 : dataset.periodFrom,
      to: isYear(dataset.periodTo) ? dataset.periodTo + 12 : dataset.periodTo,
    };
    const summary = await notFoundAsNull(tradeSummary(db, { ...pair, range, datasetId: dataset.id }));
    if (summary && summary.current.turnoverCents !== 0) return true;
  }
  return false;
}

/** Each year's trade over the last years, the current year up to its last known month. */
async function dynamics(db: Db, pair: Pair, range: PeriodRange, datasetId: string): Promise<YearTrade[]> {
  const year = yearOf(range.to);
  const series = await tradeSeries(db, {
    ...pair,
    range: { from: (year - dynamicsYears + 1) * 100 + 1, to: range.to },
    datasetId,
    granularity: 'year',
  });
  const years = series.points.map((p): YearTrade => {
    const y = yearOf(p.period);
    const partial = y === year && monthOf(range.to) !== 12;
    return {
      year: y,
      period: { from: y * 100 + 1, to: y === year ? range.to : y * 100 + 12 },
      partial,
      totals: p.totals,
    };
  });
  // Years before the data begin are not years without trade.
  const first = years.findIndex((y) => y.totals.turnoverCents !== 0);
  return first < 0 ? [] : years.slice(first);
}

async function structure(
  db: Db,
  pair: Pair,
  range: PeriodRange,
  datasetId: string,
  direction: 'exports' | 'imports',
): Promise<StructureDigest> {
  const data = await tradeStructure(db, {
    ...pair,
    range,
    datasetId,
    level: 'heading',
    direction,
    top: structureTop,
    titles: async (codes) => {
      const found = await hsTitles(db, codes);
      return new Map([...found].map(([code, t]) => [code, { titleEn: t.titleEn, titleRu: t.titleRu ?? null }]));
    },
  });
  const value = (t: StructureLine['current']) => (direction === 'exports' ? t.exportsCents : t.importsCents);
  const item = (line: StructureLine): StructureItem => ({
    code: line.code,
    label: line.label,
    title: { en: line.titleEn, ru: line.titleRu },
    currentCents: value(line.current),
    previousCents: value(line.previous),
    sharePercent: line.sharePercent,
    growthPercent: line.growthPercent,
    contributionPp: line.contributionPp,
  });
  return {
    direction,
    totalCents: data.total.current,
    previousTotalCents: data.total.previous,
    growthPercent: data.total.growthPercent,
    items: data.lines.map(item),
    other: data.other ? item(data.other) : null,
  };
}

const toMonthRange = (from: string, to: string): MonthRange => ({ from: parsePeriod(from), to: parsePeriod(to) });

/**
 * Figures quoted in documents published by the day (or undated), beside the same figure from the data
 * when its months were published by then too.
 */
async function figuresKnown(
  db: Db,
  pair: Pair,
  found: { dataset: TradeDataset; range: PeriodRange } | null,
  sources: SourceList,
): Promise<OfficialFigureDigest[]> {
  const figures = await listOfficialFigures(db, { reporter: pair.home, partner: pair.partner });
  const documents = new Map(
    (
      await documentsByIds(
        db,
        figures.map((f) => f.documentId).filter((id): id is string => id !== null),
      )
    ).map((d) => [d.id, d]),
  );
  const out: OfficialFigureDigest[] = [];
  for (const figure of figures) {
    const document = figure.documentId ? documents.get(figure.documentId) : undefined;
    if (document?.publishedOn && document.publishedOn > pair.asOf) continue;
    const period = toMonthRange(figure.periodFrom, figure.periodTo);
    let computedCents: number | null = null;
    let computedGrowthPercent: number | null = null;
    if (found && figure.currency === 'USD' && period.to <= found.range.to) {
      const summary = await notFoundAsNull(tradeSummary(db, { ...pair, range: period, datasetId: found.dataset.id }));
      if (summary) {
        const pick = (t: TradeSummary['current']) =>
          figure.metric === 'exports'
            ? t.exportsCents
            : figure.metric === 'imports'
              ? t.importsCents
              : figure.metric === 'balance'
                ? t.balanceCents
                : t.turnoverCents;
        computedCents = pick(summary.current);
        computedGrowthPercent = growthPercent(pick(summary.current), pick(summary.previous));
      }
    }
    out.push({
      figureId: figure.id,
      metric: figure.metric,
      period,
      valueCents: figure.valueMinor,
      currency: figure.currency,
      growthPercent: figure.growthPercent === null ? null : Number(figure.growthPercent),
      computedCents,
      computedGrowthPercent,
      sources: document
        ? sources.cite([
            {
              documentId: document.id,
              titleEn: document.titleEn,
              titleRu: document.titleRu,
              publishedOn: document.publishedOn,
              publisher: document.publisher,
              sourceUrl: document.sourceUrl,
              locator: figure.locator,
            },
          ])
        : [],
    });
  }
  return out;
}
