import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { TerritoryTable } from '../../db/schema.ts';
import { containsText } from '../../core/records.ts';
import type { TerritoryFilter } from './model.ts';

const columns = [
  'code',
  'kind',
  'parentCode',
  'nameEn',
  'nameRu',
  'alpha3',
  'numericCode',
  'version',
  'createdAt',
  'updatedAt',
] as const;

function filtered(db: Db, filter: TerritoryFilter) {
  let query = db.selectFrom('territories');
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.parent) query = query.where('parentCode', '=', filter.parent);
  if (filter.q) {
    const q = filter.q;
    query = query.where((eb) => eb.or([containsText('searchText', q), eb('code', '=', q.toUpperCase())]));
  }
  return query;
}

export async function countTerritories(db: Db, filter: TerritoryFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listTerritories(db: Db, filter: TerritoryFilter, limit: number, offset: number) {
  return filtered(db, filter).select(columns).orderBy('code').limit(limit).offset(offset).execute();
}

export function findTerritory(db: Db, code: string) {
  return db.selectFrom('territories').select(columns).where('code', '=', code).executeTakeFirst();
}

export async function existingTerritoryCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('territories').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function groupingCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('territories').select('code').where('kind', '=', 'grouping').execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertTerritories(db: Db, rows: Insertable<TerritoryTable>[]): Promise<void> {
  // Chunked so PostgreSQL's bind-parameter limit is never reached.
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('territories')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}
