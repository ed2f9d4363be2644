import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import {
  networkSummary as networkSummarySchema,
  outlet,
  outletFilter,
  outletInput,
  outletUpdate,
} from '../../cooperation/outlets/model.ts';
import {
  createOutlet,
  deleteOutlet,
  getOutlet,
  listOutlets,
  networkSummary,
  updateOutlet,
} from '../../cooperation/outlets/service.ts';
import {
  project,
  projectFilter,
  projectInput,
  projectUpdate,
  stageMachine,
  stageMoveInput,
} from '../../cooperation/projects/model.ts';
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  moveProjectStage,
  projectStageMachine,
  updateProject,
} from '../../cooperation/projects/service.ts';
import { recordId } from '../../core/model.ts';
import { problemSchema } from '../problem-schema.ts';
import { registerResource } from '../resource.ts';

const idParams = z.object({ id: recordId });

export function registerProjectsRoutes(app: FastifyInstance, db: Db): void {
  registerResource(app, db, {
    path: '/api/projects',
    tag: 'cooperation',
    name: 'project',
    item: project,
    filter: projectFilter,
    input: projectInput,
    update: projectUpdate,
    list: listProjects,
    get: getProject,
    create: createProject,
    modify: updateProject,
    remove: deleteProject,
  });
  registerResource(app, db, {
    path: '/api/outlets',
    tag: 'cooperation',
    name: 'outlet',
    item: outlet,
    filter: outletFilter,
    input: outletInput,
    update: outletUpdate,
    list: listOutlets,
    get: getOutlet,
    create: createOutlet,
    modify: updateOutlet,
    remove: deleteOutlet,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/projects/stages', {
    schema: {
      tags: ['cooperation'],
      summary: 'The project stages and the moves allowed between them',
      response: { 200: stageMachine },
    },
    handler: () => projectStageMachine(),
  });
  api.post('/api/projects/:id/stage', {
    schema: {
      tags: ['cooperation'],
      summary: 'Move a project to another stage',
      description:
        'Records the change in the stage history. A move the stage machine does not allow is refused with 409 ' +
        'naming the stages allowed next; a stale version is refused with 409 and nothing changes.',
      params: idParams,
      body: stageMoveInput,
      response: { 200: project, 404: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: (request) => moveProjectStage(db, request.params.id, request.body),
  });
  api.get('/api/relationships/:id/network', {
    schema: {
      tags: ['cooperation'],
      summary: 'The distribution network of a relationship: outlets by kind and status, and product groups',
      params: idParams,
      response: { 200: networkSummarySchema, 404: problemSchema },
    },
    handler: (request) => networkSummary(db, request.params.id),
  });
}
