/**
 * The demo's briefings read back from the files a user downloads: Word through mammoth, PDF through unpdf,
 * HTML and Markdown as text. What the talks of 5 December 2017 added must not be in a briefing written
 * before them, and must be there after.
 */
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { produceBriefing } from '../../src/briefing/service.ts';
import type { BriefingFormat, BriefingLanguage } from '../../src/briefing/model.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { createTestDatabase, type TestDatabase } from '../support/engines.ts';

let database: TestDatabase;
let relationshipId: string;
let talksId: string;

beforeAll(async () => {
  database = await createTestDatabase('sqlite');
  await loadDemo(database);
  relationshipId = (await database.db.selectFrom('relationships').select('id').executeTakeFirstOrThrow()).id;
  talksId = (
    await database.db.selectFrom('meetings').select('id').where('heldOn', '=', '2017-12-05').executeTakeFirstOrThrow()
  ).id;
}, 60_000);
afterAll(async () => {
  await database.drop();
});

/** The text a reader sees, with every kind of space made one, so a line break cannot split a figure. */
async function textOf(format: BriefingFormat, bytes: Buffer): Promise<string> {
  let text: string;
  if (format === 'docx') text = (await mammoth.extractRawText({ buffer: bytes })).value;
  else if (format === 'pdf') {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    text = (await extractText(pdf, { mergePages: true })).text;
  } else if (format === 'html')
    text = bytes.toString('utf8').replace(/<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>|<[^>]+>/g, ' ');
  else text = bytes.toString('utf8');
  return text.replace(/&nbsp;|&#160;/g, ' ').replace(/[\s\u00a0\u202f]+/g, ' ');
}

async function briefing(
  request: { asOf?: string; meetingId?: string },
  format: BriefingFormat,
  lang: BriefingLanguage,
) {
  const file = await produceBriefing(database.db, { relationshipId, ...request, format, lang });
  return textOf(format, file.bytes);
}

const fiveExports = ['4011', '3104', '5402', '8704', '6403'];

const knownBefore: Record<BriefingLanguage, string[]> = {
  en: [
    'USD 96.3 million',
    '+40.5%',
    ...fiveExports,
    'BelAZ',
    'Mikhailovsky GOK',
    'Planar',
    'Minsk Motor Plant',
    'Mozyr',
    'finished in 2018',
    'Rosatom',
    'Dealer',
    '65 days',
  ],
  ru: [
    '96,3 млн долл. США',
    '+40,5 %',
    ...fiveExports,
    'БелАЗ',
    'Михайловск',
    'Планар',
    'Минский моторный завод',
    'Мозырск',
    'сдачей в 2018 году',
    'Rosatom',
    'Дилер',
    '65 дней',
  ],
};

const addedByTheTalks: Record<BriefingLanguage, string[]> = {
  en: ['elite grain', 'vegetable seeds', 'Kursk nuclear power plant', 'turnkey'],
  ru: ['элитных семян', 'Курской АЭС', '«под ключ»'],
};

describe('the briefing for the talks of 5 December 2017, read back', () => {
  for (const lang of ['en', 'ru'] as const) {
    for (const format of ['docx', 'pdf', 'html', 'md'] as const) {
      it(`holds what was known on 4 December and nothing the talks added (${format}, ${lang})`, async () => {
        const text = await briefing({ meetingId: talksId }, format, lang);
        for (const fact of knownBefore[lang]) expect(text, fact).toContain(fact);
        for (const later of addedByTheTalks[lang]) expect(text, later).not.toContain(later);
      }, 30_000);
    }
  }
});

describe('briefings on other days, read back', () => {
  it('holds none of the 2017 facts as of 1 December 2016', async () => {
    for (const lang of ['en', 'ru'] as const) {
      for (const format of ['docx', 'pdf'] as const) {
        const text = await briefing({ asOf: '2016-12-01' }, format, lang);
        expect(text).not.toContain(lang === 'en' ? 'USD 96.3 million' : '96,3 млн');
        expect(text).not.toContain(lang === 'en' ? 'January–September 2017' : 'январе–сентябре 2017');
        expect(text).toContain(lang === 'en' ? 'January–September 2016' : 'январе–сентябре 2016');
        expect(text).not.toContain(lang === 'en' ? 'days overdue' : 'просрочено на');
      }
    }
  }, 60_000);

  it('lists the proposals of 5 December as open as of 1 March 2018', async () => {
    for (const lang of ['en', 'ru'] as const) {
      for (const format of ['docx', 'pdf'] as const) {
        const text = await briefing({ asOf: '2018-03-01' }, format, lang);
        for (const proposal of addedByTheTalks[lang].slice(0, 2)) expect(text, proposal).toContain(proposal);
      }
    }
  }, 60_000);
});
