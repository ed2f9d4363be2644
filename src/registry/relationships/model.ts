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

export const partnersQuery = z.object({
  home: territoryCode.optional(),
  /**
   * As known on this day: agreements in force then, commitments and projects as the statements' and
   * projects' lists give them for that day. Today, with the records as they stand, when not given.
   */
  asOf: isoDate.optional(),
});
export type PartnersQuery = z.infer<typeof partnersQuery>;

export const partnerOverview = z
  .object({
    relationshipId: z.string(),
    title: z.string().nullable(),
    home: territoryName,
    partner: territoryName,
    agreementsInForce: z.number().int(),
    /** Commitments made at the relationship's meetings that are still open or in progress. */
    openCommitments: z.number().int(),
    /** Of those, the overdue ones (see isOverdue), as /api/commitments?overdue=true&asOf=… counts them. */
    overdueCommitments: z.number().int(),
    /** Projects neither completed nor cancelled. */
    activeProjects: z.number().int(),
  })
  .meta({ id: 'PartnerOverview' });
export type PartnerOverview = z.infer<typeof partnerOverview>;

export const partnersOverviewQuery = partnersQuery.extend({
  /**
   * Months the trade figures cover, as the trade analytics take them ("2017-01..2017-09", "2017");
   * the latest cumulative period the data hold when not given.
   */
  period: z.string().trim().min(1).max(40).optional(),
});
export type PartnersOverviewQuery = z.infer<typeof partnersOverviewQuery>;

const periodInfo = z.object({ from: z.number().int(), to: z.number().int(), label: z.string() });

export const partnerTrade = z
  .object({
    dataset: z
      .object({ id: z.string(), name: z.string(), kind: z.string(), source: z.string(), illustrative: z.boolean() })
      .meta({ description: 'The dataset the figures come from; illustrative (made-up) data says so.' }),
    exportsCents: z.number().int(),
    importsCents: z.number().int(),
    turnoverCents: z.number().int(),
    /** Turnover in the same months a year earlier. */
    previousTurnoverCents: z.number().int(),
    /** Null when there was no trade a year earlier to grow from. */
    growthPercent: z.number().nullable(),
    /** Turnover in the same months of each of the last five years, oldest first, ending with the period. */
    sparkline: z.array(z.object({ label: z.string(), from: z.number().int(), turnoverCents: z.number().int() })),
  })
  .meta({ id: 'PartnerTrade' });
export type PartnerTrade = z.infer<typeof partnerTrade>;

export const partnerTradeOverview = partnerOverview
  .extend({
    /** Null when no dataset holds trade of the pair in the period. */
    trade: partnerTrade.nullable(),
  })
  .meta({ id: 'PartnerTradeOverview' });
export type PartnerTradeOverview = z.infer<typeof partnerTradeOverview>;

export const partnersOverview = z
  .object({
    currency: z.literal('USD'),
    asOf: z.string(),
    /** The months the trade figures cover; null when no dataset holds any trade of these partners. */
    period: periodInfo.nullable(),
    previousPeriod: periodInfo.nullable(),
    /** True when no period was asked for and the latest cumulative period of the data was taken. */
    periodIsDefault: z.boolean(),
    partners: z.array(partnerTradeOverview),
  })
  .meta({ id: 'PartnersOverview' });
export type PartnersOverview = z.infer<typeof partnersOverview>;
