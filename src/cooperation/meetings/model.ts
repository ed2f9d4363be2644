import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, side, territoryCode, version } from '../../core/model.ts';
import { pairCheck, pairOf, requirePair } from '../../core/languages.ts';

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

export const participantRole = pairOf('role');
const role = shortText(200);

export const participant = z
  .object({
    personId: recordId,
    side,
    /** In the meeting's own terms: "principal", "head of delegation", "delegation member"; in either language or both. */
    roleEn: role.nullable().default(null),
    roleRu: role.nullable().default(null),
  })
  .superRefine(requirePair(participantRole, 'the role'), pairCheck(participantRole));
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

/** Titles and summaries are kept in the languages users write them in; a title in at least one. */
export const meetingTitle = pairOf('title');
const title = shortText(500);
const summary = longText(20_000);

export const meetingInput = z
  .object({
    relationshipId: recordId,
    heldOn: isoDate,
    place: shortText(300).nullable().default(null),
    kind: meetingKind,
    titleEn: title.nullable().default(null),
    titleRu: title.nullable().default(null),
    summaryEn: summary.nullable().default(null),
    summaryRu: summary.nullable().default(null),
    participants: participants.default([]),
    delegation: delegation.default([]),
    sectorCodes: sectorCodes.default([]),
  })
  .superRefine(requirePair(meetingTitle, 'the title'), pairCheck(meetingTitle));
export type MeetingInput = z.input<typeof meetingInput>;

// Written out rather than derived from meetingInput: defaults inside optional fields would erase
// the fields an editor left out.
export const meetingUpdate = z.object({
  relationshipId: recordId.optional(),
  heldOn: isoDate.optional(),
  place: shortText(300).nullable().optional(),
  kind: meetingKind.optional(),
  titleEn: title.nullable().optional(),
  titleRu: title.nullable().optional(),
  summaryEn: summary.nullable().optional(),
  summaryRu: summary.nullable().optional(),
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
    titleEn: z.string().nullable(),
    titleRu: z.string().nullable(),
    summaryEn: z.string().nullable(),
    summaryRu: z.string().nullable(),
    participants: z.array(
      z.object({ personId: z.string(), side, roleEn: z.string().nullable(), roleRu: z.string().nullable() }),
    ),
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
  /** Title, place or summary contains, in either language and any case. */
  q: z.string().max(200).optional(),
  /** Meetings this person took part in. */
  personId: recordId.optional(),
  /** As known on this day: only the meetings held by then. */
  asOf: isoDate.optional(),
});
export type MeetingFilter = z.infer<typeof meetingFilter>;
