import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { pageOf, pageQuery, recordId, versionQuery, type Page, type PageQuery } from '../core/model.ts';
import { problemSchema } from './problem-schema.ts';

/**
 * The usual five routes of one kind of record. Each handler only calls a service: validation
 * beyond the shape of the request, and every rule, lives there.
 */
export interface ResourceRoutes<Item, Filter extends z.ZodObject> {
  path: string;
  tag: string;
  /** What the record is called in messages and the API reference, e.g. 'organization'. */
  name: string;
  item: z.ZodType<Item>;
  filter?: Filter;
  input?: z.ZodType;
  update?: z.ZodType;
  list?: (db: Db, filter: z.output<Filter>, page: PageQuery) => Promise<Page<Item>>;
  get?: (db: Db, id: string) => Promise<Item>;
  create?: (db: Db, input: unknown) => Promise<Item>;
  modify?: (db: Db, id: string, input: unknown) => Promise<Item>;
  remove?: (db: Db, id: string, version: number) => Promise<void>;
}

const idParams = z.object({ id: recordId });

/** A misspelt field would otherwise be dropped without a word and the change silently not made. */
function refusingUnknownFields(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodObject ? schema.strict() : schema;
}
const errors = { 404: problemSchema, 409: problemSchema, 422: problemSchema };

export function registerResource<Item, Filter extends z.ZodObject>(
  app: FastifyInstance,
  db: Db,
  r: ResourceRoutes<Item, Filter>,
): void {
  // The zod compilers validate every request at run time; the casts only restate what they checked,
  // since a generic Item cannot flow through Fastify's type provider.
  const api = app;
  const tags = [r.tag];
  if (r.list) {
    const list = r.list;
    const query = (r.filter ?? z.object({})).extend(pageQuery.shape);
    api.get(r.path, {
      schema: {
        tags,
        summary: `List ${r.name} records`,
        querystring: query,
        response: { 200: pageOf(r.item), 422: problemSchema },
      },
      handler: async (request) => {
        const { limit, offset, ...filter } = request.query as PageQuery & Record<string, unknown>;
        return list(db, filter as z.output<Filter>, { limit, offset });
      },
    });
  }
  if (r.get) {
    const get = r.get;
    api.get(`${r.path}/:id`, {
      schema: { tags, summary: `Read one ${r.name}`, params: idParams, response: { 200: r.item, 404: problemSchema } },
      handler: (request) => get(db, (request.params as { id: string }).id),
    });
  }
  if (r.create && r.input) {
    const create = r.create;
    api.post(r.path, {
      schema: {
        tags,
        summary: `Create a ${r.name}`,
        body: refusingUnknownFields(r.input),
        response: { 201: r.item, ...errors },
      },
      handler: async (request, reply) => reply.code(201).send(await create(db, request.body)),
    });
  }
  if (r.modify && r.update) {
    const modify = r.modify;
    api.patch(`${r.path}/:id`, {
      schema: {
        tags,
        summary: `Change a ${r.name}`,
        description: 'Send the version you read; a stale version is refused with 409 and nothing changes.',
        params: idParams,
        body: refusingUnknownFields(r.update),
        response: { 200: r.item, ...errors },
      },
      handler: (request) => modify(db, (request.params as { id: string }).id, request.body),
    });
  }
  if (r.remove) {
    const remove = r.remove;
    api.delete(`${r.path}/:id`, {
      schema: {
        tags,
        summary: `Delete a ${r.name}`,
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null(), ...errors },
      },
      handler: async (request, reply) => {
        const { id } = request.params as { id: string };
        await remove(db, id, (request.query as { version: number }).version);
        return reply.code(204).send(null);
      },
    });
  }
}
