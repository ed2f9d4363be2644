import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp, defaultBodyLimit } from '../../src/http/app.ts';
import type { Database } from '../../src/db/connection.ts';
import { fuzzServer, type FuzzReport } from './run.ts';

/** Loads the demo into `database`, serves it on a free port of 127.0.0.1 and fuzzes it with `requests` requests. */
export async function fuzzDemoServer(
  database: Database,
  options: { requests: number; seed?: number },
): Promise<FuzzReport> {
  await loadDemo(database);
  const app: FastifyInstance = await buildApp({ db: database.db, database, webRoot: false });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    return await fuzzServer(`http://127.0.0.1:${port}`, { ...options, bodyLimit: defaultBodyLimit });
  } finally {
    await app.close();
  }
}
