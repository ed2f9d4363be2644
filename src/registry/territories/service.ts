import type { Db } from '../../db/connection.ts';
import { AccordError, notFound } from '../../core/errors.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import { inTransaction, nowIso, paged, requireReferences, searchText, updateVersioned } from '../../core/records.ts';
import { countryReferences } from '../reference/countries.ts';
import { regions } from '../reference/regions.ts';
import { territoryInput, territoryUpdate, type Territory, type TerritoryFilter } from './model.ts';
import * as store from './store.ts';

export function listTerritories(db: Db, filter: TerritoryFilter, page: PageQuery): Promise<Page<Territory>> {
  return paged(
    page,
    () => store.countTerritories(db, filter),
    async (limit, offset) => (await store.listTerritories(db, filter, limit, offset)) as Territory[],
  );
}

export async function getTerritory(db: Db, code: string): Promise<Territory> {
  const row = await store.findTerritory(db, code);
  if (!row) throw unknownTerritory(code);
  return row as Territory;
}

/** How a territory reference is named in errors about other records. */
export const territoryLabel = 'territory (ISO 3166 code)';

export function unknownTerritory(code: string, path?: string): AccordError {
  const message = `unknown territory code ${code}: expected an ISO 3166-1 country (BY) or ISO 3166-2 region (RU-KRS) known to Accord`;
  return new AccordError(path ? 'VALIDATION_FAILED' : 'NOT_FOUND', message, {
    problems: path ? [{ path, message }] : [],
    details: { what: 'territory', id: code },
  });
}

export async function createTerritory(db: Db, input: unknown): Promise<Territory> {
  const data = parseInput(territoryInput, input);
  return inTransaction(db, async (trx) => {
    if (await store.findTerritory(trx, data.code)) {
      throw new AccordError('CONFLICT', `territory ${data.code} already exists`, {
        problems: [{ path: 'code', message: 'already exists' }],
      });
    }
    if (data.kind === 'region' && !data.parentCode) {
      throw new AccordError('VALIDATION_FAILED', 'parentCode: a region needs its parent territory', {
        problems: [{ path: 'parentCode', message: 'a region needs its parent territory' }],
      });
    }
    await requireReferences(trx, [
      { path: 'parentCode', table: 'territories', id: data.parentCode, label: territoryLabel },
    ]);
    const now = nowIso();
    await store.insertTerritories(trx, [
      {
        ...data,
        searchText: searchText(data.code, data.nameEn, data.nameRu),
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
    ]);
    return getTerritory(trx, data.code);
  });
}

export async function updateTerritory(db: Db, code: string, input: unknown): Promise<Territory> {
  const { version, ...patch } = parseInput(territoryUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findTerritory(trx, code);
    if (!current) throw notFound('territory', code);
    const next = { ...current, ...patch };
    await updateVersioned(trx, 'territories', { column: 'code', value: code, label: 'territory' }, version, {
      ...patch,
      searchText: searchText(code, next.nameEn, next.nameRu),
    });
    return getTerritory(trx, code);
  });
}

/**
 * A statistical territory (areas n.e.s., free zones…) as imports add it: a grouping, named as its file or
 * Accord's list names it; the name stays English in Russian until someone translates it.
 */
export function groupingRecord(code: string, nameEn: string) {
  return { code, numericCode: code.slice(-3), nameEn, nameRu: nameEn, searchText: searchText(code, nameEn) };
}

/** Statistical territories (areas n.e.s., free zones…): partners whose trade counts, but that take no rank. */
export function groupingCodes(db: Db): Promise<Set<string>> {
  return store.groupingCodes(db);
}

/**
 * Inserts the ISO countries and the regions Accord ships that the database does not have yet.
 * Existing rows are left alone, so names a user corrected survive an upgrade.
 */
export async function seedTerritories(db: Db): Promise<number> {
  const now = nowIso();
  const wanted = [
    ...countryReferences().map((c) => ({
      code: c.code,
      kind: 'country',
      parentCode: null,
      alpha3: c.alpha3,
      numericCode: c.numericCode || null,
      nameEn: c.nameEn,
      nameRu: c.nameRu,
      searchText: searchText(c.code, c.alpha3, c.nameEn, c.nameRu, ...c.otherNames),
    })),
    ...regions.map((r) => ({
      code: r.code,
      kind: 'region',
      parentCode: r.parent,
      alpha3: null,
      numericCode: null,
      nameEn: r.nameEn,
      nameRu: r.nameRu,
      searchText: searchText(r.code, r.nameEn, r.nameRu),
    })),
  ];
  const existing = await store.existingTerritoryCodes(
    db,
    wanted.map((t) => t.code),
  );
  const missing = wanted
    .filter((t) => !existing.has(t.code))
    .map((t) => ({ ...t, version: 1, createdAt: now, updatedAt: now }));
  await store.insertTerritories(db, missing);
  return missing.length;
}
