import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { OrganizationTable } from '../../db/schema.ts';
import { newId } from '../../core/ids.ts';
import { containsText } from '../../core/records.ts';
import type { Alias, OrganizationFilter, Product } from './model.ts';

const organizationColumns = [
  'organizations.id',
  'organizations.kind',
  'organizations.nameEn',
  'organizations.nameRu',
  'organizations.territoryCode',
  'organizations.description',
  'organizations.spareCapacityNote',
  'organizations.website',
  'organizations.version',
  'organizations.createdAt',
  'organizations.updatedAt',
] as const;

export type OrganizationRow = NonNullable<Awaited<ReturnType<typeof findOrganization>>>;

function filtered(db: Db, filter: OrganizationFilter) {
  let query = db.selectFrom('organizations');
  if (filter.q) query = query.where(containsText('organizations.searchText', filter.q));
  if (filter.territory) query = query.where('organizations.territoryCode', '=', filter.territory);
  if (filter.country) {
    const country = filter.country;
    query = query.where((eb) =>
      eb.or([
        eb('organizations.territoryCode', '=', country),
        eb('organizations.territoryCode', 'like', `${country}-%`),
      ]),
    );
  }
  if (filter.kind) query = query.where('organizations.kind', '=', filter.kind);
  if (filter.sector) {
    const sector = filter.sector;
    query = query.where('organizations.id', 'in', (eb) =>
      eb
        .selectFrom('organizationSectors')
        .select('organizationSectors.organizationId')
        .where((inner) =>
          inner.or([
            inner('organizationSectors.sectorCode', '=', sector),
            inner(
              'organizationSectors.sectorCode',
              'in',
              inner.selectFrom('sectors').select('sectors.code').where('sectors.parentCode', '=', sector),
            ),
          ]),
        ),
    );
  }
  return query;
}

export async function countOrganizations(db: Db, filter: OrganizationFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** By English name, falling back to the Russian one, so organizations known only in Russian sort in too. */
export function listOrganizations(db: Db, filter: OrganizationFilter, limit: number, offset: number) {
  return filtered(db, filter)
    .select(organizationColumns)
    .orderBy((eb) => eb.fn.coalesce('organizations.nameEn', 'organizations.nameRu'))
    .orderBy('organizations.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findOrganization(db: Db, id: string) {
  return db
    .selectFrom('organizations')
    .select(organizationColumns)
    .where('organizations.id', '=', id)
    .executeTakeFirst();
}

export function organizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute();
}

export function aliasesOf(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizationAliases')
    .select(['organizationId', 'alias', 'language'])
    .where('organizationId', 'in', organizationIds)
    .orderBy('organizationId')
    .orderBy('position')
    .execute();
}

/** Sector codes in code order: the table keeps no order of its own. */
export function sectorsOf(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizationSectors')
    .select(['organizationId', 'sectorCode'])
    .where('organizationId', 'in', organizationIds)
    .orderBy('organizationId')
    .orderBy('sectorCode')
    .execute();
}

export function productsOf(db: Db, organizationIds: string[]) {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizationProducts')
    .select(['organizationId', 'name', 'hsCode', 'capacityNote'])
    .where('organizationId', 'in', organizationIds)
    .orderBy('organizationId')
    .orderBy('position')
    .execute();
}

export function aliasTexts(db: Db, organizationId: string) {
  return db
    .selectFrom('organizationAliases')
    .select('alias')
    .where('organizationId', '=', organizationId)
    .orderBy('position')
    .execute();
}

export async function insertOrganization(db: Db, row: Insertable<OrganizationTable>): Promise<void> {
  await db.insertInto('organizations').values(row).execute();
}

export async function replaceAliases(db: Db, organizationId: string, aliases: Alias[]): Promise<void> {
  await db.deleteFrom('organizationAliases').where('organizationId', '=', organizationId).execute();
  if (aliases.length === 0) return;
  await db
    .insertInto('organizationAliases')
    .values(aliases.map((a, position) => ({ id: newId(), organizationId, ...a, position })))
    .execute();
}

export async function replaceSectors(db: Db, organizationId: string, sectorCodes: string[]): Promise<void> {
  await db.deleteFrom('organizationSectors').where('organizationId', '=', organizationId).execute();
  if (sectorCodes.length === 0) return;
  await db
    .insertInto('organizationSectors')
    .values(sectorCodes.map((sectorCode) => ({ organizationId, sectorCode })))
    .execute();
}

export async function replaceProducts(db: Db, organizationId: string, products: Product[]): Promise<void> {
  await db.deleteFrom('organizationProducts').where('organizationId', '=', organizationId).execute();
  if (products.length === 0) return;
  await db
    .insertInto('organizationProducts')
    .values(products.map((p, position) => ({ id: newId(), organizationId, ...p, position })))
    .execute();
}
