import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { productOptions, productQuery, productTradeSchema } from '../../trade/products/model.ts';
import { productTrade } from '../../trade/products/service.ts';
import { problemSchema } from '../problem-schema.ts';

export function registerTradeProductRoutes(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<ZodTypeProvider>().get('/api/trade/products/:hs', {
    schema: {
      tags: ['trade'],
      summary: "One product in a year: its largest importers, or a reporter's exports and imports by partner",
      params: z.object({
        hs: z.string().max(20).meta({ description: 'HS chapter, heading or subheading: 87, 8704, 870410' }),
      }),
      querystring: productQuery,
      response: { 200: productTradeSchema, 404: problemSchema, 422: problemSchema },
    },
    handler: (r) => productTrade(db, productOptions(r.params.hs, r.query)),
  });
}
