import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import {
  partnerOverview,
  partnersOverview as partnersOverviewSchema,
  partnersOverviewQuery,
  partnersQuery,
} from '../../partners/model.ts';
import { listPartners, partnersOverview } from '../../partners/service.ts';
import { problemSchema } from '../problem-schema.ts';

export function registerPartnersRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/partners', {
    schema: {
      tags: ['partners'],
      summary: 'Each partner with its agreements in force, open commitments and projects under way',
      querystring: partnersQuery,
      response: { 200: z.array(partnerOverview), 422: problemSchema },
    },
    handler: (request) => listPartners(db, request.query),
  });
  api.get('/api/partners/overview', {
    schema: {
      tags: ['partners'],
      summary: 'Each partner with its registry counts and its trade over a period (the partners overview)',
      description:
        'Turnover, growth on the same months a year earlier, a five-year sparkline of those months and the ' +
        'dataset the figures come from (illustrative data says so), beside agreements in force, open and ' +
        'overdue commitments and active projects. Without `period`, the latest cumulative period the data ' +
        'hold (January to their last month) is taken and `periodIsDefault` is true. With `asOf`, the counts are ' +
        'as known on that day (meetings held, statuses and stages then), as the statements and projects lists ' +
        'give them with the same `asOf`.',
      querystring: partnersOverviewQuery,
      response: { 200: partnersOverviewSchema, 422: problemSchema },
    },
    handler: (request) => partnersOverview(db, request.query),
  });
}
