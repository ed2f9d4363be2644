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

  add(row: FlowRow): void {
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
    const month = row.period % 100;
    entry.values[month === 0 ? 12 : month - 1]! += row.valueCents;
  }

  drain(): ProductRollupEntry[] {
    const out = [...this.entries.values()];
    this.entries.clear();
    return out;
  }
}
