import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import type { productTradeSchema } from '../../../../src/trade/products/model.ts';

export type ProductTrade = z.infer<typeof productTradeSchema>;
export type ProductSide = ProductTrade['imports'];
export type ProductLine = ProductSide['lines'][number];

export interface ProductQuestion {
  hs: string;
  year: number | null;
  reporter?: string;
  dataset?: string;
  excludeFlagged?: boolean;
}

/** Lines a side lists before the rest is summed as "other": as many as a bar chart shows legibly. */
export const productLines = 15;

export const productQuery = (q: ProductQuestion) =>
  queryOptions({
    queryKey: ['trade', 'product', q],
    enabled: q.year !== null,
    // Another year or filter keeps the old answer on screen, dimmed, until the new one arrives.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    queryFn: () =>
      api.get<ProductTrade>(`/api/trade/products/${encodeURIComponent(q.hs)}`, {
        year: q.year,
        reporter: q.reporter,
        dataset: q.dataset,
        excludeFlagged: q.excludeFlagged ? 'true' : undefined,
        top: productLines,
      }),
  });

export const useProduct = (q: ProductQuestion) => useQuery(productQuery(q));

/** A territory in the reader's language, by its code where the registry does not know it. */
export function territoryName(line: ProductLine, language: string): string {
  return (language === 'ru' ? line.nameRu : line.nameEn) ?? line.nameEn ?? line.territory;
}
