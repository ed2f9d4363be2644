import type { Db } from '../../db/connection.ts';

/** Every territory code, loaded once per import so each row is checked in memory. */
export async function territoryCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('territories').select('code').execute();
  return new Set(rows.map((r) => r.code));
}
