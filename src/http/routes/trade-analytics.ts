import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { versionQuery } from '../../core/model.ts';
import { mirrorView, partnerRanking, trendSignals } from '../../trade/analytics/insights.ts';
import {
  pairQuery,
  rankingOptions,
  rankingQuery,
  rankingSchema,
  seriesOptions,
  seriesQuery,
  seriesSchema,
  signalsSchema,
  structureOptions,
  structureQuery,
  structureSchema,
  summarySchema,
} from '../../trade/analytics/model.ts';
import { tradeSeries, tradeStructure, tradeSummary } from '../../trade/analytics/service.ts';
import { officialFigure, officialFigureFilter, officialFigureInput } from '../../trade/figures/model.ts';
import {
  deleteOfficialFigure,
  getOfficialFigure,
  listOfficialFigures,
  reconcileFigures,
  recordOfficialFigure,
} from '../../trade/figures/service.ts';
import { hsTitles } from '../../trade/hs/service.ts';
import { problemSchema } from '../problem-schema.ts';

const errors = { 404: problemSchema, 422: problemSchema };
const mirrorSide = z.object({
  dataset: summarySchema.shape.dataset,
  exportsCents: z.number(),
  importsCents: z.number(),
});
const tags = ['trade'];

export function registerTradeAnalyticsRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const titles = async (codes: string[]) => {
    const found = await hsTitles(db, codes);
    return new Map([...found].map(([code, t]) => [code, { titleEn: t.titleEn, titleRu: t.titleRu ?? null }]));
  };

  api.get('/api/trade/summary', {
    schema: {
      tags,
      summary: 'Exports, imports, turnover and balance of a pair, with growth on the same period a year earlier',
      querystring: pairQuery,
      response: { 200: summarySchema, ...errors },
    },
    handler: (r) =>
      tradeSummary(db, {
        home: r.query.home,
        partner: r.query.partner,
        range: r.query.period,
        datasetId: r.query.dataset,
      }),
  });

  api.get('/api/trade/structure', {
    schema: {
      tags,
      summary: 'Commodity structure by HS level: value, share, growth and contribution to growth',
      querystring: structureQuery,
      response: { 200: structureSchema, ...errors },
    },
    handler: (r) => tradeStructure(db, { ...structureOptions(r.query), titles }),
  });

  api.get('/api/trade/series', {
    schema: {
      tags,
      summary: 'Trade of a pair by month, quarter or year; cumulative from January on request; with YoY growth',
      querystring: seriesQuery,
      response: { 200: seriesSchema, ...errors },
    },
    handler: (r) => tradeSeries(db, seriesOptions(r.query)),
  });

  api.get('/api/trade/ranking', {
    schema: {
      tags,
      summary: "All of home's partners ranked by turnover, growth or balance",
      querystring: rankingQuery,
      response: { 200: rankingSchema, ...errors },
    },
    handler: (r) => partnerRanking(db, rankingOptions(r.query)),
  });

  api.get('/api/trade/signals', {
    schema: {
      tags,
      summary: 'Trend signals in plain words from the same period in earlier years',
      querystring: pairQuery,
      response: { 200: signalsSchema, ...errors },
    },
    handler: (r) =>
      trendSignals(db, {
        home: r.query.home,
        partner: r.query.partner,
        range: r.query.period,
        datasetId: r.query.dataset,
      }),
  });

  api.get('/api/trade/mirror', {
    schema: {
      tags,
      summary: "The pair's trade as each side declared it, and the gaps",
      querystring: pairQuery.omit({ dataset: true }),
      response: {
        200: z
          .object({
            home: z.string(),
            partner: z.string(),
            currency: z.literal('USD'),
            period: z.string(),
            homeReport: mirrorSide.nullable(),
            partnerReport: mirrorSide.nullable(),
            exportsGapCents: z.number().nullable(),
            importsGapCents: z.number().nullable(),
          })
          .meta({ id: 'MirrorView' }),
        ...errors,
      },
    },
    handler: (r) => mirrorView(db, { home: r.query.home, partner: r.query.partner, range: r.query.period }),
  });

  api.get('/api/trade/figures', {
    schema: {
      tags,
      summary: 'Official figures quoted in documents',
      querystring: officialFigureFilter,
      response: { 200: z.array(officialFigure) },
    },
    handler: (r) => listOfficialFigures(db, r.query),
  });
  api.get('/api/trade/figures/:id', {
    schema: {
      tags,
      summary: 'One official figure',
      params: z.object({ id: z.string().max(64) }),
      response: { 200: officialFigure, 404: problemSchema },
    },
    handler: (r) => getOfficialFigure(db, r.params.id),
  });
  api.post('/api/trade/figures', {
    schema: {
      tags,
      summary: 'Record an official figure with its source',
      body: officialFigureInput,
      response: { 201: officialFigure, ...errors },
    },
    handler: async (r, reply) => reply.code(201).send(await recordOfficialFigure(db, r.body)),
  });
  api.delete('/api/trade/figures/:id', {
    schema: {
      tags,
      summary: 'Delete an official figure',
      params: z.object({ id: z.string().max(64) }),
      querystring: versionQuery,
      response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
    },
    handler: async (r, reply) => {
      await deleteOfficialFigure(db, r.params.id, r.query.version);
      return reply.code(204).send(null);
    },
  });

  api.get('/api/trade/reconciliation', {
    schema: {
      tags,
      summary: 'Each official figure of a pair beside the same figure computed from a dataset',
      querystring: z.object({
        home: pairQuery.shape.home,
        partner: pairQuery.shape.partner,
        dataset: pairQuery.shape.dataset,
      }),
      response: {
        200: z.array(
          z.object({
            figure: officialFigure,
            dataset: summarySchema.shape.dataset.nullable(),
            computedMinor: z.number().nullable(),
            differenceMinor: z.number().nullable(),
            differencePercent: z.number().nullable(),
            computedGrowthPercent: z.number().nullable(),
            note: z.string().nullable(),
          }),
        ),
        ...errors,
      },
    },
    handler: (r) =>
      reconcileFigures(db, { reporter: r.query.home, partner: r.query.partner, datasetId: r.query.dataset }),
  });
}
