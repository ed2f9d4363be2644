import type { Db } from '../../db/connection.ts';
import { listDatasets } from '../datasets/service.ts';
import { isYear, yearOf, type PeriodRange } from '../periods.ts';
import {
  datasetRef,
  datasetsByPriority,
  perspectiveOf,
  totalsByKey,
  zero,
  type DatasetRef,
  type Totals,
} from './service.ts';
import * as store from './store.ts';

/** A home and the partners whose trade with it is asked for together. */
export interface HomePartners {
  home: string;
  partners: string[];
}

export interface PartnerYears {
  /** The dataset the pair's figures come from, as the pair's own summary would take it. */
  dataset: DatasetRef;
  /** The same months in each year, oldest first, ending with the range asked for. */
  years: Array<{ range: PeriodRange; totals: Totals }>;
}

/**
 * Home's trade with each partner over a range and the same months of the `years - 1` years before it,
 * each pair from the most authoritative dataset that covers it in the range, as its summary is. Asked
 * for all partners at once: one question for which dataset covers whom, then one per dataset taken.
 * A partner no dataset covers is left out.
 */
export async function tradeWithPartners(
  db: Db,
  query: HomePartners & { range: PeriodRange; years: number },
): Promise<Map<string, PartnerYears>> {
  const datasets = await datasetsByPriority(db);
  const ids = datasets.map((d) => d.id);
  const covered = await store.partnersCovered(db, ids, query.home, query.partners, query.range);
  const answers = new Map<string, PartnerYears>();
  if (covered.size === 0) return answers;
  const taken = new Map<string, string[]>();
  for (const partner of query.partners) {
    const dataset = datasets.find((d) => covered.get(d.id)?.has(partner));
    if (dataset) taken.set(dataset.id, [...(taken.get(dataset.id) ?? []), partner]);
  }
  const ranges = Array.from({ length: query.years }, (_, i) => {
    const back = (query.years - 1 - i) * 100;
    return { from: query.range.from - back, to: query.range.to - back };
  });
  for (const dataset of datasets) {
    const partners = taken.get(dataset.id);
    if (!partners) continue;
    const sums = await store.sumsByPartner(
      db,
      perspectiveOf(dataset, query.home),
      ranges.map((range) => ({ range, partners })),
    );
    const byRange = sums.map(totalsByKey);
    for (const partner of partners) {
      answers.set(partner, {
        dataset: datasetRef(dataset),
        years: ranges.map((range, i) => ({ range, totals: byRange[i]!.get(partner) ?? zero() })),
      });
    }
  }
  return answers;
}

/**
 * The latest cumulative period in which any home trades with any of its partners: January to the last
 * month of the most recent dataset that holds such trade in that month, or that whole year for annual
 * data; null when no dataset holds any.
 */
export async function latestPeriodWithPartners(db: Db, homes: HomePartners[]): Promise<PeriodRange | null> {
  const datasets = await listDatasets(db);
  const ids = datasets.map((d) => d.id);
  const ends = [...new Set(datasets.map((d) => d.periodTo))]
    .filter((end): end is number => end !== null)
    .sort((a, b) => b - a);
  for (const end of ends) {
    const lastMonths = isYear(end) ? { from: end + 1, to: end + 12 } : { from: end, to: end };
    for (const { home, partners } of homes) {
      if ((await store.partnersCovered(db, ids, home, partners, lastMonths)).size > 0) {
        return isYear(end) ? lastMonths : { from: yearOf(end) * 100 + 1, to: end };
      }
    }
  }
  return null;
}
