import type { Migration } from 'kysely';
import * as m0001 from './0001_registry_and_cooperation.ts';

/** Numbered, append-only. A migration once released is never edited; add the next number instead. */
export const migrations: Record<string, Migration> = {
  '0001_registry_and_cooperation': m0001,
};
