import { z } from 'zod';

export const datasetKind = z.enum(['official_customs', 'national_statistics', 'comtrade', 'baci', 'illustrative']);
export type DatasetKind = z.infer<typeof datasetKind>;

/** X: the reporter's exports to the partner; M: its imports from the partner. */
export type FlowDirection = 'X' | 'M';

/** One normalized row of trade, whatever file format it came from. */
export interface FlowRow {
  /** Line in the source file: the row's provenance. */
  line: number;
  period: number;
  reporter: string;
  partner: string;
  flow: FlowDirection;
  hsCode: string;
  hsRevision: string;
  valueCents: number;
  quantity: number | null;
  unit: string | null;
  /** What the source marks the figure as: confidential, estimated, a re-export; absent when it marks nothing. */
  flag?: FlowFlag | null;
}

export const flowFlags = ['confidential', 'estimated', 're-export'] as const;
export type FlowFlag = (typeof flowFlags)[number];

/** A rejected row: where it is and why, so the user can fix the file. */
export interface RowProblem {
  line: number;
  column: string;
  value: string;
  reason: string;
}

export interface ParsedBatch {
  rows: FlowRow[];
  problems: RowProblem[];
  /** Rows deliberately not imported, such as world totals and all-commodity totals. */
  skipped: number;
  /** What the reader did or found that the user should know, though no row was rejected. */
  notes?: ImportNote[];
  /**
   * Statistical territories the reader met, with the names its file gives them; rows may point to
   * others (see `statisticalTerritory`), which the import names from Accord's list.
   */
  territories?: StatisticalTerritory[];
  /**
   * The file's last line, when no line break ends it: if its row is rejected too, the file was likely
   * cut short there, which the report says.
   */
  unterminatedLine?: number;
}

/** Trade statistics' code for trade of no one country (areas n.e.s., bunkers, free zones), as `M49-899`. */
export interface StatisticalTerritory {
  code: string;
  nameEn: string;
}

/**
 * A finding of an import for its report: `code` names the kind (for programs), `message` says it in
 * words with the figures (for people).
 */
export interface ImportNote {
  code: string;
  message: string;
}

/** HS revisions as UN Comtrade names them; an import states which one its codes follow. */
export const hsRevisions = {
  H0: 'HS 1992',
  H1: 'HS 1996',
  H2: 'HS 2002',
  H3: 'HS 2007',
  H4: 'HS 2012',
  H5: 'HS 2017',
  H6: 'HS 2022',
} as const;
export const hsRevision = z.enum(
  Object.keys(hsRevisions) as [keyof typeof hsRevisions, ...Array<keyof typeof hsRevisions>],
);
export type HsRevision = z.infer<typeof hsRevision>;
