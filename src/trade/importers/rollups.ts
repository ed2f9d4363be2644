import { monthColumns } from '../analytics/store.ts';

/**
 * The two rollups every import keeps up to date, trade_pair_periods (pair × month) and trade_pair_products
 * (pair × heading × year, a column per month), are added to by the database itself from the import's
 * rows once they are written: one grouping pass in SQL costs less than tallying every row in JavaScript
 * and sending millions of sums back, and needs no memory in the importing process.
 */

/** The rollup column of a period: m01..m12, or `annual` for a whole-year row (YYYY00). */
const productColumns = [...monthColumns, 'annual'];

function monthSlot(period: number): number {
  const month = period % 100;
  return month === 0 ? 12 : month - 1;
}

const productKey = 'dataset_id, reporter, partner, year, flow, heading';

/**
 * The statements that add one import's rows to both rollups, in key order, which keeps the writes to
 * the rollups' indexes next to each other instead of all over them. Bind values, in order: the dataset's
 * id, its seq and the import's seq, then whatever `narrowing` (a condition starting with `and`) adds to
 * keep the scan to the import's rows. `placeholder` renders the n-th bind marker (from 0).
 * Slices the import replaces must have been cleared first: the sums are added to what is there, unless
 * `datasetWasEmpty` says there is nothing, which spares looking for a row to add to (a fifth of the time).
 */
export function rollupFromImportSql(
  placeholder: (index: number) => string,
  options: { narrowing?: string; datasetWasEmpty: boolean },
): { pairs: string; products: string } {
  const rows = `from trade_flows where dataset_seq = ${placeholder(1)} and import_seq = ${placeholder(2)} ${options.narrowing ?? ''}`;
  const datasetId = `cast(${placeholder(0)} as text)`;
  const addingTo = (key: string, table: string, columns: string[]) =>
    options.datasetWasEmpty
      ? ''
      : `on conflict (${key}) do update set ${columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`;
  const pairs = `insert into trade_pair_periods (dataset_id, reporter, partner, period, flow, value_cents, flow_rows)
    select ${datasetId}, reporter, partner, period, flow, sum(value_cents), count(*) ${rows}
    group by reporter, partner, period, flow
    order by reporter, partner, period, flow
    ${addingTo('dataset_id, reporter, partner, period, flow', 'trade_pair_periods', ['value_cents', 'flow_rows'])}`;
  const months = productColumns.map(
    (_, slot) => `sum(case when period % 100 = ${slot === 12 ? 0 : slot + 1} then value_cents else 0 end)`,
  );
  // Codes shorter than a heading (a chapter total) have no place in a heading rollup.
  const products = `insert into trade_pair_products (${productKey}, ${productColumns.join(', ')})
    select ${datasetId}, reporter, partner, period / 100, flow, substr(hs_code, 1, 4), ${months.join(', ')}
    ${rows} and length(hs_code) >= 4
    group by reporter, partner, period / 100, flow, substr(hs_code, 1, 4)
    order by reporter, partner, period / 100, flow, substr(hs_code, 1, 4)
    ${addingTo(productKey, 'trade_pair_products', productColumns)}`;
  return { pairs, products };
}

/** Zeroes one month (or the annual column) of a replaced slice before its new rows are added. */
export function productClearSql(period: number, placeholder: (index: number) => string): string {
  return `update trade_pair_products set ${productColumns[monthSlot(period)]} = 0
    where dataset_id = ${placeholder(0)} and reporter = ${placeholder(1)} and year = ${placeholder(2)} and flow = ${placeholder(3)}`;
}
