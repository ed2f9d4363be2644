import { z } from 'zod';
import { recordId, territoryCode } from '../../core/model.ts';
import { parsePeriodRange } from '../periods.ts';

const periodRangeText = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    try {
      return parsePeriodRange(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^period: /, '') });
      return z.NEVER;
    }
  });

export const pairQuery = z.object({
  home: territoryCode,
  partner: territoryCode,
  period: periodRangeText,
  dataset: recordId.optional(),
});

export const structureQuery = pairQuery.extend({
  level: z.enum(['section', 'chapter', 'heading', 'subheading']).default('chapter'),
  direction: z.enum(['exports', 'imports', 'turnover']).default('turnover'),
  top: z.coerce.number().int().min(1).max(500).default(20),
});

export const seriesQuery = pairQuery.extend({
  granularity: z.enum(['month', 'quarter', 'year']).default('month'),
  cumulative: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const rankingQuery = z.object({
  home: territoryCode,
  period: periodRangeText,
  by: z.enum(['turnover', 'growth', 'balance', 'exports', 'imports']).default('turnover'),
  dataset: recordId.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

// A query of the API (and of a table's download) as the analytics take it; one place, so a file always
// holds what the screen shows.
export function structureOptions(query: z.output<typeof structureQuery>) {
  const { home, partner, period: range, dataset: datasetId, level, direction, top } = query;
  return { home, partner, range, datasetId, level, direction, top };
}

export function seriesOptions(query: z.output<typeof seriesQuery>) {
  const { home, partner, period: range, dataset: datasetId, granularity, cumulative } = query;
  return { home, partner, range, datasetId, granularity, cumulative };
}

export function rankingOptions(query: z.output<typeof rankingQuery>) {
  const { home, period: range, by, dataset: datasetId, limit } = query;
  return { home, range, by, datasetId, limit };
}

const totals = z.object({
  exportsCents: z.number(),
  importsCents: z.number(),
  turnoverCents: z.number(),
  balanceCents: z.number(),
});
const dataset = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), source: z.string(), illustrative: z.boolean() })
  .meta({ id: 'DatasetRef', description: 'The dataset a figure was computed from; illustrative data says so.' });
const period = z.object({ from: z.number(), to: z.number(), label: z.string() });
const pct = z.number().nullable();

export const summarySchema = z
  .object({
    home: z.string(),
    partner: z.string(),
    currency: z.literal('USD'),
    dataset,
    period,
    previousPeriod: period,
    current: totals,
    previous: totals,
    change: totals,
    growthPercent: z.object({ exports: pct, imports: pct, turnover: pct }),
    sharePercent: pct,
    rank: z.number().nullable(),
    partners: z.number(),
    grouping: z.boolean(),
    flagged: z
      .number()
      .meta({ description: 'Flows in the period their source flags: estimated, confidential, re-export' }),
  })
  .meta({ id: 'TradeSummary' });

const structureLine = z.object({
  code: z.string(),
  label: z.string().meta({ description: "The code as people write it: a section's roman numeral, else the code" }),
  titleEn: z.string().nullable(),
  titleRu: z.string().nullable(),
  current: totals,
  previous: totals,
  sharePercent: pct,
  growthPercent: pct,
  contributionPp: pct,
});

export const structureSchema = z
  .object({
    home: z.string(),
    partner: z.string(),
    currency: z.literal('USD'),
    dataset,
    level: z.string(),
    direction: z.string(),
    period,
    previousPeriod: period,
    total: z.object({ current: z.number(), previous: z.number(), growthPercent: pct }),
    lines: z.array(structureLine),
    other: structureLine.nullable(),
  })
  .meta({ id: 'TradeStructure' });

export const seriesSchema = z
  .object({
    home: z.string(),
    partner: z.string(),
    currency: z.literal('USD'),
    dataset,
    granularity: z.string(),
    cumulative: z.boolean(),
    period,
    points: z.array(
      z.object({
        label: z.string(),
        period: z.number(),
        totals,
        previous: totals.nullable(),
        turnoverGrowthPercent: pct,
      }),
    ),
  })
  .meta({ id: 'TradeSeries' });

export const rankingSchema = z
  .object({
    home: z.string(),
    currency: z.literal('USD'),
    dataset,
    period: z.string(),
    by: z.string(),
    lines: z.array(
      z.object({
        rank: z.number().nullable(),
        partner: z.string(),
        grouping: z.boolean(),
        current: totals,
        previous: totals,
        turnoverGrowthPercent: pct,
        sharePercent: pct,
      }),
    ),
  })
  .meta({ id: 'PartnerRanking' });

export const signalsSchema = z
  .object({
    signals: z.array(z.object({ code: z.string(), textEn: z.string(), textRu: z.string() })),
    years: z.array(z.object({ period: z.string(), turnoverCents: z.number(), balanceCents: z.number() })),
  })
  .meta({ id: 'TrendSignals' });
