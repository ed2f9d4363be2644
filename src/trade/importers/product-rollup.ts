import type { FlowRow } from '../model.ts';

/** One pair's heading in one year, as added to trade_pair_products: twelve months and an annual total. */
export interface ProductRollupEntry {
  reporter: string;
  partner: string;
  year: number;
  flow: string;
  heading: string;
  /** Index 0..11 = January..December, 12 = annual rows. */
  values: number[];
}

/** The rollup column of a period: m01..m12, or `annual` for a whole-year row (YYYY00). */
export const productColumns = [...Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`), 'annual'];

export function monthSlot(period: number): number {
  const month = period % 100;
  return month === 0 ? 12 : month - 1;
}

const keyColumns = 'dataset_id, reporter, partner, year, flow, heading';

/** The upsert that adds entries to the rollup; `placeholders` renders one row's 19 bind markers. */
export function productUpsertSql(rows: number, placeholder: (index: number) => string): string {
  const width = 6 + productColumns.length;
  const values = Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: width }, (_, c) => placeholder(r * width + c)).join(', ')})`,
  ).join(', ');
  return `insert into trade_pair_products (${keyColumns}, ${productColumns.join(', ')}) values ${values}
    on conflict (${keyColumns}) do update set ${productColumns
      .map((c) => `${c} = trade_pair_products.${c} + excluded.${c}`)
      .join(', ')}`;
}

/** The bind values of one entry, in the order of `productUpsertSql`. */
export function productUpsertValues(datasetId: string, e: ProductRollupEntry): unknown[] {
  return [datasetId, e.reporter, e.partner, e.year, e.flow, e.heading, ...e.values];
}

/** Zeroes one month (or the annual column) of a replaced slice before its new rows are added. */
export function productClearSql(period: number, placeholder: (index: number) => string): string {
  return `update trade_pair_products set ${productColumns[monthSlot(period)]} = 0
    where dataset_id = ${placeholder(0)} and reporter = ${placeholder(1)} and year = ${placeholder(2)} and flow = ${placeholder(3)}`;
}

/**
 * Accumulates an import's rows by pair, year, direction and heading, so the writer can add them to the
 * heading-by-year rollup in a few upserts. Flushed whenever it grows past `limit` keys to bound memory.
 */
export class ProductRollup {
  private readonly entries = new Map<string, ProductRollupEntry>();

  constructor(readonly limit = 200_000) {}

  get size(): number {
    return this.entries.size;
  }

  add(row: Pick<FlowRow, 'reporter' | 'partner' | 'period' | 'hsCode' | 'valueCents'> & { flow: string }): void {
    if (row.hsCode.length < 4) return;
    const heading = row.hsCode.slice(0, 4);
    const year = Math.floor(row.period / 100);
    const key = `${row.reporter}|${row.partner}|${year}|${row.flow}|${heading}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        reporter: row.reporter,
        partner: row.partner,
        year,
        flow: row.flow,
        heading,
        values: new Array(13).fill(0),
      };
      this.entries.set(key, entry);
    }
    entry.values[monthSlot(row.period)]! += row.valueCents;
  }

  drain(): ProductRollupEntry[] {
    const out = [...this.entries.values()];
    this.entries.clear();
    return out;
  }
}
