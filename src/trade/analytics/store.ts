import type { Db } from '../../db/connection.ts';
import { tradeFacts } from '../facts/index.ts';
import type { FactView, FlowSum, PartnerPart } from '../facts/store.ts';
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

/**
 * Exports and imports of home by partner in each part (a range, and some partners or all), with the flows
 * their source flags, one list per part.
 */
export async function sumsByPartner(db: Db, p: Perspective, parts: PartnerPart[]): Promise<FlowSum[][]> {
  if (parts.length === 0) return [];
  if (parts.some((part) => part.partners?.length === 0)) {
    // An empty list asks about nobody: its part stays empty, the others are asked.
    const asked = parts.filter((part) => part.partners?.length !== 0);
    const answers = asked.length === 0 ? [] : await sumsByPartner(db, p, asked);
    return parts.map((part) => (part.partners?.length === 0 ? [] : answers.shift()!));
  }
  return (await tradeFacts(db)).sumsByPartner(await viewOf(db, p), parts);
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

const datasetColumns = ['id', 'name', 'kind', 'source'] as const;

/** Every dataset with its kind; there are few, so callers pick among them in code. */
export function allDatasets(db: Db) {
  return db.selectFrom('tradeDatasets').select(datasetColumns).orderBy('name').execute();
}

export function findDataset(db: Db, id: string) {
  return db.selectFrom('tradeDatasets').select(datasetColumns).where('id', '=', id).executeTakeFirst();
}

/**
 * Which of the datasets (by id) hold any trade of `reporter` with `partner` (either way round when
 * `bothWays`) in the range, asked of all of them at once.
 */
export async function datasetsCovering(
  db: Db,
  datasetIds: string[],
  reporter: string,
  partner: string | null,
  range: PeriodRange,
  bothWays: boolean,
): Promise<Set<string>> {
  if (datasetIds.length === 0) return new Set();
  const datasets = await db.selectFrom('tradeDatasets').select(['id', 'seq']).where('id', 'in', datasetIds).execute();
  const idOf = new Map(datasets.map((d) => [Number(d.seq), d.id]));
  const found = await (await tradeFacts(db)).covering([...idOf.keys()], reporter, partner, range, bothWays);
  return new Set([...found].map((seq) => idOf.get(seq)!));
}
