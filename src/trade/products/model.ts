import { z } from 'zod';
import { recordId, territoryCode } from '../../core/model.ts';
import { tradedProduct } from '../hs/model.ts';
import { summarySchema } from '../analytics/model.ts';

/** The most lines a product answer lists; the rest add up to "other". */
export const maxProductLines = 500;

/** A question about one product in a year, as the service takes it. */
export const productInput = z.object({
  hs: z.string().max(20),
  year: z.number().int().min(1950).max(2100),
  /** Without one: the product's importers from the whole world; with one: its exports and imports by partner. */
  reporter: territoryCode.optional(),
  top: z.number().int().min(1).max(maxProductLines).optional(),
  datasetId: recordId.optional(),
  /** Leaves out flows their source flags as estimated, confidential or re-exports. */
  excludeFlagged: z.boolean().optional(),
});
export type ProductInput = z.input<typeof productInput>;

/** The same question as a query string (HTTP) or options (CLI) write it. */
export const productQuery = z.object({
  year: z.coerce.number().int().min(1950).max(2100),
  reporter: territoryCode.optional(),
  top: z.coerce.number().int().min(1).max(maxProductLines).default(20),
  dataset: recordId.optional(),
  excludeFlagged: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export function productOptions(hs: string, query: z.output<typeof productQuery>): ProductInput {
  const { year, reporter, top, dataset: datasetId, excludeFlagged } = query;
  return { hs, year, reporter, top, datasetId, excludeFlagged };
}

const line = z.object({
  /** 1 = the largest; null for a statistical territory (areas n.e.s., free zones…), which takes no rank. */
  rank: z.number().nullable(),
  territory: z.string(),
  /** The territory's names in the registry; null for a code it does not hold. */
  nameEn: z.string().nullable(),
  nameRu: z.string().nullable(),
  grouping: z.boolean(),
  valueCents: z.number(),
  sharePercent: z.number().nullable(),
  /** Given only where every flow summed has a quantity, all in one unit. */
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  /** Flows of this line that their source flags (estimated, confidential, re-export). */
  flaggedFlows: z.number(),
});
export type ProductLine = z.infer<typeof line>;

const side = z.object({
  totalCents: z.number(),
  quantity: z.number().nullable(),
  unit: z.string().nullable(),
  /** Every territory with trade of the product this way, listed or not. */
  territories: z.number(),
  lines: z.array(line),
  /** What the territories beyond `top` add up to. */
  other: z.object({ territories: z.number(), valueCents: z.number(), sharePercent: z.number().nullable() }).nullable(),
});
export type ProductSide = z.infer<typeof side>;

export const productTradeSchema = z
  .object({
    product: tradedProduct,
    year: z.number(),
    reporter: z.string().nullable(),
    currency: z.literal('USD'),
    dataset: summarySchema.shape.dataset,
    /** With a reporter: its exports of the product by partner; null for the world's importers. */
    exports: side.nullable(),
    /** With a reporter: its imports by partner; without: every importer's imports from the world. */
    imports: side,
    /** Whether any figure counts a flow its source flags, and how many such flows. */
    includesFlagged: z.boolean(),
    flaggedFlows: z.number(),
    excludeFlagged: z.boolean(),
  })
  .meta({ id: 'ProductTrade' });
export type ProductTrade = z.infer<typeof productTradeSchema>;
