import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { organizationNames } from '../../registry/organizations/service.ts';
import { personNames } from '../../registry/people/service.ts';
import { sectorLabel } from '../../registry/sectors/service.ts';
import { AccordError, invalid, notFound } from '../../core/errors.ts';
import { pairAfterUpdate } from '../../core/languages.ts';
import { newId } from '../../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import {
  deleteVersioned,
  inTransaction,
  nowIso,
  paged,
  requireReferences,
  staleVersion,
  todayIso,
  updateVersioned,
} from '../../core/records.ts';
import {
  nextStatuses,
  statementInput,
  statementText,
  statementUpdate,
  statusChangeInput,
  type CommitmentFilter,
  type Statement,
  type StatementFilter,
  type StatementStatus,
  type StatusChange,
} from './model.ts';
import { isOverdue } from './overdue.ts';
import * as store from './store.ts';

const key = (id: string) => ({ column: 'id', value: id, label: 'statement' });

/**
 * Overdue is judged on the day asked about, so it is computed on reading and never stored. With `asOf`,
 * the rows already carry their status on that day and the history stops there.
 */
async function withHistory(db: Db, rows: store.StatementRow[], judgedOn: string, asOf?: string): Promise<Statement[]> {
  const changes = await store.historyOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    kind: row.kind as Statement['kind'],
    side: row.side as Statement['side'],
    status: row.status as StatementStatus,
    overdue: isOverdue({ ...row, status: row.status as StatementStatus }, judgedOn),
    history: changes
      .filter((c) => c.statementId === row.id && (asOf === undefined || c.changedOn <= asOf))
      .map((c): StatusChange => ({
        fromStatus: c.fromStatus as StatementStatus | null,
        toStatus: c.toStatus as StatementStatus,
        changedOn: c.changedOn,
        note: c.note,
      })),
  }));
}

/**
 * Statements as they stand, overdue judged on today; with `asOf`, as known on that day: only those made at
 * meetings held by then, each in the status its history gives for that day, overdue judged on that day.
 */
export async function listStatements(db: Db, filter: StatementFilter, page: PageQuery): Promise<Page<Statement>> {
  const today = todayIso();
  const judgedOn = filter.asOf ?? today;
  return paged(
    page,
    () => store.countStatements(db, filter, today),
    async (limit, offset) =>
      withHistory(db, await store.listStatements(db, filter, today, limit, offset), judgedOn, filter.asOf),
  );
}

/**
 * Per relationship, the commitments still pending and how many of them are overdue, by the same rule as
 * the lists: with `asOf`, as known on that day; else as they stand, judged on today.
 */
export function countCommitments(
  db: Db,
  relationshipIds: string[],
  asOf?: string,
): Promise<{ open: Map<string, number>; overdue: Map<string, number> }> {
  return store.countCommitments(db, relationshipIds, asOf, todayIso());
}

/** Statements of kind commitment: what someone undertook to do, with its due date and owner. */
export function listCommitments(db: Db, filter: CommitmentFilter, page: PageQuery): Promise<Page<Statement>> {
  return listStatements(db, { ...filter, kind: 'commitment' }, page);
}

export async function getStatement(db: Db, id: string, asOf: string = todayIso()): Promise<Statement> {
  const row = await store.findStatement(db, id);
  if (!row) throw notFound('statement', id);
  const [statement] = await withHistory(db, [row], asOf);
  return statement!;
}

/** Every record a statement points to, named by the field that holds it. */
function references(data: {
  meetingId?: string;
  speakerPersonId?: string | null;
  sectorCode?: string | null;
  projectId?: string | null;
  ownerPersonId?: string | null;
  ownerOrganizationId?: string | null;
}) {
  return [
    { path: 'meetingId', table: 'meetings' as const, id: data.meetingId, label: 'meeting' },
    { path: 'speakerPersonId', table: 'people' as const, id: data.speakerPersonId, label: 'person' },
    { path: 'sectorCode', table: 'sectors' as const, id: data.sectorCode, label: sectorLabel },
    { path: 'projectId', table: 'projects' as const, id: data.projectId, label: 'project' },
    { path: 'ownerPersonId', table: 'people' as const, id: data.ownerPersonId, label: 'person' },
    {
      path: 'ownerOrganizationId',
      table: 'organizations' as const,
      id: data.ownerOrganizationId,
      label: 'organization',
    },
  ];
}

/**
 * Records a statement and the first entry of its history, dated the day it was made: its own date where
 * given, else the day of its meeting. That is when it started to stand as it does.
 */
export async function createStatement(db: Db, input: unknown): Promise<Statement> {
  const data = parseInput(statementInput, input);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, references(data));
    const meeting = await store.meetingDate(trx, data.meetingId);
    if (!meeting) throw notFound('meeting', data.meetingId);
    requireDueAfterMeeting(data.dueOn, meeting.heldOn);
    requireDueRange(data.dueFrom, data.dueOn);
    requireStatedAfterMeeting(data.statedOn, meeting.heldOn);
    const now = nowIso();
    const id = newId();
    await store.insertStatement(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now });
    await store.insertStatusChange(trx, {
      id: newId(),
      statementId: id,
      fromStatus: null,
      toStatus: data.status,
      changedOn: data.statedOn ?? meeting.heldOn,
      recordedAt: now,
      note: null,
    });
    return getStatement(trx, id);
  });
}

/** What a meeting set cannot fall due before the meeting was held. */
function requireDueAfterMeeting(dueOn: string | null | undefined, heldOn: string): void {
  if (dueOn && dueOn < heldOn) {
    throw invalid(
      'dueOn',
      `the due date ${dueOn} is before the meeting that set it, held on ${heldOn}`,
      'due_before_meeting',
      {
        dueOn,
        heldOn,
      },
    );
  }
}

function requireDueRange(dueFrom: string | null | undefined, dueOn: string | null | undefined): void {
  if (dueFrom && dueOn && dueOn < dueFrom) {
    throw invalid('dueOn', `the due range ends on ${dueOn}, before it opens on ${dueFrom}`, 'ends_before_start', {
      start: dueFrom,
    });
  }
}

function requireStatedAfterMeeting(statedOn: string | null | undefined, heldOn: string): void {
  if (statedOn && statedOn < heldOn) {
    throw invalid(
      'statedOn',
      `the statement's date ${statedOn} is before its meeting, held on ${heldOn}`,
      'stated_before_meeting',
      { statedOn, heldOn },
    );
  }
}

/**
 * Edits a statement. When the day it was made changes (its own date, or another meeting), the first entry
 * of its history moves with it, unless a later status change would then come before it.
 */
export async function updateStatement(db: Db, id: string, input: unknown): Promise<Statement> {
  const { version, status: _status, ...patch } = parseInput(statementUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findStatement(trx, id);
    if (!current) throw notFound('statement', id);
    pairAfterUpdate(statementText, 'the text', current, patch);
    await requireReferences(trx, references(patch));
    const meeting = await store.meetingDate(trx, patch.meetingId ?? current.meetingId);
    if (!meeting) throw notFound('meeting', patch.meetingId ?? current.meetingId);
    const dueOn = patch.dueOn === undefined ? current.dueOn : patch.dueOn;
    requireDueAfterMeeting(dueOn, meeting.heldOn);
    requireDueRange(patch.dueFrom === undefined ? current.dueFrom : patch.dueFrom, dueOn);
    const statedOn = patch.statedOn === undefined ? current.statedOn : patch.statedOn;
    requireStatedAfterMeeting(statedOn, meeting.heldOn);
    const madeOn = statedOn ?? meeting.heldOn;
    const next = await store.secondChangeOf(trx, id);
    if (next && next.changedOn < madeOn) {
      throw invalid(
        patch.statedOn === undefined ? 'meetingId' : 'statedOn',
        `the statement would be made on ${madeOn}, after its status changed on ${next.changedOn}`,
        'date_before_previous',
        { previous: madeOn },
      );
    }
    await updateVersioned(trx, 'statements', key(id), version, patch);
    await store.redateFirstChange(trx, id, madeOn);
    return getStatement(trx, id);
  });
}

/** Deletes a statement with its status history and the links to where it was reported. */
export async function deleteStatement(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'statements', key(id), version);
    await removeProvenanceOf(trx, { recordType: 'statement', recordId: id });
  });
}

/**
 * The history is read in the order it was recorded, so each entry's time must be later than the one
 * before, even when two changes fall within one millisecond.
 */
function after(previous: string | undefined): string {
  const now = nowIso();
  if (previous === undefined || now > previous) return now;
  return new Date(new Date(previous).getTime() + 1).toISOString();
}

/**
 * Moves a statement to another status and records the change with its day and note. A fulfilled or
 * dropped statement can only be reopened; a change dated before the previous one is refused so the
 * history reads in order.
 */
export async function changeStatementStatus(db: Db, id: string, input: unknown): Promise<Statement> {
  const change = parseInput(statusChangeInput, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findStatement(trx, id);
    if (!current) throw notFound('statement', id);
    if (current.version !== change.version) throw staleVersion('statement', id, change.version, current.version);
    const from = current.status as StatementStatus;
    const allowed = nextStatuses[from];
    if (!allowed.includes(change.status)) {
      const why = from === change.status ? `is already ${from}` : `cannot go from ${from} to ${change.status}`;
      throw new AccordError(
        'INVALID_TRANSITION',
        `statement ${id} ${why}; from ${from} it can go to ${allowed.join(', ')}`,
        { details: { id, from, to: change.status, allowed } },
      );
    }
    const on = change.on ?? todayIso();
    const last = await store.lastChangeOf(trx, id);
    if (last && on < last.changedOn) {
      throw invalid(
        'on',
        `the previous status change was on ${last.changedOn}; a later one cannot be dated earlier`,
        'date_before_previous',
        { previous: last.changedOn },
      );
    }
    await updateVersioned(trx, 'statements', key(id), change.version, { status: change.status });
    await store.insertStatusChange(trx, {
      id: newId(),
      statementId: id,
      fromStatus: from,
      toStatus: change.status,
      changedOn: on,
      recordedAt: after(last?.recordedAt),
      note: change.note ?? null,
    });
    return getStatement(trx, id);
  });
}

/**
 * Who is to act on each statement, by name, for lists people read: the owning organization and the
 * owning person, whichever are given; in the language asked for when the record has a name in it.
 */
export async function ownerNamesOf(
  db: Db,
  statements: Statement[],
  language: 'en' | 'ru' = 'en',
): Promise<Map<string, string>> {
  const distinct = (ids: Array<string | null>) => [...new Set(ids.filter((id): id is string => id !== null))];
  const people = await personNames(db, distinct(statements.map((s) => s.ownerPersonId)));
  const organizations = await organizationNames(db, distinct(statements.map((s) => s.ownerOrganizationId)));
  const nameOf = (rows: Array<{ id: string; nameEn: string | null; nameRu: string | null }>) =>
    new Map(rows.map((r) => [r.id, (language === 'ru' ? r.nameRu : r.nameEn) ?? r.nameEn ?? r.nameRu ?? r.id]));
  const personName = nameOf(people);
  const organizationName = nameOf(organizations);
  const owners = new Map<string, string>();
  for (const s of statements) {
    const names = [
      s.ownerOrganizationId ? organizationName.get(s.ownerOrganizationId) : undefined,
      s.ownerPersonId ? personName.get(s.ownerPersonId) : undefined,
    ].filter((name): name is string => name !== undefined);
    if (names.length > 0) owners.set(s.id, names.join(' / '));
  }
  return owners;
}
