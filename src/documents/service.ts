import type { Db } from '../db/connection.ts';
import { AccordError, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../core/model.ts';
import { deleteVersioned, inTransaction, normalizeSearch, nowIso, paged, updateVersioned } from '../core/records.ts';
import { pairAfterUpdate } from '../core/languages.ts';
import { documentInput, documentTitle, documentUpdate, type Document, type DocumentFilter } from './model.ts';
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

export async function createDocument(db: Db, input: unknown): Promise<Document> {
  const data = parseInput(documentInput, input);
  return inTransaction(db, async (trx) => {
    const now = nowIso();
    const id = newId();
    await store.insertDocument(trx, { id, ...data, version: 1, createdAt: now, updatedAt: now });
    return getDocument(trx, id);
  });
}

export async function updateDocument(db: Db, id: string, input: unknown): Promise<Document> {
  const { version, ...patch } = parseInput(documentUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findDocument(trx, id);
    if (!current) throw notFound('document', id);
    pairAfterUpdate(documentTitle, 'the title', current, patch);
    await updateVersioned(trx, 'documents', { column: 'id', value: id, label: 'document' }, version, patch);
    return getDocument(trx, id);
  });
}

/**
 * A document records cite, or an agreement's text, stays until those are unlinked: deleting it would
 * leave facts without their source. The links saying where the document itself came from go with it.
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
    await deleteVersioned(trx, 'documents', { column: 'id', value: id, label: 'document' }, version);
  });
}
