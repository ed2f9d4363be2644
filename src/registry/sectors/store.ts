import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { SectorTable } from '../../db/schema.ts';
import type { SectorFilter } from './model.ts';

const columns = ['code', 'level', 'parentCode', 'titleEn', 'titleRu', 'version', 'createdAt', 'updatedAt'] as const;

export function listSectors(db: Db, filter: SectorFilter) {
  let query = db.selectFrom('sectors').select(columns);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.parent) query = query.where('parentCode', '=', filter.parent);
  // Sections (letters) first, then divisions in numeric order.
  return query.orderBy('level', 'desc').orderBy('code').execute();
}

export function findSector(db: Db, code: string) {
  return db.selectFrom('sectors').select(columns).where('code', '=', code).executeTakeFirst();
}

export async function existingSectorCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('sectors').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((r) => r.code));
}

export async function insertSectors(db: Db, rows: Insertable<SectorTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db
      .insertInto('sectors')
      .values(rows.slice(i, i + 200))
      .execute();
  }
}

export function sectorTitles(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db.selectFrom('sectors').select(['code', 'titleEn', 'titleRu']).where('code', 'in', codes).execute();
}
