import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { organizationNames } from '../../registry/organizations/service.ts';
import { getRelationship } from '../../registry/relationships/service.ts';
import { territoryLabel } from '../../registry/territories/service.ts';
import { invalid, notFound } from '../../core/errors.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import { newId } from '../../core/ids.ts';
import {
  deleteVersioned,
  inTransaction,
  nowIso,
  paged,
  requireReferences,
  updateVersioned,
} from '../../core/records.ts';
import {
  outletInput,
  outletKind,
  outletStatus,
  outletUpdate,
  type Line,
  type NetworkSummary,
  type Outlet,
  type OutletFilter,
} from './model.ts';
import * as store from './store.ts';

const key = (id: string) => ({ column: 'id', value: id, label: 'outlet' });

/** Adds the lines to outlet rows, keeping the rows' order. */
async function withLines(db: Db, rows: store.OutletRow[]): Promise<Outlet[]> {
  const lines = await store.linesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    ...row,
    kind: row.kind as Outlet['kind'],
    status: row.status as Outlet['status'],
    lines: lines
      .filter((l) => l.outletId === row.id)
      .map((l) => ({ organizationId: l.organizationId, productGroup: l.productGroup, sinceOn: l.sinceOn })),
  }));
}

export function listOutlets(db: Db, filter: OutletFilter, page: PageQuery): Promise<Page<Outlet>> {
  return paged(
    page,
    () => store.countOutlets(db, filter),
    async (limit, offset) => withLines(db, await store.listOutlets(db, filter, limit, offset)),
  );
}

export async function getOutlet(db: Db, id: string): Promise<Outlet> {
  const row = await store.findOutlet(db, id);
  if (!row) throw notFound('outlet', id);
  const [outlet] = await withLines(db, [row]);
  return outlet!;
}

/** Every record an outlet points to, named by the field that holds it. */
function references(data: {
  relationshipId?: string;
  territoryCode?: string;
  operatorOrganizationId?: string | null;
  lines?: Line[];
}) {
  return [
    { path: 'relationshipId', table: 'relationships' as const, id: data.relationshipId, label: 'relationship' },
    { path: 'territoryCode', table: 'territories' as const, id: data.territoryCode, label: territoryLabel },
    {
      path: 'operatorOrganizationId',
      table: 'organizations' as const,
      id: data.operatorOrganizationId,
      label: 'organization',
    },
    ...(data.lines ?? []).map((l, i) => ({
      path: `lines.${i}.organizationId`,
      table: 'organizations' as const,
      id: l.organizationId,
      label: 'organization',
    })),
  ];
}

export async function createOutlet(db: Db, input: unknown): Promise<Outlet> {
  const { lines, ...fields } = parseInput(outletInput, input);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, references({ ...fields, lines }));
    const now = nowIso();
    const id = newId();
    await store.insertOutlet(trx, { id, ...fields, version: 1, createdAt: now, updatedAt: now });
    await store.replaceLines(trx, id, lines);
    return getOutlet(trx, id);
  });
}

/** Changes an outlet's fields; lines, when given, replace the whole list. */
export async function updateOutlet(db: Db, id: string, input: unknown): Promise<Outlet> {
  const { version, lines, ...patch } = parseInput(outletUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findOutlet(trx, id);
    if (!current) throw notFound('outlet', id);
    const openedOn = patch.openedOn === undefined ? current.openedOn : patch.openedOn;
    const closedOn = patch.closedOn === undefined ? current.closedOn : patch.closedOn;
    if (openedOn && closedOn && closedOn < openedOn) {
      throw invalid(
        'closedOn',
        `the outlet cannot close (${closedOn}) before it opened (${openedOn})`,
        'closed_before_opened',
        {
          openedOn,
          closedOn,
        },
      );
    }
    await requireReferences(trx, references({ ...patch, lines }));
    await updateVersioned(trx, 'outlets', key(id), version, patch);
    if (lines) await store.replaceLines(trx, id, lines);
    return getOutlet(trx, id);
  });
}

/** Deletes an outlet with its lines and the links to where it was reported. */
export async function deleteOutlet(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'outlets', key(id), version);
    await removeProvenanceOf(trx, { recordType: 'outlet', recordId: id });
  });
}

/**
 * The distribution network of one relationship at a glance: how many outlets of each kind and status
 * (every kind and status listed, zero when there is none) and the product groups the open ones carry.
 */
export async function networkSummary(db: Db, relationshipId: string): Promise<NetworkSummary> {
  await getRelationship(db, relationshipId);
  const [counts, groups] = await Promise.all([
    store.countsByKindAndStatus(db, relationshipId),
    store.productGroupsOf(db, relationshipId),
  ]);
  const byKind = Object.fromEntries(outletKind.options.map((k) => [k, 0])) as NetworkSummary['byKind'];
  const byStatus = Object.fromEntries(outletStatus.options.map((s) => [s, 0])) as NetworkSummary['byStatus'];
  for (const row of counts) {
    byKind[row.kind as keyof NetworkSummary['byKind']] += row.count;
    byStatus[row.status as keyof NetworkSummary['byStatus']] += row.count;
  }
  return {
    relationshipId,
    total: counts.reduce((sum, row) => sum + row.count, 0),
    byKind,
    byStatus,
    // Sorted here rather than in SQL: the two engines collate text differently.
    productGroups: [...groups].sort((a, b) => a.localeCompare(b, 'en')),
  };
}

/** Every outlet of a relationship: its kind, status and opening and closing days. */
export function outletsOf(db: Db, relationshipId: string) {
  return store.outletsOf(db, relationshipId);
}

/** The lines (product groups, since when) the outlets carry. */
export function outletLines(db: Db, outletIds: string[]) {
  return store.outletLines(db, outletIds);
}

/** The name of every producer named on these outlets' lines, for lists people read. */
export async function producerNamesOf(db: Db, outlets: Outlet[]): Promise<Map<string, string>> {
  const ids = [
    ...new Set(outlets.flatMap((o) => o.lines.map((l) => l.organizationId)).filter((id): id is string => id !== null)),
  ];
  const rows = await organizationNames(db, ids);
  return new Map(rows.map((r) => [r.id, r.nameEn ?? r.nameRu ?? r.id]));
}
