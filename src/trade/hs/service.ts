import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/connection.ts';
import { AccordError, type Problem } from '../../core/errors.ts';
import { parseInput } from '../../core/model.ts';
import { inTransaction, normalizeSearch, searchText } from '../../core/records.ts';
import { CsvSyntaxError, readCsv } from '../importers/csv.ts';
import { hsRevision, hsRevisions, type HsRevision } from '../model.ts';
import {
  hsImportOptions,
  hsSearchLimit,
  hsSearchQuery,
  type HsCodeDescription,
  type HsFileFormat,
  type HsImportResult,
  type HsLevel,
  type HsRevisionSummary,
  type HsSearchHit,
  type HsTitle,
  type TradedProduct,
} from './model.ts';
import { hsChapters, hsSections, sectionOfChapter, type HsChapterReference } from './reference.ts';
import * as store from './store.ts';

/** The largest nomenclature file accepted; UN Comtrade's full HS file is under 2 MB. */
export const maxHsFileBytes = 50 * 1024 * 1024;

const revisionOrder = Object.keys(hsRevisions) as HsRevision[];
const builtInChapters = new Map(hsChapters.map((c) => [c.code, c]));
const builtInChapterCodes = [...builtInChapters.keys()];
const sectionsByRoman = new Map(hsSections.map((s) => [s.roman, s]));
/** Chapter 77 is reserved in the nomenclature: no goods are classified in it. */
const realChapters = new Set(builtInChapterCodes.filter((code) => code !== '77'));

const levelNames: Record<number, HsLevel> = { 2: 'chapter', 4: 'heading', 6: 'subheading' };
const codePattern = /^\d{2}(?:\d{2}){0,2}$/;

// ---------------------------------------------------------------------------------------------------------------
// Loading a nomenclature file

interface HsEntry {
  code: string;
  level: 2 | 4 | 6;
  parentCode: string | null;
  titleEn: string;
}

interface ParsedFile {
  entries: HsEntry[];
  problems: Problem[];
  skipped: number;
}

/** The raw values of one row, as found in either layout. */
interface RawEntry {
  code: string;
  level: string;
  parent: string;
  title: string;
}

type EntryField = keyof RawEntry;

/**
 * Loads the headings and subheadings (and the chapters, when the file has them) of one HS revision from a
 * UN Comtrade classification file (JSON or CSV) or the CSV of the datasets/harmonized-system repository. The format
 * is read from the content. Every bad row is reported at once and nothing is written; a good file replaces
 * whatever the revision held, in one transaction.
 */
export async function importHsFile(
  db: Db,
  file: string,
  options: { revision?: HsRevision } = {},
): Promise<HsImportResult> {
  const given = parseInput(hsImportOptions, options);
  const name = path.basename(file);
  const stat = await fs.promises.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new AccordError('NOT_FOUND', `no such file: ${file}`);
  if (stat.size > maxHsFileBytes) {
    throw new AccordError(
      'PAYLOAD_TOO_LARGE',
      `${name} is ${(stat.size / 1024 / 1024).toFixed(1)} MB; an HS nomenclature file may be at most ${maxHsFileBytes / 1024 / 1024} MB`,
    );
  }

  const format = await detectFormat(file, name);
  let revision: HsRevision;
  let parsed: ParsedFile;
  let source: string;
  if (format === 'harmonized-system-csv') {
    // The repository's file is HS 2022, as its own total row says.
    revision = given.revision ?? 'H6';
    parsed = await parseCsv(file, csvLayouts[format]);
    source = `datasets/harmonized-system CSV ${name}`;
  } else {
    revision = given.revision ?? revisionFromFileName(name) ?? unknownRevision(name);
    parsed =
      format === 'comtrade-json'
        ? parseComtrade(await fs.promises.readFile(file, 'utf8'), name)
        : await parseCsv(file, csvLayouts[format]);
    source = `UN Comtrade classification file ${name}`;
  }

  if (parsed.problems.length > 0) throw badRows(name, parsed.problems);
  const counts = { chapters: 0, headings: 0, subheadings: 0 };
  for (const entry of parsed.entries) {
    if (entry.level === 2) counts.chapters += 1;
    else if (entry.level === 4) counts.headings += 1;
    else counts.subheadings += 1;
  }
  if (counts.headings + counts.subheadings === 0) {
    throw new AccordError('VALIDATION_FAILED', `${name} holds no HS headings or subheadings to load`);
  }

  return inTransaction(db, async (trx) => {
    const replaced = await store.deleteRevision(trx, revision);
    await store.insertHsCodes(
      trx,
      parsed.entries.map((e) => ({
        revision,
        code: e.code,
        level: e.level,
        parentCode: e.parentCode,
        titleEn: e.titleEn,
        titleRu: null,
        searchText: searchText(e.code, e.titleEn),
        source,
      })),
    );
    return { revision, format, ...counts, replaced, skipped: parsed.skipped };
  });
}

async function detectFormat(file: string, name: string): Promise<HsFileFormat> {
  const handle = await fs.promises.open(file, 'r');
  let head: string;
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
  } finally {
    await handle.close();
  }
  const first = head.trimStart()[0];
  if (first === '{' || first === '[') return 'comtrade-json';
  const header = head.split(/\r?\n/)[0] ?? '';
  const columns = csvHeader(header.split(','));
  for (const format of ['harmonized-system-csv', 'comtrade-csv'] as const) {
    const layout = csvLayouts[format];
    const needed = entryFields.filter((field) => !layout.optional.includes(field));
    if (needed.every((field) => layout.headers[field].some((h) => columns.includes(h)))) return format;
  }
  throw new AccordError(
    'VALIDATION_FAILED',
    `${name} is not in a layout that is read. These are: a UN Comtrade classification file, in JSON ` +
      `({"results": [{"id": "0101", "text": ..., "parent": "01"}]}) or CSV (id,text,parent,isLeaf,aggrlevel or ` +
      `Classification,Code,Description,Code Parent,Level,isLeaf), and the CSV of the datasets/harmonized-system ` +
      `repository (section,hscode,description,parent,level). Its first line: ${JSON.stringify(header.slice(0, 200))}`,
  );
}

/** Headers compare case-insensitively, without the quotes and spacing a spreadsheet may add. */
function csvHeader(fields: string[]): string[] {
  return fields.map((f) => f.trim().replace(/^"|"$/g, '').replace(/\s+/g, ' ').toLowerCase());
}

const entryFields: EntryField[] = ['code', 'level', 'parent', 'title'];

/** The CSV layouts read: the header of each field, as each layout's files name it. */
interface CsvLayout {
  headers: Record<EntryField, string[]>;
  /** Fields a file may lack: UN Comtrade's older files have no level, which is then the length of the code. */
  optional: EntryField[];
}

const csvLayouts: Record<Exclude<HsFileFormat, 'comtrade-json'>, CsvLayout> = {
  'harmonized-system-csv': {
    headers: { code: ['hscode'], level: ['level'], parent: ['parent'], title: ['description'] },
    optional: [],
  },
  'comtrade-csv': {
    headers: {
      code: ['id', 'code'],
      level: ['aggrlevel', 'level'],
      parent: ['parent', 'code parent', 'parentcode'],
      title: ['text', 'description'],
    },
    optional: ['level'],
  },
};

function revisionFromFileName(name: string): HsRevision | undefined {
  const match = /^(H[0-6])(?!\d)/i.exec(name);
  return match ? (match[1]!.toUpperCase() as HsRevision) : undefined;
}

function unknownRevision(name: string): never {
  const known = revisionOrder.map((r) => `${r} = ${hsRevisions[r]}`).join(', ');
  throw new AccordError(
    'VALIDATION_FAILED',
    `cannot tell which HS revision ${name} follows: give --revision (${known}) or name the file after it, e.g. H6.json`,
    { problems: [{ path: 'revision', message: `required for ${name}` }] },
  );
}

function parseComtrade(text: string, name: string): ParsedFile {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AccordError('VALIDATION_FAILED', `${name} is not valid JSON: ${(error as Error).message}`);
  }
  const results = isObject(document) ? document.results : undefined;
  if (!Array.isArray(results)) {
    throw new AccordError(
      'VALIDATION_FAILED',
      `${name} has no "results" list; a UN Comtrade classification file looks like {"results": [{"id": "0101", ...}]}`,
    );
  }
  const fields: Record<EntryField, string> = { code: 'id', level: 'aggrLevel', parent: 'parent', title: 'text' };
  const parsed: ParsedFile = { entries: [], problems: [], skipped: 0 };
  const seen = new Map<string, string>();
  results.forEach((item: unknown, index) => {
    const at = `results.${index}`;
    if (!isObject(item)) {
      parsed.problems.push({ path: at, message: 'is not an object with id, text and parent' });
      return;
    }
    if (typeof item.id !== 'string') {
      parsed.problems.push({ path: `${at}.id`, message: 'is missing or not text' });
      return;
    }
    const code = item.id.trim();
    // Totals (TOTAL) and the aggregates of each level (AG2, AG4, AG6) are not codes of the nomenclature.
    if (!/^\d+$/.test(code)) {
      parsed.skipped += 1;
      return;
    }
    const raw: RawEntry = {
      code,
      // Older files have no aggregation level; there the length of the code is its level.
      level: item.aggrLevel === undefined ? String(code.length) : String(item.aggrLevel),
      parent: typeof item.parent === 'string' ? item.parent.trim() : '',
      title: typeof item.text === 'string' ? item.text.replace(/^\s*\d+\s*-\s*/, '').trim() : '',
    };
    const problems = checkEntry(raw, seen, at);
    for (const p of problems) parsed.problems.push({ path: `${at}.${fields[p.field]}`, message: p.message });
    if (problems.length === 0) parsed.entries.push(toEntry(raw));
  });
  return parsed;
}

async function parseCsv(file: string, layout: CsvLayout): Promise<ParsedFile> {
  const parsed: ParsedFile = { entries: [], problems: [], skipped: 0 };
  const seen = new Map<string, string>();
  let header: string[] | undefined;
  let index: Record<EntryField, number> = { code: -1, level: -1, parent: -1, title: -1 };
  try {
    for await (const batch of readCsv(fs.createReadStream(file), { delimiter: ',' })) {
      for (const record of batch) {
        if (!header) {
          header = record.fields.map((f) => f.trim());
          const columns = csvHeader(record.fields);
          const column = (field: EntryField) =>
            layout.headers[field].map((h) => columns.indexOf(h)).find((i) => i >= 0) ?? -1;
          index = { code: column('code'), level: column('level'), parent: column('parent'), title: column('title') };
          continue;
        }
        const line = record.line;
        if (record.fields.length !== header.length) {
          parsed.problems.push({
            path: '(row)',
            line,
            message: `has ${record.fields.length} fields where the header has ${header.length}`,
          });
          continue;
        }
        const code = record.fields[index.code]!.trim();
        // The total of all commodities and UN Comtrade's aggregates of each level are not codes of the nomenclature.
        if (/^(TOTAL|AG[246])$/i.test(code)) {
          parsed.skipped += 1;
          continue;
        }
        const title = record.fields[index.title]!.trim();
        const raw: RawEntry = {
          code,
          level: index.level >= 0 ? record.fields[index.level]!.trim() : String(code.length),
          parent: record.fields[index.parent]!.trim(),
          // UN Comtrade starts each text with its code: "0101 - Horses, ...".
          title: title.startsWith(`${code} `) ? title.slice(code.length).replace(/^\s*-\s*/, '') : title,
        };
        const problems = checkEntry(raw, seen, `line ${line}`);
        for (const p of problems) {
          const path = index[p.field] >= 0 ? header[index[p.field]]! : `${p.field} (the length of the code)`;
          parsed.problems.push({ path, line, message: p.message });
        }
        if (problems.length === 0) parsed.entries.push(toEntry(raw));
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    parsed.problems.push({ path: '(file)', line: error.line, message: error.message });
  }
  return parsed;
}

/** Every reason a row cannot be loaded; `seen` remembers where each code was first found. */
function checkEntry(
  raw: RawEntry,
  seen: Map<string, string>,
  where: string,
): Array<{ field: EntryField; message: string }> {
  const problems: Array<{ field: EntryField; message: string }> = [];
  const level = /^[246]$/.test(raw.level) ? Number(raw.level) : null;
  if (level === null) problems.push({ field: 'level', message: `"${raw.level}" is not 2, 4 or 6` });
  if (!/^\d+$/.test(raw.code)) {
    problems.push({ field: 'code', message: `"${raw.code}" is not made of digits` });
  } else if (level !== null && raw.code.length !== level) {
    problems.push({
      field: 'code',
      message: `${raw.code} has ${raw.code.length} digits; level ${level} needs ${level}`,
    });
  } else if (level !== null) {
    const first = seen.get(raw.code);
    if (first) problems.push({ field: 'code', message: `${raw.code} appears again (first at ${first})` });
    else seen.set(raw.code, where);
    if (level === 2 && /^\d+$/.test(raw.parent)) {
      problems.push({ field: 'parent', message: `a chapter's parent is TOTAL, not ${raw.parent}` });
    }
    if (level > 2 && raw.parent !== raw.code.slice(0, level - 2)) {
      problems.push({
        field: 'parent',
        message: `"${raw.parent}" does not match code ${raw.code}: expected ${raw.code.slice(0, level - 2)}`,
      });
    }
  }
  if (raw.title === '') problems.push({ field: 'title', message: 'is empty' });
  return problems;
}

function toEntry(raw: RawEntry): HsEntry {
  const level = Number(raw.level) as 2 | 4 | 6;
  return { code: raw.code, level, parentCode: level === 2 ? null : raw.parent, titleEn: raw.title };
}

function badRows(name: string, problems: Problem[]): AccordError {
  const first = problems[0]!;
  const where = first.line !== undefined ? `line ${first.line}, ${first.path}` : first.path;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AccordError(
    'VALIDATION_FAILED',
    `${name} has ${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} and nothing was loaded: ${where}: ${first.message}${more}`,
    { problems },
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the nomenclature

/** The revision asked for, or the newest one loaded, or HS 2022 (the built-in chapters') when none is. */
async function resolveRevision(db: Db, revision: string | undefined): Promise<HsRevision> {
  if (revision !== undefined) return parseInput(hsRevision, revision, 'revision');
  const loaded = new Set(await store.loadedRevisions(db));
  return revisionOrder.filter((r) => loaded.has(r)).at(-1) ?? 'H6';
}

function normalizeCode(code: string): string {
  return code.trim().replace(/[.\s]/g, '');
}

function sectionTitle(chapter: string): HsCodeDescription['section'] {
  const section = sectionOfChapter(chapter);
  return section
    ? { code: section.code, roman: section.roman, titleEn: section.titleEn, titleRu: section.titleRu }
    : null;
}

/** A chapter from the built-in reference; a reporting chapter outside it (99) from the loaded file. */
async function chapterTitle(db: Db, revision: HsRevision, code: string): Promise<HsCodeDescription['chapter']> {
  const builtIn = builtInChapters.get(code);
  if (builtIn) return { code, titleEn: builtIn.titleEn, titleRu: builtIn.titleRu };
  const row = await store.findHsCode(db, revision, code);
  return row ? { code, titleEn: row.titleEn, titleRu: row.titleRu } : null;
}

function notInNomenclature(code: string, revision: HsRevision): AccordError {
  return new AccordError(
    'NOT_FOUND',
    `HS code ${code} is not in the loaded nomenclature (${revision}); load it with accord hs import FILE`,
    { details: { what: 'HS code', id: code, revision } },
  );
}

/**
 * A section (by its roman numeral, e.g. XVII), chapter, heading or subheading with its titles and the chapter
 * and section holding it.
 */
export async function describeHsCode(db: Db, code: string, revision?: HsRevision): Promise<HsCodeDescription> {
  const wanted = normalizeCode(code);
  const rev = await resolveRevision(db, revision);
  const section = sectionsByRoman.get(wanted.toUpperCase());
  if (section) {
    return {
      code: section.roman,
      level: 'section',
      revision: rev,
      titleEn: section.titleEn,
      titleRu: section.titleRu,
      chapter: null,
      section: { code: section.code, roman: section.roman, titleEn: section.titleEn, titleRu: section.titleRu },
    };
  }
  if (!codePattern.test(wanted)) {
    const message = `"${code}" is not an HS code: expected 2, 4 or 6 digits (87, 8703, 870323) or a section numeral (XVII)`;
    throw new AccordError('VALIDATION_FAILED', message, { problems: [{ path: 'code', message }] });
  }
  const chapter = await chapterTitle(db, rev, wanted.slice(0, 2));
  if (wanted.length === 2) {
    if (!chapter) throw notInNomenclature(wanted, rev);
    return {
      code: wanted,
      level: 'chapter',
      revision: rev,
      ...titles(chapter),
      chapter,
      section: sectionTitle(wanted),
    };
  }
  const row = await store.findHsCode(db, rev, wanted);
  if (!row) throw notInNomenclature(wanted, rev);
  return {
    code: wanted,
    level: levelNames[row.level]!,
    revision: rev,
    titleEn: row.titleEn,
    titleRu: row.titleRu,
    chapter,
    section: sectionTitle(wanted.slice(0, 2)),
  };
}

/** UN Comtrade's chapter for goods it does not classify by kind, which trade data carry (9999, 999999). */
const unspecifiedChapter = {
  code: '99',
  titleEn: 'Commodities not specified according to kind',
  titleRu: 'Товары, не классифицированные по виду',
};

/**
 * A chapter, heading or subheading as trade data are filed under it, for a question about one product.
 * A heading or subheading must be in a loaded nomenclature (any revision: data keep the codes of their
 * year); with none loaded it is checked to its chapter only, and titled after the chapter.
 */
export async function describeTradedProduct(db: Db, code: string): Promise<TradedProduct> {
  const wanted = normalizeCode(code);
  if (!codePattern.test(wanted)) {
    const message = `"${code}" is not an HS code: expected 2, 4 or 6 digits (87, 8704, 870410)`;
    throw new AccordError('VALIDATION_FAILED', message, { problems: [{ path: 'hs', message }] });
  }
  const chapterCode = wanted.slice(0, 2);
  const chapter = realChapters.has(chapterCode)
    ? builtInChapters.get(chapterCode)!
    : chapterCode === '99'
      ? unspecifiedChapter
      : undefined;
  if (!chapter) {
    throw new AccordError(
      'NOT_FOUND',
      `HS code ${wanted}: ${chapterCode} is not an HS chapter (01–97 except 77, or 99 for goods not specified)`,
      { details: { what: 'HS code', id: wanted } },
    );
  }
  if (wanted.length === 2) {
    const { titleEn, titleRu } = chapter;
    return { code: wanted, level: 'chapter', revision: null, inNomenclature: true, titleEn, titleRu };
  }
  const level = levelNames[wanted.length] as 'heading' | 'subheading';
  const loaded = new Set(await store.loadedRevisions(db));
  const newestFirst = revisionOrder.filter((r) => loaded.has(r)).reverse();
  if (newestFirst.length === 0) {
    return {
      code: wanted,
      level,
      revision: null,
      inNomenclature: false,
      titleEn: `[chapter ${chapterCode}] ${chapter.titleEn}`,
      titleRu: `[группа ${chapterCode}] ${chapter.titleRu}`,
    };
  }
  for (const revision of newestFirst) {
    const row = await store.findHsCode(db, revision, wanted);
    if (row) {
      return {
        code: wanted,
        level,
        revision,
        inNomenclature: true,
        titleEn: row.titleEn,
        titleRu: row.titleRu ?? `[группа ${chapterCode}] ${chapter.titleRu}`,
      };
    }
  }
  throw new AccordError(
    'NOT_FOUND',
    `HS code ${wanted} is in none of the loaded nomenclatures (${newestFirst.join(', ')}); load its revision with accord hs import FILE`,
    { details: { what: 'HS code', id: wanted } },
  );
}

function titles(value: HsTitle): HsTitle {
  return { titleEn: value.titleEn, titleRu: value.titleRu };
}

/** Titles of many codes at once, for lists and reports; codes that are not known are left out. */
export async function hsTitles(db: Db, codes: string[], revision?: HsRevision): Promise<Map<string, HsTitle>> {
  const found = new Map<string, HsTitle>();
  const fromTable: string[] = [];
  for (const code of new Set(codes)) {
    const chapter = builtInChapters.get(code);
    if (chapter) found.set(code, titles(chapter));
    else if (codePattern.test(code)) fromTable.push(code);
  }
  if (fromTable.length === 0) return found;
  const rev = await resolveRevision(db, revision);
  for (const row of await store.findHsCodes(db, rev, fromTable)) found.set(row.code, titles(row));
  return found;
}

/** The check an importer runs on the commodity codes of one revision. */
export interface HsCodeChecker {
  /** Null when the code is fine, else why not. */
  check(code: string): string | null;
  /**
   * Whether the revision's headings and subheadings have been imported (`accord hs import`): without
   * them a heading or subheading is checked only to its chapter, and may not exist.
   */
  nomenclature: boolean;
}

/** The revision's codes are read once, for a check that runs on every row. */
export async function hsCodeChecker(db: Db, revision: HsRevision): Promise<HsCodeChecker> {
  const rev = parseInput(hsRevision, revision, 'revision');
  const known = new Set(await store.codesOfRevision(db, rev, [4, 6]));
  const check = (code: string) => {
    if (!codePattern.test(code)) return `HS code "${code}" is not 2, 4 or 6 digits`;
    const chapter = code.slice(0, 2);
    // Chapter 99 is how UN Comtrade files goods not specified by kind (9999, 999999); trade data carries it.
    if (!realChapters.has(chapter) && chapter !== '99') {
      return `HS code ${code}: ${chapter} is not an HS chapter (01–97 except 77, or 99 for goods not specified)`;
    }
    if (known.size > 0 && code.length > 2 && !known.has(code)) {
      return `HS code ${code} is not in the ${rev} nomenclature (${hsRevisions[rev]})`;
    }
    return null;
  };
  return { check, nomenclature: known.size > 0 };
}

/** Codes starting with the digits given (8703, 87.03), or whose titles contain every word given. */
export async function searchHs(
  db: Db,
  q: string,
  revision?: HsRevision,
  limit: number = hsSearchLimit,
): Promise<HsSearchHit[]> {
  const query = parseInput(hsSearchQuery, { q, revision, limit });
  const rev = await resolveRevision(db, query.revision);
  const digits = normalizeCode(query.q);
  let chapters: HsChapterReference[];
  let search: store.HsSearch;
  if (/^\d+$/.test(digits)) {
    // A national tariff line (8703231910) is searched by the six digits the HS defines.
    const prefix = digits.slice(0, 6);
    chapters = hsChapters.filter((c) => c.code.startsWith(prefix));
    search = { revision: rev, prefix, exceptChapters: builtInChapterCodes, limit: query.limit };
  } else {
    const words = normalizeSearch(query.q).split(' ');
    chapters = hsChapters.filter((c) => {
      const text = searchText(c.code, c.titleEn, c.titleRu);
      return words.every((w) => text.includes(w));
    });
    search = { revision: rev, words, exceptChapters: builtInChapterCodes, limit: query.limit };
  }
  const hits: HsSearchHit[] = [
    ...chapters.map((c) => ({ code: c.code, level: 'chapter' as const, revision: rev, ...titles(c) })),
    ...(await store.searchHsCodes(db, search)).map((row) => ({
      code: row.code,
      level: levelNames[row.level]!,
      revision: rev,
      ...titles(row),
    })),
  ];
  return hits.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).slice(0, query.limit);
}

/** The revisions loaded, oldest first, with how many codes of each level they hold. */
export async function listHsRevisions(db: Db): Promise<HsRevisionSummary[]> {
  const byRevision = new Map<string, HsRevisionSummary>();
  for (const row of await store.revisionCounts(db)) {
    const rev = row.revision as HsRevision;
    const summary = byRevision.get(rev) ?? {
      revision: rev,
      name: hsRevisions[rev],
      chapters: 0,
      headings: 0,
      subheadings: 0,
      source: row.source,
    };
    if (row.level === 2) summary.chapters = row.count;
    else if (row.level === 4) summary.headings = row.count;
    else if (row.level === 6) summary.subheadings = row.count;
    byRevision.set(rev, summary);
  }
  return revisionOrder.flatMap((r) => byRevision.get(r) ?? []);
}
