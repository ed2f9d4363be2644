/**
 * A briefing laid out in one language: headings, paragraphs, lists, tables and charts with every word
 * written. Each renderer (DOCX, PDF, HTML, Markdown) maps these blocks to its format and adds no words of
 * its own, so the two languages are decided in one place (layout.ts).
 */
import type { BriefingLanguage } from './model.ts';

/** A run of text; `note` puts a footnote mark after it, `lang` marks a text typed in the other language. */
export type Inline = string | { text: string; note?: number; lang?: BriefingLanguage; strong?: boolean };

export interface TableBlock {
  type: 'table';
  /** "Table 1. Trade …": numbered by the layout. */
  caption: string;
  header: string[];
  rows: Inline[][][];
  /** Per column; numbers are right-aligned. */
  align: Array<'left' | 'right'>;
  /** A last row that sums the others, set apart by renderers. */
  totalRow?: boolean;
}

export interface ChartSeries {
  name: string;
  values: Array<number | null>;
}

/**
 * What a chart shows, free of any drawing library: the renderers draw it (ECharts' server-side SVG), and
 * Markdown prints `table` instead.
 */
export interface ChartSpec {
  kind: 'bar' | 'stacked_bar' | 'horizontal_bar';
  categories: string[];
  series: ChartSeries[];
  /** Axis unit, e.g. "USD million" / "млн долл. США". */
  unit: string;
  /** Decimal separator and grouping of the axis labels follow the document's language. */
  lang: BriefingLanguage;
}

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; content: Inline[]; style?: 'lead' | 'note' }
  | { type: 'list'; items: Inline[][]; ordered?: boolean }
  | TableBlock
  | { type: 'chart'; caption: string; chart: ChartSpec; table: TableBlock };

export interface BriefingDocument {
  lang: BriefingLanguage;
  title: string;
  subtitle: string;
  /** A marking line such as «Для служебного пользования», printed above the title and in the header. */
  marking: string | null;
  /** Metadata for the file: author line, the day the briefing is as of, when it was produced. */
  asOf: string;
  producedAt: string;
  blocks: Block[];
  /** Footnotes by number, in the order of `Briefing.sources`. */
  footnotes: Array<{ ref: number; text: string }>;
}
