import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import {
  organization,
  organizationFilter,
  organizationInput,
  organizationUpdate,
} from '../../registry/organizations/model.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from '../../registry/organizations/service.ts';
import {
  holder,
  person,
  personFilter,
  personInput,
  personUpdate,
  position,
  positionFilter,
  positionInput,
  positionUpdate,
} from '../../registry/people/model.ts';
import {
  createPerson,
  createPosition,
  deletePerson,
  deletePosition,
  findPositionHolders,
  getPerson,
  getPosition,
  listPeople,
  listPositions,
  updatePerson,
  updatePosition,
} from '../../registry/people/service.ts';
import {
  agreement,
  agreementFilter,
  agreementInput,
  agreementUpdate,
  relationship,
  relationshipFilter,
  relationshipInput,
  relationshipUpdate,
} from '../../registry/relationships/model.ts';
import {
  createAgreement,
  createRelationship,
  deleteAgreement,
  deleteRelationship,
  getAgreement,
  getRelationship,
  listAgreements,
  listRelationships,
  updateAgreement,
  updateRelationship,
} from '../../registry/relationships/service.ts';
import { sector, sectorFilter } from '../../registry/sectors/model.ts';
import { getSector, listSectors } from '../../registry/sectors/service.ts';
import { territory, territoryFilter, territoryInput, territoryUpdate } from '../../registry/territories/model.ts';
import { createTerritory, getTerritory, listTerritories, updateTerritory } from '../../registry/territories/service.ts';
import { isoDate, recordId, territoryCode } from '../../core/model.ts';
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
    schema: {
      tags: ['registry'],
      summary: 'ISIC Rev.4 sections and divisions',
      querystring: sectorFilter,
      response: { 200: z.array(sector) },
    },
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

  registerResource(app, db, {
    path: '/api/relationships',
    tag: 'registry',
    name: 'relationship',
    item: relationship,
    filter: relationshipFilter,
    input: relationshipInput,
    update: relationshipUpdate,
    list: listRelationships,
    get: getRelationship,
    create: createRelationship,
    modify: updateRelationship,
    remove: deleteRelationship,
  });
  registerResource(app, db, {
    path: '/api/agreements',
    tag: 'registry',
    name: 'agreement',
    item: agreement,
    filter: agreementFilter,
    input: agreementInput,
    update: agreementUpdate,
    list: listAgreements,
    get: getAgreement,
    create: createAgreement,
    modify: updateAgreement,
    remove: deleteAgreement,
  });
  registerResource(app, db, {
    path: '/api/organizations',
    tag: 'registry',
    name: 'organization',
    item: organization,
    filter: organizationFilter,
    input: organizationInput,
    update: organizationUpdate,
    list: listOrganizations,
    get: getOrganization,
    create: createOrganization,
    modify: updateOrganization,
    remove: deleteOrganization,
  });
  registerResource(app, db, {
    path: '/api/people',
    tag: 'registry',
    name: 'person',
    item: person,
    filter: personFilter,
    input: personInput,
    update: personUpdate,
    list: listPeople,
    get: getPerson,
    create: createPerson,
    modify: updatePerson,
    remove: deletePerson,
  });
  registerResource(app, db, {
    path: '/api/positions',
    tag: 'registry',
    name: 'position',
    item: position,
    filter: positionFilter,
    input: positionInput,
    update: positionUpdate,
    list: listPositions,
    get: getPosition,
    create: createPosition,
    modify: updatePosition,
    remove: deletePosition,
  });

  api.get('/api/positions/holders', {
    schema: {
      tags: ['registry'],
      summary: 'Who held a post on a given day',
      description:
        'Posts whose English or Russian title contains `title` (any case), held on `on`; a missing start or end ' +
        'date leaves that end of the term open. Answers e.g. "the Governor of Kursk Oblast on 2017-12-05".',
      querystring: z.object({
        title: z.string().trim().min(1).max(200).optional(),
        territory: territoryCode.optional(),
        organizationId: recordId.optional(),
        on: isoDate,
      }),
      response: { 200: z.array(holder), 422: problemSchema },
    },
    handler: (request) => {
      const { territory, ...query } = request.query;
      return findPositionHolders(db, { ...query, territoryCode: territory });
    },
  });
}
