import type { FastifyInstance } from 'fastify';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp, defaultBodyLimit } from '../../src/http/app.ts';
import type { Database } from '../../src/db/connection.ts';
import { fuzzServer, type FuzzReport } from './run.ts';

/**
 * Loads the demo into `database`, serves it on a free port of 127.0.0.1 and fuzzes it with `requests` requests.
 * What the server logged as errors comes with the report: a 5xx names only its code, the log says why.
 */
export async function fuzzDemoServer(
  database: Database,
  options: { requests: number; seed?: number },
): Promise<FuzzReport & { serverErrors: string[] }> {
  await loadDemo(database);
  const serverErrors: string[] = [];
  const app: FastifyInstance = await buildApp({
    db: database.db,
    database,
    webRoot: false,
    logger: { level: 'error', stream: { write: (line: string) => serverErrors.push(line.slice(0, 3000)) } },
  });
  try {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const report = await fuzzServer(`http://127.0.0.1:${port}`, { ...options, bodyLimit: defaultBodyLimit });
    return { ...report, serverErrors };
  } finally {
    await app.close();
  }
}
