import type { Db } from '../../db/connection.ts';
import { tradeFacts } from '../facts/index.ts';
import type { FactView, FlowSum } from '../facts/store.ts';
import type { PeriodRange } from '../periods.ts';

export type { FlowSum };

/**
 * Rows of a dataset seen from `home`'s side. Most datasets hold each side's own report (exports X and
 * imports M with the reporter as home). A BACI-style dataset holds each flow once, from the exporter, so
 * home's imports are the partners' exports to home: `mirrorImports` reads them that way.
 */
export interface Perspective {
  datasetId: string;
  home: string;
  mirrorImports: boolean;
}

/** The number the trade store files a dataset's facts under. */
async function datasetSeq(db: Db, datasetId: string): Promise<number> {
  const row = await db.selectFrom('tradeDatasets').select('seq').where('id', '=', datasetId).executeTakeFirst();
  // A dataset deleted meanwhile has no facts: no number matches any.
  return row ? Number(row.seq) : -1;
}

async function viewOf(db: Db, p: Perspective): Promise<FactView> {
  return { datasetSeq: await datasetSeq(db, p.datasetId), home: p.home, mirrorImports: p.mirrorImports };
}

/** Exports and imports of home with each partner (or one partner) over a range. */
export async function sumsByPartner(db: Db, p: Perspective, range: PeriodRange, partner?: string): Promise<FlowSum[]> {
  return (await tradeFacts(db)).sumsByPartner(await viewOf(db, p), range, partner);
}

/** Exports and imports of home with each of `partners` in each range, one list per range. */
export async function sumsByPartnerInRanges(
  db: Db,
  p: Perspective,
  partners: string[],
  ranges: PeriodRange[],
): Promise<FlowSum[][]> {
  if (partners.length === 0) return ranges.map(() => []);
  return (await tradeFacts(db)).sumsByPartnerInRanges(await viewOf(db, p), partners, ranges);
}

/** Which of `partners` each dataset holds trade of home with in the range, reported by either side; by dataset id. */
export async function partnersCovered(
  db: Db,
  datasetIds: string[],
  home: string,
  partners: string[],
  range: PeriodRange,
): Promise<Map<string, Set<string>>> {
  const covered = new Map<string, Set<string>>();
  if (datasetIds.length === 0 || partners.length === 0) return covered;
  const datasets = await db.selectFrom('tradeDatasets').select(['id', 'seq']).where('id', 'in', datasetIds).execute();
  if (datasets.length === 0) return covered;
  const idOf = new Map(datasets.map((d) => [Number(d.seq), d.id]));
  const found = await (await tradeFacts(db)).partnersCovered([...idOf.keys()], home, partners, range);
  for (const { datasetSeq, partner } of found) {
    const id = idOf.get(datasetSeq)!;
    const partnersOfDataset = covered.get(id);
    if (partnersOfDataset) partnersOfDataset.add(partner);
    else covered.set(id, new Set([partner]));
  }
  return covered;
}

/** Monthly (or yearly, YYYY00) exports and imports of a pair, key = period. */
export async function sumsByPeriod(db: Db, p: Perspective, partner: string, range: PeriodRange): Promise<FlowSum[]> {
  return (await tradeFacts(db)).sumsByPeriod(await viewOf(db, p), partner, range);
}

/** Exports and imports of a pair by HS code cut to `digits` (2 chapter, 4 heading, 6 subheading), per range. */
export async function sumsByProduct(
  db: Db,
  p: Perspective,
  partner: string,
  ranges: PeriodRange[],
  digits: 2 | 4 | 6,
): Promise<FlowSum[][]> {
  return (await tradeFacts(db)).sumsByProduct(await viewOf(db, p), partner, ranges, digits);
}

/** How many flows of home with a partner over a range their source flags (estimated, confidential, re-export). */
export async function flaggedFlows(db: Db, p: Perspective, partner: string, range: PeriodRange): Promise<number> {
  return (await tradeFacts(db)).flaggedFlows(await viewOf(db, p), partner, range);
}

const datasetColumns = ['id', 'name', 'kind', 'source'] as const;

/** Every dataset with its kind; there are few, so callers pick among them in code. */
export function allDatasets(db: Db) {
  return db.selectFrom('tradeDatasets').select(datasetColumns).orderBy('name').execute();
}

export function findDataset(db: Db, id: string) {
  return db.selectFrom('tradeDatasets').select(datasetColumns).where('id', '=', id).executeTakeFirst();
}

/**
 * Whether a dataset holds any trade of `reporter` with `partner` (either way round when `bothWays`) in the
 * range.
 */
export async function datasetCovers(
  db: Db,
  datasetId: string,
  reporter: string,
  partner: string | null,
  range: PeriodRange,
  bothWays: boolean,
): Promise<boolean> {
  return (await tradeFacts(db)).covers(await datasetSeq(db, datasetId), reporter, partner, range, bothWays);
}
