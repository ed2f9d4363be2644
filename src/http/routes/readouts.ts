import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageQuery, parseInput, recordId } from '../../core/model.ts';
import type { Db } from '../../db/connection.ts';
import { maxReadoutFileBytes } from '../../readouts/input/index.ts';
import {
  acceptInput,
  itemPatch,
  lexiconTerm,
  lexiconTermInput,
  readout,
  readoutFileQuery,
  readoutTextInput,
  readoutSummary,
} from '../../readouts/model.ts';
import {
  acceptReadout,
  getReadout,
  listReadouts,
  patchItem,
  submitReadout,
  type ReadoutSubmission,
} from '../../readouts/service.ts';
import { addLexiconTerm, listLexiconTerms, removeLexiconTerm } from '../../readouts/lexicon-terms.ts';
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
        let submission: ReadoutSubmission;
        if (type === 'application/json') {
          submission = parseInput(readoutTextInput, request.body ?? {});
        } else {
          const { fileName, ...fields } = parseInput(readoutFileQuery, request.query);
          const bytes = Buffer.isBuffer(request.body) ? new Uint8Array(request.body) : new Uint8Array();
          submission = { ...fields, file: { fileName, contentType: type, bytes } };
        }
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

  // Static paths: the router prefers them to /api/readouts/:id, so "lexicon" is never read as a readout's id.
  api.get('/api/readouts/lexicon', {
    schema: {
      tags,
      summary: "The users' own words for commodities and sectors",
      description: 'Terms the extraction reads over its shipped lexicons, commodities then sectors, alphabetically.',
      response: { 200: z.object({ items: z.array(lexiconTerm) }) },
    },
    handler: async () => ({ items: await listLexiconTerms(db) }),
  });

  api.post('/api/readouts/lexicon', {
    schema: {
      tags,
      summary: 'Teach the extraction a word for a commodity or a sector',
      description:
        '`kind` commodity with `code` an HS chapter, heading or subheading Accord knows (problem `unknown_hs_code`), ' +
        'or sector with an ISIC Rev.4 section or division (problem `unknown_sector`). `language` en or ru, detected ' +
        "from the term's letters when left out; a term in the other language's script is refused (`wrong_script`). " +
        '409 when the term is already there for that kind and language.',
      body: lexiconTermInput,
      response: { 201: lexiconTerm, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) => {
      const added = await addLexiconTerm(db, request.body);
      return reply.code(201).send(added);
    },
  });

  api.delete('/api/readouts/lexicon/:id', {
    schema: {
      tags,
      summary: 'Remove a word from the lexicon',
      description: 'Readouts drafted before keep their items; the next ones no longer find the word.',
      params,
      response: { 204: z.null(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      await removeLexiconTerm(db, request.params.id);
      return reply.code(204).send(null);
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
