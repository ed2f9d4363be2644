import type { Db } from '../../src/db/connection.ts';
import type { DB } from '../../src/db/schema.ts';
import { newId } from '../../src/core/ids.ts';
import { nowIso, searchText } from '../../src/core/records.ts';

/**
 * Records for tests, written straight into the tables so each capability's tests stand alone.
 * Every factory takes overrides, as in `makeProject(db, { stage: 'agreed' })`.
 */
function meta() {
  const now = nowIso();
  return { version: 1, createdAt: now, updatedAt: now };
}

type Row<T extends keyof DB> = DB[T];

export async function makeRelationship(db: Db, overrides: Partial<Row<'relationships'>> = {}) {
  const row: Row<'relationships'> = {
    id: newId(),
    homeCode: 'BY',
    partnerCode: 'RU-KRS',
    title: null,
    notes: null,
    ...meta(),
    ...overrides,
  };
  // One relationship per pair: reuse the pair's row when a test asks for it twice.
  const existing = await db
    .selectFrom('relationships')
    .selectAll()
    .where('homeCode', '=', row.homeCode)
    .where('partnerCode', '=', row.partnerCode)
    .executeTakeFirst();
  if (existing) return existing;
  await db.insertInto('relationships').values(row).execute();
  return row;
}

export async function makeOrganization(db: Db, overrides: Partial<Row<'organizations'>> = {}) {
  const row: Row<'organizations'> = {
    id: newId(),
    kind: 'enterprise',
    nameEn: 'Test Works',
    nameRu: 'Тестовый завод',
    territoryCode: 'BY',
    description: null,
    spareCapacityNote: null,
    website: null,
    searchText: '',
    ...meta(),
    ...overrides,
  };
  row.searchText = searchText(row.nameEn, row.nameRu);
  await db.insertInto('organizations').values(row).execute();
  return row;
}

export async function makePerson(db: Db, overrides: Partial<Row<'people'>> = {}) {
  const row: Row<'people'> = {
    id: newId(),
    nameEn: 'Test Person',
    nameRu: 'Тестовый Человек',
    notes: null,
    searchText: '',
    ...meta(),
    ...overrides,
  };
  row.searchText = searchText(row.nameEn, row.nameRu);
  await db.insertInto('people').values(row).execute();
  return row;
}

export async function makeDocument(db: Db, overrides: Partial<Row<'documents'>> = {}) {
  const row: Row<'documents'> = {
    id: newId(),
    titleEn: 'Test readout',
    titleRu: null,
    kind: 'readout',
    publishedOn: '2017-12-05',
    language: 'en',
    sourceUrl: null,
    publisher: null,
    notes: null,
    ...meta(),
    ...overrides,
  };
  await db.insertInto('documents').values(row).execute();
  return row;
}

export async function makeMeeting(db: Db, overrides: Partial<Row<'meetings'>> = {}) {
  const relationshipId = overrides.relationshipId ?? (await makeRelationship(db)).id;
  const row: Row<'meetings'> = {
    id: newId(),
    relationshipId,
    heldOn: '2017-12-05',
    place: 'Minsk',
    kind: 'talks',
    titleEn: 'Test talks',
    titleRu: null,
    summaryEn: null,
    summaryRu: null,
    ...meta(),
    ...overrides,
  };
  await db.insertInto('meetings').values(row).execute();
  return row;
}

export async function makeProject(db: Db, overrides: Partial<Row<'projects'>> = {}) {
  const relationshipId = overrides.relationshipId ?? (await makeRelationship(db)).id;
  const row: Row<'projects'> = {
    id: newId(),
    relationshipId,
    titleEn: 'Test supply',
    titleRu: null,
    kind: 'supply',
    sectorCode: null,
    description: null,
    valueMinor: null,
    currency: null,
    stage: 'idea',
    searchText: '',
    ...meta(),
    ...overrides,
  };
  row.searchText = searchText(row.titleEn, row.titleRu);
  await db.insertInto('projects').values(row).execute();
  return row;
}
