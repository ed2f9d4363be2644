import type { Db } from '../../db/connection.ts';
import { AccordError } from '../../core/errors.ts';
import { nowIso } from '../../core/records.ts';
import { isicSectors } from '../reference/isic.ts';
import type { Sector, SectorFilter } from './model.ts';
import * as store from './store.ts';

export async function listSectors(db: Db, filter: SectorFilter): Promise<Sector[]> {
  return (await store.listSectors(db, filter)) as Sector[];
}

export async function getSector(db: Db, code: string): Promise<Sector> {
  const row = await store.findSector(db, code);
  if (!row) {
    throw new AccordError('NOT_FOUND', `unknown sector ${code}: expected an ISIC Rev.4 section (C) or division (10)`);
  }
  return row as Sector;
}

/** How a sector reference is named in errors about other records. */
/** Both titles of each sector asked for; unknown codes are left out. */
export function sectorTitles(
  db: Db,
  codes: string[],
): Promise<Array<{ code: string; titleEn: string; titleRu: string }>> {
  return store.sectorTitles(db, [...new Set(codes)]);
}

export const sectorLabel = 'ISIC Rev.4 sector';

/** Inserts the ISIC Rev.4 sections and divisions the database does not have yet. */
export async function seedSectors(db: Db): Promise<number> {
  const existing = await store.existingSectorCodes(
    db,
    isicSectors.map((s) => s.code),
  );
  const now = nowIso();
  const missing = isicSectors
    .filter((s) => !existing.has(s.code))
    .map((s) => ({
      code: s.code,
      level: s.level,
      parentCode: s.parent,
      titleEn: s.titleEn,
      titleRu: s.titleRu,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }));
  await store.insertSectors(db, missing);
  return missing.length;
}
