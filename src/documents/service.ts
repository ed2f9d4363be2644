import { createHash } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { AccordError, invalid, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../core/model.ts';
import { deleteVersioned, inTransaction, normalizeSearch, nowIso, paged, updateVersioned } from '../core/records.ts';
import { pairAfterUpdate } from '../core/languages.ts';
import {
  documentInput,
  documentTitle,
  documentUpdate,
  maxDocumentFileBytes,
  type Document,
  type DocumentFileInfo,
  type DocumentFilter,
} from './model.ts';
import { removeProvenanceOf } from './provenance.ts';
import * as store from './store.ts';

/**
 * Documents carry no normalized search column, and neither engine lower-cases Cyrillic portably
 * (SQLite's lower() and LIKE fold ASCII only; PostgreSQL's depend on the database's locale). So `q`
 * is matched here: the other filters narrow the rows in SQL, and only ids and titles (in both languages) are read, folded
 * with the same normalization every other search uses, then the page is read by id.
 */
export async function listDocuments(db: Db, filter: DocumentFilter, page: PageQuery): Promise<Page<Document>> {
  const { q, ...sqlFilter } = filter;
  const needle = q === undefined ? '' : normalizeSearch(q);
  if (needle === '') {
    return paged(
      page,
      () => store.countDocuments(db, sqlFilter),
      async (limit, offset) => (await store.listDocuments(db, sqlFilter, limit, offset)) as Document[],
    );
  }
  const matching = (await store.listDocumentTitles(db, sqlFilter))
    .filter((row) => normalizeSearch([row.titleEn, row.titleRu].filter(Boolean).join(' | ')).includes(needle))
    .map((row) => row.id);
  const pageIds = matching.slice(page.offset, page.offset + page.limit);
  const rows = new Map((await store.findDocumentsByIds(db, pageIds)).map((row) => [row.id, row as Document]));
  const items = pageIds.map((id) => rows.get(id)).filter((row): row is Document => row !== undefined);
  return { items, total: matching.length, limit: page.limit, offset: page.offset };
}

export async function getDocument(db: Db, id: string): Promise<Document> {
  const row = await store.findDocument(db, id);
  if (!row) throw notFound('document', id);
  return row as Document;
}

/** The documents asked for; unknown ids are left out. */
export async function documentsByIds(db: Db, ids: string[]): Promise<Document[]> {
  return (await store.findDocumentsByIds(db, [...new Set(ids)])) as Document[];
}

export async function createDocument(db: Db, input: unknown): Promise<Document> {
  const data = parseInput(documentInput, input);
  return inTransaction(db, async (trx) => {
    const now = nowIso();
    const id = newId();
    await store.insertDocument(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now });
    return getDocument(trx, id);
  });
}

/** A document made by Accord itself, with the file it consists of; see `createDocumentWithFile`. */
export interface ProducedDocument {
  titleEn: string | null;
  titleRu: string | null;
  kind: Document['kind'];
  publishedOn: string | null;
  language: string;
  publisher: string | null;
  notes: string | null;
  /** Where the original can be read, for a text someone brought (a readout); none for what Accord made. */
  sourceUrl?: string | null;
}

export interface FileContent {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Keeps a document together with its file, in the caller's transaction when there is one. The file is
 * kept in the database, so it is refused above 20 MiB before anything is written.
 */
export async function createDocumentWithFile(
  db: Db,
  data: ProducedDocument,
  file: FileContent,
): Promise<Document & { file: DocumentFileInfo }> {
  if (file.bytes.byteLength > maxDocumentFileBytes) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    throw new AccordError(
      'VALIDATION_FAILED',
      `the file ${file.fileName} is ${mib(file.bytes.byteLength)}; Accord keeps files of up to ${mib(maxDocumentFileBytes)}`,
      {
        problems: [
          {
            path: 'file',
            message: `larger than ${mib(maxDocumentFileBytes)}`,
            code: 'too_big',
            params: { maximum: maxDocumentFileBytes, size: file.bytes.byteLength },
          },
        ],
      },
    );
  }
  const info: DocumentFileInfo = {
    fileName: file.fileName,
    contentType: file.contentType,
    byteSize: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
  return inTransaction(db, async (trx) => {
    const now = nowIso();
    const id = newId();
    await store.insertDocument(trx, {
      id,
      ...data,
      sourceUrl: data.sourceUrl ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await store.insertDocumentFile(trx, { documentId: id, ...info, createdAt: now, content: file.bytes });
    return { ...(await getDocument(trx, id)), file: info };
  });
}

/** The file a document keeps, with its bytes; NOT_FOUND when the document or its file does not exist. */
export async function documentFile(db: Db, id: string): Promise<DocumentFileInfo & { bytes: Buffer }> {
  const row = await store.findDocumentFile(db, id);
  if (!row) {
    if (!(await store.findDocument(db, id))) throw notFound('document', id);
    throw new AccordError('NOT_FOUND', `document ${id} has no file`, { details: { what: 'file', id } });
  }
  const { content, ...info } = row;
  return { ...info, byteSize: Number(info.byteSize), bytes: Buffer.from(content) };
}

export async function updateDocument(db: Db, id: string, input: unknown): Promise<Document> {
  const { version, ...patch } = parseInput(documentUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findDocument(trx, id);
    if (!current) throw notFound('document', id);
    // A briefing is its kept file and what it was produced for: no other document becomes one, and it
    // stays one.
    if (patch.kind !== undefined && (patch.kind === 'briefing') !== (current.kind === 'briefing')) {
      throw invalid(
        'kind',
        current.kind === 'briefing'
          ? 'a briefing stays a briefing'
          : 'a document becomes a briefing only by saving a produced briefing',
        'kind_fixed',
      );
    }
    pairAfterUpdate(documentTitle, 'the title', current, patch);
    await updateVersioned(trx, 'documents', { column: 'id', value: id, label: 'document' }, version, patch);
    return getDocument(trx, id);
  });
}

/**
 * A document records cite, or an agreement's text, stays until those are unlinked: deleting it would
 * leave facts without their source. The links saying where the document itself came from go with it, and
 * so do its file and, for a briefing, what it was produced for (by the key's cascade).
 */
export async function deleteDocument(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await store.findDocument(trx, id);
    if (!current) throw notFound('document', id);
    const cited = await store.countCitations(trx, id);
    if (cited.links > 0 || cited.agreements > 0) {
      const uses = [
        cited.links > 0 ? `${cited.links} provenance link${cited.links === 1 ? '' : 's'}` : null,
        cited.agreements > 0 ? `${cited.agreements} agreement${cited.agreements === 1 ? '' : 's'}` : null,
      ].filter(Boolean);
      throw new AccordError(
        'REFERENCED',
        `document ${id} is cited by ${uses.join(' and ')}; unlink ${cited.links + cited.agreements === 1 ? 'it' : 'them'} first`,
        { details: { id, provenanceLinks: cited.links, agreements: cited.agreements } },
      );
    }
    await removeProvenanceOf(trx, { recordType: 'document', recordId: id });
    await store.deleteDocumentFile(trx, id);
    await deleteVersioned(trx, 'documents', { column: 'id', value: id, label: 'document' }, version);
  });
}
