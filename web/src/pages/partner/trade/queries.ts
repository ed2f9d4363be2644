import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../../api/client.ts';
import type { Document } from '../../../../../src/documents/model.ts';
import type {
  seriesSchema,
  signalsSchema,
  structureSchema,
  summarySchema,
} from '../../../../../src/trade/analytics/model.ts';
import type { TradeDataset } from '../../../../../src/trade/datasets/model.ts';
import type { Reconciliation } from '../../../../../src/trade/figures/service.ts';
import { cumulativeTo, parsePeriod, periodText, type Month, type MonthRange } from './period.ts';

export type TradeSummary = z.infer<typeof summarySchema>;
export type TradeStructure = z.infer<typeof structureSchema>;
export type StructureLine = TradeStructure['lines'][number];
export type TradeSeries = z.infer<typeof seriesSchema>;
export type TrendSignals = z.infer<typeof signalsSchema>;
export type { Reconciliation };

export type Level = 'section' | 'chapter' | 'heading' | 'subheading';
export const levels: Level[] = ['section', 'chapter', 'heading', 'subheading'];
/** The `level` search parameter, chapters when it names none. */
export function levelOf(text: string | undefined): Level {
  return levels.find((name) => name === text) ?? 'chapter';
}
export type Direction = 'exports' | 'imports' | 'turnover';
export const directions: Direction[] = ['exports', 'imports', 'turnover'];
export const defaultDirection: Direction = 'exports';
export type Granularity = 'month' | 'quarter' | 'year';
export const granularities: Granularity[] = ['month', 'quarter', 'year'];
export const defaultGranularity: Granularity = 'month';

// A type alias, not an interface, so it passes as the client's query record.
export type Pair = { home: string; partner: string };

// Trade data change only by an import; the tab can keep answers for a while without asking again.
const staleTime = 5 * 60_000;

export interface DataSpan {
  /** The pair's first month with trade. */
  first: Month;
  /** January to the pair's last month with trade: the period the tab opens on. */
  latest: MonthRange;
}

/** Every dataset with the months it holds; it does not depend on the pair, so it can be asked for first. */
export const datasetsQuery = queryOptions({
  queryKey: ['trade', 'datasets'],
  staleTime,
  queryFn: () => api.get<TradeDataset[]>('/api/trade/datasets'),
});

/**
 * The latest cumulative period the pair's data cover: the datasets give the span any data have, the
 * pair's monthly series over that span gives its last month with trade. Null when the pair has no data.
 */
export const spanQuery = (client: QueryClient, pair: Pair) =>
  queryOptions({
    queryKey: ['trade', 'span', pair],
    staleTime,
    queryFn: async (): Promise<DataSpan | null> => {
      const datasets = await client.fetchQuery(datasetsQuery);
      const months = datasets.flatMap((d) => [d.periodFrom, d.periodTo]).filter((p): p is number => p !== null);
      if (months.length === 0) return null;
      // Annual rows (YYYY00) stand for their whole year.
      const first = Math.min(...months.map((p) => (p % 100 === 0 ? p + 1 : p)));
      const last = Math.max(...months.map((p) => (p % 100 === 0 ? p + 12 : p)));
      const series = await api
        .get<TradeSeries>('/api/trade/series', {
          ...pair,
          period: periodText({ from: first, to: last }),
          granularity: 'month',
        })
        .catch(() => null);
      const withTrade = series?.points.filter((point) => point.totals.turnoverCents !== 0) ?? [];
      const latest = withTrade.at(-1);
      return latest ? { first: withTrade[0]?.period ?? latest.period, latest: cumulativeTo(latest.period) } : null;
    },
  });

export const summaryQuery = (pair: Pair, period: string | null) =>
  queryOptions({
    queryKey: ['trade', 'summary', pair, period],
    enabled: period !== null,
    staleTime,
    queryFn: () => api.get<TradeSummary>('/api/trade/summary', { ...pair, period }),
  });

/** What the structure table asks the API for; its download asks with the same. */
export const structureParams = (pair: Pair, period: string | null, level: Level, direction: Direction) => ({
  ...pair,
  period,
  level,
  direction,
  top: 15,
});

export const structureQuery = (pair: Pair, period: string | null, level: Level, direction: Direction) =>
  queryOptions({
    queryKey: ['trade', 'structure', pair, period, level, direction],
    // A new level or step keeps the old answer on screen, dimmed, until the new one arrives.
    placeholderData: keepPreviousData,
    enabled: period !== null,
    staleTime,
    queryFn: () => api.get<TradeStructure>('/api/trade/structure', structureParams(pair, period, level, direction)),
  });

/** What the series asks the API for; its download asks with the same. */
export const seriesParams = (pair: Pair, period: string | null, granularity: Granularity, cumulative: boolean) => ({
  ...pair,
  period,
  granularity,
  cumulative,
});

export const seriesQuery = (pair: Pair, period: string | null, granularity: Granularity, cumulative: boolean) =>
  queryOptions({
    queryKey: ['trade', 'series', pair, period, granularity, cumulative],
    // A new level or step keeps the old answer on screen, dimmed, until the new one arrives.
    placeholderData: keepPreviousData,
    enabled: period !== null,
    staleTime,
    queryFn: () => api.get<TradeSeries>('/api/trade/series', seriesParams(pair, period, granularity, cumulative)),
  });

export const signalsQuery = (pair: Pair, period: string | null) =>
  queryOptions({
    queryKey: ['trade', 'signals', pair, period],
    enabled: period !== null,
    staleTime,
    queryFn: () => api.get<TrendSignals>('/api/trade/signals', { ...pair, period }),
  });

export const reconciliationQuery = (pair: Pair) =>
  queryOptions({
    queryKey: ['trade', 'reconciliation', pair],
    staleTime,
    queryFn: () => api.get<Reconciliation[]>('/api/trade/reconciliation', pair),
  });

export function useDataSpan(pair: Pair) {
  return useQuery(spanQuery(useQueryClient(), pair));
}
export const useSummary = (pair: Pair, period: string | null) => useQuery(summaryQuery(pair, period));
export const useStructure = (pair: Pair, period: string | null, level: Level, direction: Direction) =>
  useQuery(structureQuery(pair, period, level, direction));
export const useSeries = (pair: Pair, period: string | null, granularity: Granularity, cumulative: boolean) =>
  useQuery(seriesQuery(pair, period, granularity, cumulative));
export const useSignals = (pair: Pair, period: string | null) => useQuery(signalsQuery(pair, period));
export const useReconciliation = (pair: Pair) => useQuery(reconciliationQuery(pair));

export function useDocument(id: string | null) {
  return useQuery({
    queryKey: ['documents', id],
    enabled: id !== null,
    staleTime,
    queryFn: () => api.get<Document>(`/api/documents/${encodeURIComponent(id ?? '')}`),
  });
}

/**
 * Asks for everything the trade tab opens with, as soon as the partner page knows the pair: the requests
 * then travel while the page renders its header and loads the tab's code, instead of after.
 */
export async function prefetchTradeTab(
  client: QueryClient,
  pair: Pair,
  search: { period?: string; level?: string },
): Promise<void> {
  void client.prefetchQuery(reconciliationQuery(pair));
  let period: string;
  if (search.period) {
    const asked = parsePeriod(search.period);
    if (!asked.ok) return;
    period = periodText(asked.range);
  } else {
    const span = await client.fetchQuery(spanQuery(client, pair)).catch(() => null);
    if (!span) return;
    period = periodText(span.latest);
  }
  void client.prefetchQuery(summaryQuery(pair, period));
  void client.prefetchQuery(structureQuery(pair, period, levelOf(search.level), defaultDirection));
  void client.prefetchQuery(seriesQuery(pair, period, defaultGranularity, false));
  void client.prefetchQuery(signalsQuery(pair, period));
}
