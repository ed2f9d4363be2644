import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, territoryCode, version } from '../../core/model.ts';

export const outletKind = z.enum([
  'dealer',
  'trading_house',
  'distribution_centre',
  'service_centre',
  'assembly',
  'retail',
  'warehouse',
]);
export const outletStatus = z.enum(['planned', 'active', 'suspended', 'closed']);

/** A product group an outlet carries; the home producer is named when known. */
export const line = z.object({
  organizationId: recordId.nullable().default(null),
  productGroup: shortText(200),
  sinceOn: isoDate.nullable().default(null),
});
export type Line = z.output<typeof line>;

const lines = z
  .array(line)
  .max(200)
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((l, index) => {
      const key = `${l.organizationId ?? ''}\u0000${l.productGroup.toLowerCase()}`;
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'productGroup'],
          message: `product group ${l.productGroup} is listed twice${l.organizationId ? ` for organization ${l.organizationId}` : ''}`,
        });
      }
      seen.add(key);
    });
  });

const degrees = (field: string, limit: number) =>
  z
    .number({ error: `${field} must be a number of degrees` })
    .min(-limit, `${field} must be between -${limit} and ${limit} degrees`)
    .max(limit, `${field} must be between -${limit} and ${limit} degrees`);
/** WGS 84 degrees, north and east positive (Kursk: 51.73, 36.19). */
const latitude = degrees('latitude', 90);
const longitude = degrees('longitude', 180);

/**
 * A point needs both halves: the one left out is named, so a form can show the message beside it.
 * Says whether it found one half without the other.
 */
function halfPoint(
  data: { latitude?: number | null; longitude?: number | null },
  ctx: z.RefinementCtx,
  given: (value: number | null | undefined) => boolean,
): boolean {
  const lat = given(data.latitude);
  if (lat === given(data.longitude)) return false;
  const [missing, present] = lat ? ['longitude', 'latitude'] : ['latitude', 'longitude'];
  ctx.addIssue({
    code: 'custom',
    path: [missing],
    message: `give ${missing} together with ${present}`,
    params: { code: 'point_half' },
  });
  return true;
}

/** An outlet cannot close before it opened (the service checks an update against the stored dates). */
function closedBeforeOpened(
  data: { openedOn?: string | null; closedOn?: string | null },
  ctx: { addIssue: (issue: z.core.$ZodRawIssue) => void },
): void {
  if (data.openedOn && data.closedOn && data.closedOn < data.openedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['closedOn'],
      message: `the outlet cannot close (${data.closedOn}) before it opened (${data.openedOn})`,
      params: { code: 'closed_before_opened', openedOn: data.openedOn, closedOn: data.closedOn },
      input: data.closedOn,
    });
  }
}

export const outletInput = z
  .object({
    relationshipId: recordId,
    /** Where the outlet is: usually the partner territory or a region inside it. */
    territoryCode,
    name: shortText(300),
    kind: outletKind,
    operatorOrganizationId: recordId.nullable().default(null),
    city: shortText(200).nullable().default(null),
    openedOn: isoDate.nullable().default(null),
    /** The day it closed, for a closed outlet: until then it counts as open in views "as of" a day. */
    closedOn: isoDate.nullable().default(null),
    status: outletStatus.default('active'),
    notes: longText(20_000).nullable().default(null),
    /** Where the outlet stands; without a point the map places it, marked approximate, inside its territory. */
    latitude: latitude.nullable().default(null),
    longitude: longitude.nullable().default(null),
    lines: lines.default([]),
  })
  .superRefine((data, ctx) => {
    halfPoint(data, ctx, (value) => value !== null);
    closedBeforeOpened(data, ctx);
  });
export type OutletInput = z.input<typeof outletInput>;

// Written out rather than derived from outletInput: defaults inside optional fields would erase the
// fields an editor left out.
export const outletUpdate = z
  .object({
    relationshipId: recordId.optional(),
    territoryCode: territoryCode.optional(),
    name: shortText(300).optional(),
    kind: outletKind.optional(),
    operatorOrganizationId: recordId.nullable().optional(),
    city: shortText(200).nullable().optional(),
    openedOn: isoDate.nullable().optional(),
    closedOn: isoDate.nullable().optional(),
    status: outletStatus.optional(),
    notes: longText(20_000).nullable().optional(),
    // Moved or cleared as a pair, so a change cannot leave half a point behind.
    latitude: latitude.nullable().optional(),
    longitude: longitude.nullable().optional(),
    lines: lines.optional(),
    version,
  })
  .superRefine((data, ctx) => {
    if (!halfPoint(data, ctx, (value) => value !== undefined)) halfPoint(data, ctx, (value) => value != null);
  });

export const outlet = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    territoryCode: z.string(),
    name: z.string(),
    kind: outletKind,
    operatorOrganizationId: z.string().nullable(),
    city: z.string().nullable(),
    openedOn: z.string().nullable(),
    closedOn: z.string().nullable(),
    status: outletStatus,
    notes: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    lines: z.array(
      z.object({ organizationId: z.string().nullable(), productGroup: z.string(), sinceOn: z.string().nullable() }),
    ),
    ...recordMeta,
  })
  .meta({ id: 'Outlet' });
export type Outlet = z.infer<typeof outlet>;

export const outletFilter = z.object({
  relationshipId: recordId.optional(),
  /** The partner territory, through the outlet's relationship. */
  partner: territoryCode.optional(),
  /** Where the outlet is; a country also finds outlets in its regions. */
  territory: territoryCode.optional(),
  kind: outletKind.optional(),
  status: outletStatus.optional(),
  /** Outlets carrying this home producer's goods. */
  organizationId: recordId.optional(),
});
export type OutletFilter = z.infer<typeof outletFilter>;

export const networkSummary = z
  .object({
    relationshipId: z.string(),
    total: z.number().int(),
    byKind: z.record(outletKind, z.number().int()),
    byStatus: z.record(outletStatus, z.number().int()),
    /** Every product group the network carries, once, alphabetically. */
    productGroups: z.array(z.string()),
  })
  .meta({ id: 'NetworkSummary' });
export type NetworkSummary = z.infer<typeof networkSummary>;
