import { existsSync } from 'node:fs';
import path from 'node:path';
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
  const assets = path.resolve(webRoot, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: `${webRoot}/assets`,
    prefix: '/assets/',
    index: false,
    // Hashed bundles never change under the same name; the page that names them (sent through this plugin
    // too) must be asked for again, or a browser would keep an old release's page.
    setHeaders: (reply, file) => {
      reply.header('cache-control', file.startsWith(assets) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const page = (_request: FastifyRequest, reply: FastifyReply) => reply.sendFile('index.html', webRoot);
  app.get('/', { schema: { hide: true } }, page);
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || /\.\w+$/.test(request.url.split('?')[0] ?? '')) {
      return reply.callNotFound();
    }
    return page(request, reply);
  });
  return true;
}
