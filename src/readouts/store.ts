import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { LexiconTermTable, ReadoutItemTable, ReadoutTable } from '../db/schema.ts';

export async function insertReadout(db: Db, row: Insertable<ReadoutTable>): Promise<void> {
  await db.insertInto('readouts').values(row).execute();
}

export async function insertItems(db: Db, rows: Array<Insertable<ReadoutItemTable>>): Promise<void> {
  // In chunks, so a long readout stays under SQLite's limit of bound parameters in one statement.
  for (let i = 0; i < rows.length; i += 40) {
    await db
      .insertInto('readoutItems')
      .values(rows.slice(i, i + 40))
      .execute();
  }
}

/** A readout with its document's title, publication and source, and its text's file name. */
function readouts(db: Db) {
  return db
    .selectFrom('readouts')
    .innerJoin('documents', 'documents.id', 'readouts.documentId')
    .select([
      'readouts.id',
      'readouts.documentId',
      'readouts.sha256',
      'readouts.language',
      'readouts.documentDate',
      'readouts.dateStated',
      'readouts.relationshipId',
      'readouts.meetingId',
      'readouts.status',
      'readouts.version',
      'readouts.createdAt',
      'readouts.acceptedAt',
      'documents.titleEn',
      'documents.titleRu',
      'documents.sourceUrl',
      'documents.publisher',
    ]);
}

export type ReadoutRow = NonNullable<Awaited<ReturnType<typeof findReadout>>>;

export function findReadout(db: Db, id: string) {
  return readouts(db).where('readouts.id', '=', id).executeTakeFirst();
}

export function findReadoutByHash(db: Db, sha256: string) {
  return readouts(db).where('readouts.sha256', '=', sha256).executeTakeFirst();
}

export function itemsOf(db: Db, readoutId: string) {
  return db.selectFrom('readoutItems').selectAll().where('readoutId', '=', readoutId).orderBy('position').execute();
}

export function listReadouts(db: Db, filter: { relationshipId?: string }, limit: number, offset: number) {
  let query = readouts(db)
    .select((eb) =>
      eb
        .selectFrom('readoutItems')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('readoutItems.readoutId', '=', 'readouts.id')
        .as('itemCount'),
    )
    .orderBy('readouts.createdAt', 'desc')
    .orderBy('readouts.id', 'desc');
  if (filter.relationshipId) query = query.where('readouts.relationshipId', '=', filter.relationshipId);
  return query.limit(limit).offset(offset).execute();
}

export async function countReadouts(db: Db, filter: { relationshipId?: string }): Promise<number> {
  let query = db.selectFrom('readouts').select((eb) => eb.fn.countAll<number>().as('n'));
  if (filter.relationshipId) query = query.where('relationshipId', '=', filter.relationshipId);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function updateItem(
  db: Db,
  id: string,
  patch: Partial<Pick<ReadoutItemTable, 'status' | 'edited' | 'value' | 'match' | 'recordId'>>,
): Promise<void> {
  await db.updateTable('readoutItems').set(patch).where('id', '=', id).execute();
}

/** Moves the readout to its next version, only from the one the caller saw; false when that is not current. */
export async function bumpReadout(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<ReadoutTable, 'status' | 'meetingId' | 'relationshipId' | 'acceptedAt'>> = {},
): Promise<boolean> {
  const result = await db
    .updateTable('readouts')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function lexiconTerms(db: Db) {
  return db.selectFrom('lexiconTerms').selectAll().orderBy('kind').orderBy('term').execute();
}

export async function insertLexiconTerm(db: Db, row: Insertable<LexiconTermTable>): Promise<void> {
  await db.insertInto('lexiconTerms').values(row).execute();
}

export async function deleteLexiconTerm(db: Db, id: string): Promise<number> {
  const result = await db.deleteFrom('lexiconTerms').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows);
}
