import type { FastifyInstance } from 'fastify';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/connection.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';

interface Span {
  start: number;
  end: number;
}
interface Item {
  id: string;
  kind: string;
  value: Record<string, unknown>;
  span: Span;
  sentence: Span;
  status: string;
  match: { recordType: string; recordId: string; version: number; label: string } | null;
  computed?: { amount: string | null; currency: string; missing: string | null } | null;
  recordId: string | null;
}
interface Readout {
  id: string;
  documentId: string;
  documentDate: string;
  language: string;
  status: string;
  meetingId: string | null;
  text: string;
  items: Item[];
  version: number;
}

// Readouts written for these tests, in the manner of a press service; the office holders are real, the words ours.
const bryansk = `Minsk, 14 March 2019

Aleksandr Lukashenko receives the Governor of Bryansk Oblast

President of Belarus Aleksandr Lukashenko held talks in Minsk today with the Governor of Bryansk Oblast Alexander Bogomaz.

In 2018 trade between Belarus and Bryansk Oblast came to $1.2 billion, 8.5% more than in 2017. Belarus mostly sells the region tractors, dairy products and tyres, and buys metal and grain.

Aleksandr Lukashenko proposed that farms of the region buy Belarusian tractors and combine harvesters on lease.

Alexander Bogomaz promised that the region would order 200 buses from Belarusian makers next year.
`;

const pskovDocx = [
  'Минск, 20 мая 2019 г.',
  'Премьер-министр Беларуси Сергей Румас провёл переговоры с губернатором Псковской области Михаилом Ведерниковым.',
  'По итогам 2018 года товарооборот Беларуси и Псковской области составил 412 млн долларов и вырос на 6,2%.',
  'Михаил Ведерников предложил наладить в регионе сборку белорусских автобусов.',
];

const smolenskPdf = [
  'Vitebsk, 3 July 2019',
  'The Prime Minister of Belarus Sergei Rumas held talks with the Governor of Smolensk Oblast Alexei Ostrovsky.',
  'Trade between Belarus and Smolensk Oblast reached $1.1 billion in 2018, up 4.2% on the year before.',
  'Alexei Ostrovsky proposed that Belarusian builders put up housing in the region.',
];

const kaluga = `Minsk, 9 September 2019

The Governor of Kaluga Oblast Anatoly Artamonov held talks in Minsk with the Prime Minister of Belarus Sergei Rumas.

Trade between Belarus and Kaluga Oblast grew by 12% in 2018 and reached $600 million.

Anatoly Artamonov invited Belarusian companies to set up plants in the region's industrial parks.
`;

const novgorodAgency = `Minsk, 10 October 2019

The President of Belarus Aleksandr Lukashenko held talks today with the Governor of Novgorod Oblast Andrei Nikitin.

Trade between Belarus and Novgorod Oblast came to $150 million in 2018, an increase of 15%.

Andrei Nikitin proposed that Belarusian firms build a dairy plant in the region.
`;

const novgorodRegion = `Veliky Novgorod, 10 October 2019

On 10 October the Governor of Novgorod Oblast Andrei Nikitin was received in Minsk by the President of Belarus Aleksandr Lukashenko.

Andrei Nikitin asked Belarus to supply the region with buses and road machinery next year.

The President of Belarus promised that Belarusian companies would consider building a plant for farm machinery in the region.
`;

// The demo's talks of 5 December 2017 as another outlet might have told them.
const kurskTalks = `Minsk, 5 December 2017

Aleksandr Lukashenko met the Governor of Kursk Oblast Alexander Mikhailov in Minsk today.

In January–September 2017 trade between Belarus and Kursk Oblast rose by 40.5% to $96.3 million.

Alexander Mikhailov said that the region's mining and processing plant keeps buying BelAZ dump trucks and would like to order more of them.
`;

const shoppingList = `Milk, two loaves of bread, a dozen eggs, apples.
Washing powder and batteries for the remote.
Call the plumber about the kitchen tap.`;

async function docxOf(paragraphs: string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return Packer.toBuffer(doc);
}

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument();
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

async function count(db: Db, table: 'documents' | 'readouts' | 'meetings' | 'statements' | 'people' | 'organizations') {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const itemsOf = (readout: Readout, kind: string) => readout.items.filter((i) => i.kind === kind);
const participantNamed = (readout: Readout, surname: string) =>
  itemsOf(readout, 'participant').find((i) => String(i.value.name).includes(surname));

describeOnEngines('HTTP readouts', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db });
  });
  afterAll(async () => {
    await app.close();
  });

  const paste = (text: string, fields: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: '/api/readouts', payload: { text, ...fields } });
  const upload = (fileName: string, contentType: string, body: Buffer) =>
    app.inject({
      method: 'POST',
      url: `/api/readouts?fileName=${encodeURIComponent(fileName)}`,
      headers: { 'content-type': contentType },
      payload: body,
    });
  const patch = (readout: Readout, itemId: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'PATCH', url: `/api/readouts/${readout.id}/items/${itemId}`, payload });
  const accept = (readout: Readout, payload: Record<string, unknown> = {}) =>
    app.inject({ method: 'POST', url: `/api/readouts/${readout.id}/accept`, payload });
  const drafted = async (text: string): Promise<Readout> => {
    const answer = await paste(text);
    expect(answer.statusCode, answer.body).toBe(201);
    return answer.json();
  };
  const stored = async () => ({
    documents: await count(ctx.db, 'documents'),
    readouts: await count(ctx.db, 'readouts'),
  });

  it('drafts a pasted readout: the meeting, who met, the trade figure and what was said, each at its words', async () => {
    const before = await stored();
    const answer = await paste(bryansk);
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.headers.location).toBe(`/api/readouts/${answer.json().id}`);
    const readout: Readout = answer.json();
    expect(readout).toMatchObject({ language: 'en', documentDate: '2019-03-14', status: 'draft', version: 1 });
    expect(readout.text).toContain('Alexander Bogomaz');

    expect(itemsOf(readout, 'meeting')).toEqual([
      expect.objectContaining({ value: expect.objectContaining({ heldOn: '2019-03-14' }) }),
    ]);
    expect(participantNamed(readout, 'Bogomaz')?.value).toMatchObject({ side: 'partner' });
    expect(participantNamed(readout, 'Lukashenko')).toBeDefined();
    const figure = itemsOf(readout, 'trade_figure').find((i) => i.value.amount === '1200000000');
    expect(figure?.value).toMatchObject({ currency: 'USD', partner: 'RU-BRY', periodFrom: '2018-01' });
    expect(figure?.computed).toMatchObject({ currency: 'USD' });
    expect(itemsOf(readout, 'statement').length).toBeGreaterThanOrEqual(2);
    for (const item of readout.items) {
      expect(item.span.start, item.kind).toBeGreaterThanOrEqual(0);
      expect(item.span.end, item.kind).toBeLessThanOrEqual(readout.text.length);
      expect(readout.text.slice(item.span.start, item.span.end).trim(), item.kind).not.toBe('');
      expect(item.sentence.start).toBeLessThanOrEqual(item.span.start);
      expect(item.sentence.end).toBeGreaterThanOrEqual(item.span.end);
    }
    expect(await stored()).toEqual({ documents: before.documents + 1, readouts: before.readouts + 1 });

    const again = await paste(bryansk);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().id).toBe(readout.id);
    expect(await stored()).toEqual({ documents: before.documents + 1, readouts: before.readouts + 1 });
    expect((await app.inject({ method: 'GET', url: `/api/readouts/${readout.id}` })).json()).toEqual(readout);
  });

  it('reads an uploaded Word file in Russian and a PDF in English, named in the query', async () => {
    const word = await upload('переговоры.docx', docxType, await docxOf(pskovDocx));
    expect(word.statusCode, word.body).toBe(201);
    const fromWord: Readout = word.json();
    expect(fromWord).toMatchObject({ language: 'ru', documentDate: '2019-05-20' });
    expect(fromWord.text).toContain('Ведерников');
    expect(participantNamed(fromWord, 'Ведерников')?.value).toMatchObject({ side: 'partner' });

    const pdf = await upload(
      'talks.pdf',
      'application/pdf',
      await pdfOf((doc) => {
        for (const line of smolenskPdf) doc.text(line).moveDown();
      }),
    );
    expect(pdf.statusCode, pdf.body).toBe(201);
    const fromPdf: Readout = pdf.json();
    expect(fromPdf).toMatchObject({ language: 'en', documentDate: '2019-07-03' });
    expect(participantNamed(fromPdf, 'Ostrovsky')?.value).toMatchObject({ side: 'partner' });
    expect(itemsOf(fromPdf, 'trade_figure').map((i) => i.value.amount)).toContain('1100000000');
  });

  it('refuses what it cannot read, saying why, and stores nothing', async () => {
    const before = await stored();
    const problem = async (answer: Awaited<ReturnType<typeof paste>>) => {
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      return { status: answer.statusCode, codes: answer.json().problems.map((p: { code: string }) => p.code) };
    };

    const undated = await paste(
      'The Governor of Smolensk Oblast met the Prime Minister of Belarus in Minsk to talk about farm machinery and trade.',
    );
    expect(await problem(undated)).toEqual({ status: 422, codes: ['date_needed'] });
    expect(undated.json().problems[0].path).toBe('documentDate');

    expect(await problem(await paste(''))).toEqual({ status: 422, codes: ['empty_text'] });
    expect(await problem(await paste(' \n\t '))).toEqual({ status: 422, codes: ['empty_text'] });
    expect(await problem(await paste(shoppingList, { documentDate: '2019-03-14' }))).toEqual({
      status: 422,
      codes: ['not_a_readout'],
    });

    const scan = await pdfOf((doc) => {
      doc.rect(60, 60, 400, 18).fill('#333');
      doc.rect(60, 100, 360, 18).fill('#333');
    });
    const noText = await upload('scan.pdf', 'application/pdf', scan);
    expect(await problem(noText)).toEqual({ status: 422, codes: ['pdf_without_text'] });

    const whole = await docxOf(pskovDocx.map((line) => `${line} (copy)`));
    const broken = await upload('broken.docx', docxType, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await problem(broken)).toEqual({ status: 422, codes: ['file_unreadable'] });

    const huge = await upload('huge.txt', 'text/plain', Buffer.alloc(11 * 1024 * 1024, 'a'));
    expect(huge.statusCode, huge.body).toBe(413);

    expect(await stored()).toEqual(before);
  });

  it('lets the reviewer reject, correct and rematch items, and refuses a stale version or a wrong value', async () => {
    const readout = await drafted(bryansk.replace('14 March 2019', '15 March 2019'));
    const [firstStatement] = itemsOf(readout, 'statement');
    const figure = itemsOf(readout, 'trade_figure')[0]!;
    const lukashenko = participantNamed(readout, 'Lukashenko')!;

    const rejected = await patch(readout, firstStatement!.id, { status: 'rejected', version: readout.version });
    expect(rejected.statusCode, rejected.body).toBe(200);
    let current: Readout = rejected.json();
    expect(current.items.find((i) => i.id === firstStatement!.id)?.status).toBe('rejected');
    expect(current.version).toBe(readout.version + 1);

    const wrong = await patch(current, figure.id, {
      value: { ...figure.value, periodTo: '2018-13' },
      version: current.version,
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().problems.map((p: { path: string }) => p.path)).toEqual(['value.periodTo']);

    const corrected = await patch(current, figure.id, {
      value: { ...figure.value, amount: '1250000000' },
      status: 'accepted',
      version: current.version,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    current = corrected.json();
    expect(current.items.find((i) => i.id === figure.id)).toMatchObject({
      value: { amount: '1250000000' },
      edited: true,
      status: 'accepted',
    });

    const person = await app.inject({
      method: 'POST',
      url: '/api/people',
      payload: { nameEn: 'Alexander Lukashenko', nameRu: 'Александр Лукашенко' },
    });
    expect(person.statusCode, person.body).toBe(201);
    const rematched = await patch(current, lukashenko.id, {
      match: { recordId: person.json().id },
      version: current.version,
    });
    expect(rematched.statusCode, rematched.body).toBe(200);
    current = rematched.json();
    expect(current.items.find((i) => i.id === lukashenko.id)?.match).toMatchObject({
      recordType: 'person',
      recordId: person.json().id,
    });

    const stale = await patch(current, figure.id, { status: 'rejected', version: readout.version });
    expect(stale.statusCode).toBe(409);
    const unknown = await patch(current, 'no-such-item', { status: 'rejected', version: current.version });
    expect(unknown.statusCode).toBe(404);
  });

  it('writes the accepted records in one go, each tied to the words it was read from, and only once', async () => {
    let readout = await drafted(bryansk.replace('14 March 2019', '16 March 2019'));
    const [dropped, kept] = itemsOf(readout, 'statement');
    readout = (await patch(readout, dropped!.id, { status: 'rejected', version: readout.version })).json();
    const before = { meetings: await count(ctx.db, 'meetings'), people: await count(ctx.db, 'people') };

    const accepted = await accept(readout, { proposed: 'accept', version: readout.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const done: Readout = accepted.json();
    expect(done.status).toBe('accepted');
    expect(done.meetingId).not.toBeNull();
    expect(await count(ctx.db, 'meetings')).toBe(before.meetings + 1);
    expect(await count(ctx.db, 'people')).toBeGreaterThan(before.people);

    const meeting = await app.inject({ method: 'GET', url: `/api/meetings/${done.meetingId}` });
    expect(meeting.json()).toMatchObject({ heldOn: '2019-03-16' });
    const bogomaz = participantNamed(done, 'Bogomaz')!;
    expect(meeting.json().participants).toContainEqual(
      expect.objectContaining({ personId: bogomaz.recordId, side: 'partner' }),
    );

    const statements = await ctx.db
      .selectFrom('statements')
      .select(['id', 'textEn'])
      .where('meetingId', '=', done.meetingId)
      .execute();
    expect(statements.map((s) => s.id)).toContain(done.items.find((i) => i.id === kept!.id)?.recordId);
    expect(done.items.find((i) => i.id === dropped!.id)).toMatchObject({ status: 'rejected', recordId: null });
    expect(statements).toHaveLength(itemsOf(done, 'statement').length - 1);

    const links = await ctx.db
      .selectFrom('provenanceLinks')
      .selectAll()
      .where('documentId', '=', done.documentId)
      .execute();
    const locator = (item: Item) => `characters ${item.span.start}–${item.span.end}`;
    for (const item of done.items.filter((i) => ['meeting', 'participant', 'statement'].includes(i.kind))) {
      if (item.status === 'rejected') continue;
      expect(links, `${item.kind} ${item.id}`).toContainEqual(
        expect.objectContaining({ recordId: item.recordId, locator: locator(item) }),
      );
    }
    const figure = itemsOf(done, 'trade_figure')[0]!;
    const official = await ctx.db
      .selectFrom('officialFigures')
      .selectAll()
      .where('id', '=', figure.recordId)
      .executeTakeFirstOrThrow();
    expect(official).toMatchObject({
      reporter: 'BY',
      partner: 'RU-BRY',
      metric: 'turnover',
      currency: 'USD',
      documentId: done.documentId,
      locator: locator(figure),
    });

    const twice = await accept(done, { proposed: 'accept', version: done.version });
    expect(twice.statusCode).toBe(409);
    const stale = await accept(done, { proposed: 'accept', version: readout.version });
    expect(stale.statusCode).toBe(409);
    expect(await count(ctx.db, 'meetings')).toBe(before.meetings + 1);
  });

  it('refuses to accept when a matched person changed since the draft, and writes nothing', async () => {
    const made = await app.inject({ method: 'POST', url: '/api/people', payload: { nameEn: 'Anatoly Artamonov' } });
    expect(made.statusCode, made.body).toBe(201);
    const person = made.json();
    const position = await app.inject({
      method: 'POST',
      url: '/api/positions',
      payload: { personId: person.id, titleEn: 'Governor of Kaluga Oblast', territoryCode: 'RU-KLU' },
    });
    expect(position.statusCode, position.body).toBe(201);

    const readout = await drafted(kaluga);
    const artamonov = participantNamed(readout, 'Artamonov')!;
    expect(artamonov.match).toMatchObject({ recordType: 'person', recordId: person.id });

    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      payload: { nameRu: 'Анатолий Артамонов', version: person.version },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);

    const before = {
      meetings: await count(ctx.db, 'meetings'),
      statements: await count(ctx.db, 'statements'),
      people: await count(ctx.db, 'people'),
      organizations: await count(ctx.db, 'organizations'),
    };
    const refused = await accept(readout, { proposed: 'accept', version: readout.version });
    expect(refused.statusCode, refused.body).toBe(409);
    // The problem document carries the error's details at its top level.
    expect(refused.json().changed).toEqual([
      expect.objectContaining({ itemId: artamonov.id, recordType: 'person', recordId: person.id }),
    ]);
    expect({
      meetings: await count(ctx.db, 'meetings'),
      statements: await count(ctx.db, 'statements'),
      people: await count(ctx.db, 'people'),
      organizations: await count(ctx.db, 'organizations'),
    }).toEqual(before);
    const after: Readout = (await app.inject({ method: 'GET', url: `/api/readouts/${readout.id}` })).json();
    expect(after).toMatchObject({ status: 'draft', version: readout.version, meetingId: null });
    expect(after.items.every((i) => i.recordId === null)).toBe(true);
  });

  it('attaches a second outlet’s readout of the same talks to the meeting the first one wrote', async () => {
    let first = await drafted(novgorodAgency);
    first = (await accept(first, { proposed: 'accept', version: first.version })).json();
    expect(first.meetingId).not.toBeNull();
    const meetings = await count(ctx.db, 'meetings');

    const second = await drafted(novgorodRegion);
    expect(itemsOf(second, 'meeting')[0]?.match).toMatchObject({ recordType: 'meeting', recordId: first.meetingId });
    const accepted = await accept(second, { proposed: 'accept', version: second.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().meetingId).toBe(first.meetingId);
    expect(await count(ctx.db, 'meetings')).toBe(meetings);

    const statements = await ctx.db
      .selectFrom('statements')
      .select('id')
      .where('meetingId', '=', first.meetingId)
      .execute();
    const written = [...itemsOf(first, 'statement'), ...itemsOf(accepted.json(), 'statement')].map((i) => i.recordId);
    expect(statements.map((s) => s.id).sort()).toEqual(written.sort());
  });
});

describeOnEngines('HTTP readouts on the demo workspace', (ctx) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    await loadDemo(ctx.database);
    app = await buildApp({ db: ctx.db });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('matches a readout of the Kursk talks of 5 December 2017 to Mikhailov, Lukashenko and BelAZ', async () => {
    const answer = await app.inject({ method: 'POST', url: '/api/readouts', payload: { text: kurskTalks } });
    expect(answer.statusCode, answer.body).toBe(201);
    const readout: Readout = answer.json();
    const matched = (item: Item | undefined) => item?.match;
    const people = await ctx.db.selectFrom('people').select(['id', 'nameEn']).execute();
    const personId = (surname: string) => people.find((p) => p.nameEn?.includes(surname))?.id;

    expect(matched(participantNamed(readout, 'Mikhailov'))).toMatchObject({
      recordType: 'person',
      recordId: personId('Mikhailov'),
    });
    expect(participantNamed(readout, 'Mikhailov')?.value).toMatchObject({ side: 'partner' });
    expect(matched(participantNamed(readout, 'Lukashenko'))).toMatchObject({
      recordType: 'person',
      recordId: personId('Lukashenko'),
    });
    expect(participantNamed(readout, 'Lukashenko')?.value).toMatchObject({ side: 'home' });

    const belaz = await ctx.db
      .selectFrom('organizations')
      .select('id')
      .where('nameEn', 'like', '%BelAZ%')
      .executeTakeFirstOrThrow();
    expect(itemsOf(readout, 'organization').map((i) => i.match?.recordId)).toContain(belaz.id);

    const talks = await app.inject({
      method: 'GET',
      url: '/api/meetings?partner=RU-KRS&from=2017-12-05&to=2017-12-05',
    });
    expect(itemsOf(readout, 'meeting')[0]?.match).toMatchObject({
      recordType: 'meeting',
      recordId: talks.json().items[0].id,
    });
    const figure = itemsOf(readout, 'trade_figure').find((i) => i.value.amount === '96300000');
    expect(figure?.value).toMatchObject({ partner: 'RU-KRS', periodFrom: '2017-01', periodTo: '2017-09' });
  });
});
