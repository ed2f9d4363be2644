import type { Db } from '../db/connection.ts';
import { AccordError, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../core/model.ts';
import { inTransaction, nowIso, staleVersion } from '../core/records.ts';
import { createDocumentWithFile, documentFile } from '../documents/service.ts';
import { sourceUrl as sourceUrlSchema } from '../documents/model.ts';
import { getRelationship } from '../registry/relationships/service.ts';
import { detectLanguage } from './text/language.ts';
import {
  checkReadoutText,
  findStatedDate,
  normalizeReadoutText,
  readoutHash,
  readReadoutFile,
  type ReadoutFile,
} from './input/index.ts';
import {
  acceptInput,
  itemPatch,
  itemValues,
  readoutTextInput,
  type ItemMatch,
  type Readout,
  type ReadoutItem,
  type ReadoutSummary,
  type ReadoutTextInput,
} from './model.ts';
import { extractDraft } from './extract.ts';
import { computeFigures } from './computed.ts';
import { loadRegistry } from './registry.ts';
import { requireMatchesUnchanged, writeAccepted } from './accept.ts';
import { matchFor } from './matches.ts';
import * as store from './store.ts';

function itemOf(row: Awaited<ReturnType<typeof store.itemsOf>>[number]): ReadoutItem {
  const common = {
    id: row.id,
    kind: row.kind,
    value: JSON.parse(row.value) as unknown,
    span: { start: row.spanStart, end: row.spanEnd },
    sentence: { start: row.sentenceStart, end: row.sentenceEnd },
    confidence: Number(row.confidence),
    rule: row.rule,
    status: row.status,
    edited: Boolean(row.edited),
    match: row.match ? (JSON.parse(row.match) as ItemMatch) : null,
    candidates: JSON.parse(row.candidates) as unknown[],
    recordId: row.recordId,
  };
  return (row.kind === 'trade_figure'
    ? { ...common, computed: row.computed ? JSON.parse(row.computed) : null }
    : common) as unknown as ReadoutItem;
}

export async function getReadout(db: Db, id: string): Promise<Readout> {
  const row = await store.findReadout(db, id);
  if (!row) throw notFound('readout', id);
  return {
    id: row.id,
    documentId: row.documentId,
    sha256: row.sha256,
    language: row.language as Readout['language'],
    title: row.titleEn ?? row.titleRu,
    documentDate: row.documentDate,
    dateStated: Boolean(row.dateStated),
    sourceUrl: row.sourceUrl,
    publisher: row.publisher,
    relationshipId: row.relationshipId,
    meetingId: row.meetingId,
    status: row.status as Readout['status'],
    text: (await documentFile(db, row.documentId)).bytes.toString('utf8'),
    items: (await store.itemsOf(db, row.id)).map(itemOf),
    createdAt: row.createdAt,
    acceptedAt: row.acceptedAt,
    version: row.version,
  };
}

export async function listReadouts(
  db: Db,
  filter: { relationshipId?: string },
  page: PageQuery,
): Promise<Page<ReadoutSummary>> {
  const rows = await store.listReadouts(db, filter, page.limit, page.offset);
  return {
    items: rows.map((r) => ({
      id: r.id,
      title: r.titleEn ?? r.titleRu,
      documentDate: r.documentDate,
      language: r.language as ReadoutSummary['language'],
      status: r.status as ReadoutSummary['status'],
      relationshipId: r.relationshipId,
      meetingId: r.meetingId,
      itemCount: Number(r.itemCount),
      createdAt: r.createdAt,
    })),
    total: await store.countReadouts(db, filter),
    limit: page.limit,
    offset: page.offset,
  } as Page<ReadoutSummary>;
}

/** A readout's text, pasted or read from an uploaded file, with what the reader knows of it. */
export interface ReadoutSubmission extends Omit<ReadoutTextInput, 'text'> {
  text?: string;
  file?: ReadoutFile;
}

/**
 * Reads a readout into a draft and keeps both: the text as a document of kind readout with its file and
 * hash, the draft's items beside it. The same text again answers the readout made from it the first time.
 */
export async function submitReadout(
  db: Db,
  submission: ReadoutSubmission,
): Promise<{ readout: Readout; created: boolean }> {
  const { file, ...fields } = submission;
  const given = parseInput(readoutTextInput, { ...fields, text: fields.text ?? '' });
  let title = given.title;
  let raw = given.text;
  if (file) {
    const source = await readReadoutFile(file);
    raw = source.text;
    title ??= source.title;
  }
  const text = normalizeReadoutText(raw);
  checkReadoutText(text);
  const language = detectLanguage(text);
  if (!language) {
    throw new AccordError('VALIDATION_FAILED', 'the text is neither English nor Russian', {
      problems: [
        {
          path: 'text',
          message: 'Accord reads readouts in English or Russian',
          code: 'not_a_readout',
          params: { reason: 'language' },
        },
      ],
    });
  }
  const sha256 = readoutHash(text);
  const existing = await store.findReadoutByHash(db, sha256);
  if (existing) return { readout: await getReadout(db, existing.id), created: false };

  const stated = findStatedDate(text, language);
  const documentDate = given.documentDate ?? stated?.date ?? null;
  if (!documentDate) {
    throw new AccordError('VALIDATION_FAILED', 'documentDate: the text states no date; say when it was published', {
      problems: [
        {
          path: 'documentDate',
          message: 'the text does not say when it was published: give the date (YYYY-MM-DD)',
          code: 'date_needed',
        },
      ],
    });
  }
  const url = given.sourceUrl ? parseInput(sourceUrlSchema, given.sourceUrl, 'sourceUrl') : null;
  if (given.relationshipId) await getRelationship(db, given.relationshipId);

  const registry = await loadRegistry(db);
  const draft = await extractDraft(
    { text, language, documentDate, publisher: given.publisher, relationshipId: given.relationshipId },
    registry,
  );
  const found = new Set(draft.items.map((i) => i.kind));
  if (!['meeting', 'participant', 'trade_figure', 'statement'].some((kind) => found.has(kind as ReadoutItem['kind']))) {
    throw new AccordError(
      'VALIDATION_FAILED',
      'text: Accord found no meeting, participant, trade figure or statement in it',
      {
        problems: [
          {
            path: 'text',
            message: 'this does not read as a readout: no meeting, participant, trade figure or statement was found',
            code: 'not_a_readout',
            params: { reason: 'nothing_found' },
          },
        ],
      },
    );
  }
  const computed = await computeFigures(db, draft.items);
  const headline = title ?? text.split('\n', 1)[0]!.slice(0, 300);

  try {
    const id = await inTransaction(db, async (trx) => {
      const document = await createDocumentWithFile(
        trx,
        {
          titleEn: language === 'en' ? headline : null,
          titleRu: language === 'ru' ? headline : null,
          kind: 'readout',
          publishedOn: documentDate,
          language,
          publisher: given.publisher,
          notes: null,
          sourceUrl: url,
        },
        { fileName: 'readout.txt', contentType: 'text/plain; charset=utf-8', bytes: Buffer.from(text, 'utf8') },
      );
      const readoutId = newId();
      await store.insertReadout(trx, {
        id: readoutId,
        documentId: document.id,
        sha256,
        language,
        documentDate,
        dateStated: given.documentDate ? 0 : 1,
        relationshipId: draft.relationshipId,
        meetingId: null,
        status: 'draft',
        version: 1,
        createdAt: nowIso(),
        acceptedAt: null,
      });
      await store.insertItems(
        trx,
        draft.items.map((item, position) => ({
          id: item.id,
          readoutId,
          position,
          kind: item.kind,
          spanStart: item.span.start,
          spanEnd: item.span.end,
          sentenceStart: item.sentence.start,
          sentenceEnd: item.sentence.end,
          confidence: item.confidence,
          rule: item.rule,
          status: 'proposed',
          edited: 0,
          value: JSON.stringify(item.value),
          match: item.match ? JSON.stringify(item.match) : null,
          candidates: JSON.stringify(item.candidates),
          computed: computed.has(item.id) ? JSON.stringify(computed.get(item.id)) : null,
          recordId: null,
        })),
      );
      return readoutId;
    });
    return { readout: await getReadout(db, id), created: true };
  } catch (error) {
    // Sent twice at once: the other request kept it first.
    const again = await store.findReadoutByHash(db, sha256);
    if (again) return { readout: await getReadout(db, again.id), created: false };
    throw error;
  }
}

async function draftReadout(db: Db, id: string, version: number) {
  const row = await store.findReadout(db, id);
  if (!row) throw notFound('readout', id);
  if (row.status !== 'draft') {
    throw new AccordError(
      'CONFLICT',
      `readout ${id} was accepted on ${row.acceptedAt}; its draft can no longer change`,
      {
        details: { acceptedAt: row.acceptedAt, meetingId: row.meetingId },
      },
    );
  }
  if (row.version !== version) throw staleVersion('readout', id, version, row.version);
  return row;
}

/** Accepts, rejects, corrects or rematches one drafted item. */
export async function patchItem(db: Db, readoutId: string, itemId: string, input: unknown): Promise<Readout> {
  const patch = parseInput(itemPatch, input);
  await inTransaction(db, async (trx) => {
    await draftReadout(trx, readoutId, patch.version);
    const item = (await store.itemsOf(trx, readoutId)).map(itemOf).find((i) => i.id === itemId);
    if (!item) throw notFound('readout item', itemId);
    const change: Parameters<typeof store.updateItem>[2] = {};
    if (patch.status) change.status = patch.status;
    if (patch.value !== undefined) {
      const value = parseInput(itemValues[item.kind], patch.value, 'value');
      change.value = JSON.stringify(value);
      change.edited = 1;
    }
    if (patch.match !== undefined) {
      change.match = patch.match === null ? null : JSON.stringify(await matchFor(trx, item, patch.match.recordId));
    }
    await store.updateItem(trx, itemId, change);
    if (!(await store.bumpReadout(trx, readoutId, patch.version))) {
      throw staleVersion('readout', readoutId, patch.version, patch.version + 1);
    }
  });
  return getReadout(db, readoutId);
}

/**
 * Writes the accepted items (and, when asked, the proposed ones) as records in one transaction, each with
 * the readout's document and span as its source; refuses when a matched record changed since the draft.
 * A readout of talks another readout already wrote attaches to that meeting.
 */
export async function acceptReadout(db: Db, id: string, input: unknown): Promise<Readout> {
  const { proposed, version } = parseInput(acceptInput, input);
  await inTransaction(db, async (trx) => {
    const row = await draftReadout(trx, id, version);
    const readout = await getReadout(trx, id);
    const chosen = readout.items.filter(
      (i) => i.status === 'accepted' || (proposed === 'accept' && i.status === 'proposed'),
    );
    if (chosen.length === 0) {
      throw new AccordError('VALIDATION_FAILED', 'nothing to write: no item of the draft is accepted', {
        problems: [{ path: 'items', message: 'accept at least one item first', code: 'nothing_accepted' }],
      });
    }
    await requireMatchesUnchanged(trx, chosen);
    const outcome = await writeAccepted(
      trx,
      {
        readoutId: id,
        documentId: row.documentId,
        relationshipId: row.relationshipId,
        meetingId: null,
        text: readout.text,
        items: readout.items,
      },
      chosen,
    );
    const moved = await store.bumpReadout(trx, id, version, {
      status: 'accepted',
      meetingId: outcome.meetingId,
      relationshipId: outcome.relationshipId,
      acceptedAt: nowIso(),
    });
    if (!moved) throw staleVersion('readout', id, version, version + 1);
  });
  return getReadout(db, id);
}
