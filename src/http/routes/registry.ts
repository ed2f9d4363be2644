import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import { sector, sectorFilter } from '../../registry/sectors/model.ts';
import { getSector, listSectors } from '../../registry/sectors/service.ts';
import { territory, territoryFilter, territoryInput, territoryUpdate } from '../../registry/territories/model.ts';
import {
  createTerritory,
  getTerritory,
  listTerritories,
  updateTerritory,
} from '../../registry/territories/service.ts';
import { problemSchema } from '../problem-schema.ts';
import { registerResource } from '../resource.ts';

export function registerRegistryRoutes(app: FastifyInstance, db: Db): void {
  registerResource(app, db, {
    path: '/api/territories',
    tag: 'registry',
    name: 'territory',
    item: territory,
    filter: territoryFilter,
    input: territoryInput,
    update: territoryUpdate,
    list: listTerritories,
    get: getTerritory,
    create: createTerritory,
    modify: updateTerritory,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/sectors', {
    schema: { tags: ['registry'], summary: 'ISIC Rev.4 sections and divisions', querystring: sectorFilter, response: { 200: z.array(sector) } },
    handler: (request) => listSectors(db, request.query),
  });
  api.get('/api/sectors/:code', {
    schema: {
      tags: ['registry'],
      summary: 'Read one ISIC Rev.4 sector',
      params: z.object({ code: z.string().max(4) }),
      response: { 200: sector, 404: problemSchema },
    },
    handler: (request) => getSector(db, request.params.code),
  });
}
