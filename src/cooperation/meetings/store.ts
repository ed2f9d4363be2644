import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { MeetingTable } from '../../db/schema.ts';
import { newId } from '../../core/ids.ts';
import type { Delegate, MeetingFilter, Participant } from './model.ts';

const meetingColumns = [
  'meetings.id',
  'meetings.relationshipId',
  'meetings.heldOn',
  'meetings.place',
  'meetings.kind',
  'meetings.titleEn',
  'meetings.titleRu',
  'meetings.summaryEn',
  'meetings.summaryRu',
  'meetings.version',
  'meetings.createdAt',
  'meetings.updatedAt',
] as const;

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** Every filter but `q`, which the service matches itself. */
function filtered(db: Db, filter: Omit<MeetingFilter, 'q'>) {
  let query = db.selectFrom('meetings');
  if (filter.relationshipId) query = query.where('meetings.relationshipId', '=', filter.relationshipId);
  if (filter.partner) {
    const partner = filter.partner;
    query = query.where('meetings.relationshipId', 'in', (eb) =>
      eb.selectFrom('relationships').select('relationships.id').where('relationships.partnerCode', '=', partner),
    );
  }
  if (filter.from) query = query.where('meetings.heldOn', '>=', filter.from);
  if (filter.to) query = query.where('meetings.heldOn', '<=', filter.to);
  // As known on a day, a meeting held later had not taken place yet.
  if (filter.asOf) query = query.where('meetings.heldOn', '<=', filter.asOf);
  if (filter.kind) query = query.where('meetings.kind', '=', filter.kind);
  if (filter.personId) {
    const personId = filter.personId;
    query = query.where('meetings.id', 'in', (eb) =>
      eb
        .selectFrom('meetingParticipants')
        .select('meetingParticipants.meetingId')
        .where('meetingParticipants.personId', '=', personId),
    );
  }
  return query;
}

function latestFirst<Q extends ReturnType<typeof filtered>>(query: Q): Q {
  return query.orderBy('meetings.heldOn', 'desc').orderBy('meetings.id') as Q;
}

export async function countMeetings(db: Db, filter: Omit<MeetingFilter, 'q'>): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listMeetings(db: Db, filter: Omit<MeetingFilter, 'q'>, limit: number, offset: number) {
  return latestFirst(filtered(db, filter)).select(meetingColumns).limit(limit).offset(offset).execute();
}

/** The searchable text of every meeting the other filters let through, in list order. */
export function listMeetingTexts(db: Db, filter: Omit<MeetingFilter, 'q'>) {
  return latestFirst(filtered(db, filter))
    .select([
      'meetings.id',
      'meetings.titleEn',
      'meetings.titleRu',
      'meetings.place',
      'meetings.summaryEn',
      'meetings.summaryRu',
    ])
    .execute();
}

export function findMeetingsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('meetings').select(meetingColumns).where('meetings.id', 'in', ids).execute();
}

export function findMeeting(db: Db, id: string) {
  return db.selectFrom('meetings').select(meetingColumns).where('meetings.id', '=', id).executeTakeFirst();
}

export function participantsOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetingParticipants')
    .select(['meetingId', 'personId', 'side', 'roleEn', 'roleRu'])
    .where('meetingId', 'in', meetingIds)
    .orderBy('meetingId')
    .orderBy('position')
    .execute();
}

export function delegationsOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetingOrganizations')
    .select(['meetingId', 'organizationId', 'side'])
    .where('meetingId', 'in', meetingIds)
    .orderBy('meetingId')
    .orderBy('position')
    .execute();
}

export function sectorsOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetingSectors')
    .select(['meetingId', 'sectorCode'])
    .where('meetingId', 'in', meetingIds)
    .orderBy('meetingId')
    .orderBy('sectorCode')
    .execute();
}

export async function insertMeeting(db: Db, row: Insertable<MeetingTable>): Promise<void> {
  await db.insertInto('meetings').values(row).execute();
}

export async function replaceParticipants(db: Db, meetingId: string, participants: Participant[]): Promise<void> {
  await db.deleteFrom('meetingParticipants').where('meetingId', '=', meetingId).execute();
  if (participants.length === 0) return;
  await db
    .insertInto('meetingParticipants')
    .values(participants.map((p, position) => ({ id: newId(), meetingId, ...p, position })))
    .execute();
}

export async function replaceDelegation(db: Db, meetingId: string, delegation: Delegate[]): Promise<void> {
  await db.deleteFrom('meetingOrganizations').where('meetingId', '=', meetingId).execute();
  if (delegation.length === 0) return;
  await db
    .insertInto('meetingOrganizations')
    .values(delegation.map((d, position) => ({ meetingId, ...d, position })))
    .execute();
}

export async function replaceSectors(db: Db, meetingId: string, sectorCodes: string[]): Promise<void> {
  await db.deleteFrom('meetingSectors').where('meetingId', '=', meetingId).execute();
  if (sectorCodes.length === 0) return;
  await db
    .insertInto('meetingSectors')
    .values(sectorCodes.map((sectorCode) => ({ meetingId, sectorCode })))
    .execute();
}

export async function countStatementsAt(db: Db, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('statements')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meetingId', '=', meetingId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function meetingsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'heldOn', 'place', 'kind', 'titleEn', 'titleRu'])
    .where('relationshipId', '=', relationshipId)
    .orderBy('heldOn')
    .orderBy('id')
    .execute();
}
