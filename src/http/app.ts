import fastifyHelmet from '@fastify/helmet';
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
import { AccordError, excerpt } from '../core/errors.ts';
import { clientErrorAnswer, sendProblem } from './errors.ts';
import { allowedHostsFor, registerRequestGuard } from './guard.ts';
import { refuseNulCharacters } from './text-input.ts';
import { registerBriefingRoutes } from './routes/briefings.ts';
import { registerDemoRoutes } from './routes/demo.ts';
import { registerDocumentRoutes } from './routes/documents.ts';
import { registerDownloadRoutes } from './routes/downloads.ts';
import { registerGeoRoutes } from './routes/geo.ts';
import { registerMeetingsRoutes } from './routes/meetings.ts';
import { registerPartnersRoutes } from './routes/partners.ts';
import { registerProjectsRoutes } from './routes/projects.ts';
import { registerReadoutRoutes } from './routes/readouts.ts';
import { registerRegistryRoutes } from './routes/registry.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerTimelineRoutes } from './routes/timeline.ts';
import { registerTradeRoutes } from './routes/trade.ts';
import { registerTradeAnalyticsRoutes } from './routes/trade-analytics.ts';
import { registerTradeProductRoutes } from './routes/trade-products.ts';
import { registerTradeDataRoutes, type UploadLimits } from './routes/trade-data.ts';
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
  /** Host names the server answers for (see guard.ts); localhost and the loopback addresses by default. */
  allowedHosts?: string[];
  /** The largest uploaded trade file by kind; ACCORD_MAX_UPLOAD_BYTES and ACCORD_MAX_XLSX_BYTES by default. */
  uploadLimits?: UploadLimits;
}

export const defaultBodyLimit = 1024 * 1024;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? defaultBodyLimit,
    // Path parameters are ids and codes; this bounds what a stranger can make the router handle.
    routerOptions: { maxParamLength: 200 },
    // What fails before a route is found (an address that is not valid, a part too long) answers like the rest.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, error),
    clientErrorHandler: (error: NodeJS.ErrnoException, socket) => {
      // Bytes after a request that was already answered get no second answer on the same connection.
      const answered = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true;
      if (error.code !== 'ECONNRESET' && socket.writable && !answered) socket.write(clientErrorAnswer(error));
      socket.destroy(error);
    },
  });
  // Writes take JSON (and the upload route its file types): nothing a cross-site form can send as is.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AccordError('NOT_FOUND', `no route ${request.method} ${excerpt(request.url, 200)}`),
    ),
  );

  registerRequestGuard(app, options.allowedHosts ?? allowedHostsFor('127.0.0.1'));
  refuseNulCharacters(app);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        // Mantine and ECharts set styles from script; no script runs from markup.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    // Accord is served over plain HTTP on this machine or a trusted network; a proxy that adds TLS adds HSTS.
    strictTransportSecurity: false,
  });
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
  registerPartnersRoutes(app, options.db);
  registerMeetingsRoutes(app, options.db);
  registerProjectsRoutes(app, options.db);
  registerDocumentRoutes(app, options.db);
  registerTimelineRoutes(app, options.db);
  registerTradeRoutes(app, options.db);
  registerTradeAnalyticsRoutes(app, options.db);
  registerTradeProductRoutes(app, options.db);
  registerTradeDataRoutes(app, options.database, options.uploadLimits);
  registerSearchRoutes(app, options.db);
  registerDownloadRoutes(app, options.db);
  registerBriefingRoutes(app, options.db);
  registerReadoutRoutes(app, options.db);
  registerGeoRoutes(app);
  registerDemoRoutes(app, options.db, options.database);
  if (options.webRoot !== false) await registerWeb(app, options.webRoot);
  return app;
}
