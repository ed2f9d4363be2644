import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeMeeting, makeRelationship } from '../support/factories.ts';
import { rawRequest } from '../support/http.ts';

interface Saved {
  id: string;
  title: string;
  relationshipId: string;
  meetingId: string | null;
  asOf: string;
  lang: string;
  format: string;
  marking: string | null;
  author: string | null;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  version: number;
}

/** The demo's Belarus – Kursk Oblast relationship, briefed before and kept after the talks of 5 December 2017. */
describeOnEngines('HTTP briefings', (ctx) => {
  let app: FastifyInstance;
  let kursk: string;
  let talks: string;
  beforeAll(async () => {
    await loadDemo(ctx.database);
    app = await buildApp({ db: ctx.db });
    const relationships = await app.inject({ method: 'GET', url: '/api/relationships?partner=RU-KRS' });
    kursk = relationships.json().items[0].id;
    const meetings = await app.inject({ method: 'GET', url: `/api/meetings?relationshipId=${kursk}&limit=200` });
    talks = meetings.json().items.find((m: { heldOn: string }) => m.heldOn === '2017-12-05').id;
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const briefing = (query: string, id = kursk) =>
    app.inject({ method: 'GET', url: `/api/relationships/${id}/briefing?${query}` });

  it('hands the Russian briefing as of 4 December 2017 as an HTML file named in Content-Disposition', async () => {
    const answer = await briefing('asOf=2017-12-04&format=html&lang=ru');
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="[^"]+\.html"/);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.body).toContain('Справка');
    expect(answer.body).toContain('96,3');
  });

  it('hands the briefing for the talks in Word, PDF and Markdown, each with its own content type', async () => {
    const docx = await briefing(`meetingId=${talks}&format=docx&lang=ru`);
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toMatch(/\.docx/);
    const pdf = await briefing(`meetingId=${talks}&format=pdf&lang=en`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const md = await briefing(`asOf=2017-12-04&format=md&lang=en&marking=${encodeURIComponent('For official use')}`);
    expect(md.statusCode, md.body).toBe(200);
    expect(md.headers['content-type']).toMatch(/^text\/markdown/);
    expect(md.body).toContain('96.3');
    expect(md.body).toContain('For official use');
  });

  it('refuses a format or language it does not write, naming the ones it does', async () => {
    const format = await briefing('format=odt&lang=ru');
    expect(format.statusCode).toBe(422);
    expect(format.headers['content-type']).toMatch(/^application\/problem\+json/);
    const formatProblem = format.json().problems.find((p: { path: string }) => p.path === 'querystring.format');
    expect(formatProblem.message).toMatch(/docx.*pdf.*html.*md/);
    const lang = await briefing('format=pdf&lang=be');
    expect(lang.statusCode).toBe(422);
    expect(lang.json().problems[0]).toMatchObject({ path: 'querystring.lang', code: 'invalid_value' });
    expect(lang.json().problems[0].message).toMatch(/en.*ru/);
    const post = await app.inject({
      method: 'POST',
      url: `/api/relationships/${kursk}/briefings`,
      payload: { format: 'rtf', lang: 'de' },
    });
    expect(post.statusCode).toBe(422);
    expect(
      post
        .json()
        .problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['format', 'lang']);
  });

  it('answers 404 for a relationship or meeting that does not exist, 422 for a meeting of another partner', async () => {
    const noRelationship = await briefing('format=md&lang=en', newId());
    expect(noRelationship.statusCode).toBe(404);
    expect(noRelationship.json().code).toBe('NOT_FOUND');
    const noMeeting = await briefing(`format=md&lang=en&meetingId=${newId()}`);
    expect(noMeeting.statusCode).toBe(404);
    const other = await makeRelationship(ctx.db, { homeCode: 'BY', partnerCode: 'RU-BEL' });
    const elsewhere = await makeMeeting(ctx.db, { relationshipId: other.id, heldOn: '2017-06-01' });
    const mismatch = await briefing(`format=md&lang=en&meetingId=${elsewhere.id}`);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().problems[0]).toMatchObject({ path: 'meetingId', code: 'other_relationship' });
    const list = await app.inject({ method: 'GET', url: `/api/relationships/${newId()}/briefings` });
    expect(list.statusCode).toBe(404);
    const save = await app.inject({
      method: 'POST',
      url: `/api/relationships/${newId()}/briefings`,
      payload: { format: 'md', lang: 'en' },
    });
    expect(save.statusCode).toBe(404);
  });

  it('keeps a saved briefing with its author, lists it and hands back the very bytes it kept', async () => {
    const save = await app.inject({
      method: 'POST',
      url: `/api/relationships/${kursk}/briefings`,
      payload: {
        meetingId: talks,
        format: 'html',
        lang: 'ru',
        marking: 'Для служебного пользования',
        author: 'Иванова А. С.',
      },
    });
    expect(save.statusCode, save.body).toBe(201);
    const saved = save.json() as Saved;
    expect(saved).toMatchObject({
      relationshipId: kursk,
      meetingId: talks,
      asOf: '2017-12-04',
      lang: 'ru',
      format: 'html',
      marking: 'Для служебного пользования',
      author: 'Иванова А. С.',
      version: 1,
    });
    expect(saved.title).toContain('Справка');

    const list = await app.inject({ method: 'GET', url: `/api/relationships/${kursk}/briefings` });
    expect(list.statusCode).toBe(200);
    expect((list.json() as Saved[]).map((b) => b.id)).toContain(saved.id);

    const file = await app.inject({ method: 'GET', url: `/api/documents/${saved.id}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe(saved.contentType);
    expect(file.headers['x-content-sha256']).toBe(saved.sha256);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(saved.sha256);
    expect(file.rawPayload.byteLength).toBe(saved.byteSize);
    expect(file.body).toContain('Для служебного пользования');
    expect(file.body).toContain('96,3');

    const document = await app.inject({ method: 'GET', url: `/api/documents/${saved.id}` });
    expect(document.json()).toMatchObject({ kind: 'briefing', language: 'ru', titleRu: saved.title });

    const removed = await app.inject({ method: 'DELETE', url: `/api/documents/${saved.id}?version=1` });
    expect(removed.statusCode).toBe(204);
    const gone = await app.inject({ method: 'GET', url: `/api/documents/${saved.id}/file` });
    expect(gone.statusCode).toBe(404);
    const after = await app.inject({ method: 'GET', url: `/api/relationships/${kursk}/briefings` });
    expect((after.json() as Saved[]).map((b) => b.id)).not.toContain(saved.id);
  });

  it('refuses a save with a field it does not know or an author too long, keeping nothing', async () => {
    const before = (await app.inject({ method: 'GET', url: `/api/relationships/${kursk}/briefings` })).json();
    for (const payload of [
      { format: 'md', lang: 'en', audience: 'minister' },
      { format: 'md', lang: 'en', author: 'x'.repeat(201) },
    ]) {
      const answer = await app.inject({ method: 'POST', url: `/api/relationships/${kursk}/briefings`, payload });
      expect(answer.statusCode, JSON.stringify(payload)).toBe(422);
    }
    const after = (await app.inject({ method: 'GET', url: `/api/relationships/${kursk}/briefings` })).json();
    expect(after).toEqual(before);
  });

  it('says a document without a file has none', async () => {
    const documents = await app.inject({ method: 'GET', url: '/api/documents?kind=readout&limit=1' });
    const readout = documents.json().items[0].id;
    const answer = await app.inject({ method: 'GET', url: `/api/documents/${readout}/file` });
    expect(answer.statusCode).toBe(404);
    expect(answer.json().detail).toContain('has no file');
  });

  it('answers the whole file to a GET that came with a body of a megabyte', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const answer = await rawRequest(`http://127.0.0.1:${port}`, {
      path: `/api/relationships/${kursk}/briefing?asOf=2017-12-04&format=html&lang=ru`,
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: Buffer.alloc(1024 * 1024 + 1024, 'x'),
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('96,3');
    expect(answer.body.trimEnd()).toMatch(/<\/html>$/i);
  });

  it('describes the briefing routes in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        '/api/relationships/{id}/briefing',
        '/api/relationships/{id}/briefings',
        '/api/documents/{id}/file',
      ]),
    );
    const get = spec.paths['/api/relationships/{id}/briefing'].get;
    const format = get.parameters.find((p: { name: string }) => p.name === 'format');
    expect(format.schema.enum).toEqual(['docx', 'pdf', 'html', 'md']);
    expect(spec.paths['/api/relationships/{id}/briefings'].post.responses['201']).toBeDefined();
    expect(spec.components.schemas.SavedBriefing).toBeDefined();
  });
});
