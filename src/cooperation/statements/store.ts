import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { DB, StatementStatusChangeTable, StatementTable } from '../../db/schema.ts';
import type { StatementFilter } from './model.ts';
import { kindsThatFallDue, pendingStatuses } from './overdue.ts';

const statementColumns = [
  'statements.id',
  'statements.meetingId',
  'statements.kind',
  'statements.speakerPersonId',
  'statements.side',
  'statements.sectorCode',
  'statements.textEn',
  'statements.textRu',
  'statements.projectId',
  'statements.ownerPersonId',
  'statements.ownerOrganizationId',
  'statements.dueFrom',
  'statements.dueOn',
  'statements.statedOn',
  'statements.version',
  'statements.createdAt',
  'statements.updatedAt',
] as const;

export type StatementRow = NonNullable<Awaited<ReturnType<typeof findStatement>>>;

type Statements = ExpressionBuilder<DB, 'statements'>;

/**
 * A statement's status on `day`: the last change its history dates on or before it (the history is read
 * in the order recorded), null when it had not been made yet. Without a day, the status it has now.
 */
function statusOn(eb: Statements, day: string | undefined) {
  if (day === undefined) return eb.ref('statements.status');
  return eb
    .selectFrom('statementStatusChanges as change')
    .select('change.toStatus')
    .whereRef('change.statementId', '=', 'statements.id')
    .where('change.changedOn', '<=', day)
    .orderBy('change.changedOn', 'desc')
    .orderBy('change.recordedAt', 'desc')
    .orderBy('change.id', 'desc')
    .limit(1)
    .$asScalar();
}

/** Statements made at a meeting held on or before `day` (and so recorded with a status by then). */
function madeBy(eb: Statements, day: string) {
  return eb.and([
    eb(
      'statements.meetingId',
      'in',
      eb.selectFrom('meetings').select('meetings.id').where('meetings.heldOn', '<=', day),
    ),
    eb(statusOn(eb, day), 'is not', null),
  ]);
}

/**
 * The SQL form of `isOverdue` (overdue.ts), from the same lists: a commitment pending on `judgedOn`,
 * by its status then when `asOf` is given, and due before that day.
 */
function overdueWhere(eb: Statements, asOf: string | undefined, judgedOn: string) {
  return eb.and([
    eb('statements.kind', 'in', [...kindsThatFallDue]),
    eb(statusOn(eb, asOf), 'in', [...pendingStatuses]),
    eb('statements.dueOn', 'is not', null),
    eb('statements.dueOn', '<', judgedOn),
  ]);
}

/** Columns of a statement as it stood on `asOf` (as it stands now without it). */
function selectAsOf(asOf: string | undefined) {
  return (eb: Statements) => [...statementColumns, statusOn(eb, asOf).as('status')];
}

/**
 * With `asOf`, what was known on that day: statements made by then, each in the status it had then.
 * `today` is the day overdue is judged on when `asOf` is not given.
 */
function filtered(db: Db, filter: StatementFilter, today: string) {
  const { asOf } = filter;
  let query = db.selectFrom('statements');
  if (asOf !== undefined) query = query.where((eb) => madeBy(eb, asOf));
  if (filter.meetingId) query = query.where('statements.meetingId', '=', filter.meetingId);
  if (filter.relationshipId) {
    const relationshipId = filter.relationshipId;
    query = query.where('statements.meetingId', 'in', (eb) =>
      eb.selectFrom('meetings').select('meetings.id').where('meetings.relationshipId', '=', relationshipId),
    );
  }
  if (filter.partner) {
    const partner = filter.partner;
    query = query.where('statements.meetingId', 'in', (eb) =>
      eb
        .selectFrom('meetings')
        .innerJoin('relationships', 'relationships.id', 'meetings.relationshipId')
        .select('meetings.id')
        .where('relationships.partnerCode', '=', partner),
    );
  }
  if (filter.kind) query = query.where('statements.kind', '=', filter.kind);
  if (filter.status) {
    const status = filter.status;
    query = query.where((eb) => eb(statusOn(eb, asOf), '=', status));
  }
  if (filter.ownerPersonId) query = query.where('statements.ownerPersonId', '=', filter.ownerPersonId);
  if (filter.projectId) query = query.where('statements.projectId', '=', filter.projectId);
  if (filter.dueBefore) query = query.where('statements.dueOn', '<', filter.dueBefore);
  if (filter.overdue !== undefined) {
    const overdue = filter.overdue;
    query = query.where((eb) => {
      const late = overdueWhere(eb, asOf, asOf ?? today);
      return overdue ? late : eb.not(late);
    });
  }
  return query;
}

export async function countStatements(db: Db, filter: StatementFilter, today: string): Promise<number> {
  const row = await filtered(db, filter, today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Soonest due first; undated statements last on both engines, which place NULL differently by default. */
export function listStatements(db: Db, filter: StatementFilter, today: string, limit: number, offset: number) {
  return filtered(db, filter, today)
    .select(selectAsOf(filter.asOf))
    .orderBy((eb) => eb.case().when('statements.dueOn', 'is', null).then(1).else(0).end())
    .orderBy('statements.dueOn')
    .orderBy('statements.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findStatement(db: Db, id: string) {
  return db.selectFrom('statements').select(selectAsOf(undefined)).where('statements.id', '=', id).executeTakeFirst();
}

type Counts = Map<string, number>;

/**
 * Per relationship (through the meetings), the commitments pending on the day and how many of them are
 * overdue, in one query; with `asOf`, as known on that day, else as they stand now judged on `today`.
 */
export async function countCommitments(
  db: Db,
  relationshipIds: string[],
  asOf: string | undefined,
  today: string,
): Promise<{ open: Counts; overdue: Counts }> {
  if (relationshipIds.length === 0) return { open: new Map(), overdue: new Map() };
  let query = db
    .selectFrom('statements')
    .innerJoin('meetings', 'meetings.id', 'statements.meetingId')
    .select((eb) => [
      'meetings.relationshipId',
      eb.fn.countAll<number>().as('n'),
      eb.fn
        .count<number>(
          eb
            .case()
            .when(overdueWhere(eb, asOf, asOf ?? today))
            .then(1)
            .end(),
        )
        .as('overdue'),
    ])
    .where('meetings.relationshipId', 'in', relationshipIds)
    .where('statements.kind', '=', 'commitment')
    .where((eb) => eb(statusOn(eb, asOf), 'in', [...pendingStatuses]));
  if (asOf !== undefined) query = query.where((eb) => madeBy(eb, asOf));
  const rows = await query.groupBy('meetings.relationshipId').execute();
  const counts = (pick: (row: (typeof rows)[number]) => number | string) =>
    new Map(rows.map((row) => [row.relationshipId, Number(pick(row))]));
  return { open: counts((row) => row.n), overdue: counts((row) => row.overdue) };
}

/** Status changes in the order they were recorded. */
export function historyOf(db: Db, statementIds: string[]) {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('statementStatusChanges')
    .select(['statementId', 'fromStatus', 'toStatus', 'changedOn', 'note'])
    .where('statementId', 'in', statementIds)
    .orderBy('statementId')
    .orderBy('recordedAt')
    .orderBy('id')
    .execute();
}

export function lastChangeOf(db: Db, statementId: string) {
  return db
    .selectFrom('statementStatusChanges')
    .select(['changedOn', 'recordedAt'])
    .where('statementId', '=', statementId)
    .orderBy('recordedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The first entry of a statement's history: the day it was made, moved when that day is corrected. */
export async function redateFirstChange(db: Db, statementId: string, on: string): Promise<void> {
  await db
    .updateTable('statementStatusChanges')
    .set({ changedOn: on })
    .where('statementId', '=', statementId)
    .where('fromStatus', 'is', null)
    .execute();
}

export function secondChangeOf(db: Db, statementId: string) {
  return db
    .selectFrom('statementStatusChanges')
    .select('changedOn')
    .where('statementId', '=', statementId)
    .where('fromStatus', 'is not', null)
    .orderBy('recordedAt')
    .orderBy('id')
    .executeTakeFirst();
}

export function meetingDate(db: Db, meetingId: string) {
  return db.selectFrom('meetings').select('heldOn').where('id', '=', meetingId).executeTakeFirst();
}

export async function insertStatement(db: Db, row: Insertable<StatementTable>): Promise<void> {
  await db.insertInto('statements').values(row).execute();
}

export async function insertStatusChange(db: Db, row: Insertable<StatementStatusChangeTable>): Promise<void> {
  await db.insertInto('statementStatusChanges').values(row).execute();
}
