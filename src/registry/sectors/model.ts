import { z } from 'zod';
import { recordMeta } from '../../core/model.ts';

export const sectorLevel = z.enum(['section', 'division']);

export const sector = z
  .object({
    code: z.string(),
    level: sectorLevel,
    parentCode: z.string().nullable(),
    titleEn: z.string(),
    titleRu: z.string(),
    ...recordMeta,
  })
  .meta({ id: 'Sector' });
export type Sector = z.infer<typeof sector>;

export const sectorFilter = z.object({
  level: sectorLevel.optional(),
  parent: z.string().max(2).optional(),
});
export type SectorFilter = z.infer<typeof sectorFilter>;
