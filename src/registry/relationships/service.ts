import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { AccordError, notFound, ProblemList } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import {
  asConstraintError,
  deleteVersioned,
  inTransaction,
  nowIso,
  paged,
  requireReferences,
  todayIso,
  updateVersioned,
} from '../../core/records.ts';
import { territoryLabel } from '../territories/service.ts';
import {
  agreementInput,
  agreementUpdate,
  relationshipInput,
  relationshipUpdate,
  type Agreement,
  type AgreementFilter,
  type Relationship,
  type RelationshipFilter,
} from './model.ts';
import * as store from './store.ts';

const relationshipKey = (id: string) => ({ column: 'id', value: id, label: 'relationship' });
const agreementKey = (id: string) => ({ column: 'id', value: id, label: 'agreement' });

function toRelationship(row: store.RelationshipRow): Relationship {
  return {
    id: row.id,
    homeCode: row.homeCode,
    partnerCode: row.partnerCode,
    title: row.title,
    notes: row.notes,
    home: { code: row.homeCode, nameEn: row.homeNameEn, nameRu: row.homeNameRu },
    partner: { code: row.partnerCode, nameEn: row.partnerNameEn, nameRu: row.partnerNameRu },
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function listRelationships(db: Db, filter: RelationshipFilter, page: PageQuery): Promise<Page<Relationship>> {
  return paged(
    page,
    () => store.countRelationships(db, filter),
    async (limit, offset) => (await store.listRelationships(db, filter, limit, offset)).map(toRelationship),
  );
}

export async function getRelationship(db: Db, id: string): Promise<Relationship> {
  const row = await store.findRelationship(db, id);
  if (!row) throw notFound('relationship', id);
  return toRelationship(row);
}

/** The relationship of a home and a partner territory, as `accord brief BY RU-KRS` names it. */
export async function getRelationshipOfPair(db: Db, homeCode: string, partnerCode: string): Promise<Relationship> {
  const row = await store.findRelationshipByPair(db, homeCode, partnerCode);
  if (!row) {
    throw new AccordError('NOT_FOUND', `there is no relationship of ${homeCode} with ${partnerCode}`, {
      details: { what: 'relationship', homeCode, partnerCode },
    });
  }
  return getRelationship(db, row.id);
}

/**
 * A territory cannot be its own partner, both codes must be territories Accord knows, and each pair is
 * recorded once, so every meeting and project of a pair lands on the same relationship.
 */
async function checkPair(db: Db, homeCode: string, partnerCode: string, ownId?: string): Promise<void> {
  if (homeCode === partnerCode) {
    const problems = new ProblemList();
    problems.add('partnerCode', `the partner must differ from the home territory ${homeCode}`);
    problems.throwIfAny();
  }
  await requireReferences(db, [
    { path: 'homeCode', table: 'territories', id: homeCode, label: territoryLabel },
    { path: 'partnerCode', table: 'territories', id: partnerCode, label: territoryLabel },
  ]);
  const existing = await store.findRelationshipByPair(db, homeCode, partnerCode);
  if (existing && existing.id !== ownId) throw pairTaken(homeCode, partnerCode, existing.id);
}

function pairTaken(homeCode: string, partnerCode: string, existingId?: string): AccordError {
  return new AccordError('CONFLICT', `a relationship between ${homeCode} and ${partnerCode} already exists`, {
    problems: [{ path: 'partnerCode', message: `${homeCode} already has a relationship with ${partnerCode}` }],
    details: existingId ? { existingId } : {},
  });
}

/** Two editors may add the same pair at once; the unique constraint decides and the loser hears CONFLICT. */
function asPairConflict(error: unknown, homeCode: string, partnerCode: string): unknown {
  const mapped = asConstraintError(error, `relationship ${homeCode}–${partnerCode}`);
  return mapped instanceof AccordError && mapped.code === 'CONFLICT' ? pairTaken(homeCode, partnerCode) : mapped;
}

export async function createRelationship(db: Db, input: unknown): Promise<Relationship> {
  const data = parseInput(relationshipInput, input);
  return inTransaction(db, async (trx) => {
    await checkPair(trx, data.homeCode, data.partnerCode);
    const now = nowIso();
    const id = newId();
    await store
      .insertRelationship(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now })
      .catch((error: unknown) => {
        throw asPairConflict(error, data.homeCode, data.partnerCode);
      });
    return getRelationship(trx, id);
  });
}

export async function updateRelationship(db: Db, id: string, input: unknown): Promise<Relationship> {
  const { version, ...patch } = parseInput(relationshipUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findRelationship(trx, id);
    if (!current) throw notFound('relationship', id);
    const homeCode = patch.homeCode ?? current.homeCode;
    const partnerCode = patch.partnerCode ?? current.partnerCode;
    await checkPair(trx, homeCode, partnerCode, id);
    await updateVersioned(trx, 'relationships', relationshipKey(id), version, patch).catch((error: unknown) => {
      throw asPairConflict(error, homeCode, partnerCode);
    });
    return getRelationship(trx, id);
  });
}

/** A relationship with agreements, meetings, projects or outlets stays until they are gone. */
export async function deleteRelationship(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'relationships', relationshipKey(id), version);
    await removeProvenanceOf(trx, { recordType: 'relationship', recordId: id });
  });
}

/** In force on `on` when it falls within the agreement's dates; a missing date leaves that end open. */
export function isInForce(dates: { inForceFrom: string | null; inForceTo: string | null }, on: string): boolean {
  return (dates.inForceFrom === null || dates.inForceFrom <= on) && (dates.inForceTo === null || on <= dates.inForceTo);
}

function toAgreement(row: store.AgreementRow, today: string): Agreement {
  return { ...row, kind: row.kind as Agreement['kind'], inForce: isInForce(row, today) };
}

export function listAgreements(db: Db, filter: AgreementFilter, page: PageQuery): Promise<Page<Agreement>> {
  const today = filter.asOf ?? todayIso();
  return paged(
    page,
    () => store.countAgreements(db, filter),
    async (limit, offset) => (await store.listAgreements(db, filter, limit, offset)).map((r) => toAgreement(r, today)),
  );
}

/** Every agreement of a relationship, by title, `inForce` judged today. */
export async function agreementsOf(db: Db, relationshipId: string): Promise<Agreement[]> {
  const today = todayIso();
  return (await store.agreementsOf(db, relationshipId)).map((row) => toAgreement(row, today));
}

export async function getAgreement(db: Db, id: string): Promise<Agreement> {
  const row = await store.findAgreement(db, id);
  if (!row) throw notFound('agreement', id);
  return toAgreement(row, todayIso());
}

function requireOrderedDates(inForceFrom: string | null, inForceTo: string | null): void {
  if (inForceFrom !== null && inForceTo !== null && inForceTo < inForceFrom) {
    const problems = new ProblemList();
    problems.add(
      'inForceTo',
      `the agreement cannot leave force (${inForceTo}) before it enters it (${inForceFrom})`,
      'ends_before_start',
      { start: inForceFrom },
    );
    problems.throwIfAny();
  }
}

function agreementReferences(data: { relationshipId?: string; documentId?: string | null }) {
  return [
    { path: 'relationshipId', table: 'relationships' as const, id: data.relationshipId, label: 'relationship' },
    { path: 'documentId', table: 'documents' as const, id: data.documentId, label: 'document' },
  ];
}

export async function createAgreement(db: Db, input: unknown): Promise<Agreement> {
  const data = parseInput(agreementInput, input);
  requireOrderedDates(data.inForceFrom, data.inForceTo);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, agreementReferences(data));
    const now = nowIso();
    const id = newId();
    await store.insertAgreement(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now });
    return getAgreement(trx, id);
  });
}

export async function updateAgreement(db: Db, id: string, input: unknown): Promise<Agreement> {
  const { version, ...patch } = parseInput(agreementUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findAgreement(trx, id);
    if (!current) throw notFound('agreement', id);
    requireOrderedDates(
      patch.inForceFrom === undefined ? current.inForceFrom : patch.inForceFrom,
      patch.inForceTo === undefined ? current.inForceTo : patch.inForceTo,
    );
    await requireReferences(trx, agreementReferences(patch));
    await updateVersioned(trx, 'agreements', agreementKey(id), version, patch);
    return getAgreement(trx, id);
  });
}

export async function deleteAgreement(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'agreements', agreementKey(id), version);
    await removeProvenanceOf(trx, { recordType: 'agreement', recordId: id });
  });
}

/** Every relationship, of one home territory when `home` is given, by home and partner code. */
export async function allRelationships(db: Db, home?: string): Promise<Relationship[]> {
  return (await store.listAllRelationships(db, home)).map(toRelationship);
}

/** How many agreements of each relationship are in force on `on` (a missing date leaves that end open). */
export function countAgreementsInForce(db: Db, relationshipIds: string[], on: string): Promise<Map<string, number>> {
  return store.countAgreementsInForce(db, relationshipIds, on);
}
