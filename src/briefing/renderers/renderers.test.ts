import { unzipSync, strFromU8 } from 'fflate';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { AccordError } from '../../core/errors.ts';
import type { BriefingDocument } from '../document.ts';
import type { BriefingFormat } from '../model.ts';
import { briefingFixture, hostileName } from './fixture.test-support.ts';
import { renderDocument } from './index.ts';

/** Text with every run of spaces (no-break ones included) as one space, so assertions read as the page does. */
function flat(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

const expected = {
  ru: {
    title: 'Справка к переговорам Республики Беларусь и Курской области',
    marking: 'Для служебного пользования',
    headings: ['1. Повод', '2. Торговля', '2.1. Динамика за пять лет', '3. Сотрудничество', 'Дилерская сеть'],
    figures: ['96,3 млн долл. США', '+40,5 %', '1 250,5'],
    caption: 'Таблица 1. Торговля Беларуси с Курской областью в январе–сентябре, млн долл. США',
    cells: ['Товарооборот', 'Январь–сентябрь 2017 г.', 'Просроченное обязательство: 45 дней'],
    footnote: 'Белстат, внешняя торговля по регионам России, январь–сентябрь 2017 г. (иллюстративные данные).',
  },
  en: {
    title: 'Briefing for the talks between the Republic of Belarus and Kursk Oblast',
    marking: 'For official use only',
    headings: ['1. The occasion', '2. Trade', '2.1. Five years of trade', '3. Cooperation', 'The dealer network'],
    figures: ['USD 96.3 million', '+40.5%', '1,250.5'],
    caption: 'Table 1. Trade of Belarus with Kursk Oblast, January–September, USD million',
    cells: ['Turnover', 'January–September 2017', 'Overdue commitment: 45 days'],
    footnote: 'Belstat, foreign trade by Russian region, January–September 2017 (illustrative data).',
  },
} as const;

function zipText(bytes: Buffer, name: string): string {
  const file = unzipSync(new Uint8Array(bytes))[name];
  if (!file) throw new Error(`${name} is missing from the document`);
  return strFromU8(file);
}

describe.each(['ru', 'en'] as const)('a briefing in %s', (lang) => {
  const document = briefingFixture(lang);
  const want = expected[lang];

  it('reads back from Word with its title, marking, headings, figures, tables and sources', async () => {
    const file = await renderDocument(document, 'docx');
    expect(file.contentType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.fileName).toMatch(/^[a-z0-9-]+_2017-12-04\.docx$/);
    const text = flat((await mammoth.extractRawText({ buffer: file.bytes })).value);
    // Charts are pictures in Word: the third figure, from a chart, is not text there.
    for (const words of [
      want.title,
      want.marking,
      ...want.headings,
      ...want.figures.slice(0, 2),
      want.caption,
      ...want.cells,
    ]) {
      expect(text).toContain(words);
    }
    expect(text).toContain(want.footnote);
    expect(text).toContain(hostileName);
    expect(text).toContain(lang === 'ru' ? 'ГОК3,1' : 'GOK3,1');
    expect(text.indexOf(want.marking)).toBeLessThan(text.indexOf(want.title));
  });

  it('is a Word document with real styles, a repeating table header, the marking in the header and page numbers', async () => {
    const { bytes } = await renderDocument(document, 'docx');
    const body = zipText(bytes, 'word/document.xml');
    const styles = zipText(bytes, 'word/styles.xml');
    expect(body).toContain('<w:pStyle w:val="Title"/>');
    for (const style of ['Heading1', 'Heading2', 'Heading3', 'Caption']) expect(body).toContain(`w:val="${style}"`);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('<w:tblStyle w:val="BriefingTable"/>');
    expect(styles).toContain('w:styleId="BriefingTable"');
    expect(styles).toContain(`<w:lang w:val="${lang === 'ru' ? 'ru-RU' : 'en-GB'}"`);
    // The run typed in the other language says so, for spelling and speech.
    expect(body).toContain(`<w:lang w:val="${lang === 'ru' ? 'en-GB' : 'ru-RU'}"/>`);
    const header = Object.keys(unzipSync(new Uint8Array(bytes))).find((name) => /^word\/header\d*\.xml$/.test(name));
    expect(zipText(bytes, header ?? 'word/header1.xml')).toContain(want.marking);
    const footer = Object.keys(unzipSync(new Uint8Array(bytes))).find((name) => /^word\/footer\d*\.xml$/.test(name));
    const footerXml = zipText(bytes, footer ?? 'word/footer1.xml');
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('NUMPAGES');
    expect(zipText(bytes, 'docProps/core.xml')).toContain(`<dc:title>${want.title}</dc:title>`);
    // Two charts, as pictures.
    const media = Object.keys(unzipSync(new Uint8Array(bytes))).filter((name) => name.startsWith('word/media/'));
    expect(media.sort()).toEqual(['word/media/image1.png', 'word/media/image2.png']);
  });

  it('reads back from PDF with Cyrillic, figures, headings, chart labels, sources and the marking on every page', async () => {
    const file = await renderDocument(document, 'pdf');
    expect(file.contentType).toBe('application/pdf');
    expect(file.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { totalPages, text: pages } = await extractText(new Uint8Array(file.bytes), { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    const text = flat(pages.join('\n'));
    for (const words of [want.marking, ...want.headings, ...want.figures, want.caption, ...want.cells, want.footnote]) {
      expect(text).toContain(words);
    }
    expect(flat(pages[0] ?? '')).toContain(flat(want.title).split(' ').slice(0, 4).join(' '));
    for (const [index, page] of pages.entries()) {
      expect(flat(page)).toContain(want.marking);
      expect(flat(page)).toContain(`${String(index + 1)} / ${String(totalPages)}`);
    }
    // Chart labels are text in the PDF, drawn as vectors, in the document's number format.
    expect(text).toContain(lang === 'ru' ? '148,2' : '148.2');
    expect(text).toContain('<script>alert(1)</script>');
    // PT Sans has no arrow: the PDF draws the closest sign it has rather than an empty box.
    expect(text).toContain(lang === 'ru' ? 'предложен › согласован' : 'proposed › agreed');
    // Two marks in a row are told apart by a comma.
    expect(text).toContain(lang === 'ru' ? 'ГОК3,1' : 'GOK3,1');
    if (lang === 'ru') expect(text).toMatch(/[А-Яа-яЁё]{5,}/);
    // Headings are the reader's bookmarks, nested as the document is.
    const outline = await (await getDocumentProxy(new Uint8Array(file.bytes))).getOutline();
    expect(outline.map((item) => item.title)).toEqual([want.headings[0], want.headings[1], want.headings[3]]);
    expect(outline[1]?.items.map((item) => item.title)).toEqual([want.headings[2]]);
    expect(outline[2]?.items.map((item) => item.title)).toEqual([want.headings[4]]);
    const { info } = await getMeta(new Uint8Array(file.bytes));
    expect(info).toMatchObject({ Title: want.title, Language: lang === 'ru' ? 'ru-RU' : 'en-GB' });
  });

  it('is one HTML page that escapes every name, declares its language and links marks to sources', async () => {
    const file = await renderDocument(document, 'html');
    expect(file.contentType).toBe('text/html; charset=utf-8');
    const html = file.bytes.toString('utf8');
    expect(html).toMatch(new RegExp(`^<!doctype html>\\n<html lang="${lang}">`));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain(`<span lang="${lang === 'ru' ? 'en' : 'ru'}">`);
    expect(html).toContain('<a href="#note-1">1</a>');
    expect(html).toContain('<li id="note-1" value="1">');
    expect(html).toContain(
      '<sup class="note"><a href="#note-3">3</a></sup><sup class="note">,<a href="#note-1">1</a></sup>',
    );
    expect(html).toContain('<thead><tr><th scope="col"');
    expect(html).toContain('<tr class="total">');
    expect(html.match(/<svg\b/g)).toHaveLength(2);
    expect(html).toContain('@media print');
    expect(html).toContain('display: table-header-group');
    expect(html).not.toMatch(/https?:\/\/(?!example\.org|www\.w3\.org)/);
    for (const words of [...want.headings, want.caption]) expect(html).toContain(words);
  });

  it('is Markdown with well-formed tables in place of charts and footnotes as [^N]', async () => {
    const file = await renderDocument(document, 'md');
    expect(file.contentType).toBe('text/markdown; charset=utf-8');
    const md = file.bytes.toString('utf8');
    expect(md.startsWith(`**${want.marking}**\n\n# ${want.title}\n`)).toBe(true);
    expect(md).toContain(`## ${want.headings[0]}`);
    expect(md).toContain(`#### ${want.headings[4]}`);
    expect(md).not.toMatch(/(^|[^\\])<script/);
    expect(md).not.toContain('<svg');
    // Every table: a header, a separator with one alignment per column, rows with as many cells.
    const tables = md.split('\n\n').filter((part) => part.startsWith('| '));
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      const lines = table.split('\n');
      const cells = (line: string) => line.replace(/\\\|/g, '').split('|').length - 2;
      const columns = cells(lines[0] ?? '');
      expect(lines[1]).toMatch(/^\| (:---|---:)( \| (:---|---:))* \|$/);
      for (const line of lines) {
        expect(line).toMatch(/^\| .* \|$/);
        expect(cells(line)).toBe(columns);
      }
    }
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> «Гомель \\& Курск» \\| \\*звёзды\\*');
    expect(md).toContain(lang === 'ru' ? 'ГОК[^3][^1]' : 'GOK[^3][^1]');
    expect(md).toContain(`[^1]: ${want.footnote}`);
  });
});

describe('renderDocument', () => {
  it('writes a briefing with no marking, no sources and empty or column-less tables in every format', async () => {
    const document: BriefingDocument = {
      ...briefingFixture('ru'),
      marking: null,
      subtitle: '',
      footnotes: [],
      blocks: [
        { type: 'heading', level: 1, text: 'Торговля' },
        { type: 'table', caption: 'Таблица без граф', header: [], rows: [], align: [] },
        { type: 'table', caption: 'Таблица 1. Пусто', header: ['Товар', 'Доля'], rows: [], align: ['left', 'right'] },
        { type: 'list', items: [] },
      ],
    };
    const pdf = await renderDocument(document, 'pdf');
    const { totalPages, text } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
    expect(totalPages).toBe(1);
    expect(flat(text)).toContain('Таблица без граф');
    expect(flat(text)).not.toContain('Для служебного пользования');
    const docx = await renderDocument(document, 'docx');
    expect(flat((await mammoth.extractRawText({ buffer: docx.bytes })).value)).toContain('Таблица 1. Пусто Товар Доля');
    const html = (await renderDocument(document, 'html')).bytes.toString('utf8');
    expect(html).not.toContain('class="marking"');
    expect(html).not.toContain('class="notes"');
    const md = (await renderDocument(document, 'md')).bytes.toString('utf8');
    expect(md).toBe(
      '# Справка к переговорам Республики Беларусь и Курской области\n\n## Торговля\n\nТаблица без граф\n\n' +
        '**Таблица 1. Пусто**\n\n| Товар | Доля |\n| :--- | ---: |\n',
    );
  });

  it('refuses a format it does not know, naming the ones it does', async () => {
    const attempt = renderDocument(briefingFixture('en'), 'odt' as BriefingFormat);
    await expect(attempt).rejects.toBeInstanceOf(AccordError);
    await expect(attempt).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      problems: [{ path: 'format', message: 'Use one of: docx, pdf, html, md' }],
    });
  });

  it('names files in Latin letters from the title and the as-of day', async () => {
    const file = await renderDocument(
      { ...briefingFixture('ru'), title: 'Справка: Курская область / «ёж» <b>' },
      'pdf',
    );
    expect(file.fileName).toBe('spravka-kurskaya-oblast-ezh-b_2017-12-04.pdf');
    const empty = await renderDocument({ ...briefingFixture('en'), title: '../../', asOf: 'bad' }, 'md');
    expect(empty.fileName).toBe('briefing.md');
  });
});
