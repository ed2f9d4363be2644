import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { searchQuery, searchResults } from '../../search/model.ts';
import { search } from '../../search/service.ts';
import { problemSchema } from '../problem-schema.ts';

export function registerSearchRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/search', {
    schema: {
      tags: ['search'],
      summary: 'Find partners, organizations, people, projects and meetings by name',
      description:
        'Case-insensitive in Latin and Cyrillic; organization aliases count. Whole-field and leading matches ' +
        'come first; each hit says which field matched. `q` is 1–100 characters, `limit` at most 50.',
      querystring: searchQuery,
      response: { 200: searchResults, 422: problemSchema },
    },
    handler: (request) => search(db, request.query),
  });
}
