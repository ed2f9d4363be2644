import type { PartnerTradeOverview } from '../../../../src/partners/model.ts';

export const sortColumns = ['partner', 'turnover', 'growth', 'open', 'overdue', 'projects'] as const;
export type SortColumn = (typeof sortColumns)[number];
export interface SortState {
  column: SortColumn;
  descending: boolean;
}

/** The `sort` search parameter: a column name, with a leading "-" for descending ("-turnover"). */
export function parseSort(text: string | undefined): SortState {
  const descending = text?.startsWith('-') ?? true;
  const name = text?.replace(/^-/, '');
  const column = sortColumns.find((c) => c === name);
  // Largest partners first when the address names no usable column.
  return column ? { column, descending } : { column: 'turnover', descending: true };
}

export function sortParam(state: SortState): string {
  return `${state.descending ? '-' : ''}${state.column}`;
}

/** Clicking the sorted column turns it round; another column starts with its most telling end. */
export function nextSort(current: SortState, column: SortColumn): SortState {
  if (current.column === column) return { column, descending: !current.descending };
  return { column, descending: column !== 'partner' };
}

function keyOf(row: PartnerTradeOverview, column: SortColumn, language: string): number | string | null {
  switch (column) {
    case 'partner':
      return language === 'ru' ? row.partner.nameRu : row.partner.nameEn;
    case 'turnover':
      return row.trade?.turnoverCents ?? null;
    case 'growth':
      return row.trade?.growthPercent ?? null;
    case 'open':
      return row.openCommitments;
    case 'overdue':
      return row.overdueCommitments;
    case 'projects':
      return row.activeProjects;
  }
}

/** Rows without a figure go last whichever way the column is sorted; ties keep the partner name order. */
export function sortRows(rows: PartnerTradeOverview[], state: SortState, language: string): PartnerTradeOverview[] {
  const collator = new Intl.Collator(language);
  const byName = (a: PartnerTradeOverview, b: PartnerTradeOverview) =>
    collator.compare(keyOf(a, 'partner', language) as string, keyOf(b, 'partner', language) as string);
  return [...rows].sort((a, b) => {
    const x = keyOf(a, state.column, language);
    const y = keyOf(b, state.column, language);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number);
    return (state.descending ? -order : order) || byName(a, b);
  });
}

/** Partner name in either language or its code contains the text, ignoring case. */
export function matches(row: PartnerTradeOverview, q: string | undefined): boolean {
  const needle = q?.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [row.partner.nameEn, row.partner.nameRu, row.partner.code].some((text) =>
    text.toLocaleLowerCase().includes(needle),
  );
}
