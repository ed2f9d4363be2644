import type { Db } from '../../db/connection.ts';
import { parseInput } from '../../core/model.ts';
import { placeByScript } from '../../core/languages.ts';
import { todayIso } from '../../core/records.ts';
import { agreementsOf, getRelationship } from '../../registry/relationships/service.ts';
import type { ProjectStage } from '../projects/stages.ts';
import type { StatementStatus } from '../statements/model.ts';
import { isOverdue } from '../statements/overdue.ts';
import {
  timelineQuery,
  type Timeline,
  type TimelineEvent,
  type TimelineEventType,
  type TimelineKind,
} from './model.ts';
import * as store from './store.ts';

/**
 * On one day, events read in the order they happen: the source is published, the meeting held, things
 * said there, agreements signed, projects moved; what merely fell due that day comes last.
 */
const dayOrder: Record<TimelineEventType, number> = {
  document_published: 0,
  meeting_held: 1,
  statement_made: 2,
  agreement_signed: 3,
  agreement_in_force: 4,
  project_stage: 5,
  milestone_done: 6,
  milestone_due: 7,
  statement_status: 8,
  statement_due: 9,
  agreement_expires: 10,
};

type Draft = Omit<
  TimelineEvent,
  | 'meetingKind'
  | 'place'
  | 'statementKind'
  | 'status'
  | 'overdue'
  | 'fromStage'
  | 'toStage'
  | 'relatedId'
  | 'relatedTitleEn'
  | 'relatedTitleRu'
> &
  Partial<TimelineEvent>;

function event(draft: Draft & { sequence?: string }): TimelineEvent & { sequence: string } {
  return {
    meetingKind: null,
    place: null,
    statementKind: null,
    status: null,
    overdue: false,
    fromStage: null,
    toStage: null,
    relatedId: null,
    relatedTitleEn: null,
    relatedTitleRu: null,
    sequence: '',
    ...draft,
  };
}

/**
 * A statement's status on `day` from the changes after it was recorded: the last one by then, else the
 * status the first change started from, else (never changed) the status it has now.
 */
function statusKnownOn(
  statement: { id: string; status: string },
  changes: ReadonlyArray<{
    id: string;
    fromStatus: string | null;
    toStatus: string;
    changedOn: string;
    recordedAt: string;
  }>,
  day: string,
): StatementStatus {
  const own = changes
    .filter((c) => c.id === statement.id)
    .sort((a, b) => a.changedOn.localeCompare(b.changedOn) || a.recordedAt.localeCompare(b.recordedAt));
  const last = own.filter((c) => c.changedOn <= day).at(-1);
  return (last?.toStatus ?? own[0]?.fromStatus ?? statement.status) as StatementStatus;
}

/** What falls due is known ahead of its day; everything else happened on the day it is dated. */
const scheduled: ReadonlySet<TimelineEventType> = new Set(['statement_due', 'milestone_due', 'agreement_expires']);

/**
 * With `known`, statements made later and the milestones of projects not yet started are left out, and
 * statements have the status they had on that day.
 */
async function collect(
  db: Db,
  relationshipId: string,
  kinds: Set<TimelineKind>,
  asOf: string,
  known: string | undefined,
) {
  const wanted = (kind: TimelineKind) => kinds.size === 0 || kinds.has(kind);
  const none = Promise.resolve([]);
  const [meetings, statements, statusChanges, changes, milestones, agreements, documents] = await Promise.all([
    wanted('meeting') ? store.meetingsOf(db, relationshipId) : none,
    wanted('statement') ? store.statementsOf(db, relationshipId) : none,
    wanted('statement') ? store.statusChangesOf(db, relationshipId) : none,
    wanted('project') ? store.stageChangesOf(db, relationshipId) : none,
    wanted('project') ? store.milestonesOf(db, relationshipId) : none,
    wanted('agreement') ? agreementsOf(db, relationshipId) : none,
    wanted('document') ? store.documentsOf(db, relationshipId) : none,
  ]);
  const events: ReturnType<typeof event>[] = [];
  for (const m of meetings) {
    events.push(
      event({
        on: m.heldOn,
        kind: 'meeting',
        type: 'meeting_held',
        recordId: m.id,
        titleEn: m.titleEn,
        titleRu: m.titleRu,
        meetingKind: m.kind as TimelineEvent['meetingKind'],
        place: m.place,
      }),
    );
  }
  for (const s of statements) {
    if (known !== undefined && s.heldOn > known) continue;
    const status = known === undefined ? (s.status as StatementStatus) : statusKnownOn(s, statusChanges, known);
    const common = {
      kind: 'statement' as const,
      recordId: s.id,
      titleEn: s.textEn,
      titleRu: s.textRu,
      statementKind: s.kind as TimelineEvent['statementKind'],
      status,
      relatedId: s.meetingId,
      relatedTitleEn: s.meetingTitleEn,
      relatedTitleRu: s.meetingTitleRu,
    };
    events.push(event({ ...common, on: s.heldOn, type: 'statement_made' }));
    if (s.dueOn) {
      const overdue = isOverdue({ kind: s.kind, status, dueOn: s.dueOn }, asOf);
      events.push(event({ ...common, on: s.dueOn, type: 'statement_due', overdue }));
    }
  }
  for (const c of statusChanges) {
    events.push(
      event({
        on: c.changedOn,
        kind: 'statement',
        type: 'statement_status',
        recordId: c.id,
        titleEn: c.textEn,
        titleRu: c.textRu,
        statementKind: c.kind as TimelineEvent['statementKind'],
        status: c.toStatus as StatementStatus,
        relatedId: c.meetingId,
        relatedTitleEn: c.meetingTitleEn,
        relatedTitleRu: c.meetingTitleRu,
        sequence: c.recordedAt,
      }),
    );
  }
  for (const c of changes) {
    events.push(
      event({
        on: c.changedOn,
        kind: 'project',
        type: 'project_stage',
        recordId: c.projectId,
        titleEn: c.titleEn,
        titleRu: c.titleRu,
        fromStage: c.fromStage as ProjectStage | null,
        toStage: c.toStage as ProjectStage,
        sequence: c.recordedAt,
      }),
    );
  }
  // A project is known from its first stage change on; its milestones are not scheduled before that.
  const projectsKnown = new Set(
    changes.filter((c) => known === undefined || c.changedOn <= known).map((c) => c.projectId),
  );
  for (const m of milestones) {
    if (!projectsKnown.has(m.projectId)) continue;
    // Milestones and agreements keep one title, in whichever language it was typed.
    const title = placeByScript(m.title);
    const common = {
      kind: 'project' as const,
      recordId: m.projectId,
      titleEn: title.en,
      titleRu: title.ru,
      relatedTitleEn: m.projectTitleEn,
      relatedTitleRu: m.projectTitleRu,
    };
    if (m.doneOn) events.push(event({ ...common, on: m.doneOn, type: 'milestone_done' }));
    else if (m.dueOn) events.push(event({ ...common, on: m.dueOn, type: 'milestone_due' }));
  }
  for (const a of agreements) {
    const title = placeByScript(a.title);
    const common = {
      kind: 'agreement' as const,
      recordId: a.id,
      titleEn: title.en,
      titleRu: title.ru,
      relatedId: a.documentId,
    };
    if (a.signedOn) events.push(event({ ...common, on: a.signedOn, type: 'agreement_signed' }));
    if (a.inForceFrom) events.push(event({ ...common, on: a.inForceFrom, type: 'agreement_in_force' }));
    if (a.inForceTo) events.push(event({ ...common, on: a.inForceTo, type: 'agreement_expires' }));
  }
  for (const d of documents) {
    if (!d.publishedOn) continue;
    events.push(
      event({
        on: d.publishedOn,
        kind: 'document',
        type: 'document_published',
        recordId: d.id,
        titleEn: d.titleEn,
        titleRu: d.titleRu,
      }),
    );
  }
  return events;
}

/**
 * Everything that happened in a relationship, by date and newest first: meetings, statements made, changing
 * status and * falling due, project stage changes and milestones, agreements signed and in force, source documents.
 * Undated records (an agreement without dates, a document without a publication day) have no place on it.
 */
export async function relationshipTimeline(db: Db, relationshipId: string, query: unknown = {}): Promise<Timeline> {
  const q = parseInput(timelineQuery, query);
  await getRelationship(db, relationshipId);
  const asOf = q.asOf ?? todayIso();
  const all = await collect(db, relationshipId, new Set(q.kind ?? []), asOf, q.asOf);
  // As known on a given day, only what had happened by then, and what was then scheduled to come.
  const known = q.asOf === undefined ? all : all.filter((e) => e.on <= asOf || scheduled.has(e.type));
  const inRange = known.filter((e) => (!q.from || e.on >= q.from) && (!q.to || e.on <= q.to));
  inRange.sort(
    (a, b) =>
      b.on.localeCompare(a.on) ||
      dayOrder[a.type] - dayOrder[b.type] ||
      a.sequence.localeCompare(b.sequence) ||
      (a.titleEn ?? a.titleRu ?? '').localeCompare(b.titleEn ?? b.titleRu ?? '') ||
      a.recordId.localeCompare(b.recordId),
  );
  return {
    relationshipId,
    asOf,
    total: inRange.length,
    events: inRange.slice(0, q.limit).map(({ sequence: _sequence, ...e }) => e),
  };
}
