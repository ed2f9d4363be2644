import type { Db } from '../../db/connection.ts';
import { notFound } from '../../core/errors.ts';
import { parseInput, version as versionSchema } from '../../core/model.ts';
import { deleteVersioned, inTransaction, staleVersion, updateVersioned } from '../../core/records.ts';
import type { DatasetKind } from '../model.ts';
import { datasetUpdate, type TradeDataset, type TradeDatasetDetail } from './model.ts';
import { publicationRule } from './publication.ts';
import { tradeFacts } from '../facts/index.ts';
import * as store from './store.ts';

type DatasetRow = NonNullable<Awaited<ReturnType<typeof store.findDataset>>>;

async function withPeriods(db: Db, rows: DatasetRow[]): Promise<TradeDataset[]> {
  const ids = rows.map((r) => r.id);
  const [periods, imported] = await Promise.all([store.datasetPeriods(db, ids), store.lastImports(db, ids)]);
  return rows.map((r) => ({
    ...r,
    kind: r.kind as DatasetKind,
    rowCount: Number(r.rowCount),
    publicationRule: publicationRule(r.kind, r.publicationLagDays),
    periodFrom: periods.get(r.id)?.periodFrom ?? null,
    periodTo: periods.get(r.id)?.periodTo ?? null,
    lastImportedAt: imported.get(r.id) ?? null,
  }));
}

/** Every dataset by name, with the periods it covers and when it was last loaded. */
export async function listDatasets(db: Db): Promise<TradeDataset[]> {
  return withPeriods(db, await store.listDatasetRows(db));
}

/** A dataset with its imports, newest first. */
export async function getDataset(db: Db, id: string): Promise<TradeDatasetDetail> {
  const row = await store.findDataset(db, id);
  if (!row) throw notFound('trade dataset', id);
  const [dataset] = await withPeriods(db, [row]);
  const imports = await store.importsOf(db, id);
  return {
    ...dataset!,
    imports: imports.map((i) => ({ ...i, rowsImported: Number(i.rowsImported), rowsReplaced: Number(i.rowsReplaced) })),
  };
}

/** Removes a dataset with all its flows, only if nobody imported into it since the caller looked. */
export async function deleteDataset(db: Db, id: string, version: number): Promise<void> {
  const expected = parseInput(versionSchema, version, 'version');
  const seq = await inTransaction(db, async (trx) => {
    const current = await store.findDataset(trx, id);
    if (!current) throw notFound('trade dataset', id);
    if (current.version !== expected) throw staleVersion('trade dataset', id, expected, current.version);
    const { seq } = await store.deleteDatasetRecords(trx, id);
    await deleteVersioned(trx, 'tradeDatasets', { column: 'id', value: id, label: 'trade dataset' }, expected);
    return seq;
  });
  // The facts go once the records are gone; should this be cut short, the store drops the facts of
  // datasets the records no longer have when it opens next.
  await (await tradeFacts(db)).deleteDataset(seq);
}

/** Sets a dataset's own publication lag, or clears it (null) to follow its kind's usual one. */
export async function updateDataset(db: Db, id: string, input: unknown): Promise<TradeDatasetDetail> {
  const { version, ...patch } = parseInput(datasetUpdate, input);
  await inTransaction(db, async (trx) => {
    if (!(await store.findDataset(trx, id))) throw notFound('trade dataset', id);
    await updateVersioned(trx, 'tradeDatasets', { column: 'id', value: id, label: 'trade dataset' }, version, patch);
  });
  return getDataset(db, id);
}
