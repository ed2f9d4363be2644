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
  staleVersion,
  updateVersioned,
} from '../../core/records.ts';
import { territoryLabel } from '../territories/service.ts';
import {
  holderQuery,
  personInput,
  personUpdate,
  positionInput,
  positionUpdate,
  type Holder,
  type HolderQuery,
  type Person,
  type PersonFilter,
  type Position,
  type PositionFilter,
} from './model.ts';
import * as store from './store.ts';

const personKey = (id: string) => ({ column: 'id', value: id, label: 'person' });
const positionKey = (id: string) => ({ column: 'id', value: id, label: 'position' });

/** Adds each person's positions, earliest first, keeping the rows' order. */
async function withPositions(db: Db, rows: store.PersonRow[]): Promise<Person[]> {
  const positions = await store.positionsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({ ...row, positions: positions.filter((p) => p.personId === row.id) }));
}

export function listPeople(db: Db, filter: PersonFilter, page: PageQuery): Promise<Page<Person>> {
  return paged(
    page,
    () => store.countPeople(db, filter),
    async (limit, offset) => withPositions(db, await store.listPeople(db, filter, limit, offset)),
  );
}

export async function getPerson(db: Db, id: string): Promise<Person> {
  const row = await store.findPerson(db, id);
  if (!row) throw notFound('person', id);
  const [person] = await withPositions(db, [row]);
  return person!;
}

/** Refuses a change that would leave a record with neither its English nor its Russian text. */
function requireOneOf(
  values: { en: string | null; ru: string | null },
  field: string,
  what: string,
  code: 'name_needed' | 'title_needed',
): void {
  if (values.en || values.ru) return;
  const problems = new ProblemList();
  problems.add(field, `give ${what} in English or Russian; the record would have none`, code);
  problems.throwIfAny();
}

/** Both names of each person asked for, for lists that show who is meant; unknown ids are left out. */
export function personNames(
  db: Db,
  ids: string[],
): Promise<Array<{ id: string; nameEn: string | null; nameRu: string | null }>> {
  return store.personNames(db, ids);
}

/** The posts each person held on `day` (begun by then or undated, not ended before it), with the organization. */
export function postsHeldOn(db: Db, personIds: string[], day: string) {
  return store.postsOn(db, personIds, day);
}

export async function createPerson(db: Db, input: unknown): Promise<Person> {
  const data = parseInput(personInput, input);
  return inTransaction(db, async (trx) => {
    const now = nowIso();
    const id = newId();
    await store.insertPerson(trx, {
      id,
      ...data,
      searchText: searchText(data.nameEn, data.nameRu),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    return getPerson(trx, id);
  });
}

export async function updatePerson(db: Db, id: string, input: unknown): Promise<Person> {
  const { version, ...patch } = parseInput(personUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findPerson(trx, id);
    if (!current) throw notFound('person', id);
    const nameEn = patch.nameEn === undefined ? current.nameEn : patch.nameEn;
    const nameRu = patch.nameRu === undefined ? current.nameRu : patch.nameRu;
    requireOneOf({ en: nameEn, ru: nameRu }, 'nameEn', 'a name', 'name_needed');
    await updateVersioned(trx, 'people', personKey(id), version, { ...patch, searchText: searchText(nameEn, nameRu) });
    return getPerson(trx, id);
  });
}

/**
 * Deletes a person with the posts they held and the source links of both. A person meetings,
 * statements or source links still name is refused as REFERENCED, and nothing is removed.
 */
export async function deletePerson(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await store.findPerson(trx, id);
    if (!current) throw notFound('person', id);
    if (current.version !== version) throw staleVersion('person', id, version, current.version);
    for (const position of await store.positionsOf(trx, [id])) {
      await removeProvenanceOf(trx, { recordType: 'position', recordId: position.id });
    }
    await store.deletePositionsOf(trx, id);
    await deleteVersioned(trx, 'people', personKey(id), version);
    await removeProvenanceOf(trx, { recordType: 'person', recordId: id });
  });
}

export function listPositions(db: Db, filter: PositionFilter, page: PageQuery): Promise<Page<Position>> {
  return paged(
    page,
    () => store.countPositions(db, filter),
    (limit, offset) => store.listPositions(db, filter, limit, offset),
  );
}

export async function getPosition(db: Db, id: string): Promise<Position> {
  const position = await store.findPosition(db, id);
  if (!position) throw notFound('position', id);
  return position;
}

function requireOrderedTerm(fromOn: string | null, toOn: string | null): void {
  if (fromOn !== null && toOn !== null && toOn < fromOn) {
    const problems = new ProblemList();
    problems.add('toOn', `the post cannot end (${toOn}) before it begins (${fromOn})`, 'ends_before_start', {
      start: fromOn,
    });
    problems.throwIfAny();
  }
}

function positionReferences(data: {
  personId?: string;
  organizationId?: string | null;
  territoryCode?: string | null;
}) {
  return [
    { path: 'personId', table: 'people' as const, id: data.personId, label: 'person' },
    { path: 'organizationId', table: 'organizations' as const, id: data.organizationId, label: 'organization' },
    { path: 'territoryCode', table: 'territories' as const, id: data.territoryCode, label: territoryLabel },
  ];
}

export async function createPosition(db: Db, input: unknown): Promise<Position> {
  const data = parseInput(positionInput, input);
  requireOrderedTerm(data.fromOn, data.toOn);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, positionReferences(data));
    const now = nowIso();
    const id = newId();
    await store.insertPosition(trx, {
      id,
      ...data,
      searchText: searchText(data.titleEn, data.titleRu),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    return getPosition(trx, id);
  });
}

export async function updatePosition(db: Db, id: string, input: unknown): Promise<Position> {
  const { version, ...patch } = parseInput(positionUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findPosition(trx, id);
    if (!current) throw notFound('position', id);
    const next = { ...current, ...patch };
    requireOneOf({ en: next.titleEn, ru: next.titleRu }, 'titleEn', 'the title', 'title_needed');
    requireOrderedTerm(next.fromOn, next.toOn);
    await requireReferences(trx, positionReferences(patch));
    await updateVersioned(trx, 'positions', positionKey(id), version, {
      ...patch,
      searchText: searchText(next.titleEn, next.titleRu),
    });
    return getPosition(trx, id);
  });
}

export async function deletePosition(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'positions', positionKey(id), version);
    await removeProvenanceOf(trx, { recordType: 'position', recordId: id });
  });
}

/**
 * Who held a post on a given day, e.g. the Governor of Kursk Oblast on 2017-12-05: posts whose title
 * contains `title` in either language, held on `on`, narrowed to a territory or organization when given.
 */
export async function findPositionHolders(db: Db, query: HolderQuery): Promise<Holder[]> {
  const parsed = parseInput(holderQuery, query);
  const positions = await store.findHolders(db, parsed);
  const people = await withPositions(db, await store.findPeople(db, [...new Set(positions.map((p) => p.personId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  return positions.map((position) => ({ position, person: byId.get(position.personId)! }));
}
