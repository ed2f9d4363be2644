import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Database } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { ImportNote } from '../model.ts';
import type { ImportProgress, ImportReport } from './pipeline.ts';
import { importTradeFile, type ImportRequest } from './service.ts';

export type ImportJobStatus = 'running' | 'imported' | 'failed';

/** An import started through the API: its progress while it runs, then its report or its error. */
export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  dataset: string;
  format: string;
  startedAt: string;
  finishedAt: string | null;
  progress: ImportProgress;
  report: Omit<ImportReport, 'problems' | 'errorFile'> | null;
  error: {
    code: string;
    message: string;
    problems: Array<{ path: string; message: string; line?: number; column?: string }>;
    /** What the reader found besides the rejected rows (the file may be truncated, …). */
    notes: ImportNote[];
  } | null;
  /** Set while the rejected rows can be downloaded as CSV. */
  hasErrorFile: boolean;
}

interface Entry {
  job: ImportJob;
  dir: string;
  errorFile: string;
}

/** Jobs of this server process; finished ones are kept for an hour so their reports can be read. */
const jobs = new Map<string, Entry>();
const keepFinishedMs = 60 * 60 * 1000;
const maxRunning = 2;

/**
 * A private folder for one uploaded file, kept under the name the user's file had (its last path part,
 * with characters a file system might refuse replaced), so the dataset records which file it came from.
 */
export function uploadTarget(fileName?: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-upload-'));
  const base = (fileName ?? '').split(/[\\/]/).pop() ?? '';
  const safe = base
    .replace(/[^\p{L}\p{N}._() -]/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 200);
  return { dir, file: path.join(dir, safe === '' ? 'upload' : safe) };
}

/**
 * Starts importing an uploaded file in the background and returns at once; the caller polls the job.
 * The import itself is the same all-or-nothing import the CLI runs.
 */
export function startImportJob(
  database: Database,
  upload: { dir: string; file: string },
  request: Omit<ImportRequest, 'file' | 'errorFile' | 'onProgress'>,
  /** Where an unexpected failure is told in full (the server's log). */
  logFailure: (message: string, error: unknown) => void = () => undefined,
): ImportJob {
  try {
    requireImportSlot();
  } catch (error) {
    fs.rmSync(upload.dir, { recursive: true, force: true });
    throw error;
  }
  const size = fs.statSync(upload.file).size;
  const job: ImportJob = {
    id: newId(),
    status: 'running',
    dataset: request.dataset.name,
    format: request.format,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    progress: { stage: 'reading', bytesRead: 0, totalBytes: size, rowsRead: 0, rowsRejected: 0 },
    report: null,
    error: null,
    hasErrorFile: false,
  };
  const entry: Entry = { job, dir: upload.dir, errorFile: path.join(upload.dir, 'rejected-rows.csv') };
  jobs.set(job.id, entry);
  void importTradeFile(database, {
    ...request,
    file: upload.file,
    errorFile: entry.errorFile,
    onProgress: (progress) => {
      job.progress = progress;
    },
  })
    .then((report) => {
      // The error file's place is the server's own: the rejected rows are offered through the job instead.
      const { problems: _problems, errorFile: _errorFile, ...rest } = report;
      job.report = rest;
      job.status = 'imported';
    })
    .catch((error: unknown) => {
      // An unexpected failure's own message may name the server's files; it goes to the log, not to the user.
      if (!(error instanceof AccordError)) logFailure(`import job ${job.id} failed`, error);
      const accordError =
        error instanceof AccordError
          ? error
          : new AccordError('INTERNAL', 'the import failed for a reason of the server');
      job.error = {
        code: accordError.code,
        message: accordError.message,
        problems: accordError.problems.slice(0, 1000),
        notes: Array.isArray(accordError.details.notes) ? (accordError.details.notes as ImportNote[]) : [],
      };
      job.status = 'failed';
      job.hasErrorFile = fs.existsSync(entry.errorFile);
    })
    .finally(() => {
      job.finishedAt = new Date().toISOString();
      // The rejected rows stay to be fetched; without any, nothing of the folder is needed.
      if (job.hasErrorFile) fs.rmSync(upload.file, { force: true });
      else fs.rmSync(upload.dir, { recursive: true, force: true });
    });
  return job;
}

/** Refuses a new import while as many as this server runs at once are running; asked before an upload is received too. */
export function requireImportSlot(): void {
  sweep();
  const running = [...jobs.values()].filter((e) => e.job.status === 'running').length;
  if (running >= maxRunning) {
    throw new AccordError('CONFLICT', `${running} imports are running; try again when one has finished`);
  }
}

export function getImportJob(id: string): ImportJob {
  const entry = jobs.get(id);
  if (!entry)
    throw new AccordError('NOT_FOUND', `import job ${id} does not exist (jobs are kept an hour after they end)`);
  return entry.job;
}

/** The rejected rows of a failed job as CSV (line, column, value, reason). */
export function rejectedRowsFile(id: string): string {
  const entry = jobs.get(id);
  if (!entry || !entry.job.hasErrorFile) throw new AccordError('NOT_FOUND', `import job ${id} has no rejected rows`);
  return entry.errorFile;
}

// Folders still kept when the process ends (rejected rows not yet an hour old) go with it: nothing
// else would ever remove them.
process.once('exit', () => {
  for (const entry of jobs.values()) fs.rmSync(entry.dir, { recursive: true, force: true });
});

/**
 * The folders of finished jobs, removed when the server that ran them closes: a test worker or an embedding
 * process may end without the 'exit' event above.
 */
export function discardFinishedImportJobs(): void {
  for (const [id, entry] of jobs) {
    if (entry.job.status === 'running') continue;
    fs.rmSync(entry.dir, { recursive: true, force: true });
    jobs.delete(id);
  }
}

function sweep(): void {
  const now = Date.now();
  for (const [id, entry] of jobs) {
    if (entry.job.finishedAt && now - Date.parse(entry.job.finishedAt) > keepFinishedMs) {
      fs.rmSync(entry.dir, { recursive: true, force: true });
      jobs.delete(id);
    }
  }
}
