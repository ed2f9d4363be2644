import type { Command } from 'commander';
import { AccordError, errorCodes, type ErrorCode, type Problem } from '../core/errors.ts';
import { resolveDatabaseTarget } from '../db/config.ts';
import type { Database } from '../db/connection.ts';
import { tradeStoreFile } from '../trade/facts/duckdb.ts';
import { storeHolder, type StoreHolder } from '../trade/facts/holder.ts';
import { withDatabase } from './context.ts';

/**
 * The server holding the trade store of the database this command works on, if one runs: a DuckDB file
 * opens in one process only, so while a server runs, trade questions go through it.
 */
export function tradeServer(command: Command): StoreHolder | null {
  const target = resolveDatabaseTarget(command.optsWithGlobals<{ database?: string }>().database);
  if (target.dialect !== 'sqlite') return null;
  return storeHolder(tradeStoreFile(target.file));
}

const codeOfStatus = new Map<number, ErrorCode>(
  (Object.entries(errorCodes) as Array<[ErrorCode, { status: number }]>).reverse().map(([code, e]) => [e.status, code]),
);

/** Asks the server and answers as the service would have, or throws its problem as an error. */
export async function askServer<T>(server: StoreHolder, path: string, init: RequestInit = {}, say = true): Promise<T> {
  if (say) process.stderr.write(`(asked the Accord server at ${server.url}, which holds the trade store)\n`);
  let response: Response;
  try {
    response = await fetch(new URL(path, server.url), init);
  } catch (error) {
    throw new AccordError(
      'CONFLICT',
      `the Accord server at ${server.url} (PID ${server.pid}) holds the trade store but does not answer: ${(error as Error).message}`,
    );
  }
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  if (response.ok) return body as T;
  const code = codeOfStatus.get(response.status) ?? 'INTERNAL';
  const message = typeof body?.detail === 'string' ? body.detail : `the server answered ${response.status}`;
  throw new AccordError(code, message, { problems: (body?.problems as Problem[] | undefined) ?? [] });
}

/** The query of an API address; options the user left out stay out. */
export function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
  return params.toString();
}

/**
 * A trade question answered here, on the database, or, while a server holds the trade store, by the
 * server's API at `route` with the same query.
 */
export async function askTrade<T>(
  command: Command,
  route: string,
  query: Record<string, string | number | boolean | undefined>,
  local: (database: Database) => Promise<T>,
): Promise<T> {
  const server = tradeServer(command);
  if (!server) return withDatabase(command, 'require-current', local);
  return askServer<T>(server, `${route}?${queryString(query)}`);
}
