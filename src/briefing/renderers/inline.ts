/** What every renderer needs to know about a document's runs and tables, and the file a format is saved as. */
import type { BriefingDocument, Inline, TableBlock } from '../document.ts';
import type { BriefingFormat, BriefingLanguage } from '../model.ts';
import { spellInLatin } from '../../core/cyrillic.ts';

interface Run {
  text: string;
  note?: number;
  lang?: BriefingLanguage;
  strong?: boolean;
}

export function run(inline: Inline): Run {
  return typeof inline === 'string' ? { text: inline } : inline;
}

/** True when a footnote mark comes straight after another, which then needs a comma: "¹,²", never "¹²". */
export function followsNote(content: Inline[], index: number): boolean {
  const previous = index > 0 ? content[index - 1] : undefined;
  const current = content[index];
  return (
    previous !== undefined && current !== undefined && run(previous).note !== undefined && run(current).text === ''
  );
}

/** The words of a cell or paragraph without footnote marks, for measuring and for formats without marks. */
function plainText(content: Inline[]): string {
  return content.map((inline) => run(inline).text).join('');
}

/** The language tag a file declares: BCP 47 with a region, as Word and PDF readers expect. */
export function languageTag(lang: BriefingLanguage): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}

/**
 * Column widths within `total` for a table, given a way to measure a text: figures keep their whole width on
 * one line, and text columns share what is left in proportion to their longest line, wrapping as needed.
 */
export function fitColumns(
  table: TableBlock,
  total: number,
  measure: (text: string, bold: boolean) => number,
  padding: number,
): number[] {
  const columns = table.header.map((heading, column) => {
    const right = table.align[column] === 'right';
    const body = Math.max(0, ...table.rows.map((row) => measure(plainText(row[column] ?? []), false)));
    const headerLine = measure(heading, true);
    const headerWord = Math.max(...heading.split(/\s+/).map((word) => measure(word, true)));
    return {
      right,
      natural: Math.max(body, headerLine) + padding,
      least: Math.max(right ? body : 0, headerWord) + padding,
    };
  });
  const natural = columns.reduce((sum, c) => sum + c.natural, 0);
  const textColumns = columns.filter((c) => !c.right);
  if (natural <= total) {
    // Room to spare goes to the text columns (or to all, when every column is a figure).
    const takers = textColumns.length ? textColumns : columns;
    const spare = (total - natural) / takers.length;
    return columns.map((c) => c.natural + (takers.includes(c) ? spare : 0));
  }
  const fixed = columns.filter((c) => c.right).reduce((sum, c) => sum + c.least, 0);
  const left = total - fixed;
  const textNatural = textColumns.reduce((sum, c) => sum + c.natural, 0);
  if (textColumns.length && left >= textColumns.length * padding * 4) {
    return columns.map((c) => (c.right ? c.least : (c.natural / textNatural) * left));
  }
  // Too many figures for the page: every column shrinks in proportion to what it needs.
  return columns.map((c) => (c.natural / natural) * total);
}

const extensions: Record<BriefingFormat, string> = { docx: 'docx', pdf: 'pdf', html: 'html', md: 'md' };

/**
 * A file name that is safe in any file system and in a Content-Disposition header: the title spelled in
 * Latin letters, then the as-of day, e.g. `spravka-k-peregovoram_2017-12-04.pdf`.
 */
export function briefingFileName(document: BriefingDocument, format: BriefingFormat): string {
  const latin = spellInLatin(document.title.toLowerCase())
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(document.asOf) ? document.asOf : '';
  return `${[latin || 'briefing', day].filter(Boolean).join('_')}.${extensions[format]}`;
}
