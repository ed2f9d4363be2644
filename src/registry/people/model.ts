import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, territoryCode, version } from '../../core/model.ts';
import { pairCheck, pairOf, requirePair } from '../../core/languages.ts';

const name = shortText(300);
const title = shortText(500);

export const personInput = z
  .object({
    nameEn: name.nullable().default(null),
    nameRu: name.nullable().default(null),
    notes: longText(20_000).nullable().default(null),
  })
  .superRefine(requirePair(pairOf('name'), 'a name'), pairCheck(pairOf('name')));
export type PersonInput = z.input<typeof personInput>;

// Written out rather than derived from personInput: defaults inside optional fields would erase the
// fields an editor left out. Whether a name remains is checked against the stored record.
export const personUpdate = z.object({
  nameEn: name.nullable().optional(),
  nameRu: name.nullable().optional(),
  notes: longText(20_000).nullable().optional(),
  version,
});

export const positionInput = z
  .object({
    personId: recordId,
    titleEn: title.nullable().default(null),
    titleRu: title.nullable().default(null),
    organizationId: recordId.nullable().default(null),
    territoryCode: territoryCode.nullable().default(null),
    /** First day in the post; unknown leaves it open towards the past. */
    fromOn: isoDate.nullable().default(null),
    /** Last day in the post; none while the person still holds it. */
    toOn: isoDate.nullable().default(null),
  })
  .superRefine(requirePair(pairOf('title'), 'the title'), pairCheck(pairOf('title')));
export type PositionInput = z.input<typeof positionInput>;

export const positionUpdate = z.object({
  personId: recordId.optional(),
  titleEn: title.nullable().optional(),
  titleRu: title.nullable().optional(),
  organizationId: recordId.nullable().optional(),
  territoryCode: territoryCode.nullable().optional(),
  fromOn: isoDate.nullable().optional(),
  toOn: isoDate.nullable().optional(),
  version,
});

export const position = z
  .object({
    id: z.string(),
    personId: z.string(),
    titleEn: z.string().nullable(),
    titleRu: z.string().nullable(),
    organizationId: z.string().nullable(),
    territoryCode: z.string().nullable(),
    fromOn: z.string().nullable(),
    toOn: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Position' });
export type Position = z.infer<typeof position>;

export const person = z
  .object({
    id: z.string(),
    nameEn: z.string().nullable(),
    nameRu: z.string().nullable(),
    notes: z.string().nullable(),
    positions: z.array(position),
    ...recordMeta,
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof person>;

export const personFilter = z.object({
  /** A name contains, in English or Russian, in any case. */
  q: z.string().max(200).optional(),
});
export type PersonFilter = z.infer<typeof personFilter>;

export const positionFilter = z.object({
  personId: recordId.optional(),
  territory: territoryCode.optional(),
  organizationId: recordId.optional(),
  /** As known on this day: only the posts held then (a missing start or end leaves that end open). */
  asOf: isoDate.optional(),
});
export type PositionFilter = z.infer<typeof positionFilter>;

export const holderQuery = z.object({
  /** Part of the title, in English or Russian, in any case: "governor" finds "Governor of Kursk Oblast". */
  title: z.string().trim().min(1).max(200).optional(),
  territoryCode: territoryCode.optional(),
  organizationId: recordId.optional(),
  /** The day the post was held on. */
  on: isoDate,
});
export type HolderQuery = z.input<typeof holderQuery>;

export const holder = z.object({ position, person }).meta({ id: 'PositionHolder' });
export type Holder = z.infer<typeof holder>;
