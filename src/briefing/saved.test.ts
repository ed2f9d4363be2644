import { createHash } from 'node:crypto';
import { expect, it, vi } from 'vitest';
import { describeOnEngines } from '../../test/support/engines.ts';
import { makeMeeting, makeRelationship } from '../../test/support/factories.ts';
import { newId } from '../core/ids.ts';
import { deleteMeeting } from '../cooperation/meetings/service.ts';
import { deleteDocument, documentFile, getDocument } from '../documents/service.ts';
import { deleteRelationship } from '../registry/relationships/service.ts';
import type { ProducedBriefing } from './service.ts';

// What is kept and how is the subject here, not what a briefing says: production stands in with a small
// file that names what it was asked for (the HTTP tests read real briefings).
vi.mock('./service.ts', async (original) => {
  const actual = await original<typeof import('./service.ts')>();
  return {
    ...actual,
    produceBriefing: vi.fn(
      async (_db: unknown, request: { format: string; lang: string; asOf?: string }): Promise<ProducedBriefing> => {
        const asOf = request.asOf ?? '2017-12-04';
        const ru = request.lang === 'ru';
        return {
          bytes: Buffer.from(`${ru ? 'Справка' : 'Briefing'} ${asOf} ${request.format}`),
          contentType: request.format === 'md' ? 'text/markdown; charset=utf-8' : 'application/octet-stream',
          fileName: `briefing-${asOf}.${request.format}`,
          title: ru ? 'Справка к переговорам' : 'Briefing for the talks',
          asOf,
          lang: request.lang as ProducedBriefing['lang'],
          format: request.format as ProducedBriefing['format'],
        };
      },
    ),
  };
});

const { listBriefings, saveBriefing } = await import('./saved.ts');

describeOnEngines('saved briefings', (ctx) => {
  it('keeps the file as produced with what it was produced for, by whom, as a briefing document', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-KRS' });
    const meeting = await makeMeeting(ctx.db, { relationshipId: relationship.id });
    const saved = await saveBriefing(
      ctx.db,
      { relationshipId: relationship.id, meetingId: meeting.id, format: 'md', lang: 'ru', marking: '  ДСП  ' },
      'Иванова',
      new Date('2017-12-04T09:30:00Z'),
    );
    expect(saved).toMatchObject({
      title: 'Справка к переговорам',
      relationshipId: relationship.id,
      meetingId: meeting.id,
      asOf: '2017-12-04',
      lang: 'ru',
      format: 'md',
      marking: 'ДСП',
      author: 'Иванова',
      producedAt: '2017-12-04T09:30:00.000Z',
      fileName: 'briefing-2017-12-04.md',
      contentType: 'text/markdown; charset=utf-8',
      version: 1,
    });
    const bytes = Buffer.from('Справка 2017-12-04 md');
    expect(saved.byteSize).toBe(bytes.byteLength);
    expect(saved.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect((await documentFile(ctx.db, saved.id)).bytes.equals(bytes)).toBe(true);
    expect(await getDocument(ctx.db, saved.id)).toMatchObject({
      kind: 'briefing',
      language: 'ru',
      titleRu: 'Справка к переговорам',
      titleEn: null,
      publishedOn: '2017-12-04',
    });
  });

  it('lists the briefings of one relationship only, newest first, with no author when none was given', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-BRY' });
    const other = await makeRelationship(ctx.db, { partnerCode: 'RU-SMO' });
    const first = await saveBriefing(
      ctx.db,
      { relationshipId: relationship.id, asOf: '2017-06-30', format: 'pdf', lang: 'en' },
      null,
      new Date('2017-07-01T08:00:00Z'),
    );
    const second = await saveBriefing(
      ctx.db,
      { relationshipId: relationship.id, asOf: '2017-12-04', format: 'docx', lang: 'ru' },
      'Petrov',
      new Date('2017-12-04T08:00:00Z'),
    );
    await saveBriefing(ctx.db, { relationshipId: other.id, format: 'html', lang: 'en' });
    const listed = await listBriefings(ctx.db, relationship.id);
    expect(listed.map((b) => b.id)).toEqual([second.id, first.id]);
    expect(listed[1]).toMatchObject({ author: null, marking: null, meetingId: null, title: 'Briefing for the talks' });
    expect((await listBriefings(ctx.db, newId()).catch((e) => e)).code).toBe('NOT_FOUND');
  });

  it('refuses a bad format, language or author before producing anything', async () => {
    const relationship = await makeRelationship(ctx.db);
    const error = await saveBriefing(
      ctx.db,
      { relationshipId: relationship.id, format: 'odt' as never, lang: 'de' as never },
      'x'.repeat(201),
    ).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['format', 'lang']);
    const author = await saveBriefing(ctx.db, { relationshipId: relationship.id, format: 'md', lang: 'en' }, ' ').catch(
      (e) => e,
    );
    expect(author.problems[0].path).toBe('author');
  });

  it('keeps the relationship and the meeting a briefing was for, and lets the briefing itself be deleted', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-ORL' });
    const meeting = await makeMeeting(ctx.db, { relationshipId: relationship.id });
    const saved = await saveBriefing(ctx.db, {
      relationshipId: relationship.id,
      meetingId: meeting.id,
      format: 'md',
      lang: 'en',
    });
    expect((await deleteMeeting(ctx.db, meeting.id, 1).catch((e) => e)).code).toBe('REFERENCED');
    expect((await deleteRelationship(ctx.db, relationship.id, 1).catch((e) => e)).code).toBe('REFERENCED');
    await deleteDocument(ctx.db, saved.id, 1);
    expect(await listBriefings(ctx.db, relationship.id)).toEqual([]);
    await deleteMeeting(ctx.db, meeting.id, 1);
  });
});
