import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { AgreementTable, RelationshipTable } from '../../db/schema.ts';
import { containsText } from '../../core/records.ts';
import type { AgreementFilter, RelationshipFilter } from './model.ts';

function withTerritories(db: Db) {
  return db
    .selectFrom('relationships')
    .innerJoin('territories as home', 'home.code', 'relationships.homeCode')
    .innerJoin('territories as partner', 'partner.code', 'relationships.partnerCode');
}

const relationshipColumns = [
  'relationships.id',
  'relationships.homeCode',
  'relationships.partnerCode',
  'relationships.title',
  'relationships.notes',
  'relationships.version',
  'relationships.createdAt',
  'relationships.updatedAt',
  'home.nameEn as homeNameEn',
  'home.nameRu as homeNameRu',
  'partner.nameEn as partnerNameEn',
  'partner.nameRu as partnerNameRu',
] as const;

export type RelationshipRow = NonNullable<Awaited<ReturnType<typeof findRelationship>>>;

function filteredRelationships(db: Db, filter: RelationshipFilter) {
  let query = withTerritories(db);
  if (filter.home) query = query.where('relationships.homeCode', '=', filter.home);
  if (filter.partner) query = query.where('relationships.partnerCode', '=', filter.partner);
  if (filter.q) query = query.where(containsText('partner.searchText', filter.q));
  return query;
}

export async function countRelationships(db: Db, filter: RelationshipFilter): Promise<number> {
  const row = await filteredRelationships(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listRelationships(db: Db, filter: RelationshipFilter, limit: number, offset: number) {
  return filteredRelationships(db, filter)
    .select(relationshipColumns)
    .orderBy('relationships.homeCode')
    .orderBy('relationships.partnerCode')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findRelationship(db: Db, id: string) {
  return withTerritories(db).select(relationshipColumns).where('relationships.id', '=', id).executeTakeFirst();
}

export function findRelationshipByPair(db: Db, homeCode: string, partnerCode: string) {
  return db
    .selectFrom('relationships')
    .select('id')
    .where('homeCode', '=', homeCode)
    .where('partnerCode', '=', partnerCode)
    .executeTakeFirst();
}

export async function insertRelationship(db: Db, row: Insertable<RelationshipTable>): Promise<void> {
  await db.insertInto('relationships').values(row).execute();
}

const agreementColumns = [
  'id',
  'relationshipId',
  'title',
  'kind',
  'signedOn',
  'inForceFrom',
  'inForceTo',
  'documentId',
  'notes',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

function filteredAgreements(db: Db, filter: AgreementFilter) {
  let query = db.selectFrom('agreements');
  if (filter.relationshipId) query = query.where('relationshipId', '=', filter.relationshipId);
  if (filter.asOf) {
    const asOf = filter.asOf;
    query = query.where((eb) => eb.or([eb('signedOn', 'is', null), eb('signedOn', '<=', asOf)]));
  }
  return query;
}

export async function countAgreements(db: Db, filter: AgreementFilter): Promise<number> {
  const row = await filteredAgreements(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listAgreements(db: Db, filter: AgreementFilter, limit: number, offset: number) {
  return filteredAgreements(db, filter)
    .select(agreementColumns)
    .orderBy('title')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function agreementsOf(db: Db, relationshipId: string) {
  return filteredAgreements(db, { relationshipId }).select(agreementColumns).orderBy('title').orderBy('id').execute();
}

export function findAgreement(db: Db, id: string) {
  return db.selectFrom('agreements').select(agreementColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertAgreement(db: Db, row: Insertable<AgreementTable>): Promise<void> {
  await db.insertInto('agreements').values(row).execute();
}

/** Every relationship with its two territories, for the partners overview. */
export function listAllRelationships(db: Db, home: string | undefined) {
  let query = withTerritories(db).select(relationshipColumns);
  if (home) query = query.where('relationships.homeCode', '=', home);
  return query.orderBy('relationships.homeCode').orderBy('relationships.partnerCode').execute();
}

type Counts = Map<string, number>;

function toCounts(rows: Array<{ relationshipId: string; n: number | string }>): Counts {
  return new Map(rows.map((r) => [r.relationshipId, Number(r.n)]));
}

/** Agreements in force on `on` per relationship; a missing date leaves that end open. */
export async function countAgreementsInForce(db: Db, relationshipIds: string[], on: string): Promise<Counts> {
  if (relationshipIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('agreements')
    .select(['relationshipId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('relationshipId', 'in', relationshipIds)
    .where((eb) => eb.or([eb('inForceFrom', 'is', null), eb('inForceFrom', '<=', on)]))
    .where((eb) => eb.or([eb('inForceTo', 'is', null), eb('inForceTo', '>=', on)]))
    .groupBy('relationshipId')
    .execute();
  return toCounts(rows);
}
