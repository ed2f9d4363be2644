import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { commitmentFilter, statementFilter } from '../../cooperation/statements/model.ts';
import { projectFilter } from '../../cooperation/projects/model.ts';
import type { Db } from '../../db/connection.ts';
import { partnersOverviewQuery } from '../../partners/model.ts';
import {
  overviewDownload,
  projectsDownload,
  rankingDownload,
  seriesDownload,
  statementsDownload,
  structureDownload,
  writeDownload,
  type Download,
} from '../../tables/service.ts';
import { languageOf, languages, type Language } from '../../tables/words.ts';
import { rankingQuery, seriesQuery, structureQuery } from '../../trade/analytics/model.ts';
import { problemSchema } from '../problem-schema.ts';

const params = z.object({
  format: z.enum(['csv', 'xlsx']).meta({ description: 'csv (UTF-8 with a byte order mark) or xlsx' }),
});
const lang = z
  .enum(languages)
  .optional()
  .meta({ description: 'The language of the headers; from Accept-Language when not given, else English.' });
const description =
  'The table as a file: `.xlsx` (figures as number cells, money in major units, days as dates) or `.csv`. ' +
  'The first rows say what the figures are: period, currency and unit, source, filters and the day the file ' +
  'was made. Takes the same query as the table it downloads, and `lang`.';
const errors = { 404: problemSchema, 422: problemSchema };

/**
 * Every table of figures the workspace shows, as a download: `GET <the table's path>.xlsx` or `.csv` with
 * the table's own query, so the file holds what the screen shows.
 */
export function registerDownloadRoutes(app: FastifyInstance, db: Db): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const send = async (
    request: FastifyRequest,
    reply: FastifyReply,
    format: 'csv' | 'xlsx',
    make: (language: Language) => Promise<Download>,
  ) => {
    const query = request.query as { lang?: Language };
    const file = await writeDownload(await make(languageOf(query.lang, request.headers['accept-language'])), format);
    return reply
      .type(file.mediaType)
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      .header('cache-control', 'no-store')
      .send(file.body);
  };
  const common = { description, params, response: errors };

  api.get('/api/trade/structure.:format', {
    schema: {
      ...common,
      tags: ['trade'],
      summary: 'Download the commodity structure (as GET /api/trade/structure)',
      querystring: structureQuery.extend({ lang }),
    },
    handler: (r, reply) => send(r, reply, r.params.format, (language) => structureDownload(db, r.query, language)),
  });
  api.get('/api/trade/series.:format', {
    schema: {
      ...common,
      tags: ['trade'],
      summary: 'Download the trade series (as GET /api/trade/series)',
      querystring: seriesQuery.extend({ lang }),
    },
    handler: (r, reply) => send(r, reply, r.params.format, (language) => seriesDownload(db, r.query, language)),
  });
  api.get('/api/trade/ranking.:format', {
    schema: {
      ...common,
      tags: ['trade'],
      summary: "Download the ranking of home's partners (as GET /api/trade/ranking)",
      querystring: rankingQuery.extend({ lang }),
    },
    handler: (r, reply) => send(r, reply, r.params.format, (language) => rankingDownload(db, r.query, language)),
  });
  api.get('/api/partners/overview.:format', {
    schema: {
      ...common,
      tags: ['partners'],
      summary: 'Download the partners overview (as GET /api/partners/overview)',
      querystring: partnersOverviewQuery.extend({ lang }),
    },
    handler: (r, reply) =>
      send(r, reply, r.params.format, (language) => {
        const { lang: _language, ...query } = r.query;
        return overviewDownload(db, query, language);
      }),
  });
  api.get('/api/statements.:format', {
    schema: {
      ...common,
      tags: ['cooperation'],
      summary: 'Download statements with their owners, due dates and status (as GET /api/statements)',
      querystring: statementFilter.extend({ lang }),
    },
    handler: (r, reply) =>
      send(r, reply, r.params.format, (language) => {
        const { lang: _language, ...filter } = r.query;
        return statementsDownload(db, filter, language);
      }),
  });
  api.get('/api/commitments.:format', {
    schema: {
      ...common,
      tags: ['cooperation'],
      summary: 'Download commitments with their owners, due dates and status (as GET /api/commitments)',
      querystring: commitmentFilter.extend({ lang }),
    },
    handler: (r, reply) =>
      send(r, reply, r.params.format, (language) => {
        const { lang: _language, ...filter } = r.query;
        return statementsDownload(db, { ...filter, kind: 'commitment' }, language);
      }),
  });
  api.get('/api/projects.:format', {
    schema: {
      ...common,
      tags: ['cooperation'],
      summary: 'Download cooperation projects with stage, value, parties and next milestone (as GET /api/projects)',
      querystring: projectFilter.extend({ lang }),
    },
    handler: (r, reply) =>
      send(r, reply, r.params.format, (language) => {
        const { lang: _language, ...filter } = r.query;
        return projectsDownload(db, filter, language);
      }),
  });
}
