import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { meeting, meetingFilter, meetingInput, meetingUpdate } from '../../cooperation/meetings/model.ts';
import {
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from '../../cooperation/meetings/service.ts';
import {
  asOfQuery,
  commitmentFilter,
  statement,
  statementFilter,
  statementInput,
  statementUpdate,
  statusChangeInput,
} from '../../cooperation/statements/model.ts';
import {
  changeStatementStatus,
  createStatement,
  deleteStatement,
  getStatement,
  listCommitments,
  listStatements,
  updateStatement,
} from '../../cooperation/statements/service.ts';
import type { Db } from '../../db/connection.ts';
import { pageOf, pageQuery, recordId } from '../../core/model.ts';
import { problemSchema } from '../problem-schema.ts';
import { registerResource } from '../resource.ts';

export function registerMeetingsRoutes(app: FastifyInstance, db: Db): void {
  const tags = ['cooperation'];

  registerResource(app, db, {
    path: '/api/meetings',
    tag: 'cooperation',
    name: 'meeting',
    item: meeting,
    filter: meetingFilter,
    input: meetingInput,
    update: meetingUpdate,
    list: listMeetings,
    get: getMeeting,
    create: createMeeting,
    modify: updateMeeting,
    remove: deleteMeeting,
  });

  // Reading one statement is registered below, since it takes the day `overdue` is judged on.
  registerResource(app, db, {
    path: '/api/statements',
    tag: 'cooperation',
    name: 'statement',
    item: statement,
    filter: statementFilter,
    input: statementInput,
    update: statementUpdate,
    list: listStatements,
    create: createStatement,
    modify: updateStatement,
    remove: deleteStatement,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const idParams = z.object({ id: recordId });

  api.get('/api/statements/:id', {
    schema: {
      tags,
      summary: 'Read one statement',
      description: '`overdue` is judged on `asOf`, today when not given.',
      params: idParams,
      querystring: asOfQuery,
      response: { 200: statement, 404: problemSchema, 422: problemSchema },
    },
    handler: (request) => getStatement(db, request.params.id, request.query.asOf),
  });

  api.post('/api/statements/:id/status', {
    schema: {
      tags,
      summary: 'Change the status of a statement',
      description:
        'open → in_progress, fulfilled or dropped; in_progress → open, fulfilled or dropped; fulfilled or dropped → ' +
        'open (reopen). The change is added to the history with its day (`on`, today by default) and note. ' +
        'Send the version you read; a stale version is refused with 409.',
      params: idParams,
      body: statusChangeInput,
      response: { 200: statement, 404: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: (request) => changeStatementStatus(db, request.params.id, request.body),
  });

  api.get('/api/commitments', {
    schema: {
      tags,
      summary: 'List commitments: statements of kind commitment',
      description:
        'With `overdue=true`, those still open or in progress after their due date. With `asOf`, as known on that ' +
        'day: made at meetings held by then, in the status they had then, overdue judged on that day.',
      querystring: commitmentFilter.extend(pageQuery.shape),
      response: { 200: pageOf(statement), 422: problemSchema },
    },
    handler: (request) => {
      const { limit, offset, ...filter } = request.query;
      return listCommitments(db, filter, { limit, offset });
    },
  });
}
