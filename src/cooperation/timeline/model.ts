import { z } from 'zod';
import { isoDate, valueList } from '../../core/model.ts';
import { meetingKind } from '../meetings/model.ts';
import { projectStage } from '../projects/model.ts';
import { statementKind, statementStatus } from '../statements/model.ts';

/** What a timeline can be narrowed to; each kind of record is one filter. */
export const timelineKinds = ['meeting', 'statement', 'project', 'agreement', 'document'] as const;
export const timelineKind = z.enum(timelineKinds);
export type TimelineKind = z.infer<typeof timelineKind>;

/** What happened on the day: a record can appear several times (a statement made, then due). */
export const timelineEventType = z.enum([
  'meeting_held',
  'statement_made',
  'statement_due',
  'statement_status',
  'project_stage',
  'milestone_due',
  'milestone_done',
  'agreement_signed',
  'agreement_in_force',
  'agreement_expires',
  'document_published',
]);
export type TimelineEventType = z.infer<typeof timelineEventType>;

export const timelineEvent = z
  .object({
    on: z.string().meta({ description: 'The day, YYYY-MM-DD' }),
    kind: timelineKind,
    type: timelineEventType,
    /** The record to open: a meeting, statement, project, agreement or document id. */
    recordId: z.string(),
    /** The record's title (a statement's text) in English and in Russian, as far as it was written in each. */
    titleEn: z.string().nullable(),
    titleRu: z.string().nullable(),
    /** For meetings: talks, visit, forum… */
    meetingKind: meetingKind.nullable(),
    place: z.string().nullable(),
    statementKind: statementKind.nullable(),
    /** A statement's status now; for a status change, the status it changed to. */
    status: statementStatus.nullable(),
    /** A statement still open or in progress after its due date, judged on `asOf`. */
    overdue: z.boolean(),
    fromStage: projectStage.nullable(),
    toStage: projectStage.nullable(),
    /** The project a stage change or milestone belongs to, or the document an agreement was published in. */
    relatedId: z.string().nullable(),
    relatedTitleEn: z.string().nullable(),
    relatedTitleRu: z.string().nullable(),
  })
  .meta({ id: 'TimelineEvent' });
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const timeline = z
  .object({
    relationshipId: z.string(),
    asOf: z.string(),
    /** Events matching the filter before `limit` cut them. */
    total: z.number().int(),
    /** Newest first; on one day in the order a reader would tell them (meeting, then what was said there…). */
    events: z.array(timelineEvent),
  })
  .meta({ id: 'Timeline' });
export type Timeline = z.infer<typeof timeline>;

const kindList = valueList(timelineKinds);

export const timelineQuery = z.object({
  kind: kindList.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /**
   * As known on this day: what had happened by then and what was then due to come, statements in the status
   * they had then, `overdue` judged on it. Without it, everything, `overdue` judged on today.
   */
  asOf: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;
