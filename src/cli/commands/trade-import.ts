import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import { InvalidArgumentError, type Command } from 'commander';
import { z } from 'zod';
import { AccordError, type ErrorCode } from '../../core/errors.ts';
import { parseInput, shortText } from '../../core/model.ts';
import { getDataset, listDatasets, updateDataset } from '../../trade/datasets/service.ts';
import type { ImportProgress, ImportReport } from '../../trade/importers/pipeline.ts';
import {
  defaultDatasetKind,
  importFormat,
  importTradeFile,
  readMappingFile,
  type ImportFormat,
} from '../../trade/importers/service.ts';
import { datasetKind, hsRevision } from '../../trade/model.ts';
import { formatPeriod } from '../../trade/periods.ts';
import type { StoreHolder } from '../../trade/facts/holder.ts';
import type { ImportJob } from '../../trade/importers/jobs.ts';
import { withDatabase } from '../context.ts';
import { askServer, queryString, tradeServer } from '../trade-server.ts';
import { printRows } from '../output.ts';

/** Other trade commands may live in other files; they share one `accord trade` parent. */
function tradeCommand(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'trade') ??
    program.command('trade').description('the trade monitor: trade flows between territories by HS code')
  );
}

const importOptions = z.object({
  format: importFormat,
  dataset: shortText(200),
  kind: datasetKind.optional(),
  source: shortText(500).optional(),
  mapping: z.string().min(1).optional(),
  countries: z.string().min(1).optional(),
  hsRevision: hsRevision.optional(),
  errors: z.string().min(1).optional(),
});

const defaultSource: Record<ImportFormat, string | null> = {
  comtrade: 'UN Comtrade',
  baci: 'CEPII BACI',
  mapped: null,
};

/** How many rejected cells the terminal shows; the error file has them all. */
const problemsShown = 20;

export function registerTradeImportCommands(program: Command): void {
  const trade = tradeCommand(program);

  trade
    .command('import')
    .description('import a file of trade flows into a dataset, all or nothing')
    .argument('<file>', 'the file: CSV (UN Comtrade, BACI, or any table with --mapping), gzipped CSV, or XLSX')
    .requiredOption('--format <format>', 'comtrade, baci or mapped')
    .requiredOption('--dataset <name>', 'the dataset to import into (created when new)')
    .option(
      '--kind <kind>',
      'official_customs, national_statistics, comtrade, baci or illustrative (needed for mapped; else by the format)',
    )
    .option('--source <text>', 'where the data comes from (default: UN Comtrade, CEPII BACI, or the file name)')
    .option('--mapping <file>', 'YAML or JSON column mapping, for --format mapped')
    .option('--countries <file>', "BACI's country table (country_codes_V202X.csv)")
    .option('--hs-revision <revision>', 'HS revision of the codes: H0 (1992) .. H6 (2022)')
    .option('--errors <file>', 'where to write the rejected rows (default: FILE.errors.csv beside the file)')
    .action(async (file: string, o: Record<string, string | undefined>, command: Command) => {
      const options = parseInput(importOptions, o);
      const errorFile = options.errors ?? defaultErrorFile(file);
      const kind = options.kind ?? defaultDatasetKind(options.format, '--kind');
      const source = options.source ?? defaultSource[options.format] ?? path.basename(file);
      const server = tradeServer(command);
      if (server) {
        await importThroughServer(server, file, { ...options, kind, source }, errorFile);
        return;
      }
      await withDatabase(command, 'require-current', async (database) => {
        const progress = progressPrinter();
        let report: ImportReport;
        try {
          report = await importTradeFile(database, {
            format: options.format,
            file,
            dataset: { name: options.dataset, kind, source },
            mapping: options.mapping,
            countries: options.countries,
            hsRevision: options.hsRevision,
            errorFile,
            onProgress: progress.update,
          });
        } catch (error) {
          progress.clear();
          if (error instanceof AccordError && error.code === 'IMPORT_ROW_INVALID') {
            printRejected(error, errorFile);
            process.exitCode = 1;
            return;
          }
          throw error;
        }
        progress.clear();
        printSummary(report);
        // The commit left the pages in SQLite's write-ahead log; closing the database copies them into the
        // file, which takes seconds after a big import: say so rather than leave the prompt waiting unexplained.
        if (database.target.dialect === 'sqlite' && report.rowsImported >= 1_000_000 && process.stderr.isTTY) {
          process.stderr.write('Copying the imported data from the write-ahead log into the database file…\n');
        }
      });
    });

  trade
    .command('datasets')
    .description('datasets of trade flows with their periods and row counts')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        printRows(
          await listDatasets(db),
          [
            { header: 'name', value: (d) => d.name },
            { header: 'kind', value: (d) => d.kind },
            { header: 'rows', value: (d) => d.rowCount.toLocaleString('en-US'), align: 'right' },
            {
              header: 'periods',
              value: (d) =>
                d.periodFrom === null || d.periodTo === null
                  ? ''
                  : `${formatPeriod(d.periodFrom)}..${formatPeriod(d.periodTo)}`,
            },
            { header: 'last import', value: (d) => d.lastImportedAt?.slice(0, 10) },
            { header: 'known after', value: (d) => `${d.publicationRule.lagDays} days`, align: 'right' },
            { header: 'source', value: (d) => d.source },
            { header: 'id', value: (d) => d.id },
          ],
          { json: o.json === true },
        );
      });
    });

  trade
    .command('publication-lag')
    .description('set how many days after a month ends a dataset\'s figures are published ("usual": its kind\'s)')
    .argument('<dataset>', 'the dataset id (see trade datasets)')
    .argument('<days>', 'days, or "usual"', lagArgument)
    .action(async (id: string, days: number | null, _o: unknown, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        const current = await getDataset(db, id);
        const updated = await updateDataset(db, id, { publicationLagDays: days, version: current.version });
        const { lagDays, overridden } = updated.publicationRule;
        const why = overridden ? '' : ` (usual for ${updated.kind})`;
        process.stdout.write(`${updated.name}: a month is known ${lagDays} days after it ends${why}\n`);
      });
    });
}

/** `usual` or a whole number of days, as `trade publication-lag` takes it. */
function lagArgument(text: string): number | null {
  if (text === 'usual') return null;
  if (!/^\d{1,4}$/.test(text)) {
    throw new InvalidArgumentError('give a whole number of days (0–3660), or "usual" for the kind\'s usual lag');
  }
  return Number(text);
}

/**
 * While a server holds the trade store, the file is uploaded to it and the import followed there, then
 * reported as a local one would be.
 */
async function importThroughServer(
  server: StoreHolder,
  file: string,
  options: z.output<typeof importOptions> & { kind: string; source: string },
  errorFile: string,
): Promise<void> {
  if (options.countries) {
    throw new AccordError(
      'VALIDATION_FAILED',
      `the Accord server at ${server.url} holds the trade store and its import takes no BACI country table; stop the server to import with --countries`,
    );
  }
  const stat = await fs.promises.stat(file).catch(() => null);
  if (!stat?.isFile()) throw new AccordError('NOT_FOUND', `no such file: ${file}`);
  const mapping = options.mapping ? JSON.stringify(await readMappingFile(options.mapping)) : undefined;
  const query = queryString({
    format: options.format,
    dataset: options.dataset,
    kind: options.kind,
    source: options.source,
    hsRevision: options.hsRevision,
    fileName: path.basename(file),
    mapping,
  });
  const type = /\.xlsx$/i.test(file)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : /\.gz$/i.test(file)
      ? 'application/gzip'
      : 'text/csv';
  let job = await askServer<ImportJob>(server, `/api/trade/imports?${query}`, {
    method: 'POST',
    headers: { 'content-type': type, 'content-length': String(stat.size) },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const progress = progressPrinter();
  while (job.status === 'running') {
    progress.update(job.progress);
    await new Promise((resolve) => setTimeout(resolve, 500));
    job = await askServer<ImportJob>(server, `/api/trade/imports/${job.id}`, {}, false);
  }
  progress.clear();
  if (job.status === 'imported' && job.report) {
    printSummary({ ...job.report, problems: [], errorFile: null });
    return;
  }
  const failed = job.error ?? { code: 'INTERNAL', message: 'the import failed on the server', problems: [], notes: [] };
  if (failed.code !== 'IMPORT_ROW_INVALID') {
    throw new AccordError(failed.code as ErrorCode, failed.message, { problems: failed.problems });
  }
  let written: string | null = null;
  let problem: string | null = 'the server kept no list of them';
  if (job.hasErrorFile) {
    const response = await fetch(new URL(`/api/trade/imports/${job.id}/rejected-rows`, server.url));
    try {
      await fs.promises.writeFile(errorFile, Buffer.from(await response.arrayBuffer()));
      written = errorFile;
    } catch (error) {
      problem = (error as Error).message;
    }
  }
  printRejected(
    new AccordError('IMPORT_ROW_INVALID', failed.message, {
      problems: failed.problems,
      details: {
        notes: failed.notes,
        errorFile: written,
        errorFileProblem: problem,
        rowsRejected: job.progress.rowsRejected,
      },
    }),
    errorFile,
  );
  process.exitCode = 1;
}

function defaultErrorFile(file: string): string {
  const name = path
    .basename(file)
    .replace(/\.(csv|tsv|txt|xlsx|gz)$/i, '')
    .replace(/\.(csv|tsv|txt)$/i, '');
  return path.join(path.dirname(file), `${name}.errors.csv`);
}

const number = (n: number) => Math.round(n).toLocaleString('en-US');

function printSummary(report: ImportReport): void {
  const periods =
    report.periodFrom !== null && report.periodTo !== null
      ? ` (${formatPeriod(report.periodFrom)}..${formatPeriod(report.periodTo)})`
      : '';
  const rate = report.seconds > 0 ? report.rowsImported / report.seconds : report.rowsImported;
  process.stdout.write(
    [
      `Imported ${number(report.rowsImported)} rows into dataset "${report.dataset}"${periods}`,
      `  replaced ${number(report.rowsReplaced)} rows the dataset held for the same reporters, periods and flows`,
      `  skipped ${number(report.rowsSkipped)} rows (totals, re-exports, breakdowns, empty rows)`,
      `  ${report.seconds.toFixed(1)} s, ${number(rate)} rows/s`,
      ...report.notes.map((note) => `  note: ${note.message}`),
      '',
    ].join('\n'),
  );
}

function printRejected(error: AccordError, errorFile: string): void {
  const rejected = Number(error.details.rowsRejected ?? error.problems.length);
  const lines = [`${number(rejected)} ${rejected === 1 ? 'row was' : 'rows were'} rejected, so nothing was imported.`];
  for (const p of error.problems.slice(0, problemsShown)) {
    lines.push(`  line ${p.line}, column ${p.column}: ${p.message}`);
  }
  if (error.problems.length > problemsShown) lines.push('  … and more in the error file');
  const notes = Array.isArray(error.details.notes) ? (error.details.notes as Array<{ message: string }>) : [];
  for (const note of notes) lines.push(`  note: ${note.message}`);
  if (typeof error.details.errorFile === 'string') {
    lines.push(`Every rejected row is listed in ${error.details.errorFile}`);
  } else {
    lines.push(`The rejected rows could not be written to ${errorFile}: ${String(error.details.errorFileProblem)}`);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}

/**
 * A bar redrawn in place on a terminal; on a pipe or a log file, a plain line every few seconds so the
 * log stays readable.
 */
function progressPrinter(): { update: (progress: ImportProgress) => void; clear: () => void } {
  const started = performance.now();
  const interactive = process.stderr.isTTY === true;
  const every = interactive ? 100 : 5000;
  let last = started;
  let drawn = false;
  return {
    update(progress) {
      const now = performance.now();
      if (progress.stage === 'finishing') {
        // Once the file is read the bar stands still for as long as the database works: say what it does.
        if (drawn) process.stderr.write('\r\x1b[2K');
        drawn = false;
        process.stderr.write(
          `importing: all ${number(progress.rowsRead)} rows read in ${((now - started) / 1000).toFixed(1)} s; writing the last of them and committing…\n`,
        );
        return;
      }
      if (now - last < every) return;
      last = now;
      const share = progress.totalBytes > 0 ? Math.min(1, progress.bytesRead / progress.totalBytes) : 0;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? progress.rowsRead / seconds : 0;
      const rejected = progress.rowsRejected > 0 ? `, ${number(progress.rowsRejected)} rejected` : '';
      const text = `${(share * 100).toFixed(0).padStart(3)}%  ${number(progress.rowsRead)} rows${rejected}  ${number(rate)} rows/s`;
      if (interactive) {
        const width = 30;
        const filled = Math.round(share * width);
        process.stderr.write(`\r\x1b[2K[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`);
        drawn = true;
      } else {
        process.stderr.write(`importing: ${text}\n`);
      }
    },
    clear() {
      if (drawn) process.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}
