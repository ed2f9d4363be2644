import { sql, type Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { DocumentFileTable, DocumentTable, ProvenanceLinkTable } from '../db/schema.ts';
import type { DocumentFilter, ProvenanceSubject } from './model.ts';

const documentColumns = [
  'id',
  'titleEn',
  'titleRu',
  'kind',
  'publishedOn',
  'language',
  'sourceUrl',
  'publisher',
  'notes',
  'version',
  'createdAt',
  'updatedAt',
] as const;

/** Every filter but `q`, which the service applies to titles itself. */
function filtered(db: Db, filter: Omit<DocumentFilter, 'q'>) {
  let query = db.selectFrom('documents');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.language) {
    const language = filter.language;
    query = query.where((eb) => eb.or([eb('language', '=', language), eb('language', 'like', `${language}-%`)]));
  }
  if (filter.from) query = query.where('publishedOn', '>=', filter.from);
  if (filter.to) query = query.where('publishedOn', '<=', filter.to);
  return query;
}

/** Newest first; undated documents last on both engines (they sort NULL differently by default). */
function newestFirst<Q extends ReturnType<typeof filtered>>(query: Q): Q {
  return query
    .orderBy(sql`case when published_on is null then 1 else 0 end`)
    .orderBy('publishedOn', 'desc')
    .orderBy('id') as Q;
}

export async function countDocuments(db: Db, filter: Omit<DocumentFilter, 'q'>): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listDocuments(db: Db, filter: Omit<DocumentFilter, 'q'>, limit: number, offset: number) {
  return newestFirst(filtered(db, filter)).select(documentColumns).limit(limit).offset(offset).execute();
}

/** Ids and titles of every document the other filters let through, in list order. */
export function listDocumentTitles(db: Db, filter: Omit<DocumentFilter, 'q'>) {
  return newestFirst(filtered(db, filter)).select(['id', 'titleEn', 'titleRu']).execute();
}

export function findDocumentsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('documents').select(documentColumns).where('id', 'in', ids).execute();
}

export function findDocument(db: Db, id: string) {
  return db.selectFrom('documents').select(documentColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertDocument(db: Db, row: Insertable<DocumentTable>): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

export async function insertDocumentFile(db: Db, row: Insertable<DocumentFileTable>): Promise<void> {
  await db.insertInto('documentFiles').values(row).execute();
}

export function findDocumentFile(db: Db, documentId: string) {
  return db
    .selectFrom('documentFiles')
    .select(['fileName', 'contentType', 'byteSize', 'sha256', 'content'])
    .where('documentId', '=', documentId)
    .executeTakeFirst();
}

export async function deleteDocumentFile(db: Db, documentId: string): Promise<void> {
  await db.deleteFrom('documentFiles').where('documentId', '=', documentId).execute();
}

export async function countCitations(db: Db, documentId: string): Promise<{ links: number; agreements: number }> {
  const [links, agreements] = await Promise.all([
    db
      .selectFrom('provenanceLinks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('documentId', '=', documentId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('agreements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('documentId', '=', documentId)
      .executeTakeFirstOrThrow(),
  ]);
  return { links: Number(links.n), agreements: Number(agreements.n) };
}

const linkColumns = [
  'provenanceLinks.id',
  'provenanceLinks.recordType',
  'provenanceLinks.recordId',
  'provenanceLinks.documentId',
  'provenanceLinks.sourcePersonId',
  'provenanceLinks.locator',
  'provenanceLinks.note',
  'provenanceLinks.createdAt',
  'documents.titleEn as documentTitleEn',
  'documents.titleRu as documentTitleRu',
  'documents.kind as documentKind',
  'documents.publishedOn as documentPublishedOn',
  'documents.sourceUrl as documentSourceUrl',
  'documents.publisher as documentPublisher',
  'people.nameEn as personNameEn',
  'people.nameRu as personNameRu',
] as const;

function links(db: Db) {
  return db
    .selectFrom('provenanceLinks')
    .leftJoin('documents', 'documents.id', 'provenanceLinks.documentId')
    .leftJoin('people', 'people.id', 'provenanceLinks.sourcePersonId')
    .select(linkColumns);
}

export type LinkRow = NonNullable<Awaited<ReturnType<typeof findLink>>>;

export function findLink(db: Db, id: string) {
  return links(db).where('provenanceLinks.id', '=', id).executeTakeFirst();
}

export function listLinksOfRecord(db: Db, subject: ProvenanceSubject) {
  return links(db)
    .where('provenanceLinks.recordType', '=', subject.recordType)
    .where('provenanceLinks.recordId', '=', subject.recordId)
    .orderBy('provenanceLinks.createdAt')
    .orderBy('provenanceLinks.id')
    .execute();
}

export function listLinksToDocument(db: Db, documentId: string) {
  return links(db)
    .where('provenanceLinks.documentId', '=', documentId)
    .orderBy('provenanceLinks.recordType')
    .orderBy('provenanceLinks.createdAt')
    .orderBy('provenanceLinks.id')
    .execute();
}

/** The same source already given for the same record, at the same place. */
export function findSameLink(db: Db, link: Omit<ProvenanceLinkTable, 'id' | 'note' | 'createdAt'>) {
  let query = db
    .selectFrom('provenanceLinks')
    .select('id')
    .where('recordType', '=', link.recordType)
    .where('recordId', '=', link.recordId);
  for (const column of ['documentId', 'sourcePersonId', 'locator'] as const) {
    const value = link[column];
    query = value === null ? query.where(column, 'is', null) : query.where(column, '=', value);
  }
  return query.executeTakeFirst();
}

export async function insertLink(db: Db, row: Insertable<ProvenanceLinkTable>): Promise<void> {
  await db.insertInto('provenanceLinks').values(row).execute();
}

export async function deleteLink(db: Db, id: string): Promise<number> {
  const result = await db.deleteFrom('provenanceLinks').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteLinksOfRecord(db: Db, subject: ProvenanceSubject): Promise<void> {
  await db
    .deleteFrom('provenanceLinks')
    .where('recordType', '=', subject.recordType)
    .where('recordId', '=', subject.recordId)
    .execute();
}

/** A readable name for each of the given records of one kind that exists. */
export async function recordLabels(db: Db, recordType: string, ids: string[]): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const pairs = await labelQuery(db, recordType, ids);
  return new Map(pairs.map((p) => [p.key, p.label]));
}

async function labelQuery(
  db: Db,
  recordType: string,
  ids: string[],
): Promise<Array<{ key: string; label: string | null }>> {
  switch (recordType) {
    case 'territory':
      return (await db.selectFrom('territories').select(['code', 'nameEn']).where('code', 'in', ids).execute()).map(
        (r) => ({ key: r.code, label: `${r.nameEn} (${r.code})` }),
      );
    case 'relationship':
      return (
        await db
          .selectFrom('relationships')
          .select(['id', 'homeCode', 'partnerCode', 'title'])
          .where('id', 'in', ids)
          .execute()
      ).map((r) => ({ key: r.id, label: r.title ?? `${r.homeCode} – ${r.partnerCode}` }));
    case 'agreement':
      return (await db.selectFrom('agreements').select(['id', 'title']).where('id', 'in', ids).execute()).map((r) => ({
        key: r.id,
        label: r.title,
      }));
    case 'organization':
      return (
        await db.selectFrom('organizations').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute()
      ).map((r) => ({ key: r.id, label: r.nameEn ?? r.nameRu }));
    case 'person':
      return (await db.selectFrom('people').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute()).map(
        (r) => ({ key: r.id, label: r.nameEn ?? r.nameRu }),
      );
    case 'position':
      return (
        await db.selectFrom('positions').select(['id', 'titleEn', 'titleRu']).where('id', 'in', ids).execute()
      ).map((r) => ({ key: r.id, label: r.titleEn ?? r.titleRu }));
    case 'meeting':
      return (
        await db.selectFrom('meetings').select(['id', 'titleEn', 'titleRu', 'heldOn']).where('id', 'in', ids).execute()
      ).map((r) => ({ key: r.id, label: `${r.titleEn ?? r.titleRu} (${r.heldOn})` }));
    case 'statement':
      return (
        await db.selectFrom('statements').select(['id', 'textEn', 'textRu']).where('id', 'in', ids).execute()
      ).map((r) => ({ key: r.id, label: r.textEn ?? r.textRu }));
    case 'project':
      return (
        await db.selectFrom('projects').select(['id', 'titleEn', 'titleRu']).where('id', 'in', ids).execute()
      ).map((r) => ({ key: r.id, label: r.titleEn ?? r.titleRu }));
    case 'outlet':
      return (await db.selectFrom('outlets').select(['id', 'name']).where('id', 'in', ids).execute()).map((r) => ({
        key: r.id,
        label: r.name,
      }));
    case 'document':
      return (
        await db.selectFrom('documents').select(['id', 'titleEn', 'titleRu']).where('id', 'in', ids).execute()
      ).map((r) => ({ key: r.id, label: r.titleEn ?? r.titleRu }));
    default:
      return [];
  }
}

/** The documents the records cite, published by `day` or undated. */
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
