import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where `npm run build` puts the web workspace. */
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

/**
 * Serves the built web workspace from the API's own address. Paths outside /api that name no file
 * get index.html, so the browser's router can open any page of the workspace directly.
 */
export async function registerWeb(app: FastifyInstance, webRoot = defaultWebRoot): Promise<boolean> {
  if (!existsSync(`${webRoot}/index.html`)) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply
        .type('text/html')
        .send(
          '<!doctype html><html lang="en"><title>Accord</title><body><h1>Accord</h1>' +
            '<p>The web workspace is not built: run <code>npm run build</code>, then reload. ' +
            'The API reference is at <a href="/api/docs">/api/docs</a>.</p></body></html>',
        ),
    );
    return false;
  }
  // Looked up per request (not listed at start), so a rebuild is served without restarting.
  await app.register(fastifyStatic, {
    root: `${webRoot}/assets`,
    prefix: '/assets/',
    index: false,
    // Hashed bundles never change under the same name.
    setHeaders: (reply) => {
      reply.header('cache-control', 'public, max-age=31536000, immutable');
    },
  });
  const page = (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', webRoot);
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || /\.\w+$/.test(request.url.split('?')[0] ?? '')) {
      return reply.callNotFound();
    }
    return page(request, reply);
  });
  return true;
}
