import type { Db } from '../../db/connection.ts';
import { tradeFacts } from '../facts/index.ts';
import type { ProductQuery, ProductSum } from '../facts/store.ts';

/** Every dataset with the number its facts are filed under; there are few, so the service picks in code. */
export function allDatasets(db: Db) {
  return db.selectFrom('tradeDatasets').select(['id', 'seq', 'name', 'kind', 'source']).orderBy('name').execute();
}

/** The registry's names and kinds of the territories an answer lists; a code it lacks is left out. */
export async function territoriesOf(db: Db, codes: string[]) {
  const rows = [];
  // Well below the bind-parameter limits of both engines, whatever the number of partners.
  for (let i = 0; i < codes.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('territories')
        .select(['code', 'kind', 'nameEn', 'nameRu'])
        .where('code', 'in', codes.slice(i, i + 500))
        .execute()),
    );
  }
  return new Map(rows.map((r) => [r.code, r]));
}

export async function productSums(db: Db, query: ProductQuery): Promise<ProductSum[]> {
  return (await tradeFacts(db)).productTrade(query);
}

/** Which of the datasets (by number) hold any trade reported by `reporter` in the year. */
export async function datasetsReporting(
  db: Db,
  datasetSeqs: number[],
  reporter: string,
  year: number,
): Promise<Set<number>> {
  const range = { from: year * 100 + 1, to: year * 100 + 12 };
  return (await tradeFacts(db)).covering(datasetSeqs, reporter, null, range, false);
}
