import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import {
  hsCodeDescription,
  hsLookupQuery,
  hsRevisionSummary,
  hsSearchHit,
  hsSearchQuery,
} from '../../trade/hs/model.ts';
import { describeHsCode, listHsRevisions, searchHs } from '../../trade/hs/service.ts';
import { problemSchema } from '../problem-schema.ts';

export function registerTradeRoutes(app: FastifyInstance, db: Db): void {
  registerHsRoutes(app, db);
}

function registerHsRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['trade'];

  api.get('/api/hs/revisions', {
    schema: {
      tags,
      summary: 'HS revisions loaded, with how many chapters, headings and subheadings each holds',
      response: { 200: z.array(hsRevisionSummary) },
    },
    handler: () => listHsRevisions(db),
  });

  api.get('/api/hs', {
    schema: {
      tags,
      summary: 'Find HS codes by leading digits (8703) or by words of their titles (motor cars)',
      description: 'Chapters come with English and Russian titles; headings and subheadings from the loaded file.',
      querystring: hsSearchQuery,
      response: { 200: z.array(hsSearchHit), 422: problemSchema },
    },
    handler: (request) => searchHs(db, request.query.q, request.query.revision, request.query.limit),
  });

  api.get('/api/hs/:code', {
    schema: {
      tags,
      summary:
        'One HS section (XVII), chapter (87), heading (8703) or subheading (870323) with its chapter and section',
      description: 'Without `revision`, the newest revision loaded is read.',
      params: z.object({ code: z.string().max(20) }),
      querystring: hsLookupQuery,
      response: { 200: hsCodeDescription, 404: problemSchema, 422: problemSchema },
    },
    handler: (request) => describeHsCode(db, request.params.code, request.query.revision),
  });
}
