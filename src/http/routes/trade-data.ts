import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { recordId } from '../../core/model.ts';
import { tradeDataset, tradeDatasetDetail } from '../../trade/datasets/model.ts';
import { deleteDataset, getDataset, listDatasets } from '../../trade/datasets/service.ts';
import { getImportJob, rejectedRowsFile, startImportJob, uploadTarget } from '../../trade/importers/jobs.ts';
import { datasetKind, hsRevision } from '../../trade/model.ts';
import { importFormat } from '../../trade/importers/service.ts';
import { problemSchema } from '../problem-schema.ts';

const tags = ['trade'];
/** Uploads stream to disk, so this bounds disk use, not memory. */
export const maxUploadBytes = Number(process.env.ACCORD_MAX_UPLOAD_BYTES ?? 2 * 1024 * 1024 * 1024);

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
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be a JSON object' });
        return z.NEVER;
      }
    })
    .optional(),
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
    report: z.record(z.string(), z.unknown()).nullable(),
    error: z
      .object({ code: z.string(), message: z.string(), problems: z.array(z.record(z.string(), z.unknown())) })
      .nullable(),
    hasErrorFile: z.boolean(),
  })
  .meta({ id: 'ImportJob', description: 'A trade import running in the background: poll it for progress.' });

const defaultKind = { comtrade: 'comtrade', baci: 'baci', mapped: 'official_customs' } as const;
const defaultSource = { comtrade: 'UN Comtrade', baci: 'CEPII BACI', mapped: 'uploaded file' } as const;

export function registerTradeDataRoutes(app: FastifyInstance, database: Database | undefined): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = () => {
    if (!database) throw new AccordError('INTERNAL', 'this server was started without a database for imports');
    return database;
  };

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
  api.delete('/api/trade/datasets/:id', {
    schema: {
      tags,
      summary: 'Delete a dataset and all its rows',
      params: z.object({ id: recordId }),
      querystring: z.object({ version: z.coerce.number().int().positive() }),
      response: { 204: z.null(), 404: problemSchema, 409: problemSchema },
    },
    handler: async (r, reply) => {
      await deleteDataset(db().db, r.params.id, r.query.version);
      return reply.code(204).send(null);
    },
  });

  app.register(async (scope) => {
    // Uploaded files are streamed to disk as they arrive, never held in memory.
    scope.addContentTypeParser(
      [
        'application/octet-stream',
        'text/csv',
        'application/gzip',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      { bodyLimit: maxUploadBytes },
      (_request, payload, done) => done(null, payload),
    );
    scope.withTypeProvider<ZodTypeProvider>().post('/api/trade/imports', {
      bodyLimit: maxUploadBytes,
      schema: {
        tags,
        summary: 'Upload a trade file (the request body) and import it in the background',
        description:
          'Send the file as the body (text/csv, application/octet-stream, application/gzip or XLSX); options in the query. ' +
          'Answers 202 with a job to poll at /api/trade/imports/{id}; rejected rows can then be downloaded as CSV.',
        querystring: importQuery,
        response: { 202: jobSchema, 409: problemSchema, 413: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const target = uploadTarget(request.query.fileName);
        let received = 0;
        const limit = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            received += chunk.length;
            if (received > maxUploadBytes)
              callback(new AccordError('PAYLOAD_TOO_LARGE', 'the uploaded file is too large'));
            else callback(null, chunk);
          },
        });
        try {
          await pipeline(request.body as NodeJS.ReadableStream, limit, fs.createWriteStream(target.file));
        } catch (error) {
          fs.rmSync(target.dir, { recursive: true, force: true });
          throw error;
        }
        const q = request.query;
        const job = startImportJob(db(), target, {
          format: q.format,
          dataset: {
            name: q.dataset,
            kind: q.kind ?? defaultKind[q.format],
            source: q.source ?? defaultSource[q.format],
          },
          hsRevision: q.hsRevision,
          mapping: q.mapping,
        });
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
