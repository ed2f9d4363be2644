import type { Command } from 'commander';
import { z } from 'zod';
import { prepareDatabase } from '../../db/setup.ts';
import { isDatabaseEmpty, loadDemo } from '../../demo/load.ts';
import { buildApp } from '../../http/app.ts';
import { allowedHostsFor, isAllInterfaces, isLoopback, parseHostList } from '../../http/guard.ts';
import { logFormats, serverLogger } from '../../http/log.ts';
import { parseInput } from '../../core/model.ts';
import type { Database } from '../../db/connection.ts';
import { tradeStoreFile } from '../../trade/facts/duckdb.ts';
import { claimStore, heldError, storeHolder } from '../../trade/facts/holder.ts';
import { tradeFacts } from '../../trade/facts/index.ts';
import { withDatabase } from '../context.ts';

const listenOptions = z.object({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  log: z.enum(logFormats).default('text'),
});

interface ServeOptions {
  host?: string;
  port?: string;
  log?: string;
}

async function serve(database: Database, raw: ServeOptions): Promise<void> {
  const { host, port, log } = parseInput(listenOptions, {
    host: raw.host ?? process.env.ACCORD_HOST,
    port: raw.port ?? process.env.ACCORD_PORT,
    log: raw.log ?? process.env.ACCORD_LOG,
  });
  const allowedHosts = allowedHostsFor(host, parseHostList(process.env.ACCORD_ALLOWED_HOSTS));
  // The server holds the trade store from the start: a second server on the same file is refused now,
  // naming the first, rather than at its first trade question.
  const storeFile = database.target.dialect === 'sqlite' ? tradeStoreFile(database.target.file) : null;
  if (storeFile) {
    const other = storeHolder(storeFile);
    if (other) throw heldError(storeFile, other);
    await tradeFacts(database.db);
  }
  const app = await buildApp({
    db: database.db,
    database,
    allowedHosts,
    logger: serverLogger(log, process.env.ACCORD_LOG_LEVEL),
  });
  await app.listen({ host, port });
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const everywhere = isAllInterfaces(host);
  const shownHost = everywhere ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const reach = everywhere
    ? `listening on all interfaces (${host})`
    : isLoopback(host)
      ? `listening on ${host} only: no other machine can reach it`
      : `listening on ${host}`;
  if (everywhere) {
    process.stderr.write(
      `Warning: Accord is listening on every network interface and has no accounts yet: anyone who can reach this machine on port ${actualPort} can read and change all its data. ` +
        'Listen on 127.0.0.1 (the default) or put Accord behind a proxy that checks who is asking. ' +
        `It answers for the host names ${allowedHosts.join(', ')}; add others with ACCORD_ALLOWED_HOSTS.\n`,
    );
  }
  const url = `http://${shownHost}:${actualPort}/`;
  // Commands run meanwhile find the server here and ask it their trade questions.
  const release = storeFile ? claimStore(storeFile, url) : () => undefined;
  process.stdout.write(
    `Accord is running at ${url}  (${reach}; API reference: /api/docs, database: ${database.target.display})\n`,
  );
  try {
    await new Promise<void>((resolve) => {
      const stop = () => {
        void app.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    release();
  }
}

const logHelp =
  'text (default, or $ACCORD_LOG): warnings and failures, a readable line each; json: a JSON line per request and event';

export function registerServerCommands(program: Command): void {
  program
    .command('migrate')
    .description('create or upgrade the database schema and add missing reference data')
    .action(async (_options, command: Command) => {
      await withDatabase(command, 'none', async (database) => {
        const report = await prepareDatabase(database.db);
        const applied = report.applied.length > 0 ? `applied ${report.applied.join(', ')}` : 'schema already current';
        process.stdout.write(
          `${database.target.display}: ${applied} (now at ${report.current}); added ${report.seeded.territories} territories, ${report.seeded.sectors} sectors\n`,
        );
      });
    });

  program
    .command('serve')
    .description('start the HTTP server (API and reference at /api/docs)')
    .option('--host <host>', 'address to listen on (default 127.0.0.1, or $ACCORD_HOST)')
    .option('--port <port>', 'port (default 3000, or $ACCORD_PORT; 0 picks a free one)')
    .option('--log <format>', logHelp)
    .action(async (options: ServeOptions, command: Command) => {
      await withDatabase(command, 'require-current', (database) => serve(database, options));
    });

  program
    .command('start')
    .description('first run made easy: migrate, load the demo into an empty database, then serve')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port (default 3000)')
    .option('--log <format>', logHelp)
    .action(async (options: ServeOptions, command: Command) => {
      await withDatabase(command, 'none', async (database) => {
        await prepareDatabase(database.db);
        if (await isDatabaseEmpty(database.db)) {
          const summary = await loadDemo(database);
          process.stdout.write(
            `Loaded the demo data set (${summary.records} records, ${summary.tradeRows} illustrative trade rows) into ${database.target.display}\n`,
          );
        }
        await serve(database, options);
      });
    });
}
