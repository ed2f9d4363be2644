import { z } from 'zod';
import { isoDate, longText, recordId, recordMeta, shortText, side, territoryCode, version } from '../../core/model.ts';
import { pairCheck, pairOf, requirePair } from '../../core/languages.ts';
import { sectorCode } from '../meetings/model.ts';

export const statementKind = z.enum(['proposal', 'commitment', 'request', 'assessment', 'invitation', 'target']);
export const statementStatus = z.enum(['open', 'in_progress', 'fulfilled', 'dropped']);
export type StatementStatus = z.infer<typeof statementStatus>;

/** Where a statement may go next; a fulfilled or dropped one can only be reopened. */
export const nextStatuses: Record<StatementStatus, readonly StatementStatus[]> = {
  open: ['in_progress', 'fulfilled', 'dropped'],
  in_progress: ['open', 'fulfilled', 'dropped'],
  fulfilled: ['open'],
  dropped: ['open'],
};

/**
 * What was said, in our own words rather than quoted, so one statement stays a paragraph; in English,
 * Russian or both.
 */
export const statementText = pairOf('text');
const text = shortText(5_000);

export const statementInput = z
  .object({
    meetingId: recordId,
    kind: statementKind,
    speakerPersonId: recordId.nullable().default(null),
    side: side.nullable().default(null),
    sectorCode: sectorCode.nullable().default(null),
    textEn: text.nullable().default(null),
    textRu: text.nullable().default(null),
    projectId: recordId.nullable().default(null),
    ownerPersonId: recordId.nullable().default(null),
    ownerOrganizationId: recordId.nullable().default(null),
    /** Where it is due within a range ("next year or the year after"), the range's first day; dueOn its last. */
    dueFrom: isoDate.nullable().default(null),
    dueOn: isoDate.nullable().default(null),
    /** The day it was said, where apart from its meeting (a letter after the talks); not before the meeting. */
    statedOn: isoDate.nullable().default(null),
    /** Where the statement stands when it is recorded, e.g. fulfilled for one kept long ago. */
    status: statementStatus.default('open'),
  })
  .superRefine(requirePair(statementText, 'the text'), pairCheck(statementText));
export type StatementInput = z.input<typeof statementInput>;

// Written out rather than derived from statementInput: defaults inside optional fields would erase the
// fields an editor left out. `status` is refused so that every change of it lands in the history.
export const statementUpdate = z.object({
  meetingId: recordId.optional(),
  kind: statementKind.optional(),
  speakerPersonId: recordId.nullable().optional(),
  side: side.nullable().optional(),
  sectorCode: sectorCode.nullable().optional(),
  textEn: text.nullable().optional(),
  textRu: text.nullable().optional(),
  projectId: recordId.nullable().optional(),
  ownerPersonId: recordId.nullable().optional(),
  ownerOrganizationId: recordId.nullable().optional(),
  dueFrom: isoDate.nullable().optional(),
  dueOn: isoDate.nullable().optional(),
  statedOn: isoDate.nullable().optional(),
  status: z
    .never({ error: 'the status changes only through the status operation, which records its history' })
    .optional(),
  version,
});

export const statusChangeInput = z.object({
  status: statementStatus,
  version,
  /** The day it happened; today when not given. */
  on: isoDate.optional(),
  note: longText(2_000).nullable().optional(),
});

export const statusChange = z.object({
  fromStatus: statementStatus.nullable(),
  toStatus: statementStatus,
  changedOn: z.string(),
  note: z.string().nullable(),
});
export type StatusChange = z.infer<typeof statusChange>;

export const statement = z
  .object({
    id: z.string(),
    meetingId: z.string(),
    kind: statementKind,
    speakerPersonId: z.string().nullable(),
    side: side.nullable(),
    sectorCode: z.string().nullable(),
    textEn: z.string().nullable(),
    textRu: z.string().nullable(),
    projectId: z.string().nullable(),
    ownerPersonId: z.string().nullable(),
    ownerOrganizationId: z.string().nullable(),
    dueFrom: z.string().nullable(),
    dueOn: z.string().nullable(),
    statedOn: z.string().nullable(),
    status: statementStatus,
    /** A commitment still open or in progress after its due date, on the day asked about (see isOverdue). */
    overdue: z.boolean(),
    history: z.array(statusChange),
    ...recordMeta,
  })
  .meta({ id: 'Statement' });
export type Statement = z.infer<typeof statement>;

/** A query parameter `true` or `false`; anything else is refused rather than read as true. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const commitmentFilter = z.object({
  meetingId: recordId.optional(),
  relationshipId: recordId.optional(),
  /** The partner territory, through the statement's meeting and its relationship. */
  partner: territoryCode.optional(),
  status: statementStatus.optional(),
  overdue: flag.optional(),
  /**
   * As known on this day: statements made at meetings held by then, each in the status its history gives
   * for that day, `overdue` judged on it. Without it, statements as they stand, `overdue` judged on today.
   */
  asOf: isoDate.optional(),
  ownerPersonId: recordId.optional(),
  projectId: recordId.optional(),
  /** Due strictly before this day. */
  dueBefore: isoDate.optional(),
});
export type CommitmentFilter = z.infer<typeof commitmentFilter>;

export const statementFilter = commitmentFilter.extend({ kind: statementKind.optional() });
export type StatementFilter = z.infer<typeof statementFilter>;

export const asOfQuery = z.object({ asOf: isoDate.optional() });
