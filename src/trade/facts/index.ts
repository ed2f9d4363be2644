import type { Db } from '../../db/connection.ts';
import type { DatabaseTarget } from '../../db/config.ts';
import { DuckFacts, tradeStoreFile } from './duckdb.ts';
import { PostgresFacts } from './postgres.ts';
import type { TradeFacts } from './store.ts';

export type { TradeFacts } from './store.ts';

interface Holder {
  target: DatabaseTarget;
  opened?: Promise<TradeFacts>;
}

// The trade store of each records database, opened on first use: commands that never touch trade (most
// of them) never open, nor lock, the DuckDB file.
const holders = new WeakMap<Db, Holder>();

export function attachTradeFacts(db: Db, target: DatabaseTarget): void {
  holders.set(db, { target });
}

/** The trade facts beside the records `db` (opened by `openDatabase`). */
export function tradeFacts(db: Db): Promise<TradeFacts> {
  const holder = holders.get(db);
  if (!holder) throw new Error('this records connection has no trade store: open it with openDatabase');
  holder.opened ??= openFacts(holder.target, db);
  // A failed opening (the file held by another process) is tried again next time.
  holder.opened.catch(() => (holder.opened = undefined));
  return holder.opened;
}

function openFacts(target: DatabaseTarget, db: Db): Promise<TradeFacts> {
  if (target.dialect === 'postgres') return Promise.resolve(new PostgresFacts(target.url));
  return DuckFacts.open(tradeStoreFile(target.file), db);
}

/** Where the facts of a records database are kept, as the user should see it. */
export function tradeStoreLocation(target: DatabaseTarget): string {
  return target.dialect === 'postgres' ? target.display : tradeStoreFile(target.file);
}

/**
 * Closes the trade store of `db` for now, letting another process open its file; the next question
 * opens it again.
 */
export async function releaseTradeFacts(db: Db): Promise<void> {
  const holder = holders.get(db);
  const opened = await holder?.opened?.catch(() => undefined);
  if (holder) holder.opened = undefined;
  await opened?.close();
}

export async function closeTradeFacts(db: Db): Promise<void> {
  const holder = holders.get(db);
  holders.delete(db);
  const opened = await holder?.opened?.catch(() => undefined);
  await opened?.close();
}
