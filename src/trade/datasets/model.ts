import { z } from 'zod';
import { recordMeta, version } from '../../core/model.ts';
import { datasetKind } from '../model.ts';

/** One file loaded into a dataset: where the rows came from. */
export const tradeImport = z
  .object({
    id: z.string(),
    datasetId: z.string(),
    format: z.string(),
    fileName: z.string(),
    /** SHA-256 of the file as read. */
    fileHash: z.string(),
    rowsImported: z.number().int(),
    rowsReplaced: z.number().int(),
    periodFrom: z.number().int().nullable(),
    periodTo: z.number().int().nullable(),
    importedAt: z.string(),
  })
  .meta({ id: 'TradeImport' });
export type TradeImport = z.infer<typeof tradeImport>;

/** A named body of trade flows from one source (a customs office, UN Comtrade, BACI). */
export const tradeDataset = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: datasetKind,
    source: z.string(),
    notes: z.string().nullable(),
    rowCount: z.number().int(),
    /** First and last period the dataset holds (YYYYMM, or YYYY00 for a year); null when empty. */
    periodFrom: z.number().int().nullable(),
    periodTo: z.number().int().nullable(),
    lastImportedAt: z.string().nullable(),
    /** Days after a month ends until its figures are published: the dataset's own, else null. */
    publicationLagDays: z.number().int().nullable(),
    /** The lag in force: the dataset's own, else the usual one for its kind (see publication.ts). */
    publicationRule: z.object({ lagDays: z.number().int(), overridden: z.boolean() }),
    ...recordMeta,
  })
  .meta({ id: 'TradeDataset' });
export type TradeDataset = z.infer<typeof tradeDataset>;

export const tradeDatasetDetail = tradeDataset
  .extend({ imports: z.array(tradeImport) })
  .meta({ id: 'TradeDatasetDetail' });
export type TradeDatasetDetail = z.infer<typeof tradeDatasetDetail>;

/** Sets or clears (null) a dataset's own publication lag. */
export const datasetUpdate = z.object({
  publicationLagDays: z.number().int().min(0).max(3660).nullable(),
  version,
});
