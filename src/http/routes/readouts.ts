import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, recordId } from '../../core/model.ts';
import type { Db } from '../../db/connection.ts';
import { maxReadoutFileBytes } from '../../readouts/input/index.ts';
import {
  acceptInput,
  itemPatch,
  readout,
  readoutFileQuery,
  readoutTextInput,
  readoutSummary,
} from '../../readouts/model.ts';
import { acceptReadout, getReadout, listReadouts, patchItem, submitReadout } from '../../readouts/service.ts';
import { problemSchema } from '../problem-schema.ts';

const fileTypes = [
  'text/plain',
  'text/html',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream',
];
const errors = { 404: problemSchema, 409: problemSchema, 413: problemSchema, 415: problemSchema, 422: problemSchema };
const params = z.object({ id: recordId });

/** Readouts: a pasted text or an uploaded file read into a draft, reviewed item by item, then accepted. */
export function registerReadoutRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['readouts'];

  // Only this operation takes a file as its body; elsewhere a text or PDF body stays refused with 415.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      fileTypes,
      { parseAs: 'buffer', bodyLimit: maxReadoutFileBytes },
      (_request, body, done) => done(null, body),
    );
    scope.withTypeProvider<ZodTypeProvider>().post('/api/readouts', {
      config: { accepts: ['application/json', ...fileTypes] },
      bodyLimit: maxReadoutFileBytes + 1024 * 1024,
      schema: {
        tags,
        summary: 'Read a readout into a draft of records',
        description:
          'Send `{ text, documentDate?, title?, sourceUrl?, publisher?, relationshipId? }` as JSON, or the file ' +
          `itself as the body (.txt, .html, .docx, .pdf with a text layer; up to ${maxReadoutFileBytes / 1024 / 1024} MB) ` +
          'with the same fields and `fileName` in the query. `documentDate` is needed where the text states no date ' +
          '(problem `date_needed`). The same text sent again answers 200 with the readout made from it the first time.',
        response: { 200: readout, 201: readout, ...errors },
      },
      handler: async (request, reply) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        const submission =
          type === 'application/json'
            ? readoutTextInput.parse(request.body ?? {})
            : {
                ...readoutFileQuery.parse(request.query),
                file: {
                  fileName: readoutFileQuery.parse(request.query).fileName,
                  contentType: type,
                  bytes: new Uint8Array(request.body as Buffer),
                },
              };
        const { readout: made, created } = await submitReadout(db, submission);
        return reply
          .code(created ? 201 : 200)
          .header('location', `/api/readouts/${made.id}`)
          .send(made);
      },
    });
  });

  api.get('/api/readouts', {
    schema: {
      tags,
      summary: 'Readouts, newest first',
      querystring: pageQuery.extend({ relationshipId: recordId.optional() }),
      response: {
        200: z.object({ items: z.array(readoutSummary), total: z.number(), limit: z.number(), offset: z.number() }),
      },
    },
    handler: (request) => {
      const { relationshipId, ...page } = request.query;
      return listReadouts(db, { relationshipId }, page);
    },
  });

  api.get('/api/readouts/:id', {
    schema: {
      tags,
      summary: 'A readout with its text and its draft items',
      params,
      response: { 200: readout, 404: problemSchema },
    },
    handler: (request) => getReadout(db, request.params.id),
  });

  api.patch('/api/readouts/:id/items/:itemId', {
    schema: {
      tags,
      summary: 'Accept, reject, correct or rematch one draft item',
      description:
        "`status` accepted, rejected or proposed; `value` the whole corrected value of the item's kind; `match` " +
        "`{ recordId }` of another existing record, or null for a new one; `version` the readout's.",
      params: z.object({ id: recordId, itemId: recordId }),
      body: itemPatch,
      response: { 200: readout, ...errors },
    },
    handler: (request) => patchItem(db, request.params.id, request.params.itemId, request.body),
  });

  api.post('/api/readouts/:id/accept', {
    schema: {
      tags,
      summary: 'Write the accepted items as records, all or nothing',
      description:
        "Each record keeps the readout's document and the span it was read from as its source. `proposed: accept` " +
        'also writes the items not yet reviewed (not the rejected). 409 when a matched record changed since the ' +
        'draft was made (`details.changed`) or the readout was accepted before.',
      params,
      body: acceptInput,
      response: { 200: readout, ...errors },
    },
    handler: (request) => acceptReadout(db, request.params.id, request.body),
  });
}
