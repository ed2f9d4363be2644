import type { Db } from '../../db/connection.ts';
import { tradeFacts } from '../facts/index.ts';
import type { ProductQuery, ProductSum } from '../facts/store.ts';

/** Every dataset with the number its facts are filed under; there are few, so the service picks in code. */
export function allDatasets(db: Db) {
  return db.selectFrom('tradeDatasets').select(['id', 'seq', 'name', 'kind', 'source']).orderBy('name').execute();
}

/** Statistical territories (areas n.e.s., free zones…): their trade counts, but they take no rank. */
export async function groupingCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('territories').select('code').where('kind', '=', 'grouping').execute();
  return new Set(rows.map((r) => r.code));
}

export async function productSums(db: Db, query: ProductQuery): Promise<ProductSum[]> {
  return (await tradeFacts(db)).productTrade(query);
}

/** Whether a dataset holds any trade reported by `reporter` in the year. */
export async function reportsIn(db: Db, datasetSeq: number, reporter: string, year: number): Promise<boolean> {
  const range = { from: year * 100 + 1, to: year * 100 + 12 };
  return (await tradeFacts(db)).covers(datasetSeq, reporter, null, range, false);
}
