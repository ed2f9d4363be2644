import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { notFound, ProblemList } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import {
  deleteVersioned,
  inTransaction,
  nowIso,
  paged,
  requireReferences,
  searchText,
  updateVersioned,
} from '../../core/records.ts';
import { sectorLabel } from '../sectors/service.ts';
import { territoryLabel } from '../territories/service.ts';
import {
  organizationInput,
  organizationUpdate,
  type Alias,
  type Organization,
  type OrganizationFilter,
} from './model.ts';
import * as store from './store.ts';

const key = (id: string) => ({ column: 'id', value: id, label: 'organization' });

/** Adds the aliases, sectors and products to organization rows, keeping the rows' order. */
async function withChildren(db: Db, rows: store.OrganizationRow[]): Promise<Organization[]> {
  const ids = rows.map((r) => r.id);
  const [aliases, sectors, products] = await Promise.all([
    store.aliasesOf(db, ids),
    store.sectorsOf(db, ids),
    store.productsOf(db, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    kind: row.kind as Organization['kind'],
    aliases: aliases.filter((a) => a.organizationId === row.id).map((a) => ({ alias: a.alias, language: a.language })),
    sectorCodes: sectors.filter((s) => s.organizationId === row.id).map((s) => s.sectorCode),
    products: products
      .filter((p) => p.organizationId === row.id)
      .map((p) => ({ name: p.name, hsCode: p.hsCode, capacityNote: p.capacityNote })),
  }));
}

export function listOrganizations(db: Db, filter: OrganizationFilter, page: PageQuery): Promise<Page<Organization>> {
  return paged(
    page,
    () => store.countOrganizations(db, filter),
    async (limit, offset) => withChildren(db, await store.listOrganizations(db, filter, limit, offset)),
  );
}

export async function getOrganization(db: Db, id: string): Promise<Organization> {
  const row = await store.findOrganization(db, id);
  if (!row) throw notFound('organization', id);
  const [organization] = await withChildren(db, [row]);
  return organization!;
}

function references(data: { territoryCode?: string; sectorCodes?: string[] }) {
  return [
    { path: 'territoryCode', table: 'territories' as const, id: data.territoryCode, label: territoryLabel },
    ...(data.sectorCodes ?? []).map((code, i) => ({
      path: `sectorCodes.${i}`,
      table: 'sectors' as const,
      id: code,
      label: sectorLabel,
    })),
  ];
}

/** Every name and alias, so a search finds "OAO Planar" and "Планар" alike. */
function organizationSearchText(nameEn: string | null, nameRu: string | null, aliases: Array<{ alias: string }>) {
  return searchText(nameEn, nameRu, ...aliases.map((a) => a.alias));
}

/** Both names of each organization asked for, for lists that show who is meant; unknown ids are left out. */
export function organizationNames(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; nameEn: string | null; nameRu: string | null }>> {
  return store.organizationNames(db, ids);
}

export async function createOrganization(db: Db, input: unknown): Promise<Organization> {
  const { aliases, sectorCodes, products, ...fields } = parseInput(organizationInput, input);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, references({ territoryCode: fields.territoryCode, sectorCodes }));
    const now = nowIso();
    const id = newId();
    await store.insertOrganization(trx, {
      id,
      ...fields,
      searchText: organizationSearchText(fields.nameEn, fields.nameRu, aliases),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await store.replaceAliases(trx, id, aliases);
    await store.replaceSectors(trx, id, sectorCodes);
    await store.replaceProducts(trx, id, products);
    return getOrganization(trx, id);
  });
}

/** Changes an organization's fields; aliases, sectors or products, when given, replace the whole list. */
export async function updateOrganization(db: Db, id: string, input: unknown): Promise<Organization> {
  const { version, aliases, sectorCodes, products, ...patch } = parseInput(organizationUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findOrganization(trx, id);
    if (!current) throw notFound('organization', id);
    const nameEn = patch.nameEn === undefined ? current.nameEn : patch.nameEn;
    const nameRu = patch.nameRu === undefined ? current.nameRu : patch.nameRu;
    if (!nameEn && !nameRu) {
      const problems = new ProblemList();
      problems.add(
        'nameEn',
        'give a name in English (nameEn) or Russian (nameRu); the organization would have none',
        'name_needed',
      );
      problems.throwIfAny();
    }
    await requireReferences(trx, references({ territoryCode: patch.territoryCode, sectorCodes }));
    const nextAliases: Array<Pick<Alias, 'alias'>> = aliases ?? (await store.aliasTexts(trx, id));
    await updateVersioned(trx, 'organizations', key(id), version, {
      ...patch,
      searchText: organizationSearchText(nameEn, nameRu, nextAliases),
    });
    if (aliases) await store.replaceAliases(trx, id, aliases);
    if (sectorCodes) await store.replaceSectors(trx, id, sectorCodes);
    if (products) await store.replaceProducts(trx, id, products);
    return getOrganization(trx, id);
  });
}

/**
 * Deletes an organization with its aliases, sectors, products and source links. One that positions,
 * meetings, projects, statements or outlets still name is refused as REFERENCED and stays whole.
 */
export async function deleteOrganization(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'organizations', key(id), version);
    await removeProvenanceOf(trx, { recordType: 'organization', recordId: id });
  });
}
