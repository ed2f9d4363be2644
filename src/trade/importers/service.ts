import fs from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Database, Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { longText, parseInput, shortText } from '../../core/model.ts';
import { datasetKind, hsRevision, hsRevisions, type DatasetKind, type HsRevision } from '../model.ts';
import { parseBaci, readBaciCountries } from './baci.ts';
import type { FlowParser } from './common.ts';
import { parseComtrade } from './comtrade.ts';
import { ImportHsChecks } from './hs-checks.ts';
import { parseMapped, tradeMapping } from './mapped.ts';
import { importFlows, rejectedRowsError, type ImportProgress, type ImportReport } from './pipeline.ts';
import { territoryCodes } from './store.ts';

export const importFormat = z.enum(['comtrade', 'baci', 'mapped']);
export type ImportFormat = z.infer<typeof importFormat>;

export const importRequest = z
  .object({
    format: importFormat,
    file: z.string().min(1),
    /** The name the user knows the file by, when `file` is a copy (an upload). */
    fileName: z.string().min(1).optional(),
    dataset: z.object({
      name: shortText(200),
      kind: datasetKind,
      source: shortText(500),
      notes: longText(5000).nullish(),
    }),
    /** The column mapping of a `mapped` file: a YAML or JSON file, or the mapping itself. */
    mapping: z.union([z.string().min(1), z.record(z.string(), z.unknown())]).optional(),
    /** BACI's country table (country_codes_V202X.csv). */
    countries: z.string().min(1).optional(),
    /**
     * The HS revision of the codes: of the whole file for BACI and mapped files; for UN Comtrade, of the rows
     * whose classification is HS (as reported), as legacy files say, since the others name their own.
     */
    hsRevision: hsRevision.optional(),
    errorFile: z.string().min(1).optional(),
    onProgress: z
      .custom<(progress: ImportProgress) => void>((value) => typeof value === 'function', 'expected a function')
      .optional(),
  })
  .superRefine((request, ctx) => {
    if (request.format === 'mapped' && request.mapping === undefined) {
      ctx.addIssue({ code: 'custom', path: ['mapping'], message: 'a mapped file needs its column mapping' });
    }
    if (request.format !== 'mapped' && request.mapping !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['mapping'],
        message: `a ${request.format} file has fixed columns; a mapping is only for mapped files`,
      });
    }
    if (request.format !== 'baci' && request.countries !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['countries'], message: 'a country table is only for BACI files' });
    }
  });
export type ImportRequest = z.input<typeof importRequest>;

const formatKinds: Partial<Record<ImportFormat, DatasetKind>> = { comtrade: 'comtrade', baci: 'baci' };

/**
 * The kind a dataset gets when the user names none. UN Comtrade and BACI files say what they are; a mapped
 * table may be customs declarations, national statistics or made-up figures, and its kind decides whether
 * its figures answer before those of UN Comtrade, so it is asked for rather than assumed. `option` is how
 * the user gives it (--kind, kind).
 */
export function defaultDatasetKind(format: ImportFormat, option: string): DatasetKind {
  const kind = formatKinds[format];
  if (kind) return kind;
  const message =
    `say which kind of data the ${format} file holds with ${option} (${datasetKind.options.join(', ')}): ` +
    'the kind decides which dataset answers first where several cover the same trade, so it is not assumed';
  throw new AccordError('VALIDATION_FAILED', message, { problems: [{ path: 'kind', message }] });
}

/**
 * Imports a trade file of one of the known formats into a dataset, all or nothing. Rows that cannot be
 * read are refused with their line, column and reason (all of them in the error file when one is given),
 * and then nothing is imported.
 */
export async function importTradeFile(database: Database, input: ImportRequest): Promise<ImportReport> {
  const request = parseInput(importRequest, input);
  const parse = await adapterFor(database.db, request);
  const report = await importFlows(database, {
    dataset: request.dataset,
    file: request.file,
    fileName: request.fileName,
    format: request.format,
    parse,
    onProgress: request.onProgress,
    errorFile: request.errorFile,
  });
  if (report.rowsRejected > 0) throw rejectedRowsError(report);
  return report;
}

async function adapterFor(db: Db, request: z.output<typeof importRequest>): Promise<FlowParser> {
  switch (request.format) {
    case 'comtrade': {
      const hs = await ImportHsChecks.load(db, Object.keys(hsRevisions) as HsRevision[]);
      return hs.reporting(parseComtrade({ checkHsCode: hs.check, hsRevision: request.hsRevision }));
    }
    case 'baci': {
      const revision = request.hsRevision ?? 'H0';
      const hs = await ImportHsChecks.load(db, [revision]);
      const parse = parseBaci({
        countries: request.countries ? await readBaciCountries(request.countries) : undefined,
        hsRevision: revision,
        checkHsCode: hs.check,
      });
      return hs.reporting(parse);
    }
    case 'mapped': {
      const raw = typeof request.mapping === 'string' ? await readMappingFile(request.mapping) : request.mapping;
      const mapping = parseInput(tradeMapping, raw, 'mapping');
      const revisions = mapping.columns.hsRevision
        ? (Object.keys(hsRevisions) as HsRevision[])
        : [mapping.constants.hsRevision ?? request.hsRevision].filter((r): r is HsRevision => r !== undefined);
      const hs = await ImportHsChecks.load(db, revisions);
      const parse = parseMapped({
        mapping,
        territories: await territoryCodes(db),
        hsRevision: request.hsRevision,
        checkHsCode: hs.check,
      });
      return hs.reporting(parse);
    }
  }
}

async function readMappingFile(file: string): Promise<unknown> {
  const text = await fs.promises.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new AccordError('NOT_FOUND', `no such mapping file: ${file}`);
    throw error;
  });
  try {
    // YAML reads JSON as well.
    return parseYaml(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AccordError('VALIDATION_FAILED', `${file} is not YAML or JSON: ${(error as Error).message}`, {
      problems: [{ path: 'mapping', message: (error as Error).message }],
    });
  }
}
