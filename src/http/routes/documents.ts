import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import {
  document,
  documentCitation,
  documentFilter,
  documentInput,
  documentUpdate,
  provenanceInput,
  provenanceLink,
  provenanceSubject,
} from '../../documents/model.ts';
import { linkProvenance, listDocumentLinks, listProvenance, unlinkProvenance } from '../../documents/provenance.ts';
import {
  createDocument,
  deleteDocument,
  documentFile,
  getDocument,
  listDocuments,
  updateDocument,
} from '../../documents/service.ts';
import { recordId } from '../../core/model.ts';
import { sendFile } from '../disposition.ts';
import { problemSchema } from '../problem-schema.ts';
import { registerResource } from '../resource.ts';

export function registerDocumentRoutes(app: FastifyInstance, db: Db): void {
  registerResource(app, db, {
    path: '/api/documents',
    tag: 'documents',
    name: 'document',
    item: document,
    filter: documentFilter,
    input: documentInput,
    update: documentUpdate,
    list: listDocuments,
    get: getDocument,
    create: createDocument,
    modify: updateDocument,
    remove: deleteDocument,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['documents'];
  const idParams = z.object({ id: recordId });

  api.get('/api/documents/:id/links', {
    schema: {
      tags,
      summary: 'Records that cite a document',
      params: idParams,
      response: { 200: z.array(documentCitation), 404: problemSchema },
    },
    handler: (request) => listDocumentLinks(db, request.params.id),
  });

  api.get('/api/documents/:id/file', {
    schema: {
      tags,
      summary: "A document's file, as it was kept",
      description:
        'The bytes kept with the document (a saved briefing), with their content type, a file name in ' +
        'Content-Disposition and their SHA-256 in the X-Content-SHA256 header. 404 when the document keeps no file.',
      params: idParams,
      response: { 404: problemSchema },
    },
    handler: async (request, reply) => {
      const file = await documentFile(db, request.params.id);
      return sendFile(reply, file, { 'x-content-sha256': file.sha256 });
    },
  });

  api.get('/api/provenance', {
    schema: {
      tags,
      summary: 'Where a record came from',
      description: 'Territories are named by their ISO code, every other record by its id.',
      querystring: provenanceSubject,
      response: { 200: z.array(provenanceLink), 404: problemSchema, 422: problemSchema },
    },
    handler: (request) => listProvenance(db, request.query),
  });

  api.post('/api/provenance', {
    schema: {
      tags,
      summary: 'Link a record to the document or person it came from',
      description: 'Give exactly one of documentId and sourcePersonId.',
      body: provenanceInput,
      response: { 201: provenanceLink, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) => reply.code(201).send(await linkProvenance(db, request.body)),
  });

  api.delete('/api/provenance/:id', {
    schema: {
      tags,
      summary: 'Remove a provenance link',
      params: idParams,
      response: { 204: z.null(), 404: problemSchema },
    },
    handler: async (request, reply) => {
      await unlinkProvenance(db, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
