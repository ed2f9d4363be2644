import { z } from 'zod';
import { hsRevision } from '../model.ts';

/** Sections and chapters are built in; headings (4 digits) and subheadings (6 digits) are loaded from a file. */
export const hsLevel = z.enum(['section', 'chapter', 'heading', 'subheading']);
export type HsLevel = z.infer<typeof hsLevel>;

export const hsChapterTitle = z.object({ code: z.string(), titleEn: z.string(), titleRu: z.string().nullable() });

export const hsSectionTitle = z.object({
  code: z.string(),
  roman: z.string(),
  titleEn: z.string(),
  titleRu: z.string(),
});

export const hsCodeDescription = z
  .object({
    code: z.string(),
    level: hsLevel,
    revision: hsRevision,
    titleEn: z.string(),
    titleRu: z.string().nullable(),
    /** Null for a section; for a chapter, the chapter itself. */
    chapter: hsChapterTitle.nullable(),
    /** Null only for reporting codes outside the nomenclature, such as chapter 99 of UN Comtrade. */
    section: hsSectionTitle.nullable(),
  })
  .meta({ id: 'HsCode' });
export type HsCodeDescription = z.infer<typeof hsCodeDescription>;

export const tradedProduct = z
  .object({
    code: z.string(),
    level: z.enum(['chapter', 'heading', 'subheading']),
    titleEn: z.string(),
    titleRu: z.string(),
    /** The loaded revision that names a heading or subheading; null for a chapter, or when none is loaded. */
    revision: hsRevision.nullable(),
    /** False when no nomenclature is loaded: the code was checked to its chapter only, and titled after it. */
    inNomenclature: z.boolean(),
  })
  .meta({ id: 'HsProduct' });
export type TradedProduct = z.infer<typeof tradedProduct>;

export const hsSearchHit = z
  .object({
    code: z.string(),
    level: hsLevel,
    revision: hsRevision,
    titleEn: z.string(),
    titleRu: z.string().nullable(),
  })
  .meta({ id: 'HsSearchHit' });
export type HsSearchHit = z.infer<typeof hsSearchHit>;

export const hsRevisionSummary = z
  .object({
    revision: hsRevision,
    name: z.string(),
    chapters: z.number().int(),
    headings: z.number().int(),
    subheadings: z.number().int(),
    source: z.string(),
  })
  .meta({ id: 'HsRevisionSummary' });
export type HsRevisionSummary = z.infer<typeof hsRevisionSummary>;

export interface HsTitle {
  titleEn: string;
  titleRu: string | null;
}

export const hsFileFormat = z.enum(['comtrade-json', 'comtrade-csv', 'harmonized-system-csv']);
export type HsFileFormat = z.infer<typeof hsFileFormat>;

export interface HsImportResult {
  revision: z.infer<typeof hsRevision>;
  format: HsFileFormat;
  chapters: number;
  headings: number;
  subheadings: number;
  /** Rows of the same revision that the file replaced. */
  replaced: number;
  /** Totals and aggregates of the file that are not codes of the nomenclature. */
  skipped: number;
}

export const hsImportOptions = z.object({ revision: hsRevision.optional() });

export const hsSearchLimit = 50;

export const hsLookupQuery = z.object({ revision: hsRevision.optional() });

export const hsSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  revision: hsRevision.optional(),
  limit: z.coerce.number().int().min(1).max(hsSearchLimit).default(hsSearchLimit),
});
export type HsSearchQuery = z.infer<typeof hsSearchQuery>;
