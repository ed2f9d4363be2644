import { createRequire } from 'node:module';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { AccordError } from '../../core/errors.ts';
import { readReadoutFile, type ReadoutFile } from './file.ts';
import { readoutHash } from './text.ts';

const require = createRequire(import.meta.url);
const cyrillicFont = require.resolve('@expo-google-fonts/pt-sans/400Regular/PTSans_400Regular.ttf');

const english = [
  'Minsk, 5 December 2017',
  'The President of Belarus held talks with the Governor of Kursk Oblast.',
  'Trade grew by 40.5% to $96.3 million in January–September 2017.',
];
const russian = [
  'Минск, 5 декабря 2017 г.',
  'Президент Беларуси провёл переговоры с губернатором Курской области.',
  'Товарооборот вырос на 40,5% и составил 96,3 млн долларов.',
];

async function refusal(file: ReadoutFile) {
  try {
    await readReadoutFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(AccordError);
    const accord = error as AccordError;
    return {
      status: accord.status,
      code: accord.problems[0]?.code,
      params: accord.problems[0]?.params,
      message: accord.message,
    };
  }
  throw new Error(`expected ${file.fileName} to be refused`);
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Windows-1251 as older Windows editors save Russian: А–я at C0–FF, Ё and ё at A8 and B8. */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.codePointAt(0)!;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (char === 'Ё') return 0xa8;
    if (char === 'ё') return 0xb8;
    if (char === '—') return 0x97;
    if (char === '«') return 0xab;
    if (char === '»') return 0xbb;
    if (code < 0x80) return code;
    throw new Error(`no Windows-1251 byte for ${char}`);
  });
}

async function docxOf(paragraphs: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph({ children: [new TextRun(text)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

function pdfOf(draw: (doc: PDFKit.PDFDocument) => void, info: PDFKit.DocumentInfo = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ info });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

const textPdf = (lines: string[]) =>
  pdfOf(
    (doc) => {
      doc.font(cyrillicFont).fontSize(11);
      for (const line of lines) doc.text(line).moveDown();
    },
    { Title: 'Talks in Minsk' },
  );

describe('reading a readout from a text file', () => {
  it('reads UTF-8 and drops its byte order mark', async () => {
    const bytes = utf8(`\ufeff${russian.join('\r\n\r\n')}\r\n`);
    expect(await readReadoutFile({ fileName: 'readout.txt', bytes })).toEqual({
      text: russian.join('\n\n'),
      format: 'txt',
      title: null,
    });
  });

  it('reads a Russian file saved in Windows-1251', async () => {
    const text = `${russian.join('\n')}\nРоль «Белшины» — ключевая, отметил он. Её шины ждут в Курске.`;
    const read = await readReadoutFile({ fileName: 'сообщение.txt', bytes: windows1251(text.replace(/–/g, '-')) });
    expect(read.text).toBe(text.replace(/–/g, '-'));
  });

  it('refuses a text file in another character set, naming the file and the line', async () => {
    const latin1 = Uint8Array.from('Talks\nin Minsk with the Governor of Kursk.\nCôte d’Ivoire', (c) =>
      c === '’' ? 0x92 : c.charCodeAt(0),
    );
    const refused = await refusal({ fileName: 'notes.txt', bytes: latin1 });
    expect(refused).toMatchObject({ status: 422, code: 'not_utf8', params: { fileName: 'notes.txt', line: 3 } });
    expect(refused.message).toMatch(/^notes\.txt is not UTF-8 text: line 3 .*save it as UTF-8/);
  });
});

describe('reading a readout from a web page', () => {
  it('reads the article of a saved page, with its headline as the title', async () => {
    const html = `<html><head><title>News | Press Service</title></head><body><nav>Home · News</nav>
      <article><h1>Talks with the Governor</h1>${english.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
    expect(await readReadoutFile({ fileName: 'talks.html', bytes: utf8(html) })).toEqual({
      text: ['Talks with the Governor', ...english].join('\n\n'),
      format: 'html',
      title: 'Talks with the Governor',
    });
  });

  it('reads a page in the character set it declares', async () => {
    const html = `<html><head><meta charset="windows-1251"></head><body><p>${russian[1]}</p></body></html>`;
    const read = await readReadoutFile({ fileName: 'page.htm', contentType: 'text/html', bytes: windows1251(html) });
    expect(read.text).toBe(russian[1]);
  });
});

describe('reading a readout from a Word document', () => {
  it('reads its paragraphs', async () => {
    const read = await readReadoutFile({ fileName: 'readout.docx', bytes: await docxOf(russian) });
    expect(read).toEqual({ text: russian.join('\n\n'), format: 'docx', title: null });
  });

  it('refuses a damaged Word document, naming the file', async () => {
    const whole = await docxOf(english);
    const refused = await refusal({ fileName: 'broken.docx', bytes: whole.subarray(0, whole.length / 2) });
    expect(refused).toMatchObject({ status: 422, code: 'file_unreadable', params: { fileName: 'broken.docx' } });
    expect(refused.message).toMatch(/^broken\.docx cannot be read as a Word document/);
  });

  it('refuses a zip archive that is not a Word document', async () => {
    const { zipSync } = await import('fflate');
    const zip = zipSync({ 'notes.txt': utf8(english.join('\n')) });
    const refused = await refusal({ fileName: 'archive.docx', bytes: zip });
    expect(refused).toMatchObject({ code: 'file_unreadable', params: { reason: 'not_a_word_document' } });
    expect(refused.message).toMatch(/archive\.docx is a zip archive but not a Word document/);
  });
});

describe('reading a readout from a PDF', () => {
  it('reads the text layer in English and in Russian, with the PDF’s title', async () => {
    const en = await readReadoutFile({ fileName: 'readout.pdf', bytes: await textPdf(english) });
    expect(en).toEqual({ text: english.join('\n\n'), format: 'pdf', title: 'Talks in Minsk' });
    const ru = await readReadoutFile({ fileName: 'readout.pdf', bytes: await textPdf(russian) });
    expect(ru.text).toBe(russian.join('\n\n'));
  });

  it('joins the lines a paragraph was wrapped into, and keeps a dateline and a signature on lines of their own', async () => {
    const paragraph = `${russian[1]} ${russian[2]} `.repeat(3).trim();
    const bytes = await pdfOf((doc) => {
      doc.font(cyrillicFont).fontSize(11).text(russian[0]!).text(paragraph, { width: 300 }).moveDown();
      doc.text(paragraph, { width: 300 }).moveDown().text('Пресс-служба губернатора').text('05.12.2017');
    });
    expect((await readReadoutFile({ fileName: 'wrapped.pdf', bytes })).text).toBe(
      `${russian[0]}\n${paragraph}\n\n${paragraph}\n\nПресс-служба губернатора\n05.12.2017`,
    );
  });

  it('puts a blank line between pages', async () => {
    const bytes = await pdfOf((doc) => {
      doc.font(cyrillicFont).text(english[1]!);
      doc.addPage().text(english[2]!);
    });
    expect((await readReadoutFile({ fileName: 'two-pages.pdf', bytes })).text).toBe(`${english[1]}\n\n${english[2]}`);
  });

  it('refuses a PDF that has no text layer, saying to paste the text', async () => {
    const scan = await pdfOf((doc) => {
      doc.rect(50, 50, 400, 20).fill('#222');
      doc.rect(50, 90, 380, 20).fill('#222');
    });
    const refused = await refusal({ fileName: 'scan.pdf', bytes: scan });
    expect(refused).toMatchObject({
      status: 422,
      code: 'pdf_without_text',
      params: { fileName: 'scan.pdf', pages: 1 },
    });
    expect(refused.message).toMatch(
      /^scan\.pdf has no text layer.*paste the readout’s text, or upload a file with a text layer/,
    );
  });

  it('refuses a damaged PDF, naming the file', async () => {
    const whole = await textPdf(english);
    const refused = await refusal({ fileName: 'cut.pdf', bytes: whole.subarray(0, 400) });
    expect(refused).toMatchObject({ code: 'file_unreadable', params: { fileName: 'cut.pdf', format: 'pdf' } });
    expect(refused.message).toMatch(/^cut\.pdf cannot be read as a PDF/);
  });
});

describe('telling a file’s type', () => {
  it('reads a PDF named .docx as the PDF it is', async () => {
    const read = await readReadoutFile({ fileName: 'readout.docx', bytes: await textPdf(english) });
    expect(read.format).toBe('pdf');
    expect(read.text).toBe(english.join('\n\n'));
  });

  it('reads a Word document named .txt as the Word document it is', async () => {
    const read = await readReadoutFile({ fileName: 'readout.txt', bytes: await docxOf(english) });
    expect(read).toMatchObject({ format: 'docx', text: english.join('\n\n') });
  });

  it('takes the type from the content type when the name has no extension', async () => {
    const read = await readReadoutFile({
      fileName: 'blob',
      contentType: 'text/plain; charset=utf-8',
      bytes: utf8(english.join('\n')),
    });
    expect(read.format).toBe('txt');
  });

  it('reads a PDF sent without a name’s extension or a content type by its bytes', async () => {
    const read = await readReadoutFile({
      fileName: 'blob',
      contentType: 'application/octet-stream',
      bytes: await textPdf(english),
    });
    expect(read.format).toBe('pdf');
  });

  it('says a file named .pdf that holds neither a PDF nor text cannot be read as a PDF', async () => {
    const refused = await refusal({
      fileName: 'report.pdf',
      bytes: Uint8Array.from([0x00, 0xff, 0x13, 0x80, 0x00, 0x91]),
    });
    expect(refused).toMatchObject({ code: 'file_unreadable', params: { format: 'pdf' } });
    expect(refused.message).toMatch(/^report\.pdf cannot be read as a PDF/);
  });

  it('refuses a type Accord does not read, listing those it does', async () => {
    for (const fileName of ['table.xlsx', 'readout.rtf', 'blob']) {
      const refused = await refusal({ fileName, bytes: utf8(english.join('\n')) });
      expect(refused).toMatchObject({
        status: 422,
        code: 'unsupported_file_type',
        params: { accepted: ['.txt', '.html', '.htm', '.docx', '.pdf'] },
      });
      expect(refused.message).toContain('.txt, .html, .htm, .docx, .pdf');
    }
  });

  it('refuses an image or an old .doc named as a readout, saying what it is', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await refusal({ fileName: 'photo.pdf', bytes: png })).message).toMatch(/photo\.pdf is a PNG image/);
    const doc = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await refusal({ fileName: 'old.docx', bytes: doc })).message).toMatch(
      /old Word \(\.doc\).*save it as \.docx/,
    );
  });
});

describe('the same readout in any format', () => {
  it('gives the same text, and so the same hash, from .txt, .html, .docx and .pdf', async () => {
    const paragraphs = [...russian, `${english[1]} ${english[2]}`.repeat(4)];
    const html = `<!doctype html><title>x</title><body><header>Сайт</header><main>${paragraphs
      .map((p) => `<p>${p.replace(/%/g, '&#37;')}</p>`)
      .join('\n')}</main></body>`;
    const pdf = await pdfOf((doc) => {
      doc.font(cyrillicFont).fontSize(11);
      for (const p of paragraphs) doc.text(p).moveDown();
    });
    const texts = await Promise.all([
      readReadoutFile({ fileName: 'a.txt', bytes: utf8(paragraphs.join('\r\n\r\n')) }),
      readReadoutFile({ fileName: 'a.html', bytes: utf8(html) }),
      readReadoutFile({ fileName: 'a.docx', bytes: await docxOf(paragraphs) }),
      readReadoutFile({ fileName: 'a.pdf', bytes: pdf }),
    ]);
    expect(new Set(texts.map((read) => readoutHash(read.text))).size).toBe(1);
    expect(texts[3]!.text).toBe(paragraphs.join('\n\n'));
  });
});

describe('the size of an upload', () => {
  it('refuses a 50 MB upload before reading it, saying the limit', async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024).fill(0x25);
    const started = performance.now();
    const refused = await refusal({ fileName: 'huge.pdf', bytes });
    expect(performance.now() - started).toBeLessThan(50);
    expect(refused).toMatchObject({ status: 413, code: 'too_big', params: { maximum: 10 * 1024 * 1024 } });
    expect(refused.message).toBe(
      'huge.pdf is 50.0 MB; a readout file may be at most 10.0 MB: upload the readout alone, or paste its text',
    );
  });
});
