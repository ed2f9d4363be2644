/**
 * A table of figures as data, written once and rendered by the CSV and XLSX writers, which only format it.
 * Cells hold the exact figures: money in integer minor units (cents), percentages in percent (12.5 is
 * 12.5 %), dates as ISO days; the writers decide how each type looks in their format.
 */
export type ColumnType = 'text' | 'money' | 'number' | 'percent' | 'date';

export interface Column {
  header: string;
  type: ColumnType;
  /** Decimals a number column shows; whole numbers when not given. */
  decimals?: number;
}

export type Cell = string | number | null;

export interface FigureTable {
  title: string;
  /** What the figures are: period, currency and unit, source, filters, when the file was made. */
  about: Array<{ label: string; value: string }>;
  columns: Column[];
  rows: Cell[][];
  /** A closing row such as a total, drawn apart from the rows. */
  footer?: Cell[];
}

export type TableFormat = 'csv' | 'xlsx';

export const mediaTypes: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Minor units per major unit: every currency Accord records (USD, EUR, BYN, RUB) has two decimals. */
export const minorPerMajor = 100;
