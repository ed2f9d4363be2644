/** The reads a briefing needs beyond the capabilities' own lists: posts, sector titles, sources. */
import type { Db } from '../db/connection.ts';
import type { Text } from './model.ts';

const text = (en: string | null, ru: string | null): Text => ({ en, ru });

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

export async function sectorTitles(db: Db, codes: string[]): Promise<Map<string, Text>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .selectFrom('sectors')
    .select(['code', 'titleEn', 'titleRu'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
  return new Map(rows.map((r) => [r.code, text(r.titleEn, r.titleRu)]));
}

/**
 * The documents records cite, only those published by `day` (or undated): a document that appeared later
 * was not at hand then, even when it tells of an older fact.
 */
export async function citedDocuments(db: Db, recordType: string, recordIds: string[], day: string) {
  if (recordIds.length === 0) return [];
  return db
    .selectFrom('provenanceLinks')
    .innerJoin('documents', 'documents.id', 'provenanceLinks.documentId')
    .select([
      'provenanceLinks.recordId',
      'provenanceLinks.locator',
      'documents.id as documentId',
      'documents.titleEn',
      'documents.titleRu',
      'documents.publishedOn',
      'documents.publisher',
      'documents.sourceUrl',
    ])
    .where('provenanceLinks.recordType', '=', recordType)
    .where('provenanceLinks.recordId', 'in', [...new Set(recordIds)])
    .where((eb) => eb.or([eb('documents.publishedOn', 'is', null), eb('documents.publishedOn', '<=', day)]))
    .orderBy('provenanceLinks.createdAt')
    .orderBy('provenanceLinks.id')
    .execute();
}

export type CitedDocument = Awaited<ReturnType<typeof citedDocuments>>[number];

export function meetingsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'heldOn', 'place', 'kind', 'titleEn', 'titleRu'])
    .where('relationshipId', '=', relationshipId)
    .orderBy('heldOn')
    .orderBy('id')
    .execute();
}

export function agreementsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('agreements')
    .select(['id', 'title', 'kind', 'signedOn', 'inForceFrom', 'inForceTo', 'documentId'])
    .where('relationshipId', '=', relationshipId)
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export function outletsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('outlets')
    .select(['id', 'kind', 'status', 'openedOn', 'closedOn'])
    .where('relationshipId', '=', relationshipId)
    .execute();
}

export function outletLines(db: Db, outletIds: string[]) {
  if (outletIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outletLines')
    .select(['outletId', 'productGroup', 'sinceOn'])
    .where('outletId', 'in', outletIds)
    .orderBy('position')
    .execute();
}

export function officialFigureDocuments(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('documents')
    .select(['id', 'titleEn', 'titleRu', 'publishedOn', 'publisher', 'sourceUrl'])
    .where('id', 'in', ids)
    .execute();
}
