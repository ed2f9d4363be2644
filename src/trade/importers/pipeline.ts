import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import type { Database } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { DatasetKind, FlowRow, ImportNote, RowProblem, StatisticalTerritory } from '../model.ts';
import { tradeFacts } from '../facts/index.ts';
import type { FactStage } from '../facts/store.ts';
import {
  isStatisticalTerritory,
  statisticalTerritory,
  type BulkReader,
  type BulkResult,
  type FlowParser,
} from './common.ts';
import { ensureDataset, ensureTerritories, recordImport } from './store.ts';

export interface ImportProgress {
  /**
   * `reading`: the file is read and checked, row by row; `finishing`: every row is read, the import is
   * recorded, and its rows take the place of the slices they supersede.
   */
  stage: 'reading' | 'finishing';
  bytesRead: number;
  totalBytes: number;
  /** Data rows read so far: imported, rejected and skipped. */
  rowsRead: number;
  rowsRejected: number;
}

export interface ImportOptions {
  dataset: { name: string; kind: DatasetKind; source: string; notes?: string | null };
  file: string;
  /** What the file is called in messages, the report and the import's record: an upload's own name; the path by default. */
  fileName?: string;
  format: string;
  /** Turns the file's byte stream into batches of normalized rows and rejected rows. */
  parse: FlowParser;
  /** Reads the whole file into the store at once where it can; `parse` reads it otherwise. */
  bulk?: BulkReader;
  /** Notes on what a bulk reader staged, given its result (HS codes checked only to their chapter). */
  bulkNotes?: (result: BulkResult) => ImportNote[];
  onProgress?: (progress: ImportProgress) => void;
  /** Where to write every rejected cell as CSV (line, column, value, reason); created only if there are any. */
  errorFile?: string;
}

export interface ImportReport {
  importId: string;
  datasetId: string | null;
  dataset: string;
  format: string;
  file: string;
  fileHash: string;
  imported: boolean;
  /** Zero unless the import committed. */
  rowsImported: number;
  rowsReplaced: number;
  /** Rows with at least one bad cell. */
  rowsRejected: number;
  rowsSkipped: number;
  /** What the reader did or found beyond the counts: HS levels set aside, totals checked, rows unverified… */
  notes: ImportNote[];
  /** The first rejected cells (all of them are in the error file when one was asked for). */
  problems: RowProblem[];
  /** The error file, when rows were rejected and one was asked for. */
  errorFile: string | null;
  /** Why the error file could not be written; the rejected rows are still in `problems`. */
  errorFileProblem: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  seconds: number;
}

const maxProblemsKept = 1000;
const maxNotesKept = 100;

/**
 * Imports one file into a dataset, all or nothing: rows are written in one transaction that commits only
 * if no row was rejected; a process killed midway leaves the database as it was. Rows of a reporter,
 * period and flow the dataset already holds are replaced, so importing the same slice twice does not
 * double it, while a file of a reporter's imports leaves its exports alone.
 * Memory stays bounded: the file is streamed in batches into the trade store, where they stay staged,
 * seen by no query, until the import is recorded (see TradeFacts.stage).
 */
export async function importFlows(database: Database, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const stat = fs.statSync(options.file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new AccordError('NOT_FOUND', `no such file: ${options.file}`);

  const hash = createHash('sha256');
  let bytesRead = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytesRead += chunk.length;
      callback(null, chunk);
    },
  });
  const source = fs.createReadStream(options.file, { highWaterMark: 1 << 20 });
  // pipe() does not forward errors: a read error must end the parse instead of leaving it waiting.
  source.on('error', (error) => counter.destroy(error));
  const input = source.pipe(counter);

  let errorOut: fs.WriteStream | undefined;
  const importId = newId();
  const report: ImportReport = {
    importId,
    datasetId: null,
    dataset: options.dataset.name,
    format: options.format,
    file: options.fileName ?? options.file,
    fileHash: '',
    imported: false,
    rowsImported: 0,
    rowsReplaced: 0,
    rowsRejected: 0,
    rowsSkipped: 0,
    notes: [],
    problems: [],
    errorFile: null,
    errorFileProblem: null,
    periodFrom: null,
    periodTo: null,
    seconds: 0,
  };
  let stage: FactStage | undefined;
  let rowsRead = 0;
  let lastRejectedLine = 0;
  let unterminatedLine: number | undefined;
  try {
    // Imports queue here, one at a time, while the file waits to be read.
    stage = await (await tradeFacts(database.db)).stage(importId);
    const periods = new PeriodSpan();
    const territories = new TerritoriesMet();

    // While the store reads the file, reading it here for its hash and lines gives the progress.
    let scanned: ReturnType<typeof scanFile> | undefined;
    const scan = () => {
      scanned ??= scanFile(options.file, (bytes) =>
        options.onProgress?.({
          stage: 'reading',
          bytesRead: bytes,
          totalBytes: stat.size,
          rowsRead: 0,
          rowsRejected: 0,
        }),
      );
      return scanned;
    };
    const bulk = options.bulk && (await options.bulk(stage, async () => (await scan()).lines));
    // A reader that declined may have started the scan without waiting for it: its failure, if any, is no
    // longer anyone's question (the row reader reads the file again and meets the same trouble).
    scanned?.catch(() => undefined);
    if (bulk) {
      bytesRead = (await scan()).bytes;
      rowsRead = bulk.rows;
      report.rowsImported = bulk.rows;
      periods.span(bulk.periodFrom, bulk.periodTo);
      territories.take(bulk.territories, []);
      for (const note of options.bulkNotes?.(bulk) ?? []) report.notes.push(note);
    }
    for await (const batch of bulk ? [] : options.parse(input)) {
      report.rowsSkipped += batch.skipped;
      territories.take(batch.territories ?? [], batch.rows);
      for (const note of batch.notes ?? []) if (report.notes.length < maxNotesKept) report.notes.push(note);
      unterminatedLine = batch.unterminatedLine ?? unterminatedLine;
      if (batch.problems.length > 0) {
        // A row may have several bad cells: each is reported, the row is counted once.
        const rejectedLines = new Set(batch.problems.map((p) => p.line));
        report.rowsRejected += rejectedLines.size;
        for (const line of rejectedLines) lastRejectedLine = Math.max(lastRejectedLine, line);
        rowsRead += rejectedLines.size;
        if (options.errorFile && !errorOut && report.errorFileProblem === null) {
          const out = fs.createWriteStream(options.errorFile);
          // An unwritable error file must not end the import unreported: the rows are still listed in the report.
          out.on('error', (error) => {
            report.errorFile = null;
            report.errorFileProblem = `cannot write ${options.errorFile}: ${error.message}`;
            errorOut = undefined;
            out.destroy();
          });
          out.write('line,column,value,reason\n');
          errorOut = out;
          report.errorFile = options.errorFile;
        }
        for (const p of batch.problems) {
          if (report.problems.length < maxProblemsKept) report.problems.push(p);
          const line = `${p.line},${csvCell(p.column)},${csvCell(p.value)},${csvCell(p.reason)}\n`;
          // A file of millions of bad rows must not pile up in memory faster than the disk takes it.
          if (errorOut && !errorOut.write(line)) await drained(errorOut);
        }
      }
      rowsRead += batch.rows.length + batch.skipped;
      // Once any row is rejected nothing will be committed; keep reading only to report every bad row.
      if (report.rowsRejected === 0) {
        periods.take(batch.rows);
        await stage.add(batch.rows);
        report.rowsImported += batch.rows.length;
      }
      options.onProgress?.({
        stage: 'reading',
        bytesRead,
        totalBytes: stat.size,
        rowsRead,
        rowsRejected: report.rowsRejected,
      });
    }

    report.fileHash = bulk ? (await scan()).hash : hash.digest('hex');
    const met = territories.all();
    if (report.rowsRejected > 0) {
      if (met.length > 0) report.notes.push(territoriesNote(met, null));
      if (unterminatedLine !== undefined && lastRejectedLine === unterminatedLine) {
        report.notes.push({
          code: 'file-may-be-truncated',
          message: `The file may be truncated at line ${unterminatedLine}: that line, the last, has no line break at its end and its row was rejected.`,
        });
      }
      report.rowsImported = 0;
      report.periodFrom = null;
      report.periodTo = null;
      return report;
    }
    if (report.rowsImported === 0) {
      const skipped =
        report.rowsSkipped > 0 ? ` (${report.rowsSkipped} rows were skipped as totals, re-exports or breakdowns)` : '';
      throw new AccordError('VALIDATION_FAILED', `${report.file} holds no rows of trade to import${skipped}`, {
        details: { rowsSkipped: report.rowsSkipped },
      });
    }
    options.onProgress?.({ stage: 'finishing', bytesRead, totalBytes: stat.size, rowsRead, rowsRejected: 0 });
    report.periodFrom = periods.from;
    report.periodTo = periods.to;
    let added: string[] = [];
    const committing = stage;
    stage = undefined;
    await committing.commit(async (trx, rowsReplaced) => {
      const dataset = await ensureDataset(trx, {
        id: newId(),
        name: options.dataset.name,
        kind: options.dataset.kind,
        source: options.dataset.source,
        notes: options.dataset.notes ?? null,
      });
      if (met.length > 0) added = await ensureTerritories(trx, met);
      report.rowsReplaced = await rowsReplaced(dataset.seq);
      const importSeq = await recordImport(trx, {
        id: importId,
        datasetId: dataset.id,
        format: options.format,
        fileName: report.file.split(/[\\/]/).pop() ?? report.file,
        fileHash: report.fileHash,
        rowsImported: report.rowsImported,
        rowsReplaced: report.rowsReplaced,
        periodFrom: report.periodFrom,
        periodTo: report.periodTo,
        importedAt: new Date().toISOString(),
      });
      report.datasetId = dataset.id;
      return { datasetSeq: dataset.seq, importSeq };
    });
    if (met.length > 0) report.notes.push(territoriesNote(met, added.length));
    report.imported = true;
    return report;
  } catch (error) {
    throw asUnreadableGzip(error, report.file) ?? error;
  } finally {
    await stage?.discard().catch(() => undefined);
    if (!report.imported) {
      report.datasetId = null;
      report.rowsReplaced = 0;
    }
    // A parser that gave up early (a missing column, a bad mapping) must not keep the file open.
    source.destroy();
    const out = errorOut;
    if (out) await new Promise((resolve) => out.end(resolve));
    if (report.errorFileProblem !== null) report.errorFile = null;
    report.seconds = (performance.now() - started) / 1000;
  }
}

/** The file's SHA-256 and line count (a last line without its line break counts), in one read. */
async function scanFile(
  file: string,
  onBytes: (bytes: number) => void,
): Promise<{ hash: string; lines: number; bytes: number }> {
  const hash = createHash('sha256');
  let lines = 0;
  let bytes = 0;
  let last = 0x0a;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
    for (let at = chunk.indexOf(0x0a); at >= 0; at = chunk.indexOf(0x0a, at + 1)) lines += 1;
    if (chunk.length > 0) last = chunk[chunk.length - 1]!;
    onBytes(bytes);
  }
  if (last !== 0x0a) lines += 1;
  return { hash: hash.digest('hex'), lines, bytes };
}

/** zlib's errors (codes Z_…) say a file that starts like gzip is not whole or not gzip at all. */
function asUnreadableGzip(error: unknown, file: string): AccordError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('Z_')) return null;
  const reason = (error as Error).message;
  return new AccordError('VALIDATION_FAILED', `${file} starts as a gzip file but cannot be unpacked: ${reason}`, {
    problems: [{ path: 'file', message: `not a whole gzip file (${reason})` }],
  });
}

/**
 * The statistical territories the rows point to: named as the reader found them in the file, the others
 * (the reader handed on no name, or its rows are not seen here) by Accord's list.
 */
class TerritoriesMet {
  private readonly met = new Map<string, StatisticalTerritory>();

  take(named: StatisticalTerritory[], rows: FlowRow[]): void {
    for (const territory of named) this.met.set(territory.code, territory);
    for (const row of rows) {
      this.meet(row.reporter);
      this.meet(row.partner);
    }
  }

  private meet(code: string): void {
    if (!this.met.has(code) && isStatisticalTerritory(code)) this.met.set(code, statisticalTerritory(code));
  }

  all(): StatisticalTerritory[] {
    return [...this.met.values()].sort((a, b) => a.code.localeCompare(b.code));
  }
}

/** Which codes stand for no country, so the figures of the import are not mistaken for a country's. */
function territoriesNote(met: StatisticalTerritory[], added: number | null): ImportNote {
  const shown = 20;
  const listed = met
    .slice(0, shown)
    .map((t) => `${t.code} ${t.nameEn}`)
    .join('; ');
  const more = met.length > shown ? ` and ${met.length - shown} more` : '';
  const counted = added === null ? '' : ` (${added} of them new to Accord's territories)`;
  return {
    code: 'statistical-territories',
    message: `${met.length} codes of the file stand for no ISO 3166 country and are kept as statistical territories${counted}, listed apart from countries in rankings: ${listed}${more}.`,
  };
}

/** The first and last period of the rows imported. */
class PeriodSpan {
  from: number | null = null;
  to: number | null = null;

  take(rows: readonly FlowRow[]): void {
    let from = Infinity;
    let to = -Infinity;
    for (const { period } of rows) {
      if (period < from) from = period;
      if (period > to) to = period;
    }
    this.span(from, to);
  }

  span(from: number, to: number): void {
    if (from > to) return;
    this.from = Math.min(this.from ?? from, from);
    this.to = Math.max(this.to ?? to, to);
  }
}

/** Resolves when the stream takes more, or fails (its error handler has recorded why). */
function drained(stream: fs.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The import refused because of rejected rows, as the error faces show it. */
export function rejectedRowsError(report: ImportReport): AccordError {
  const first = report.problems[0];
  const summary = first ? `; first: line ${first.line}, column ${first.column}: ${first.reason}` : '';
  return new AccordError(
    'IMPORT_ROW_INVALID',
    `${report.rowsRejected} rows of ${report.file} were rejected, so nothing was imported${summary}`,
    {
      problems: report.problems.map((p) => ({
        path: p.column,
        line: p.line,
        column: p.column,
        message: `${p.reason} (value: ${p.value})`,
      })),
      details: {
        rowsRejected: report.rowsRejected,
        errorFile: report.errorFile,
        errorFileProblem: report.errorFileProblem,
        notes: report.notes,
      },
    },
  );
}
