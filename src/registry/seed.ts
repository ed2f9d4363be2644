import type { Db } from '../db/connection.ts';
import { inTransaction } from '../core/records.ts';
import { seedSectors } from './sectors/service.ts';
import { seedTerritories } from './territories/service.ts';

/** Reference data every database needs: ISO territories and ISIC sectors. Safe to run again. */
export async function seedReferenceData(db: Db): Promise<{ territories: number; sectors: number }> {
  return inTransaction(db, async (trx) => ({
    territories: await seedTerritories(trx),
    sectors: await seedSectors(trx),
  }));
}
