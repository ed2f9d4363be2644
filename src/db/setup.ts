import { seedReferenceData } from '../registry/seed.ts';
import { migrateToLatest, type Db, type MigrationReport } from './connection.ts';

/** Brings a database to the current schema and fills in reference data it lacks. */
export async function prepareDatabase(
  db: Db,
): Promise<MigrationReport & { seeded: { territories: number; sectors: number } }> {
  const report = await migrateToLatest(db);
  const seeded = await seedReferenceData(db);
  return { ...report, seeded };
}
