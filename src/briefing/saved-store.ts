import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { BriefingTable } from '../db/schema.ts';

export async function insertBriefing(db: Db, row: Insertable<BriefingTable>): Promise<void> {
  await db.insertInto('briefings').values(row).execute();
}

/** Saved briefings with their document's title and version and what their file is, never its bytes. */
function saved(db: Db) {
  return db
    .selectFrom('briefings')
    .innerJoin('documents', 'documents.id', 'briefings.documentId')
    .innerJoin('documentFiles', 'documentFiles.documentId', 'briefings.documentId')
    .select([
      'briefings.documentId',
      'briefings.relationshipId',
      'briefings.meetingId',
      'briefings.asOf',
      'briefings.language',
      'briefings.format',
      'briefings.marking',
      'briefings.author',
      'briefings.producedAt',
      'documents.titleEn',
      'documents.titleRu',
      'documents.version',
      'documentFiles.fileName',
      'documentFiles.contentType',
      'documentFiles.byteSize',
      'documentFiles.sha256',
    ]);
}

export type SavedBriefingRow = NonNullable<Awaited<ReturnType<typeof findBriefing>>>;

export function findBriefing(db: Db, documentId: string) {
  return saved(db).where('briefings.documentId', '=', documentId).executeTakeFirst();
}

/** Newest first; ids are time-ordered, so they settle two saved in the same millisecond. */
export function listBriefings(db: Db, relationshipId: string) {
  return saved(db)
    .where('briefings.relationshipId', '=', relationshipId)
    .orderBy('briefings.producedAt', 'desc')
    .orderBy('briefings.documentId', 'desc')
    .execute();
}
