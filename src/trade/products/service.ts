import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { parseInput } from '../../core/model.ts';
import { datasetPriority, type DatasetRef } from '../analytics/service.ts';
import type { ProductQuery, ProductSum } from '../facts/store.ts';
import { describeTradedProduct } from '../hs/service.ts';
import type { DatasetKind } from '../model.ts';
import { productInput, type ProductInput, type ProductLine, type ProductSide, type ProductTrade } from './model.ts';
import * as store from './store.ts';

type DatasetRow = Awaited<ReturnType<typeof store.allDatasets>>[number];
type Territories = Awaited<ReturnType<typeof store.territoriesOf>>;

/**
 * One product in a year across all partners. Without a reporter: the product's importers, each with what
 * it imported from the whole world (in a BACI-style dataset, what every exporter shipped to it). With a
 * reporter: its exports and its imports of the product, partner by partner. Each line has its rank,
 * share and, where the flows allow, quantity; the answer says whether flagged flows are counted in.
 */
export async function productTrade(db: Db, input: ProductInput): Promise<ProductTrade> {
  const q = parseInput(productInput, input);
  const product = await describeTradedProduct(db, q.hs);
  const ask = (dataset: DatasetRow): ProductQuery => ({
    datasetSeq: Number(dataset.seq),
    hsCode: product.code,
    year: q.year,
    reporter: q.reporter,
    mirrorImports: dataset.kind === 'baci',
    excludeFlagged: q.excludeFlagged,
  });
  const { dataset, sums } = await answeringDataset(db, q, product.code, ask);
  const territories = await store.territoriesOf(db, [...new Set(sums.map((s) => s.territory))]);
  const side = (flow: 'X' | 'M') =>
    sideOf(
      sums.filter((s) => s.flow === flow),
      territories,
      q.top,
    );
  const exports = q.reporter === undefined ? null : side('X');
  const imports = side('M');
  const flaggedFlows = sums.reduce((n, s) => n + s.flagged, 0);
  return {
    product,
    year: q.year,
    reporter: q.reporter ?? null,
    currency: 'USD',
    dataset: {
      id: dataset.id,
      name: dataset.name,
      kind: dataset.kind,
      source: dataset.source,
      illustrative: dataset.kind === 'illustrative',
    } satisfies DatasetRef,
    exports,
    imports,
    includesFlagged: flaggedFlows > 0,
    flaggedFlows,
    excludeFlagged: q.excludeFlagged ?? false,
  };
}

/**
 * The dataset named, or the most authoritative one that answers: for a reporter, one holding its trade
 * in the year (no trade of the product there is then an answer of its own); for the world, one holding
 * imports of the product in the year, since a region's customs data can cover the year without it.
 */
async function answeringDataset(
  db: Db,
  q: { year: number; reporter?: string; datasetId?: string },
  hsCode: string,
  ask: (dataset: DatasetRow) => ProductQuery,
): Promise<{ dataset: DatasetRow; sums: ProductSum[] }> {
  const datasets = await store.allDatasets(db);
  if (q.datasetId !== undefined) {
    const dataset = datasets.find((d) => d.id === q.datasetId);
    if (!dataset) throw new AccordError('NOT_FOUND', `trade dataset ${q.datasetId} does not exist`);
    return { dataset, sums: await store.productSums(db, ask(dataset)) };
  }
  const rank = (kind: string) => {
    const at = datasetPriority.indexOf(kind as DatasetKind);
    return at === -1 ? datasetPriority.length : at;
  };
  const candidates = datasets.sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name));
  if (q.reporter !== undefined) {
    const reporting = await store.datasetsReporting(
      db,
      candidates.map((d) => Number(d.seq)),
      q.reporter,
      q.year,
    );
    const dataset = candidates.find((d) => reporting.has(Number(d.seq)));
    if (dataset) return { dataset, sums: await store.productSums(db, ask(dataset)) };
  } else {
    for (const dataset of candidates) {
      const sums = await store.productSums(db, ask(dataset));
      if (sums.length > 0) return { dataset, sums };
    }
  }
  throw new AccordError(
    'NOT_FOUND',
    q.reporter !== undefined
      ? `no trade data reported by ${q.reporter} in ${q.year}; import a dataset with accord trade import`
      : `no dataset holds imports of HS ${hsCode} in ${q.year}; import a dataset with accord trade import`,
  );
}

/** One direction's sums as ranked lines with shares, the tail beyond `top` summed as "other". */
function sideOf(sums: ProductSum[], territories: Territories, top: number | undefined): ProductSide {
  const traded = sums
    .filter((s) => s.valueCents !== 0)
    .sort((a, b) => b.valueCents - a.valueCents || a.territory.localeCompare(b.territory));
  const totalCents = traded.reduce((total, s) => total + s.valueCents, 0);
  const share = (cents: number) => (totalCents === 0 ? null : (cents / totalCents) * 100);
  let rank = 0;
  const lines: ProductLine[] = traded.map((s) => {
    const known = territories.get(s.territory);
    const grouping = known?.kind === 'grouping';
    return {
      rank: grouping ? null : (rank += 1),
      territory: s.territory,
      nameEn: known?.nameEn ?? null,
      nameRu: known?.nameRu ?? null,
      grouping,
      valueCents: s.valueCents,
      sharePercent: share(s.valueCents),
      quantity: s.quantity,
      unit: s.unit,
      flaggedFlows: s.flagged,
    };
  });
  const shown = lines.slice(0, top ?? lines.length);
  const rest = lines.slice(shown.length);
  const restCents = rest.reduce((total, l) => total + l.valueCents, 0);
  const units = new Set(traded.map((s) => s.unit));
  const unit = units.size === 1 && traded.every((s) => s.quantity !== null) ? traded[0]!.unit : null;
  return {
    totalCents,
    quantity: unit === null ? null : traded.reduce((total, s) => total + s.quantity!, 0),
    unit,
    territories: lines.length,
    lines: shown,
    other:
      rest.length === 0 ? null : { territories: rest.length, valueCents: restCents, sharePercent: share(restCents) },
  };
}
