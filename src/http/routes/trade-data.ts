import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { recordId, versionQuery } from '../../core/model.ts';
import { datasetUpdate, tradeDataset, tradeDatasetDetail } from '../../trade/datasets/model.ts';
import { deleteDataset, getDataset, listDatasets, updateDataset } from '../../trade/datasets/service.ts';
import {
  getImportJob,
  rejectedRowsFile,
  requireImportSlot,
  discardFinishedImportJobs,
  startImportJob,
  uploadTarget,
} from '../../trade/importers/jobs.ts';
import { datasetKind, hsRevision, type DatasetKind } from '../../trade/model.ts';
import { defaultDatasetKind, importFormat } from '../../trade/importers/service.ts';
import { problemSchema } from '../problem-schema.ts';

const tags = ['trade'];

/**
 * The largest file an upload may be, by kind. Uploads stream to disk, so the first bounds disk use; an XLSX
 * workbook is unpacked as it is read, and its shared texts are held in memory, so it gets less.
 */
export interface UploadLimits {
  /** CSV, gzipped CSV. */
  table: number;
  xlsx: number;
}

export function uploadLimitsFromEnvironment(env = process.env): UploadLimits {
  return {
    table: byteCount(env, 'ACCORD_MAX_UPLOAD_BYTES', 2 * 1024 ** 3),
    xlsx: byteCount(env, 'ACCORD_MAX_XLSX_BYTES', 200 * 1024 ** 2),
  };
}

/** A limit that is not a whole number of bytes would check nothing (every comparison with NaN is false). */
function byteCount(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const bytes = Number(text);
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new AccordError('VALIDATION_FAILED', `${name} must be a whole number of bytes, not "${text}"`, {
      problems: [{ path: name, message: 'expected a whole number of bytes, e.g. 104857600 for 100 MiB' }],
    });
  }
  return bytes;
}

const uploadTypes = [
  'text/csv',
  'application/octet-stream',
  'application/gzip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

const importQuery = z.object({
  format: importFormat,
  dataset: z.string().trim().min(1).max(200),
  kind: datasetKind.optional(),
  source: z.string().trim().min(1).max(500).optional(),
  hsRevision: hsRevision.optional(),
  /** The name of the file on the user's machine, recorded with the dataset. */
  fileName: z.string().trim().min(1).max(255).optional(),
  mapping: z
    .string()
    .max(20_000)
    .transform((text, ctx) => {
      // Only the mapping itself: a JSON string would be taken for the path of a mapping file on the server.
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object' });
        return z.NEVER;
      }
      return parsed as Record<string, unknown>;
    })
    .optional(),
});

/** The file itself, streamed: whatever else reached the handler (no body at all) is refused. */
const uploadBody = z
  .custom<Readable>((value) => value instanceof Readable, 'the file to import is missing: send it as the request body')
  .meta({ type: 'string', format: 'binary', description: 'The file, as it is.' });

const importNote = z.object({
  code: z.string().describe('the kind of finding, such as hs-levels or total-check'),
  message: z.string(),
});

const jobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['running', 'imported', 'failed']),
    dataset: z.string(),
    format: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    progress: z.object({
      stage: z
        .enum(['reading', 'finishing'])
        .describe(
          'reading the file, or finishing: writing the last rows, replacing the slices they supersede and committing',
        ),
      bytesRead: z.number(),
      totalBytes: z.number(),
      rowsRead: z.number(),
      rowsRejected: z.number(),
    }),
    report: z
      .looseObject({ notes: z.array(importNote) })
      .nullable()
      .describe('the import report: counts, periods, and notes on what the reader did or found'),
    error: z
      .object({
        code: z.string(),
        message: z.string(),
        problems: z.array(z.record(z.string(), z.unknown())),
        notes: z.array(importNote),
      })
      .nullable(),
    hasErrorFile: z.boolean(),
  })
  .meta({ id: 'ImportJob', description: 'A trade import running in the background: poll it for progress.' });

const defaultSource = { comtrade: 'UN Comtrade', baci: 'CEPII BACI', mapped: 'uploaded file' } as const;

export function registerTradeDataRoutes(
  app: FastifyInstance,
  database: Database | undefined,
  limits: UploadLimits = uploadLimitsFromEnvironment(),
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = () => {
    if (!database) throw new AccordError('INTERNAL', 'this server was started without a database for imports');
    return database;
  };
  app.addHook('onClose', async () => discardFinishedImportJobs());

  api.get('/api/trade/datasets', {
    schema: {
      tags,
      summary: 'Trade datasets with their kind, rows and periods',
      response: { 200: z.array(tradeDataset) },
    },
    handler: () => listDatasets(db().db),
  });
  api.get('/api/trade/datasets/:id', {
    schema: {
      tags,
      summary: 'A dataset with its imports',
      params: z.object({ id: recordId }),
      response: { 200: tradeDatasetDetail, 404: problemSchema },
    },
    handler: (r) => getDataset(db().db, r.params.id),
  });
  api.patch('/api/trade/datasets/:id', {
    schema: {
      tags,
      summary: "Set a dataset's own publication lag (days after a month ends until its figures are out)",
      params: z.object({ id: recordId }),
      body: datasetUpdate,
      response: { 200: tradeDatasetDetail, 404: problemSchema, 409: problemSchema },
    },
    handler: (r) => updateDataset(db().db, r.params.id, r.body),
  });
  api.delete('/api/trade/datasets/:id', {
    schema: {
      tags,
      summary: 'Delete a dataset and all its rows',
      params: z.object({ id: recordId }),
      querystring: versionQuery,
      response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
    },
    handler: async (r, reply) => {
      await deleteDataset(db().db, r.params.id, r.query.version);
      return reply.code(204).send(null);
    },
  });

  app.register(async (scope) => {
    // The file is the body, streamed to disk as it arrives and never held in memory; a JSON body here is a
    // mistake, refused with the types that are accepted.
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser(
      uploadTypes,
      { bodyLimit: Math.max(limits.table, limits.xlsx) },
      (_request, payload, done) => done(null, payload),
    );
    scope.withTypeProvider<ZodTypeProvider>().post('/api/trade/imports', {
      bodyLimit: Math.max(limits.table, limits.xlsx),
      config: { accepts: uploadTypes },
      schema: {
        tags,
        summary: 'Upload a trade file (the request body) and import it in the background',
        description:
          `Send the file as the body (${uploadTypes.join(', ')}); options in the query. ` +
          `A CSV or gzipped CSV may be up to ${formatBytes(limits.table)}, an XLSX workbook up to ${formatBytes(limits.xlsx)}. ` +
          'Answers 202 with a job to poll at /api/trade/imports/{id}; rejected rows can then be downloaded as CSV.',
        consumes: uploadTypes,
        body: uploadBody,
        querystring: importQuery,
        response: { 202: jobSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const q = request.query;
        const shownName = q.fileName ?? 'the uploaded file';
        let target: { dir: string; file: string };
        let kind: DatasetKind;
        try {
          kind = q.kind ?? defaultDatasetKind(q.format, 'kind');
          // Refused before the file is received, not after gigabytes of it were written for nothing.
          requireImportSlot();
          const largest = Math.max(limits.table, limits.xlsx);
          if (Number(request.headers['content-length']) > largest) throw new UploadTooLarge('file', largest);
          target = await receiveUpload(request.body, q.fileName, limits);
        } catch (error) {
          // The rest of a refused body is not read: the connection ends with the answer.
          reply.header('connection', 'close');
          throw uploadFailure(error, shownName);
        }
        const job = startImportJob(
          db(),
          target,
          {
            format: q.format,
            fileName: shownName,
            dataset: {
              name: q.dataset,
              kind,
              source: q.source ?? defaultSource[q.format],
            },
            hsRevision: q.hsRevision,
            mapping: q.mapping,
          },
          (message, error) => request.log.error({ err: error }, message),
        );
        return reply.code(202).send(job);
      },
    });
  });

  api.get('/api/trade/imports/:id', {
    schema: {
      tags,
      summary: 'Progress and outcome of an import',
      params: z.object({ id: recordId }),
      response: { 200: jobSchema, 404: problemSchema },
    },
    handler: (r) => getImportJob(r.params.id),
  });
  api.get('/api/trade/imports/:id/rejected-rows', {
    schema: {
      tags,
      summary: 'The rejected rows of an import as CSV (line, column, value, reason)',
      params: z.object({ id: recordId }),
    },
    handler: (r, reply) =>
      reply.type('text/csv; charset=utf-8').send(fs.createReadStream(rejectedRowsFile(r.params.id))),
  });
}

class UploadTooLarge extends Error {
  constructor(
    readonly kind: 'file' | 'XLSX workbook',
    readonly limit: number,
  ) {
    super(`the upload is larger than ${limit} bytes`);
  }
}

/** Why an upload did not arrive, told by whose fault it is: the client's (4xx) or the server's (5xx). */
function uploadFailure(error: unknown, name: string): unknown {
  if (error instanceof UploadTooLarge) {
    return new AccordError(
      'PAYLOAD_TOO_LARGE',
      `${name} is larger than the ${formatBytes(error.limit)} an uploaded ${error.kind} may be`,
      {
        problems: [{ path: '(body)', message: `at most ${formatBytes(error.limit)}` }],
        details: { limitBytes: error.limit },
      },
    );
  }
  if (error instanceof AccordError) return error;
  const { code, syscall } = error as NodeJS.ErrnoException;
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new AccordError('INSUFFICIENT_STORAGE', `the server has no room left on disk for ${name}`, { cause: error });
  }
  // Any other failure writing the file is the server's own, and is logged as such.
  if (syscall === 'open' || syscall === 'write' || syscall === 'close') return error;
  return new AccordError('BAD_REQUEST', `${name} did not arrive whole: the upload was interrupted`, { cause: error });
}

/**
 * Writes the body to a private folder, stopping as soon as it passes the limit of its kind (an XLSX
 * workbook is known by its first bytes). Nothing of a refused or interrupted upload is left on disk.
 */
async function receiveUpload(
  body: Readable,
  fileName: string | undefined,
  limits: UploadLimits,
): Promise<{ dir: string; file: string }> {
  const target = uploadTarget(fileName);
  let received = 0;
  let head = Buffer.alloc(0);
  let limit: { kind: 'file' | 'XLSX workbook'; bytes: number } | undefined;
  // The request is read without being destroyed when the upload is refused, so the answer still reaches the client.
  const chunks = async function* () {
    for await (const chunk of body.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      received += chunk.length;
      // A workbook is known by its first four bytes, which may come in more than one chunk.
      if (!limit && head.length < 4) head = Buffer.concat([head, chunk.subarray(0, 4)]);
      if (!limit && head.length >= 4) {
        limit = isXlsx(head) ? { kind: 'XLSX workbook', bytes: limits.xlsx } : { kind: 'file', bytes: limits.table };
      }
      const bound = limit ?? { kind: 'file' as const, bytes: Math.min(limits.table, limits.xlsx) };
      if (received > bound.bytes) throw new UploadTooLarge(bound.kind, bound.bytes);
      yield chunk;
    }
  };
  try {
    // Opened at once, so no open is still pending when a failed upload's folder is removed.
    await pipeline(chunks, fs.createWriteStream(target.file, { fd: fs.openSync(target.file, 'wx') }));
    return target;
  } catch (error) {
    fs.rmSync(target.dir, { recursive: true, force: true });
    throw error;
  }
}

function isXlsx(head: Buffer): boolean {
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
