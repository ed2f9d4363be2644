import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AccordError } from '../../core/errors.ts';
import type { Database, Db } from '../../db/connection.ts';
import { isDatabaseEmpty, loadDemo } from '../../demo/load.ts';
import { problemSchema } from '../problem-schema.ts';

const tags = ['demo'];

/** The web's way to a first look: an empty workspace can take the demo data set with one click. */
export function registerDemoRoutes(app: FastifyInstance, db: Db, database: Database | undefined): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/demo', {
    schema: {
      tags,
      summary: 'Whether the demo data set can be loaded: only into a workspace without records',
      response: { 200: z.object({ loadable: z.boolean() }) },
    },
    handler: async () => ({ loadable: await isDatabaseEmpty(db) }),
  });
  api.post('/api/demo', {
    schema: {
      tags,
      summary: 'Load the Belarus – Kursk Oblast demo data set into an empty workspace',
      description: 'Refused with 409 when the workspace already holds records or the demo.',
      response: {
        201: z.object({ records: z.number().int(), tradeRows: z.number().int() }),
        409: problemSchema,
      },
    },
    handler: async (_request, reply) => {
      if (!database) throw new AccordError('INTERNAL', 'this server was started without a database to load into');
      return reply.code(201).send(await loadDemo(database));
    },
  });
}
