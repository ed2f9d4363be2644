import { z } from 'zod';
import { territoryCode } from '../core/model.ts';

export const boundariesQuery = z.object({
  /** Comma-separated ISO 3166-1 (BY) and ISO 3166-2 (RU-KRS) codes. */
  codes: z
    .string()
    .transform((text) => [...new Set(text.split(',').map((c) => c.trim().toUpperCase()))].filter((c) => c !== ''))
    .pipe(z.array(territoryCode).min(1, 'name at least one code').max(100, 'at most 100 codes at a time')),
});

const position = z.tuple([z.number(), z.number()]);
const polygon = z.array(z.array(position));

export const boundaryFeature = z
  .object({
    type: z.literal('Feature'),
    id: z.string(),
    properties: z.object({
      code: z.string(),
      name: z.string(),
      /** The region's Russian name where the data give one. */
      nameRu: z.string().optional(),
      /** Where a label or a marker for the territory goes, [longitude, latitude]. */
      center: position,
    }),
    geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon) }),
  })
  .meta({ id: 'BoundaryFeature' });
export type BoundaryFeature = z.infer<typeof boundaryFeature>;

export const boundaryCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(boundaryFeature),
    /**
     * Codes asked for that have no boundary (the answer is 404 when none of them has one); for a country's
     * regions, the regions Accord knows that the data draw no shape for.
     */
    missing: z.array(z.string()),
    source: z.string(),
  })
  .meta({ id: 'BoundaryCollection' });
export type BoundaryCollection = z.infer<typeof boundaryCollection>;

export const countryRegionsParams = z.object({
  /** ISO 3166-1 alpha-2, e.g. RU. */
  code: z
    .string()
    .transform((text) => text.toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 country code such as RU')),
});
