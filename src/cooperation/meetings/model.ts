import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, side, territoryCode, version } from '../../core/model.ts';

export const meetingKind = z.enum([
  'talks',
  'visit',
  'forum',
  'intergovernmental_commission',
  'working_group',
  'call',
  'exhibition',
  'other',
]);

/** An ISIC Rev.4 code as stored in the sectors table; whether it exists is checked against that table. */
export const sectorCode = z.string().trim().min(1).max(4);

export const participant = z.object({
  personId: recordId,
  side,
  /** In the meeting's own terms: "principal", "head of delegation", "delegation member". */
  role: shortText(200),
});
export type Participant = z.infer<typeof participant>;

export const delegate = z.object({ organizationId: recordId, side });
export type Delegate = z.infer<typeof delegate>;

/** A list where each item's key may appear once; the second occurrence is named so it can be fixed. */
function unique<T extends z.ZodType>(
  item: T,
  max: number,
  key: (value: z.output<T>) => string,
  what: string,
  field?: string,
) {
  return z
    .array(item)
    .max(max)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((value, index) => {
        const k = key(value);
        if (seen.has(k)) {
          ctx.addIssue({
            code: 'custom',
            path: field ? [index, field] : [index],
            message: `${what} ${k} is listed twice`,
          });
        }
        seen.add(k);
      });
    });
}

const participants = unique(participant, 200, (p) => p.personId, 'person', 'personId');
const delegation = unique(delegate, 200, (d) => d.organizationId, 'organization', 'organizationId');
const sectorCodes = unique(sectorCode, 50, (code) => code, 'sector');

export const meetingInput = z.object({
  relationshipId: recordId,
  heldOn: isoDate,
  place: shortText(300).nullable().default(null),
  kind: meetingKind,
  title: shortText(500),
  summary: longText(20_000).nullable().default(null),
  participants: participants.default([]),
  delegation: delegation.default([]),
  sectorCodes: sectorCodes.default([]),
});
export type MeetingInput = z.input<typeof meetingInput>;

// Written out rather than derived from meetingInput: defaults inside optional fields would erase
// the fields an editor left out.
export const meetingUpdate = z.object({
  relationshipId: recordId.optional(),
  heldOn: isoDate.optional(),
  place: shortText(300).nullable().optional(),
  kind: meetingKind.optional(),
  title: shortText(500).optional(),
  summary: longText(20_000).nullable().optional(),
  participants: participants.optional(),
  delegation: delegation.optional(),
  sectorCodes: sectorCodes.optional(),
  version,
});

export const meeting = z
  .object({
    id: z.string(),
    relationshipId: z.string(),
    heldOn: z.string(),
    place: z.string().nullable(),
    kind: meetingKind,
    title: z.string(),
    summary: z.string().nullable(),
    participants: z.array(z.object({ personId: z.string(), side, role: z.string() })),
    delegation: z.array(z.object({ organizationId: z.string(), side })),
    sectorCodes: z.array(z.string()),
    ...recordMeta,
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meeting>;

export const meetingFilter = z.object({
  relationshipId: recordId.optional(),
  /** The partner territory, through the meeting's relationship. */
  partner: territoryCode.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  kind: meetingKind.optional(),
  /** Title, place or summary contains, in any case. */
  q: z.string().max(200).optional(),
  /** Meetings this person took part in. */
  personId: recordId.optional(),
  /** As known on this day: only the meetings held by then. */
  asOf: isoDate.optional(),
});
export type MeetingFilter = z.infer<typeof meetingFilter>;
