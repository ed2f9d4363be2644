/** What every renderer needs to know about a document's runs and tables, and the file a format is saved as. */
import type { BriefingDocument, Inline, TableBlock } from '../document.ts';
import type { BriefingFormat, BriefingLanguage } from '../model.ts';

export interface Run {
  text: string;
  note?: number;
  lang?: BriefingLanguage;
  strong?: boolean;
}

export function run(inline: Inline): Run {
  return typeof inline === 'string' ? { text: inline } : inline;
}

/** The words of a cell or paragraph without footnote marks, for measuring and for formats without marks. */
export function plainText(content: Inline[]): string {
  return content.map((inline) => run(inline).text).join('');
}

/** The language tag a file declares: BCP 47 with a region, as Word and PDF readers expect. */
export function languageTag(lang: BriefingLanguage): string {
  return lang === 'ru' ? 'ru-RU' : 'en-GB';
}

/**
 * How wide each column wants to be, relative to the others: the longest line of its header or cells, with
 * room to wrap long text columns rather than numeric ones.
 */
export function columnWeights(table: TableBlock): number[] {
  return table.header.map((heading, column) => {
    const cells = table.rows.map((row) => plainText(row[column] ?? []).length);
    const longestWord = Math.max(...heading.split(/\s+/).map((word) => word.length));
    const longest = Math.max(longestWord, ...cells);
    return table.align[column] === 'right' ? Math.max(6, longest) : Math.min(48, Math.max(8, longest));
  });
}

const cyrillicToLatin: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  і: 'i',
  ў: 'u',
};

const extensions: Record<BriefingFormat, string> = { docx: 'docx', pdf: 'pdf', html: 'html', md: 'md' };

/**
 * A file name that is safe in any file system and in a Content-Disposition header: the title spelled in
 * Latin letters, then the as-of day, e.g. `spravka-k-peregovoram_2017-12-04.pdf`.
 */
export function briefingFileName(document: BriefingDocument, format: BriefingFormat): string {
  const latin = Array.from(document.title.toLowerCase())
    .map((ch) => cyrillicToLatin[ch] ?? ch)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(document.asOf) ? document.asOf : '';
  return `${[latin || 'briefing', day].filter(Boolean).join('_')}.${extensions[format]}`;
}
