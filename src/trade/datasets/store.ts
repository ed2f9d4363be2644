import type { Db } from '../../db/connection.ts';

const datasetColumns = [
  'id',
  'name',
  'kind',
  'source',
  'notes',
  'rowCount',
  'publicationLagDays',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export function listDatasetRows(db: Db) {
  return db.selectFrom('tradeDatasets').select(datasetColumns).orderBy('name').orderBy('id').execute();
}

export function findDataset(db: Db, id: string) {
  return db.selectFrom('tradeDatasets').select(datasetColumns).where('id', '=', id).executeTakeFirst();
}

/**
 * First and last period per dataset, from its imports' records: a later import only replaces slices it
 * holds itself, so the imports' ranges together span exactly the periods the dataset holds.
 */
export async function datasetPeriods(
  db: Db,
  ids: string[],
): Promise<Map<string, { periodFrom: number; periodTo: number }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tradeImports')
    .select((eb) => [
      'datasetId',
      eb.fn.min<number>('periodFrom').as('periodFrom'),
      eb.fn.max<number>('periodTo').as('periodTo'),
    ])
    .where('datasetId', 'in', ids)
    .groupBy('datasetId')
    .execute();
  return new Map(rows.map((r) => [r.datasetId, { periodFrom: Number(r.periodFrom), periodTo: Number(r.periodTo) }]));
}

export async function lastImports(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tradeImports')
    .select((eb) => ['datasetId', eb.fn.max('importedAt').as('lastImportedAt')])
    .where('datasetId', 'in', ids)
    .groupBy('datasetId')
    .execute();
  return new Map(rows.map((r) => [r.datasetId, String(r.lastImportedAt)]));
}

export function importsOf(db: Db, datasetId: string) {
  return db
    .selectFrom('tradeImports')
    .select([
      'id',
      'datasetId',
      'format',
      'fileName',
      'fileHash',
      'rowsImported',
      'rowsReplaced',
      'periodFrom',
      'periodTo',
      'importedAt',
    ])
    .where('datasetId', '=', datasetId)
    .orderBy('importedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The record of a dataset's imports; returns the number its facts are filed under. */
export async function deleteDatasetRecords(db: Db, datasetId: string): Promise<{ seq: number }> {
  const row = await db.selectFrom('tradeDatasets').select('seq').where('id', '=', datasetId).executeTakeFirstOrThrow();
  await db.deleteFrom('tradeImports').where('datasetId', '=', datasetId).execute();
  return { seq: Number(row.seq) };
}
