import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { makeDocument, makeMeeting, makeOrganization, makePerson, makeProject } from '../../test/support/factories.ts';
import { newId } from '../core/ids.ts';
import { linkProvenance, listDocumentLinks, listProvenance, unlinkProvenance } from './provenance.ts';

const paths = (error: { problems: Array<{ path: string }> }) => error.problems.map((p) => p.path);

describeOnEngines('provenance', (ctx) => {
  it('links a record to the paragraph of a document it came from, and lists it with the document', async () => {
    const readout = await makeDocument(ctx.db, {
      titleEn: 'Negotiations with Kursk Oblast Governor',
      sourceUrl: 'https://president.gov.by/en',
      publisher: 'Press service',
    });
    const organization = await makeOrganization(ctx.db, { nameEn: 'BelAZ' });
    const link = await linkProvenance(ctx.db, {
      recordType: 'organization',
      recordId: organization.id,
      documentId: readout.id,
      locator: 'paragraph 4',
    });
    expect(link).toMatchObject({
      recordType: 'organization',
      recordId: organization.id,
      documentId: readout.id,
      sourcePersonId: null,
      locator: 'paragraph 4',
      note: null,
      document: {
        id: readout.id,
        titleEn: 'Negotiations with Kursk Oblast Governor',
        publishedOn: '2017-12-05',
        sourceUrl: 'https://president.gov.by/en',
      },
      sourcePerson: null,
    });
    expect(await listProvenance(ctx.db, { recordType: 'organization', recordId: organization.id })).toEqual([link]);
  });

  it('takes a person as the source, and a territory by its ISO code', async () => {
    const person = await makePerson(ctx.db, { nameEn: 'Alexander Mikhailov', nameRu: 'Александр Михайлов' });
    const link = await linkProvenance(ctx.db, {
      recordType: 'territory',
      recordId: 'RU-KRS',
      sourcePersonId: person.id,
      note: 'said at the talks',
    });
    expect(link.sourcePerson).toEqual({ id: person.id, nameEn: 'Alexander Mikhailov', nameRu: 'Александр Михайлов' });
    expect(link.document).toBeNull();
    const sources = await listProvenance(ctx.db, { recordType: 'territory', recordId: 'RU-KRS' });
    expect(sources.map((s) => s.id)).toContain(link.id);
  });

  it('requires exactly one source: a document or a person', async () => {
    const project = await makeProject(ctx.db);
    const none = await linkProvenance(ctx.db, { recordType: 'project', recordId: project.id }).catch((e) => e);
    expect(none.code).toBe('VALIDATION_FAILED');
    expect(paths(none)).toEqual(['documentId', 'sourcePersonId']);
    const document = await makeDocument(ctx.db);
    const person = await makePerson(ctx.db);
    const both = await linkProvenance(ctx.db, {
      recordType: 'project',
      recordId: project.id,
      documentId: document.id,
      sourcePersonId: person.id,
    }).catch((e) => e);
    expect(both.code).toBe('VALIDATION_FAILED');
    expect(both.message).toContain('not both');
  });

  it('names the record and the document that do not exist, and an unknown kind of record', async () => {
    const error = await linkProvenance(ctx.db, {
      recordType: 'meeting',
      recordId: newId(),
      documentId: newId(),
    }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(paths(error)).toEqual(['recordId', 'documentId']);
    expect(error.problems[0].message).toMatch(/^meeting .* does not exist$/);

    const territory = await linkProvenance(ctx.db, {
      recordType: 'territory',
      recordId: 'RU-XXX',
      documentId: (await makeDocument(ctx.db)).id,
    }).catch((e) => e);
    expect(paths(territory)).toEqual(['recordId']);

    const kind = await linkProvenance(ctx.db, { recordType: 'planet', recordId: 'x', documentId: 'y' }).catch((e) => e);
    expect(paths(kind)).toEqual(['recordType']);
  });

  it('refuses the same source twice for the same place, but takes another place in it', async () => {
    const meeting = await makeMeeting(ctx.db);
    const document = await makeDocument(ctx.db);
    const input = { recordType: 'meeting', recordId: meeting.id, documentId: document.id, locator: 'paragraph 1' };
    await linkProvenance(ctx.db, input);
    const again = await linkProvenance(ctx.db, input).catch((e) => e);
    expect(again.code).toBe('CONFLICT');
    await linkProvenance(ctx.db, { ...input, locator: 'paragraph 2' });
    await linkProvenance(ctx.db, { ...input, locator: null });
    expect(await listProvenance(ctx.db, { recordType: 'meeting', recordId: meeting.id })).toHaveLength(3);
  });

  it('lists every record citing a document with its name, and forgets a removed link', async () => {
    const document = await makeDocument(ctx.db);
    const organization = await makeOrganization(ctx.db, { nameEn: null, nameRu: 'ОАО «Планар»' });
    const project = await makeProject(ctx.db, { titleEn: 'Mining trucks for Mikhailovsky GOK' });
    const first = await linkProvenance(ctx.db, {
      recordType: 'organization',
      recordId: organization.id,
      documentId: document.id,
    });
    await linkProvenance(ctx.db, { recordType: 'project', recordId: project.id, documentId: document.id });
    await linkProvenance(ctx.db, { recordType: 'territory', recordId: 'BY', documentId: document.id });

    const citations = await listDocumentLinks(ctx.db, document.id);
    expect(citations.map((c) => [c.recordType, c.recordLabel])).toEqual([
      ['organization', 'ОАО «Планар»'],
      ['project', 'Mining trucks for Mikhailovsky GOK'],
      ['territory', 'Belarus (BY)'],
    ]);

    await unlinkProvenance(ctx.db, first.id);
    expect(await listProvenance(ctx.db, { recordType: 'organization', recordId: organization.id })).toEqual([]);
    expect((await unlinkProvenance(ctx.db, first.id).catch((e) => e)).code).toBe('NOT_FOUND');
    expect((await listDocumentLinks(ctx.db, newId()).catch((e) => e)).code).toBe('NOT_FOUND');
    const unknown = await listProvenance(ctx.db, { recordType: 'person', recordId: newId() }).catch((e) => e);
    expect(unknown.code).toBe('NOT_FOUND');
  });
});
