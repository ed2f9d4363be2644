import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { StatementStatusChangeTable, StatementTable } from '../../db/schema.ts';
import type { StatementFilter, StatementStatus } from './model.ts';

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
  'statements.dueOn',
  'statements.status',
  'statements.version',
  'statements.createdAt',
  'statements.updatedAt',
] as const;

export type StatementRow = NonNullable<Awaited<ReturnType<typeof findStatement>>>;

/** The statuses in which a statement with a past due date is overdue. */
export const pendingStatuses: readonly StatementStatus[] = ['open', 'in_progress'];

function filtered(db: Db, filter: StatementFilter, asOf: string) {
  let query = db.selectFrom('statements');
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
  if (filter.status) query = query.where('statements.status', '=', filter.status);
  if (filter.ownerPersonId) query = query.where('statements.ownerPersonId', '=', filter.ownerPersonId);
  if (filter.projectId) query = query.where('statements.projectId', '=', filter.projectId);
  if (filter.dueBefore) query = query.where('statements.dueOn', '<', filter.dueBefore);
  if (filter.overdue !== undefined) {
    const overdue = filter.overdue;
    query = query.where((eb) => {
      const late = eb.and([
        eb('statements.status', 'in', [...pendingStatuses]),
        eb('statements.dueOn', 'is not', null),
        eb('statements.dueOn', '<', asOf),
      ]);
      return overdue ? late : eb.not(late);
    });
  }
  return query;
}

export async function countStatements(db: Db, filter: StatementFilter, asOf: string): Promise<number> {
  const row = await filtered(db, filter, asOf)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Soonest due first; undated statements last on both engines, which place NULL differently by default. */
export function listStatements(db: Db, filter: StatementFilter, asOf: string, limit: number, offset: number) {
  return filtered(db, filter, asOf)
    .select(statementColumns)
    .orderBy((eb) => eb.case().when('statements.dueOn', 'is', null).then(1).else(0).end())
    .orderBy('statements.dueOn')
    .orderBy('statements.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findStatement(db: Db, id: string) {
  return db.selectFrom('statements').select(statementColumns).where('statements.id', '=', id).executeTakeFirst();
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

export function meetingDate(db: Db, meetingId: string) {
  return db.selectFrom('meetings').select('heldOn').where('id', '=', meetingId).executeTakeFirst();
}

export async function insertStatement(db: Db, row: Insertable<StatementTable>): Promise<void> {
  await db.insertInto('statements').values(row).execute();
}

export async function insertStatusChange(db: Db, row: Insertable<StatementStatusChangeTable>): Promise<void> {
  await db.insertInto('statementStatusChanges').values(row).execute();
}

export function personNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute();
}

export function organizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute();
}
