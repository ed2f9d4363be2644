import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { briefingFormats, briefingLanguages } from '../../briefing/model.ts';
import { downloadBriefing, listBriefings, saveBriefing } from '../../briefing/saved.ts';
import { briefingAuthor, savedBriefing } from '../../briefing/saved-model.ts';
import { briefingRequest } from '../../briefing/service.ts';
import { recordId } from '../../core/model.ts';
import type { Db } from '../../db/connection.ts';
import { sendFile } from '../disposition.ts';
import { problemSchema } from '../problem-schema.ts';

const params = z.object({ id: recordId.meta({ description: 'The relationship id' }) });
const what = briefingRequest.omit({ relationshipId: true });
const errors = { 404: problemSchema, 422: problemSchema };
const choices =
  `\`format\`: ${briefingFormats.join(', ')}; \`lang\`: ${briefingLanguages.join(', ')}. ` +
  '`asOf` is the day the briefing is as of (by default the day before the meeting named by `meetingId`, else ' +
  'today); `marking` an optional line such as «Для служебного пользования». An unknown relationship or ' +
  'meeting is 404.';

/** The briefing of a relationship as a file, and the briefings kept for it. */
export function registerBriefingRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['briefings'];

  api.get('/api/relationships/:id/briefing', {
    schema: {
      tags,
      summary: 'Produce a briefing as a file, without keeping it',
      description:
        `The briefing as of a day, in one language and format: ${choices} The answer is the file, with its ` +
        'content type and a file name in Content-Disposition.',
      params,
      querystring: what,
      response: errors,
    },
    handler: async (request, reply) => {
      const file = await downloadBriefing(db, { ...request.query, relationshipId: request.params.id });
      return sendFile(reply, file);
    },
  });

  api.post('/api/relationships/:id/briefings', {
    schema: {
      tags,
      summary: 'Produce a briefing and keep it as a document of kind briefing',
      description:
        `${choices} \`author\` says who produced it. The file is kept in the database (up to 20 MB) and read ` +
        'back at /api/documents/{id}/file.',
      params,
      body: what.extend({ author: briefingAuthor }).strict(),
      response: { 201: savedBriefing, ...errors },
    },
    handler: async (request, reply) => {
      const { author, ...rest } = request.body;
      const saved = await saveBriefing(db, { ...rest, relationshipId: request.params.id }, author ?? null);
      return reply.code(201).send(saved);
    },
  });

  api.get('/api/relationships/:id/briefings', {
    schema: {
      tags,
      summary: 'The briefings kept for a relationship, newest first',
      params,
      response: { 200: z.array(savedBriefing), 404: problemSchema },
    },
    handler: (request) => listBriefings(db, request.params.id),
  });
}
