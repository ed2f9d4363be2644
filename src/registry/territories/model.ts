import { z } from 'zod';
import { recordMeta, shortText, territoryCode, version } from '../../core/model.ts';

/**
 * `grouping`: a statistical territory of trade data (areas n.e.s., bunkers, free zones, coded `M49-899`),
 * which imports add; it is shown apart from countries, never ranked among them.
 */
export const territoryKind = z.enum(['country', 'region', 'grouping']);

export const territoryInput = z.object({
  code: territoryCode,
  kind: territoryKind,
  parentCode: territoryCode.nullable().default(null),
  nameEn: shortText(200),
  nameRu: shortText(200),
  alpha3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable()
    .default(null),
  numericCode: z
    .string()
    .regex(/^\d{3}$/)
    .nullable()
    .default(null),
});
export type TerritoryInput = z.input<typeof territoryInput>;

export const territoryUpdate = z.object({
  nameEn: shortText(200).optional(),
  nameRu: shortText(200).optional(),
  version,
});

export const territory = z
  .object({
    code: z.string(),
    kind: territoryKind,
    parentCode: z.string().nullable(),
    nameEn: z.string(),
    nameRu: z.string(),
    alpha3: z.string().nullable(),
    numericCode: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Territory' });
export type Territory = z.infer<typeof territory>;

export const territoryFilter = z.object({
  kind: territoryKind.optional(),
  parent: territoryCode.optional(),
  q: z.string().max(200).optional(),
});
export type TerritoryFilter = z.infer<typeof territoryFilter>;
