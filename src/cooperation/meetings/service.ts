import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { sectorLabel } from '../../registry/sectors/service.ts';
import { AccordError, notFound } from '../../core/errors.ts';
import { pairAfterUpdate } from '../../core/languages.ts';
import { newId } from '../../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import {
  deleteVersioned,
  inTransaction,
  normalizeSearch,
  nowIso,
  paged,
  requireReferences,
  updateVersioned,
} from '../../core/records.ts';
import {
  meetingInput,
  meetingTitle,
  meetingUpdate,
  type Delegate,
  type Meeting,
  type MeetingFilter,
  type Participant,
} from './model.ts';
import * as store from './store.ts';

/** Adds the participants, delegation and sectors to meeting rows, keeping the rows' order. */
async function withChildren(db: Db, rows: store.MeetingRow[]): Promise<Meeting[]> {
  const ids = rows.map((r) => r.id);
  const participants = await store.participantsOf(db, ids);
  const delegations = await store.delegationsOf(db, ids);
  const sectors = await store.sectorsOf(db, ids);
  return rows.map((row) => ({
    ...row,
    kind: row.kind as Meeting['kind'],
    participants: participants
      .filter((p) => p.meetingId === row.id)
      .map((p) => ({ personId: p.personId, side: p.side as Participant['side'], roleEn: p.roleEn, roleRu: p.roleRu })),
    delegation: delegations
      .filter((d) => d.meetingId === row.id)
      .map((d) => ({ organizationId: d.organizationId, side: d.side as Delegate['side'] })),
    sectorCodes: sectors.filter((s) => s.meetingId === row.id).map((s) => s.sectorCode),
  }));
}

/** Every meeting of a relationship, oldest first: its day, place, kind and titles. */
export function meetingsOf(db: Db, relationshipId: string) {
  return store.meetingsOf(db, relationshipId);
}

/** Who took part in each of the meetings, in the order recorded. */
export function participantsOf(db: Db, meetingIds: string[]) {
  return store.participantsOf(db, meetingIds);
}

/** The sectors each of the meetings concerned. */
export function sectorsOf(db: Db, meetingIds: string[]) {
  return store.sectorsOf(db, meetingIds);
}

/**
 * Meetings carry no normalized search column, and neither engine folds Cyrillic case portably, so `q`
 * is matched here against title, place and summary, in both languages, of the meetings the other filters
 * let through.
 */
export async function listMeetings(db: Db, filter: MeetingFilter, page: PageQuery): Promise<Page<Meeting>> {
  const { q, ...sqlFilter } = filter;
  const needle = q === undefined ? '' : normalizeSearch(q);
  if (needle === '') {
    return paged(
      page,
      () => store.countMeetings(db, sqlFilter),
      async (limit, offset) => withChildren(db, await store.listMeetings(db, sqlFilter, limit, offset)),
    );
  }
  const matching = (await store.listMeetingTexts(db, sqlFilter))
    .filter((row) =>
      normalizeSearch(
        [row.titleEn, row.titleRu, row.place, row.summaryEn, row.summaryRu].filter(Boolean).join(' | '),
      ).includes(needle),
    )
    .map((row) => row.id);
  const pageIds = matching.slice(page.offset, page.offset + page.limit);
  const rows = new Map((await store.findMeetingsByIds(db, pageIds)).map((row) => [row.id, row]));
  const ordered = pageIds.map((id) => rows.get(id)).filter((row): row is store.MeetingRow => row !== undefined);
  return { items: await withChildren(db, ordered), total: matching.length, limit: page.limit, offset: page.offset };
}

export async function getMeeting(db: Db, id: string): Promise<Meeting> {
  const row = await store.findMeeting(db, id);
  if (!row) throw notFound('meeting', id);
  const [meeting] = await withChildren(db, [row]);
  return meeting!;
}

/** Every record a meeting points to, named by the field that holds it. */
function references(data: {
  relationshipId?: string;
  participants?: Participant[];
  delegation?: Delegate[];
  sectorCodes?: string[];
}) {
  return [
    { path: 'relationshipId', table: 'relationships' as const, id: data.relationshipId, label: 'relationship' },
    ...(data.participants ?? []).map((p, i) => ({
      path: `participants.${i}.personId`,
      table: 'people' as const,
      id: p.personId,
      label: 'person',
    })),
    ...(data.delegation ?? []).map((d, i) => ({
      path: `delegation.${i}.organizationId`,
      table: 'organizations' as const,
      id: d.organizationId,
      label: 'organization',
    })),
    ...(data.sectorCodes ?? []).map((code, i) => ({
      path: `sectorCodes.${i}`,
      table: 'sectors' as const,
      id: code,
      label: sectorLabel,
    })),
  ];
}

export async function createMeeting(db: Db, input: unknown): Promise<Meeting> {
  const { participants, delegation, sectorCodes, ...fields } = parseInput(meetingInput, input);
  return inTransaction(db, async (trx) => {
    await requireReferences(
      trx,
      references({ relationshipId: fields.relationshipId, participants, delegation, sectorCodes }),
    );
    const now = nowIso();
    const id = newId();
    await store.insertMeeting(trx, { id, ...fields, version: 1, createdAt: now, updatedAt: now });
    await store.replaceParticipants(trx, id, participants);
    await store.replaceDelegation(trx, id, delegation);
    await store.replaceSectors(trx, id, sectorCodes);
    return getMeeting(trx, id);
  });
}

export async function updateMeeting(db: Db, id: string, input: unknown): Promise<Meeting> {
  const { version, participants, delegation, sectorCodes, ...patch } = parseInput(meetingUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findMeeting(trx, id);
    if (!current) throw notFound('meeting', id);
    pairAfterUpdate(meetingTitle, 'the title', current, patch);
    await requireReferences(
      trx,
      references({ relationshipId: patch.relationshipId, participants, delegation, sectorCodes }),
    );
    await updateVersioned(trx, 'meetings', { column: 'id', value: id, label: 'meeting' }, version, patch);
    if (participants) await store.replaceParticipants(trx, id, participants);
    if (delegation) await store.replaceDelegation(trx, id, delegation);
    if (sectorCodes) await store.replaceSectors(trx, id, sectorCodes);
    return getMeeting(trx, id);
  });
}

/**
 * A meeting whose statements are recorded stays until they are deleted, so no commitment loses the
 * meeting it was made at. Its participants, delegation, sectors and source links go with it.
 */
export async function deleteMeeting(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (!(await store.findMeeting(trx, id))) throw notFound('meeting', id);
    const statements = await store.countStatementsAt(trx, id);
    if (statements > 0) {
      throw new AccordError(
        'REFERENCED',
        `meeting ${id} has ${statements} recorded statement${statements === 1 ? '' : 's'}; delete ${statements === 1 ? 'it' : 'them'} first`,
        { details: { id, statements } },
      );
    }
    await deleteVersioned(trx, 'meetings', { column: 'id', value: id, label: 'meeting' }, version);
    await removeProvenanceOf(trx, { recordType: 'meeting', recordId: id });
  });
}
