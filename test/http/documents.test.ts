import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { newId } from '../../src/core/ids.ts';
import { describeOnEngines } from '../support/engines.ts';
import { makeOrganization, makePerson } from '../support/factories.ts';

describeOnEngines('HTTP documents and provenance', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  const readout = () => ({
    titleRu: `Переговоры с губернатором Курской области ${newId().slice(-6)}`,
    kind: 'readout',
    publishedOn: '2017-12-05',
    language: 'ru',
    sourceUrl: 'https://president.gov.by/ru',
    publisher: 'Пресс-служба Президента Республики Беларусь',
  });

  it('creates, reads, changes, lists and deletes a document', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/documents', payload: readout() });
    expect(created.statusCode).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({ kind: 'readout', language: 'ru', notes: null, version: 1 });

    const read = await app.inject({ method: 'GET', url: `/api/documents/${body.id}` });
    expect(read.json()).toEqual(body);

    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/documents/${body.id}`,
      payload: { notes: 'Russian version of the readout', version: 1 },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      notes: 'Russian version of the readout',
      titleRu: body.titleRu,
      version: 2,
    });

    const stale = await app.inject({
      method: 'PATCH',
      url: `/api/documents/${body.id}`,
      payload: { notes: 'x', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');

    const found = await app.inject({
      method: 'GET',
      url: `/api/documents?q=${encodeURIComponent('КУРСКОЙ')}&language=ru&kind=readout&from=2017-12-01&to=2017-12-31`,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((d: { id: string }) => d.id)).toContain(body.id);

    const removed = await app.inject({ method: 'DELETE', url: `/api/documents/${body.id}?version=2` });
    expect(removed.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: `/api/documents/${body.id}` })).statusCode).toBe(404);
  });

  it('answers faulty documents and filters with problem+json naming the fields', async () => {
    const bad = await app.inject({
      method: 'POST',
      url: '/api/documents',
      payload: { ...readout(), kind: 'memo', sourceUrl: 'file:///etc/passwd', language: '' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(
      bad
        .json()
        .problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['kind', 'language', 'sourceUrl']);
    const badFilter = await app.inject({ method: 'GET', url: '/api/documents?from=2017-13-01' });
    expect(badFilter.statusCode).toBe(422);
  });

  it('links a record to its source, lists it both ways, and keeps a cited document', async () => {
    const document = (await app.inject({ method: 'POST', url: '/api/documents', payload: readout() })).json();
    const organization = await makeOrganization(ctx.db, { nameEn: 'BelAZ' });

    const linked = await app.inject({
      method: 'POST',
      url: '/api/provenance',
      payload: {
        recordType: 'organization',
        recordId: organization.id,
        documentId: document.id,
        locator: 'paragraph 4',
      },
    });
    expect(linked.statusCode).toBe(201);
    const link = linked.json();
    expect(link).toMatchObject({
      documentId: document.id,
      locator: 'paragraph 4',
      document: { titleEn: document.titleEn },
    });

    const sources = await app.inject({
      method: 'GET',
      url: `/api/provenance?recordType=organization&recordId=${organization.id}`,
    });
    expect(sources.statusCode).toBe(200);
    expect(sources.json()).toEqual([link]);

    const citations = await app.inject({ method: 'GET', url: `/api/documents/${document.id}/links` });
    expect(citations.json()).toEqual([{ ...link, recordLabel: 'BelAZ' }]);

    const refused = await app.inject({ method: 'DELETE', url: `/api/documents/${document.id}?version=1` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('REFERENCED');

    expect((await app.inject({ method: 'DELETE', url: `/api/provenance/${link.id}` })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/api/provenance/${link.id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/documents/${document.id}?version=1` })).statusCode).toBe(
      204,
    );
  });

  it('refuses a link without exactly one source or to records that do not exist', async () => {
    const person = await makePerson(ctx.db);
    const missing = await app.inject({
      method: 'POST',
      url: '/api/provenance',
      payload: { recordType: 'project', recordId: newId(), sourcePersonId: person.id },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().problems.map((p: { path: string }) => p.path)).toEqual(['recordId']);

    const noSource = await app.inject({
      method: 'POST',
      url: '/api/provenance',
      payload: { recordType: 'person', recordId: person.id },
    });
    expect(noSource.statusCode).toBe(422);

    const unknownRecord = await app.inject({
      method: 'GET',
      url: `/api/provenance?recordType=outlet&recordId=${newId()}`,
    });
    expect(unknownRecord.statusCode).toBe(404);
    const noType = await app.inject({ method: 'GET', url: `/api/provenance?recordId=${person.id}` });
    expect(noType.statusCode).toBe(422);
    expect(noType.json().problems).toEqual([expect.objectContaining({ path: 'querystring.recordType' })]);
    expect((await app.inject({ method: 'GET', url: `/api/documents/${newId()}/links` })).statusCode).toBe(404);
  });

  it('describes the document and provenance routes in the OpenAPI document', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/documents',
      '/api/documents/{id}',
      '/api/documents/{id}/links',
      '/api/provenance',
      '/api/provenance/{id}',
    ]) {
      expect(Object.keys(spec.paths)).toContain(path);
    }
    expect(Object.keys(spec.components.schemas)).toEqual(expect.arrayContaining(['Document', 'ProvenanceLink']));
  });
});
