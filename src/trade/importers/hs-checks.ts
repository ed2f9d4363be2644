import type { Db } from '../../db/connection.ts';
import { hsCodeChecker, type HsCodeChecker } from '../hs/service.ts';
import { hsRevisions, type HsRevision, type ImportNote, type ParsedBatch } from '../model.ts';
import type { FlowParser, HsCodeCheck } from './common.ts';

/** Codes a note names at most: enough to find them in the file, few enough to read. */
const codesNamed = 5;

/** What was met of a revision whose nomenclature has not been imported. */
interface ChapterOnly {
  /** Headings and subheadings met. */
  codes: Set<string>;
  rows: number;
}

/**
 * The HS code checks of one import. A revision whose nomenclature has been imported (`accord hs import`)
 * has every code checked against it. For one that has not, Accord knows only its chapters: a heading or
 * subheading is checked to its chapter and its row imported, and the report says how many rows of which
 * revision were, so that no one takes them for checked.
 */
export class ImportHsChecks {
  private readonly chapterOnly = new Map<string, ChapterOnly>();

  private constructor(private readonly checkers: ReadonlyMap<string, HsCodeChecker>) {
    for (const [revision, checker] of checkers) {
      if (!checker.nomenclature) this.chapterOnly.set(revision, { codes: new Set(), rows: 0 });
    }
  }

  /** The checks of the revisions a file may use, each revision's codes read once before the rows. */
  static async load(db: Db, revisions: HsRevision[]): Promise<ImportHsChecks> {
    const checkers = new Map<string, HsCodeChecker>();
    for (const revision of revisions) checkers.set(revision, await hsCodeChecker(db, revision));
    return new ImportHsChecks(checkers);
  }

  /** Readers call it once per distinct code (see `CellCache`), so the codes are noted here, not per row. */
  readonly check: HsCodeCheck = (code, revision) => {
    const reason = this.checkers.get(revision)?.check(code) ?? null;
    if (reason === null && code.length > 2) this.chapterOnly.get(revision)?.codes.add(code);
    return reason;
  };

  /**
   * The reader's batches, passed on as they are, then a note for each revision whose rows were checked only
   * to their chapter.
   */
  reporting(parse: FlowParser): FlowParser {
    const count = (batch: ParsedBatch) => this.count(batch);
    const notes = () => this.notes();
    return async function* (input) {
      for await (const batch of parse(input)) {
        count(batch);
        yield batch;
      }
      const found = notes();
      if (found.length > 0) yield { rows: [], problems: [], skipped: 0, notes: found };
    };
  }

  /**
   * The notes of a file read in bulk, whose `rows` rows all hold subheadings of `revision`: its codes were
   * checked once each, as the row reader checks them.
   */
  bulkNotes(revision: HsRevision, rows: number): ImportNote[] {
    const met = this.chapterOnly.get(revision);
    if (met) met.rows += rows;
    return this.notes();
  }

  private count(batch: ParsedBatch): void {
    if (this.chapterOnly.size === 0) return;
    for (const row of batch.rows) {
      // A chapter code is checked whole against the built-in chapters.
      if (row.hsCode.length > 2) {
        const met = this.chapterOnly.get(row.hsRevision);
        if (met) met.rows += 1;
      }
    }
  }

  private notes(): ImportNote[] {
    const notes: ImportNote[] = [];
    for (const [revision, met] of this.chapterOnly) {
      if (met.rows === 0) continue;
      const rev = revision as HsRevision;
      // In code order, whatever order the file lists them in.
      const named = [...met.codes].sort().slice(0, codesNamed).join(', ');
      const codes = `${met.codes.size.toLocaleString('en-US')} ${met.codes.size === 1 ? 'code' : 'codes'}: ${named}${met.codes.size > codesNamed ? ', …' : ''}`;
      notes.push({
        code: 'hs-unverified',
        message:
          `${met.rows.toLocaleString('en-US')} ${met.rows === 1 ? 'row' : 'rows'} of ${hsRevisions[rev]} (${rev}) ` +
          `${met.rows === 1 ? 'was' : 'were'} checked only to the chapter (${codes}): ` +
          `the ${rev} nomenclature has not been imported, so these codes may not exist. To check them, ` +
          `import it with accord hs import FILE --revision ${rev} and import this file again.`,
      });
    }
    return notes;
  }
}
