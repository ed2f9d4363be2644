import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database, Db } from '../db/connection.ts';
import { AccordError } from '../core/errors.ts';
import { sendProblem } from './errors.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerGeoRoutes } from './routes/geo.ts';
import { registerMeetingsRoutes } from './routes/meetings.ts';
import { registerProjectsRoutes } from './routes/projects.ts';
import { registerRegistryRoutes } from './routes/registry.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerTimelineRoutes } from './routes/timeline.ts';
import { registerTradeRoutes } from './routes/trade.ts';
import { registerTradeAnalyticsRoutes } from './routes/trade-analytics.ts';
import { registerTradeDataRoutes } from './routes/trade-data.ts';
import { registerWeb } from './web.ts';

export interface AppOptions {
  db: Db;
  /** The connection's target too, for the bulk path of trade imports (which opens its own connection). */
  database?: Database;
  logger?: FastifyServerOptions['logger'];
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** The built web workspace to serve at /; none when false. */
  webRoot?: string | false;
}

export const defaultBodyLimit = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    // Path parameters are ids and codes; this bounds what a stranger can make the router handle.
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(request, reply, new AccordError('NOT_FOUND', `no route ${request.method} ${request.url}`)),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Accord API',
        version: '1',
        description:
          'Economic cooperation with partner regions and countries: registry, cooperation, documents. ' +
          'Errors are application/problem+json naming every field at fault. Updates carry the version read; ' +
          'a stale version is refused with 409.',
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
  app.get('/api/health', { schema: { hide: true } }, () => ({ status: 'ok' }));

  registerRegistryRoutes(app, options.db);
  registerMeetingsRoutes(app, options.db);
  registerProjectsRoutes(app, options.db);
  registerDocumentRoutes(app, options.db);
  registerTimelineRoutes(app, options.db);
  registerTradeRoutes(app, options.db);
  registerTradeAnalyticsRoutes(app, options.db);
  registerTradeDataRoutes(app, options.database);
  registerSearchRoutes(app, options.db);
  registerGeoRoutes(app);
  if (options.webRoot !== false) await registerWeb(app, options.webRoot);
  return app;
}
