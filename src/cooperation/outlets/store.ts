import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { OutletTable } from '../../db/schema.ts';
import { newId } from '../../core/ids.ts';
import type { Line, OutletFilter } from './model.ts';

const outletColumns = [
  'outlets.id',
  'outlets.relationshipId',
  'outlets.territoryCode',
  'outlets.name',
  'outlets.kind',
  'outlets.operatorOrganizationId',
  'outlets.city',
  'outlets.openedOn',
  'outlets.closedOn',
  'outlets.status',
  'outlets.notes',
  'outlets.latitude',
  'outlets.longitude',
  'outlets.version',
  'outlets.createdAt',
  'outlets.updatedAt',
] as const;

export type OutletRow = NonNullable<Awaited<ReturnType<typeof findOutlet>>>;

function filtered(db: Db, filter: OutletFilter) {
  let query = db.selectFrom('outlets');
  if (filter.relationshipId) query = query.where('outlets.relationshipId', '=', filter.relationshipId);
  if (filter.partner) {
    const partner = filter.partner;
    query = query.where('outlets.relationshipId', 'in', (eb) =>
      eb.selectFrom('relationships').select('relationships.id').where('relationships.partnerCode', '=', partner),
    );
  }
  if (filter.territory) {
    const territory = filter.territory;
    query = query.where((eb) =>
      eb.or([
        eb('outlets.territoryCode', '=', territory),
        eb(
          'outlets.territoryCode',
          'in',
          eb.selectFrom('territories').select('territories.code').where('territories.parentCode', '=', territory),
        ),
      ]),
    );
  }
  if (filter.kind) query = query.where('outlets.kind', '=', filter.kind);
  if (filter.status) query = query.where('outlets.status', '=', filter.status);
  if (filter.organizationId) {
    const organizationId = filter.organizationId;
    query = query.where('outlets.id', 'in', (eb) =>
      eb
        .selectFrom('outletLines')
        .select('outletLines.outletId')
        .where('outletLines.organizationId', '=', organizationId),
    );
  }
  return query;
}

export async function countOutlets(db: Db, filter: OutletFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listOutlets(db: Db, filter: OutletFilter, limit: number, offset: number) {
  return filtered(db, filter)
    .select(outletColumns)
    .orderBy('outlets.name')
    .orderBy('outlets.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findOutlet(db: Db, id: string) {
  return db.selectFrom('outlets').select(outletColumns).where('outlets.id', '=', id).executeTakeFirst();
}

export function linesOf(db: Db, outletIds: string[]) {
  if (outletIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outletLines')
    .select(['outletId', 'organizationId', 'productGroup', 'sinceOn'])
    .where('outletId', 'in', outletIds)
    .orderBy('outletId')
    .orderBy('position')
    .execute();
}

export async function insertOutlet(db: Db, row: Insertable<OutletTable>): Promise<void> {
  await db.insertInto('outlets').values(row).execute();
}

export async function replaceLines(db: Db, outletId: string, lines: Line[]): Promise<void> {
  await db.deleteFrom('outletLines').where('outletId', '=', outletId).execute();
  if (lines.length === 0) return;
  await db
    .insertInto('outletLines')
    .values(lines.map((l, position) => ({ id: newId(), outletId, ...l, position })))
    .execute();
}

export async function countsByKindAndStatus(db: Db, relationshipId: string) {
  const rows = await db
    .selectFrom('outlets')
    .select(['kind', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('relationshipId', '=', relationshipId)
    .groupBy(['kind', 'status'])
    .execute();
  return rows.map((r) => ({ kind: r.kind, status: r.status, count: Number(r.n) }));
}

/** The product groups carried by the relationship's outlets that are not closed. */
export async function productGroupsOf(db: Db, relationshipId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('outletLines')
    .innerJoin('outlets', 'outlets.id', 'outletLines.outletId')
    .select('outletLines.productGroup')
    .distinct()
    .where('outlets.relationshipId', '=', relationshipId)
    .where('outlets.status', '!=', 'closed')
    .execute();
  return rows.map((r) => r.productGroup);
}

export function outletsOf(db: Db, relationshipId: string) {
  return db
    .selectFrom('outlets')
    .select(['id', 'kind', 'status', 'openedOn', 'closedOn'])
    .where('relationshipId', '=', relationshipId)
    .execute();
}

export function outletLines(db: Db, outletIds: string[]) {
  if (outletIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('outletLines')
    .select(['outletId', 'productGroup', 'sinceOn'])
    .where('outletId', 'in', outletIds)
    .orderBy('position')
    .execute();
}
