/**
 * Briefings as handed to a principal: produced once, then kept as they were (the file, with what it was
 * produced for and by whom) as documents of kind `briefing`, so the same bytes can be read again later.
 */
import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { getMeeting } from '../cooperation/meetings/service.ts';
import { invalid, notFound } from '../core/errors.ts';
import { parseInput } from '../core/model.ts';
import { inTransaction } from '../core/records.ts';
import { createDocumentWithFile } from '../documents/service.ts';
import { getRelationship } from '../registry/relationships/service.ts';
import { briefingAuthor, type SavedBriefing } from './saved-model.ts';
import { briefingRequest, produceBriefing, type BriefingRequest, type ProducedBriefing } from './service.ts';
import * as store from './saved-store.ts';

function toSaved(row: store.SavedBriefingRow): SavedBriefing {
  return {
    id: row.documentId,
    title: (row.language === 'ru' ? (row.titleRu ?? row.titleEn) : (row.titleEn ?? row.titleRu)) ?? row.fileName,
    relationshipId: row.relationshipId,
    meetingId: row.meetingId,
    asOf: row.asOf,
    lang: row.language as SavedBriefing['lang'],
    format: row.format as SavedBriefing['format'],
    marking: row.marking,
    author: row.author,
    producedAt: row.producedAt,
    fileName: row.fileName,
    contentType: row.contentType,
    byteSize: Number(row.byteSize),
    sha256: row.sha256,
    version: Number(row.version),
  };
}

/** The relationship must exist, and the meeting, when one is named, must be one of its meetings. */
async function requireOccasion(db: Db, input: z.output<typeof briefingRequest>): Promise<void> {
  await getRelationship(db, input.relationshipId);
  if (input.meetingId === undefined) return;
  const meeting = await getMeeting(db, input.meetingId);
  if (meeting.relationshipId !== input.relationshipId) {
    throw invalid(
      'meetingId',
      `meeting ${input.meetingId} belongs to another relationship than ${input.relationshipId}`,
      'other_relationship',
    );
  }
}

/** A briefing as a file, not kept: NOT_FOUND for a relationship or meeting that does not exist. */
export async function downloadBriefing(db: Db, request: BriefingRequest, now = new Date()): Promise<ProducedBriefing> {
  const input = parseInput(briefingRequest, request);
  await requireOccasion(db, input);
  return produceBriefing(db, input, now);
}

/**
 * Produces a briefing and keeps it. Producing reads much and writes nothing, so it runs first; the
 * document, its file and what it was produced for are then written in one transaction.
 */
export async function saveBriefing(
  db: Db,
  request: BriefingRequest,
  author: string | null = null,
  now = new Date(),
): Promise<SavedBriefing> {
  const input = parseInput(briefingRequest, request);
  const by = parseInput(briefingAuthor, author, 'author') ?? null;
  await requireOccasion(db, input);
  const produced = await produceBriefing(db, input, now);
  const title = produced.title.trim() || produced.fileName;
  return inTransaction(db, async (trx) => {
    const document = await createDocumentWithFile(
      trx,
      {
        titleEn: produced.lang === 'en' ? title : null,
        titleRu: produced.lang === 'ru' ? title : null,
        kind: 'briefing',
        publishedOn: now.toISOString().slice(0, 10),
        language: produced.lang,
        publisher: null,
        notes: null,
      },
      { fileName: produced.fileName, contentType: produced.contentType, bytes: produced.bytes },
    );
    await store.insertBriefing(trx, {
      documentId: document.id,
      relationshipId: input.relationshipId,
      meetingId: input.meetingId ?? null,
      asOf: produced.asOf,
      language: produced.lang,
      format: produced.format,
      marking: input.marking || null,
      author: by,
      producedAt: now.toISOString(),
    });
    return getSavedBriefing(trx, document.id);
  });
}

async function getSavedBriefing(db: Db, documentId: string): Promise<SavedBriefing> {
  const row = await store.findBriefing(db, documentId);
  if (!row) throw notFound('briefing', documentId);
  return toSaved(row);
}

/** The briefings kept for a relationship, newest first. */
export async function listBriefings(db: Db, relationshipId: string): Promise<SavedBriefing[]> {
  await getRelationship(db, relationshipId);
  return (await store.listBriefings(db, relationshipId)).map(toSaved);
}
