import type { Migration } from 'kysely';
import * as m0001 from './0001_registry_and_cooperation.ts';
import * as m0002 from './0002_trade.ts';

/** Numbered, append-only. A migration once released is never edited; add the next number instead. */
export const migrations: Record<string, Migration> = {
  '0001_registry_and_cooperation': m0001,
  '0002_trade': m0002,
};
