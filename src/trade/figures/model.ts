import { z } from 'zod';
import { currencyCode, recordId, recordMeta, territoryCode } from '../../core/model.ts';

export const figureMetric = z.enum(['turnover', 'exports', 'imports', 'balance']);
export type FigureMetric = z.infer<typeof figureMetric>;

const month = z.string().regex(/^\d{4}-\d{2}$/, 'expected a month as YYYY-MM');
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal number such as 40.5');

/** A figure as a document quoted it: "January–September 2017: turnover USD 96.3 million, +40.5%". */
export const officialFigureInput = z.object({
  reporter: territoryCode,
  partner: territoryCode,
  metric: figureMetric,
  periodFrom: month,
  periodTo: month,
  /** The amount as quoted, in units of the currency (decimal text, exact). */
  value: decimal,
  currency: currencyCode.default('USD'),
  growthPercent: decimal.nullable().default(null),
  documentId: recordId.nullable().default(null),
  locator: z.string().trim().max(200).nullable().default(null),
  notes: z.string().trim().max(2000).nullable().default(null),
});

export const officialFigure = z
  .object({
    id: z.string(),
    reporter: z.string(),
    partner: z.string(),
    metric: figureMetric,
    periodFrom: z.string(),
    periodTo: z.string(),
    valueMinor: z.number().int(),
    currency: z.string(),
    growthPercent: z.string().nullable(),
    documentId: z.string().nullable(),
    locator: z.string().nullable(),
    notes: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'OfficialFigure' });
export type OfficialFigure = z.infer<typeof officialFigure>;

export const officialFigureFilter = z.object({
  reporter: territoryCode.optional(),
  partner: territoryCode.optional(),
});
