import type { Db } from '../../db/connection.ts';
import { groupingRecord } from '../../registry/territories/service.ts';
import type { StatisticalTerritory } from '../model.ts';

/** Every territory code, loaded once per import so each row is checked in memory. */
export async function territoryCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('territories').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

export interface DatasetEntry {
  id: string;
  name: string;
  kind: string;
  source: string;
  notes: string | null;
}

/**
 * The dataset of that name, or a new one with the next number. Imports are taken one at a time (see
 * TradeFacts.stage), so no other can take the same number meanwhile.
 */
export async function ensureDataset(trx: Db, d: DatasetEntry): Promise<{ id: string; seq: number; created: boolean }> {
  const existing = await trx
    .selectFrom('tradeDatasets')
    .select(['id', 'seq'])
    .where('name', '=', d.name)
    .executeTakeFirst();
  if (existing) return { id: existing.id, seq: Number(existing.seq), created: false };
  const last = await trx
    .selectFrom('tradeDatasets')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const now = new Date().toISOString();
  await trx
    .insertInto('tradeDatasets')
    .values({ ...d, seq, rowCount: 0, publicationLagDays: null, version: 1, createdAt: now, updatedAt: now })
    .execute();
  return { id: d.id, seq, created: true };
}

/**
 * Adds the statistical territories the rows point to that the registry lacks, as groupings; those it has,
 * perhaps renamed by a user, stay as they are. Returns the codes added.
 */
export async function ensureTerritories(trx: Db, met: StatisticalTerritory[]): Promise<string[]> {
  const now = new Date().toISOString();
  const added: string[] = [];
  for (const territory of met) {
    const t = groupingRecord(territory.code, territory.nameEn);
    const result = await trx
      .insertInto('territories')
      .values({
        code: t.code,
        kind: 'grouping',
        parentCode: null,
        alpha3: null,
        numericCode: t.numericCode,
        nameEn: t.nameEn,
        nameRu: t.nameRu,
        searchText: t.searchText,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) added.push(t.code);
  }
  return added;
}

export interface ImportEntry {
  id: string;
  datasetId: string;
  format: string;
  fileName: string;
  fileHash: string;
  rowsImported: number;
  rowsReplaced: number;
  periodFrom: number | null;
  periodTo: number | null;
  importedAt: string;
}

/** Records an import and its rows in its dataset's counts; returns the import's number. */
export async function recordImport(trx: Db, e: ImportEntry): Promise<number> {
  const last = await trx
    .selectFrom('tradeImports')
    .select((eb) => eb.fn.max<number | null>('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  await trx
    .insertInto('tradeImports')
    .values({ ...e, seq })
    .execute();
  await trx
    .updateTable('tradeDatasets')
    .set((eb) => ({
      rowCount: eb(eb('rowCount', '+', e.rowsImported), '-', e.rowsReplaced),
      version: eb('version', '+', 1),
      updatedAt: e.importedAt,
    }))
    .where('id', '=', e.datasetId)
    .execute();
  return seq;
}
