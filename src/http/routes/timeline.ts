import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { timeline, timelineQuery } from '../../cooperation/timeline/model.ts';
import { relationshipTimeline } from '../../cooperation/timeline/service.ts';
import type { Db } from '../../db/connection.ts';
import { recordId } from '../../core/model.ts';
import { problemSchema } from '../problem-schema.ts';

export function registerTimelineRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/relationships/:id/timeline', {
    schema: {
      tags: ['cooperation'],
      summary: 'Everything that happened in a relationship, newest first',
      description:
        'Meetings, statements made, changing status and falling due (overdue judged on `asOf`), project stage ' +
        'changes and ' +
        'milestones, agreements signed, in force and expiring, and the documents its records cite. Narrow with ' +
        '`kind` (meeting, statement, project, agreement, document) and `from`/`to`.',
      params: z.object({ id: recordId }),
      querystring: timelineQuery,
      response: { 200: timeline, 404: problemSchema, 422: problemSchema },
    },
    handler: (request) => relationshipTimeline(db, request.params.id, request.query),
  });
}
