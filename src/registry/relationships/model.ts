import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, territoryCode, version } from '../../core/model.ts';

/** A territory as other records show it: its code and both names. */
export const territoryName = z.object({ code: z.string(), nameEn: z.string(), nameRu: z.string() });

export const relationshipInput = z.object({
  homeCode: territoryCode,
  partnerCode: territoryCode,
  title: shortText(300).nullable().default(null),
  notes: longText(20_000).nullable().default(null),
});
export type RelationshipInput = z.input<typeof relationshipInput>;

// Written out rather than derived from relationshipInput: defaults inside optional fields would erase
// the fields an editor left out.
export const relationshipUpdate = z.object({
  homeCode: territoryCode.optional(),
  partnerCode: territoryCode.optional(),
  title: shortText(300).nullable().optional(),
  notes: longText(20_000).nullable().optional(),
  version,
});

export const relationship = z
  .object({
    id: z.string(),
    homeCode: z.string(),
    partnerCode: z.string(),
    title: z.string().nullable(),
    notes: z.string().nullable(),
    home: territoryName,
    partner: territoryName,
    ...recordMeta,
  })
  .meta({ id: 'Relationship' });
export type Relationship = z.infer<typeof relationship>;

export const relationshipFilter = z.object({
  home: territoryCode.optional(),
  partner: territoryCode.optional(),
  /** The partner's code or name, in English or Russian, contains. */
  q: z.string().max(200).optional(),
});
export type RelationshipFilter = z.infer<typeof relationshipFilter>;

export const agreementKind = z.enum([
  'treaty',
  'cooperation_agreement',
  'programme',
  'memorandum',
  'roadmap',
  'contract',
  'other',
]);

export const agreementInput = z.object({
  relationshipId: recordId,
  title: shortText(500),
  kind: agreementKind,
  signedOn: isoDate.nullable().default(null),
  inForceFrom: isoDate.nullable().default(null),
  inForceTo: isoDate.nullable().default(null),
  documentId: recordId.nullable().default(null),
  notes: longText(20_000).nullable().default(null),
});
export type AgreementInput = z.input<typeof agreementInput>;

export const agreementUpdate = z.object({
  relationshipId: recordId.optional(),
  title: shortText(500).optional(),
  kind: agreementKind.optional(),
  signedOn: isoDate.nullable().optional(),
  inForceFrom: isoDate.nullable().optional(),
  inForceTo: isoDate.nullable().optional(),
  documentId: recordId.nullable().optional(),
  notes: longText(20_000).nullable().optional(),
  version,
});

export const agreement = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    title: z.string(),
    kind: agreementKind,
    signedOn: z.string().nullable(),
    inForceFrom: z.string().nullable(),
    inForceTo: z.string().nullable(),
    documentId: z.string().nullable(),
    notes: z.string().nullable(),
    inForce: z.boolean().meta({
      description:
        'Today (or the `asOf` day of a list) falls within inForceFrom–inForceTo; a missing date leaves that end open.',
    }),
    ...recordMeta,
  })
  .meta({ id: 'Agreement' });
export type Agreement = z.infer<typeof agreement>;

export const agreementFilter = z.object({
  relationshipId: recordId.optional(),
  /** As known on this day: agreements not yet signed then are left out, and `inForce` is judged on it. */
  asOf: isoDate.optional(),
});
export type AgreementFilter = z.infer<typeof agreementFilter>;
