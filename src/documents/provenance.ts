import type { Db } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import { territoryLabel } from '../registry/territories/service.ts';
import { AccordError, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { parseInput } from '../core/model.ts';
import { inTransaction, nowIso, requireReferences } from '../core/records.ts';
import {
  provenanceInput,
  provenanceSubject,
  type DocumentCitation,
  type ProvenanceLink,
  type ProvenanceRecordType,
  type ProvenanceSubject,
} from './model.ts';
import * as store from './store.ts';

/** The table each kind of record lives in, and how it is named in errors. */
const recordTables: Record<ProvenanceRecordType, { table: keyof DB; label: string }> = {
  territory: { table: 'territories', label: territoryLabel },
  relationship: { table: 'relationships', label: 'relationship' },
  agreement: { table: 'agreements', label: 'agreement' },
  organization: { table: 'organizations', label: 'organization' },
  person: { table: 'people', label: 'person' },
  position: { table: 'positions', label: 'position' },
  meeting: { table: 'meetings', label: 'meeting' },
  statement: { table: 'statements', label: 'statement' },
  project: { table: 'projects', label: 'project' },
  outlet: { table: 'outlets', label: 'outlet' },
  document: { table: 'documents', label: 'document' },
};

function toLink(row: store.LinkRow): ProvenanceLink {
  return {
    id: row.id,
    recordType: row.recordType as ProvenanceRecordType,
    recordId: row.recordId,
    documentId: row.documentId,
    sourcePersonId: row.sourcePersonId,
    locator: row.locator,
    note: row.note,
    createdAt: row.createdAt,
    document:
      row.documentId !== null && row.documentKind !== null
        ? {
            id: row.documentId,
            titleEn: row.documentTitleEn,
            titleRu: row.documentTitleRu,
            kind: row.documentKind as NonNullable<ProvenanceLink['document']>['kind'],
            publishedOn: row.documentPublishedOn,
            sourceUrl: row.documentSourceUrl,
            publisher: row.documentPublisher,
          }
        : null,
    sourcePerson:
      row.sourcePersonId !== null
        ? { id: row.sourcePersonId, nameEn: row.personNameEn, nameRu: row.personNameRu }
        : null,
  };
}

/**
 * Records where a fact came from: a document (with the paragraph or page in `locator`) or a person
 * who said it, never both. The record and the source must exist.
 */
export async function linkProvenance(db: Db, input: unknown): Promise<ProvenanceLink> {
  const data = parseInput(provenanceInput, input);
  if ((data.documentId === null) === (data.sourcePersonId === null)) {
    const message =
      data.documentId === null
        ? 'give the document or the person the record came from'
        : 'give either a document or a source person, not both';
    const problems = [
      { path: 'documentId', message },
      { path: 'sourcePersonId', message },
    ];
    throw new AccordError('VALIDATION_FAILED', `documentId: ${message}`, { problems });
  }
  return inTransaction(db, async (trx) => {
    const subject = recordTables[data.recordType];
    await requireReferences(trx, [
      { path: 'recordId', table: subject.table, id: data.recordId, label: subject.label },
      { path: 'documentId', table: 'documents', id: data.documentId, label: 'document' },
      { path: 'sourcePersonId', table: 'people', id: data.sourcePersonId, label: 'person' },
    ]);
    const same = await store.findSameLink(trx, data);
    if (same) {
      throw new AccordError('CONFLICT', `this source is already linked to ${data.recordType} ${data.recordId}`, {
        details: { id: same.id },
      });
    }
    const id = newId();
    await store.insertLink(trx, { id, ...data, createdAt: nowIso() });
    return toLink((await store.findLink(trx, id))!);
  });
}

/** Where one record came from, oldest link first. */
export async function listProvenance(db: Db, input: unknown): Promise<ProvenanceLink[]> {
  const subject = parseInput(provenanceSubject, input);
  const known = await store.recordLabels(db, subject.recordType, [subject.recordId]);
  if (!known.has(subject.recordId)) throw notFound(recordTables[subject.recordType].label, subject.recordId);
  return (await store.listLinksOfRecord(db, subject)).map(toLink);
}

/** Every record that cites a document, each with a readable name. */
export async function listDocumentLinks(db: Db, documentId: string): Promise<DocumentCitation[]> {
  if (!(await store.findDocument(db, documentId))) throw notFound('document', documentId);
  const links = (await store.listLinksToDocument(db, documentId)).map(toLink);
  const labels = new Map<string, string | null>();
  for (const recordType of new Set(links.map((l) => l.recordType))) {
    const ids = links.filter((l) => l.recordType === recordType).map((l) => l.recordId);
    for (const [id, label] of await store.recordLabels(db, recordType, [...new Set(ids)])) {
      labels.set(`${recordType}:${id}`, label);
    }
  }
  return links.map((link) => ({ ...link, recordLabel: labels.get(`${link.recordType}:${link.recordId}`) ?? null }));
}

export async function unlinkProvenance(db: Db, id: string): Promise<void> {
  if ((await store.deleteLink(db, id)) === 0) throw notFound('provenance link', id);
}

/** Drops the links of a record that is being deleted, inside the caller's transaction. */
export async function removeProvenanceOf(db: Db, subject: ProvenanceSubject): Promise<void> {
  await store.deleteLinksOfRecord(db, subject);
}

/**
 * The documents records cite, only those published by `day` (or undated): a document that appeared later
 * was not at hand then, even when it tells of an older fact.
 */
export function citedDocuments(db: Db, recordType: string, recordIds: string[], day: string) {
  return store.citedDocuments(db, recordType, recordIds, day);
}

export type CitedDocument = Awaited<ReturnType<typeof citedDocuments>>[number];
