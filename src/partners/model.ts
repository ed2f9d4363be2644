import { z } from 'zod';
import { isoDate, territoryCode } from '../core/model.ts';
import { territoryName } from '../registry/relationships/model.ts';

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
