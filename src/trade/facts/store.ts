import type { Db } from '../../db/connection.ts';
import type { FlowRow } from '../model.ts';
import type { PeriodRange } from '../periods.ts';

/** Sums of one direction of trade, keyed by what the query grouped on. */
export interface FlowSum {
  key: string;
  flow: string;
  valueCents: number;
  /** Of the flows summed, how many their source flags, where the question counts them (`sumsByPartner`). */
  flagged?: number;
}

/** One part of a question by partner: a range, and the partners asked about (all when none are named). */
export interface PartnerPart {
  range: PeriodRange;
  partners?: readonly string[];
}

/**
 * Rows of a dataset seen from `home`'s side. Most datasets hold each side's own report (exports X and
 * imports M with the reporter as home). A BACI-style dataset holds each flow once, from the exporter, so
 * home's imports are the partners' exports to home: `mirrorImports` reads them that way.
 */
export interface FactView {
  datasetSeq: number;
  home: string;
  mirrorImports: boolean;
}

/**
 * What an import records in the records store (its dataset, the import itself) once its facts are
 * staged: run in the records' transaction, given how many of the dataset's rows the staged slices
 * replace; answers the numbers the facts are filed under.
 */
export type RecordImport = (
  trx: Db,
  rowsReplaced: (datasetSeq: number) => Promise<number>,
) => Promise<{ datasetSeq: number; importSeq: number }>;

/**
 * One import's facts on their way in: added in batches, invisible to every query until `commit`, gone
 * with `discard` (or, after a crash, when the store opens next).
 */
export interface FactStage {
  add(rows: readonly FlowRow[]): Promise<void>;
  /**
   * Where the store can read a plain BACI CSV file itself (DuckDB's reader, PostgreSQL's COPY): reads it
   * whole into the stage and answers what it holds, or null, having staged nothing, when any cell or line
   * is not as `checks` and a sound file want it; the caller then reads the file row by row, which says what
   * is wrong where.
   * `lines`: how many lines the file has, counted meanwhile by the caller.
   */
  addBaciFile?(file: string, header: string[], checks: BulkChecks, lines: Promise<number>): Promise<BulkLoad | null>;
  /**
   * Records the import through `record` and makes its facts the dataset's, the rows of the slices
   * (reporter × period × direction) they replace kept aside as superseded. Either both happen or, seen
   * from outside, neither.
   */
  commit(record: RecordImport): Promise<void>;
  discard(): Promise<void>;
}

/** How a bulk reader checks each distinct text of a column: Accord's code for it, or null to refuse it. */
export interface BulkChecks {
  hsRevision: string;
  period(text: string): number | null;
  territory(text: string): string | null;
  product(text: string): string | null;
}

export interface BulkLoad {
  rows: number;
  periodFrom: number;
  periodTo: number;
  /** Rows whose quantity is given (in tonnes). */
  quantities: number;
}

/** A product's trade in a year: by importer (from the whole world), or one reporter's by partner. */
export interface ProductQuery {
  datasetSeq: number;
  hsCode: string;
  year: number;
  /** With a reporter: its exports and imports of the product by partner; without: every importer's total. */
  reporter?: string;
  /** BACI-style datasets hold exports only: an importer's trade is what the others exported to it. */
  mirrorImports: boolean;
  /** Leaves out the flows a source flags (estimated, confidential, re-export). */
  excludeFlagged?: boolean;
}

export interface ProductSum {
  territory: string;
  flow: string;
  valueCents: number;
  /** Null unless every flow summed has a quantity, all in one unit. */
  quantity: number | null;
  unit: string | null;
  /** The flows summed, and how many of them carry a flag. */
  flows: number;
  flagged: number;
}

/**
 * Where trade facts live: DuckDB beside the SQLite records, or plain rows in the server's PostgreSQL.
 * Both answer every question with the same figures; the records (datasets, imports) stay in the
 * records store, the store only holds their numbers.
 */
export interface TradeFacts {
  readonly engine: 'duckdb' | 'postgres';
  /**
   * Exports and imports of home by partner in each part (a range, and the partners asked about or all),
   * with the flows their source flags, one list per part, all in one question.
   */
  sumsByPartner(view: FactView, parts: readonly PartnerPart[]): Promise<FlowSum[][]>;
  /** Monthly (and annual, YYYY00) exports and imports of a pair; key = period. */
  sumsByPeriod(view: FactView, partner: string, range: PeriodRange): Promise<FlowSum[]>;
  /**
   * Which of `partners` (not empty) each dataset holds trade of home with in the range, reported by
   * either side: `covering` both ways round, for many pairs at once.
   */
  partnersCovered(
    datasetSeqs: readonly number[],
    home: string,
    partners: readonly string[],
    range: PeriodRange,
  ): Promise<Array<{ datasetSeq: number; partner: string }>>;
  /** A pair's exports and imports by HS code cut to `digits`, one list per range. */
  sumsByProduct(view: FactView, partner: string, ranges: PeriodRange[], digits: 2 | 4 | 6): Promise<FlowSum[][]>;
  /**
   * Which of the datasets hold trade of `reporter` (with `partner`, either way round when `bothWays`) in the
   * range.
   */
  covering(
    datasetSeqs: readonly number[],
    reporter: string,
    partner: string | null,
    range: PeriodRange,
    bothWays: boolean,
  ): Promise<Set<number>>;
  /** A product's trade in a year, see `ProductQuery`. */
  productTrade(query: ProductQuery): Promise<ProductSum[]>;
  /** Starts an import; imports are taken one at a time. */
  stage(importId: string): Promise<FactStage>;
  /** Every fact of a dataset, current and superseded. */
  deleteDataset(datasetSeq: number): Promise<void>;
  /** Every current fact of a dataset in a stable order, in pages, for bundles and exports. */
  readFacts(datasetSeq: number): AsyncIterable<StoredFact[]>;
  close(): Promise<void>;
}

export interface StoredFact {
  datasetSeq: number;
  importSeq: number;
  reporter: string;
  partner: string;
  period: number;
  flow: string;
  hsCode: string;
  hsRevision: string;
  valueCents: number;
  quantity: number | null;
  unit: string | null;
  flag: string | null;
  line: number;
}
