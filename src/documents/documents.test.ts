import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { makeDocument, makeOrganization, makeRelationship } from '../../test/support/factories.ts';
import { newId } from '../core/ids.ts';
import { nowIso } from '../core/records.ts';
import { linkProvenance, unlinkProvenance } from './provenance.ts';
import {
  createDocument,
  createDocumentWithFile,
  deleteDocument,
  documentFile,
  getDocument,
  listDocuments,
  updateDocument,
} from './service.ts';
import { maxDocumentFileBytes } from './model.ts';

const all = { limit: 200, offset: 0 };

describeOnEngines('documents', (ctx) => {
  it('records a readout with its publisher and address, in the canonical spelling of its language', async () => {
    const created = await createDocument(ctx.db, {
      titleEn: 'Negotiations with the Governor of Kursk Oblast',
      kind: 'readout',
      publishedOn: '2017-12-05',
      language: 'EN-gb',
      sourceUrl: 'https://president.gov.by/en',
      publisher: 'Press service of the President of the Republic of Belarus',
    });
    expect(created).toMatchObject({ kind: 'readout', language: 'en-GB', notes: null, version: 1 });
    expect(await getDocument(ctx.db, created.id)).toEqual(created);
  });

  it('names every faulty field: kind, date, language and a non-web address', async () => {
    const error = await createDocument(ctx.db, {
      titleEn: '  ',
      kind: 'memo',
      publishedOn: '2017-02-30',
      language: 'english!',
      sourceUrl: 'javascript:alert(1)',
    }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'kind',
      'language',
      'publishedOn',
      'sourceUrl',
      'titleEn',
    ]);
    const ftp = await createDocument(ctx.db, {
      titleEn: 'Tables',
      kind: 'statistical_release',
      language: 'ru',
      sourceUrl: 'ftp://rosstat.gov.ru/tables.xlsx',
    }).catch((e) => e);
    expect(ftp.problems).toEqual([expect.objectContaining({ path: 'sourceUrl' })]);
  });

  it('filters by kind, language (en also finds en-GB) and publication dates, newest first, undated last', async () => {
    const publisher = `Publisher ${newId()}`;
    const make = (title: string, kind: string, language: string, publishedOn: string | null) =>
      makeDocument(ctx.db, { titleEn: title, kind, language, publishedOn, publisher });
    const minutes = await make('Minutes of the working group', 'minutes', 'ru', '2018-03-01');
    const article = await make('Article on trade', 'article', 'en-GB', '2017-06-10');
    const undated = await make('Undated note', 'article', 'en', null);
    const release = await make('Foreign trade, 2017', 'statistical_release', 'ru', '2018-02-15');
    const mine = new Set([minutes.id, article.id, undated.id, release.id]);
    const ids = async (filter: Parameters<typeof listDocuments>[1]) =>
      (await listDocuments(ctx.db, filter, all)).items.map((d) => d.id).filter((id) => mine.has(id));

    expect(await ids({})).toEqual([minutes.id, release.id, article.id, undated.id]);
    expect(await ids({ kind: 'article' })).toEqual([article.id, undated.id]);
    expect(await ids({ language: 'en' })).toEqual([article.id, undated.id]);
    expect(await ids({ language: 'en-GB' })).toEqual([article.id]);
    expect(await ids({ from: '2018-01-01' })).toEqual([minutes.id, release.id]);
    expect(await ids({ from: '2017-06-10', to: '2018-02-15' })).toEqual([release.id, article.id]);
  });

  it('finds titles by any part, whatever the case, in Cyrillic and Latin, and pages through the matches', async () => {
    const tag = newId().slice(-8);
    const a = await makeDocument(ctx.db, { titleEn: `Переговоры с губернатором ${tag}`, publishedOn: '2017-12-05' });
    const b = await makeDocument(ctx.db, { titleEn: `ПЕРЕГОВОРЫ в Минске ${tag}`, publishedOn: '2017-12-04' });
    const c = await makeDocument(ctx.db, { titleEn: `Talks on Ёлки and trade ${tag}`, publishedOn: '2017-12-03' });

    const russian = await listDocuments(ctx.db, { q: `переговоры` }, all);
    expect(russian.items.map((d) => d.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(russian.items.map((d) => d.id)).not.toContain(c.id);

    const both = await listDocuments(ctx.db, { q: `ПереГОВОРЫ` }, { limit: 200, offset: 0 });
    expect(both.items.map((d) => d.id)).toEqual(expect.arrayContaining([a.id, b.id]));

    const latin = await listDocuments(ctx.db, { q: `TALKS ON ЕЛКИ` }, all);
    expect(latin.items.map((d) => d.id)).toEqual([c.id]);

    const tagged = await listDocuments(ctx.db, { q: tag.toUpperCase() }, { limit: 2, offset: 1 });
    expect(tagged.total).toBe(3);
    expect(tagged.items.map((d) => d.id)).toEqual([b.id, c.id]);

    expect((await listDocuments(ctx.db, { q: '%' }, all)).total).toBe(0);
  });

  it('changes only the fields sent, and refuses a change made from a stale version', async () => {
    const created = await createDocument(ctx.db, {
      titleEn: 'Draft roadmap',
      kind: 'agreement',
      language: 'ru',
      notes: 'kept',
    });
    const changed = await updateDocument(ctx.db, created.id, { titleEn: 'Roadmap 2018–2020', version: 1 });
    expect(changed).toMatchObject({ titleEn: 'Roadmap 2018–2020', notes: 'kept', language: 'ru', version: 2 });
    const stale = await updateDocument(ctx.db, created.id, { titleEn: 'Other', version: 1 }).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');
    const missing = await updateDocument(ctx.db, newId(), { titleEn: 'x', version: 1 }).catch((e) => e);
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('keeps a document records cite until the links are removed, then deletes it with its own sources', async () => {
    const document = await makeDocument(ctx.db);
    const organization = await makeOrganization(ctx.db);
    const link = await linkProvenance(ctx.db, {
      recordType: 'organization',
      recordId: organization.id,
      documentId: document.id,
    });
    const source = await makeDocument(ctx.db, { titleEn: 'Where the readout was found' });
    await linkProvenance(ctx.db, { recordType: 'document', recordId: document.id, documentId: source.id });

    const refused = await deleteDocument(ctx.db, document.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect(refused.message).toContain('1 provenance link');
    expect((await getDocument(ctx.db, document.id)).id).toBe(document.id);

    await unlinkProvenance(ctx.db, link.id);
    const stale = await deleteDocument(ctx.db, document.id, 7).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');
    await deleteDocument(ctx.db, document.id, 1);
    expect((await getDocument(ctx.db, document.id).catch((e) => e)).code).toBe('NOT_FOUND');
    const left = await ctx.db.selectFrom('provenanceLinks').select('id').where('recordId', '=', document.id).execute();
    expect(left).toEqual([]);
    await deleteDocument(ctx.db, source.id, 1);
  });

  it('keeps a document that is the text of an agreement', async () => {
    const document = await makeDocument(ctx.db, { kind: 'agreement' });
    const relationship = await makeRelationship(ctx.db);
    const now = nowIso();
    await ctx.db
      .insertInto('agreements')
      .values({
        id: newId(),
        relationshipId: relationship.id,
        title: 'Cooperation agreement',
        kind: 'cooperation_agreement',
        signedOn: '2017-12-05',
        inForceFrom: null,
        inForceTo: null,
        documentId: document.id,
        notes: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const refused = await deleteDocument(ctx.db, document.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect(refused.details).toMatchObject({ agreements: 1, provenanceLinks: 0 });
  });

  const producedBriefing = {
    titleEn: 'Briefing for the talks with Kursk Oblast',
    titleRu: null,
    kind: 'briefing' as const,
    publishedOn: '2017-12-04',
    language: 'en',
    publisher: null,
    notes: null,
  };

  it('keeps a file with its document: name, type, size and SHA-256, and the same bytes back', async () => {
    const bytes = Buffer.from('# Briefing\n\nTrade grew by 40.5 %.\n');
    const saved = await createDocumentWithFile(ctx.db, producedBriefing, {
      fileName: 'briefing.md',
      contentType: 'text/markdown; charset=utf-8',
      bytes,
    });
    expect(saved).toMatchObject({ kind: 'briefing', language: 'en', version: 1 });
    expect(saved.file).toEqual({
      fileName: 'briefing.md',
      contentType: 'text/markdown; charset=utf-8',
      byteSize: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const file = await documentFile(ctx.db, saved.id);
    expect(file.bytes.equals(bytes)).toBe(true);
    expect(file.sha256).toBe(saved.file.sha256);
  });

  it('refuses a file over 20 MB and keeps nothing of it', async () => {
    const before = await listDocuments(ctx.db, { kind: 'briefing' }, all);
    const error = await createDocumentWithFile(ctx.db, producedBriefing, {
      fileName: 'huge.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.alloc(maxDocumentFileBytes + 1),
    }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain('up to 20.0 MB');
    expect(error.problems).toEqual([expect.objectContaining({ path: 'file', code: 'too_big' })]);
    expect((await listDocuments(ctx.db, { kind: 'briefing' }, all)).total).toBe(before.total);
  });

  it('takes a file of exactly 20 MB', async () => {
    const saved = await createDocumentWithFile(ctx.db, producedBriefing, {
      fileName: 'large.pdf',
      contentType: 'application/pdf',
      bytes: Buffer.alloc(maxDocumentFileBytes, 7),
    });
    expect(saved.file.byteSize).toBe(maxDocumentFileBytes);
    expect((await documentFile(ctx.db, saved.id)).bytes.byteLength).toBe(maxDocumentFileBytes);
    await deleteDocument(ctx.db, saved.id, 1);
  });

  it('deletes the file with its document, and says a document without a file has none', async () => {
    const saved = await createDocumentWithFile(ctx.db, producedBriefing, {
      fileName: 'briefing.html',
      contentType: 'text/html; charset=utf-8',
      bytes: Buffer.from('<p>Справка</p>'),
    });
    await deleteDocument(ctx.db, saved.id, 1);
    expect((await documentFile(ctx.db, saved.id).catch((e) => e)).code).toBe('NOT_FOUND');
    const left = await ctx.db
      .selectFrom('documentFiles')
      .select('documentId')
      .where('documentId', '=', saved.id)
      .execute();
    expect(left).toEqual([]);
    const plain = await makeDocument(ctx.db);
    const none = await documentFile(ctx.db, plain.id).catch((e) => e);
    expect(none.code).toBe('NOT_FOUND');
    expect(none.message).toContain('has no file');
  });

  it('makes briefings only by saving one: neither created as a briefing nor turned into another kind', async () => {
    const refused = await createDocument(ctx.db, { titleEn: 'Fake briefing', kind: 'briefing', language: 'en' }).catch(
      (e) => e,
    );
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.problems[0].path).toBe('kind');
    const saved = await createDocumentWithFile(ctx.db, producedBriefing, {
      fileName: 'briefing.md',
      contentType: 'text/markdown; charset=utf-8',
      bytes: Buffer.from('x'),
    });
    const changed = await updateDocument(ctx.db, saved.id, { kind: 'readout', version: 1 }).catch((e) => e);
    expect(changed.problems[0]).toMatchObject({ path: 'kind', code: 'kind_fixed' });
    const readout = await makeDocument(ctx.db);
    const made = await updateDocument(ctx.db, readout.id, { kind: 'briefing', version: 1 }).catch((e) => e);
    expect(made.problems[0]).toMatchObject({ path: 'kind', code: 'kind_fixed' });
    const edited = { kind: 'briefing', notes: 'handed over on 4 December', version: 1 };
    expect(await updateDocument(ctx.db, saved.id, edited)).toMatchObject({
      kind: 'briefing',
      version: 2,
    });
  });
});
