import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { DB, PersonTable, PositionTable } from '../../db/schema.ts';
import { containsText } from '../../core/records.ts';
import type { PersonFilter, PositionFilter } from './model.ts';

const personColumns = ['id', 'nameEn', 'nameRu', 'notes', 'version', 'createdAt', 'updatedAt'] as const;

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

function filteredPeople(db: Db, filter: PersonFilter) {
  let query = db.selectFrom('people');
  if (filter.q) query = query.where(containsText('searchText', filter.q));
  return query;
}

export async function countPeople(db: Db, filter: PersonFilter): Promise<number> {
  const row = await filteredPeople(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** By English name, falling back to the Russian one, so people known only in Russian sort in too. */
export function listPeople(db: Db, filter: PersonFilter, limit: number, offset: number) {
  return filteredPeople(db, filter)
    .select(personColumns)
    .orderBy((eb) => eb.fn.coalesce('nameEn', 'nameRu'))
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findPerson(db: Db, id: string) {
  return db.selectFrom('people').select(personColumns).where('id', '=', id).executeTakeFirst();
}

export function findPeople(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(personColumns).where('id', 'in', ids).execute();
}

export function personNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute();
}

export async function insertPerson(db: Db, row: Insertable<PersonTable>): Promise<void> {
  await db.insertInto('people').values(row).execute();
}

const positionColumns = [
  'positions.id',
  'positions.personId',
  'positions.titleEn',
  'positions.titleRu',
  'positions.organizationId',
  'positions.territoryCode',
  'positions.fromOn',
  'positions.toOn',
  'positions.version',
  'positions.createdAt',
  'positions.updatedAt',
] as const;

export type PositionRow = NonNullable<Awaited<ReturnType<typeof findPosition>>>;

/** Held on `on`: a missing start or end leaves that end of the term open. */
function heldOn(on: string) {
  return (eb: ExpressionBuilder<DB, 'positions'>) =>
    eb.and([
      eb.or([eb('positions.fromOn', 'is', null), eb('positions.fromOn', '<=', on)]),
      eb.or([eb('positions.toOn', 'is', null), eb('positions.toOn', '>=', on)]),
    ]);
}

function filteredPositions(db: Db, filter: PositionFilter) {
  let query = db.selectFrom('positions');
  if (filter.asOf) query = query.where(heldOn(filter.asOf));
  if (filter.personId) query = query.where('positions.personId', '=', filter.personId);
  if (filter.territory) query = query.where('positions.territoryCode', '=', filter.territory);
  if (filter.organizationId) query = query.where('positions.organizationId', '=', filter.organizationId);
  return query;
}

/** Earliest first; a post with no known start counts as the earliest. */
function inTimeOrder<Q extends ReturnType<typeof filteredPositions>>(query: Q): Q {
  return query.orderBy((eb) => eb.fn.coalesce('positions.fromOn', eb.val(''))).orderBy('positions.id') as Q;
}

export async function countPositions(db: Db, filter: PositionFilter): Promise<number> {
  const row = await filteredPositions(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listPositions(db: Db, filter: PositionFilter, limit: number, offset: number) {
  return inTimeOrder(filteredPositions(db, filter)).select(positionColumns).limit(limit).offset(offset).execute();
}

export function positionsOf(db: Db, personIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return inTimeOrder(db.selectFrom('positions'))
    .select(positionColumns)
    .where('positions.personId', 'in', personIds)
    .execute();
}

export function findPosition(db: Db, id: string) {
  return db.selectFrom('positions').select(positionColumns).where('positions.id', '=', id).executeTakeFirst();
}

/** Posts held on `on`, with a missing start or end left open; the title is matched in either language. */
export function findHolders(
  db: Db,
  query: { title?: string; territoryCode?: string; organizationId?: string; on: string },
) {
  let select = db.selectFrom('positions').where(heldOn(query.on));
  if (query.title) select = select.where(containsText('positions.searchText', query.title));
  if (query.territoryCode) select = select.where('positions.territoryCode', '=', query.territoryCode);
  if (query.organizationId) select = select.where('positions.organizationId', '=', query.organizationId);
  return inTimeOrder(select).select(positionColumns).execute();
}

export async function insertPosition(db: Db, row: Insertable<PositionTable>): Promise<void> {
  await db.insertInto('positions').values(row).execute();
}

export async function deletePositionsOf(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('positions').where('personId', '=', personId).execute();
}

/** The posts each person held on `day`: begun by then (or undated) and not ended before it. */
export async function postsOn(db: Db, personIds: string[], day: string) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('positions')
    .leftJoin('organizations', 'organizations.id', 'positions.organizationId')
    .select([
      'positions.personId',
      'positions.titleEn',
      'positions.titleRu',
      'positions.fromOn',
      'positions.toOn',
      'organizations.nameEn as organizationEn',
      'organizations.nameRu as organizationRu',
    ])
    .where('positions.personId', 'in', [...new Set(personIds)])
    .where((eb) => eb.or([eb('positions.fromOn', 'is', null), eb('positions.fromOn', '<=', day)]))
    .where((eb) => eb.or([eb('positions.toOn', 'is', null), eb('positions.toOn', '>=', day)]))
    .orderBy('positions.fromOn')
    .orderBy('positions.id')
    .execute();
}
