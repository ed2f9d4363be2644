import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createTestDatabase, engines, type TestDatabase } from '../../../test/support/engines.ts';
import { flowsOf } from '../../../test/support/trade.ts';
import { getDataset } from '../datasets/service.ts';
import { CsvEncodingError, readCsv } from './csv.ts';
import { getImportJob, startImportJob, uploadTarget } from './jobs.ts';
import { importTradeFile, type ImportRequest } from './service.ts';
import type { ImportNote } from '../model.ts';
import { failure } from '../../../test/support/failure.ts';

/** The notes of a report but the one every file of a revision without its nomenclature gets. */
function besidesHs(notes: unknown): ImportNote[] {
  return (notes as ImportNote[]).filter((note) => note.code !== 'hs-unverified');
}

/**
 * Files as they arrive in practice: saved as "Unicode text" (UTF-16) or in a Russian office's
 * Windows-1251, a PDF or an archive picked by mistake, a download cut short. Each is made from a small
 * file of the real layout in test/fixtures/trade/real/.
 */
const real = fileURLToPath(new URL('../../../test/fixtures/trade/real/', import.meta.url));
const fixture = (name: string) => path.join(real, name);
const comtradeText = fs.readFileSync(fixture('encodings-comtrade.csv'), 'utf8');
const baciText = fs.readFileSync(fixture('encodings-baci.csv'), 'utf8');
const customsText = fs.readFileSync(fixture('encodings-customs.csv'), 'utf8');
const customsMapping = parseYaml(fs.readFileSync(fixture('encodings-customs.yaml'), 'utf8')) as Record<string, unknown>;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-real-encodings-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

const kinds = { comtrade: 'comtrade', baci: 'baci', mapped: 'official_customs' } as const;

function request(format: 'comtrade' | 'baci' | 'mapped', file: string, name: string): ImportRequest {
  return {
    format,
    file,
    dataset: { name, kind: kinds[format], source: 'test fixture' },
    ...(format === 'mapped' ? { mapping: customsMapping } : {}),
  };
}

/** The rows of a dataset without the line they came from, to compare files of different line layouts. */
async function rowsOf(database: TestDatabase, name: string) {
  return (await flowsOf(database.db, name)).map(({ sourceLine: _, ...row }) => row);
}

const largest = 'at most 90,071,992,547,409.91 US dollars';

/** Text in Windows-1251, as Russian offices save it: Cyrillic letters are one byte each, C0 to FF. */
function windows1251(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return code;
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
      if (code === 0x401 || code === 0x451) return code === 0x401 ? 0xa8 : 0xb8;
      throw new Error(`${c} is not written in this test's Windows-1251`);
    }),
  );
}

describe('reading CSV bytes as UTF-8', () => {
  const read = async (chunks: Buffer[]) => {
    const records = [];
    for await (const batch of readCsv(Readable.from(chunks))) records.push(...batch);
    return records;
  };

  it('takes a character split between two chunks of the file, and marks a last record without a line break', async () => {
    const bytes = Buffer.from('Страна,v\nБеларусь,"1"\nРоссия,2');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const records = await read([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(records, `cut at ${cut}`).toEqual([
        { line: 1, fields: ['Страна', 'v'] },
        { line: 2, fields: ['Беларусь', '1'] },
        { line: 3, fields: ['Россия', '2'], unterminated: true },
      ]);
    }
    expect(await read([Buffer.from('a,b\n"1","2"')])).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'], unterminated: true },
    ]);
  });

  it('refuses a byte that is not UTF-8 with its line, wherever the chunks are cut', async () => {
    const bytes = Buffer.concat([Buffer.from('a,b\n"x\ny",1\nÜ,2\n'), Buffer.from([0x41, 0xfc, 0x2c, 0x33, 0x0a])]);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const error = await read([bytes.subarray(0, cut), bytes.subarray(cut)]).catch((e: unknown) => e);
      expect(error, `cut at ${cut}`).toBeInstanceOf(CsvEncodingError);
      expect((error as CsvEncodingError).message).toBe('line 5: byte FC, which is not UTF-8');
    }
    const cutShort = await read([Buffer.from('a,b\nx,'), Buffer.from([0xd0])]).catch((e: unknown) => e);
    expect((cutShort as CsvEncodingError).message).toBe('line 2: a character cut short by the end of the file');
  });
});

for (const engine of engines) {
  describe(`real files: encodings and broken files [${engine}]`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await database?.drop();
    });

    describe('character sets', () => {
      it('reads a UN Comtrade file saved as UTF-16, with a byte order mark or without, little- or big-endian', async () => {
        await importTradeFile(database, request('comtrade', fixture('encodings-comtrade.csv'), 'utf-8 comtrade'));
        const expected = await flowsOf(database.db, 'utf-8 comtrade');
        expect(expected.map((f) => `${f.sourceLine} ${f.partner} ${f.flow} ${f.hsCode} ${f.valueCents}`)).toEqual([
          '2 RU X 270900 7125000000',
          '3 TR X 720839 218740055',
          '4 CN M 8471 96431020',
        ]);
        const variants = {
          'utf-16le with bom': Buffer.from(`\uFEFF${comtradeText}`, 'utf16le'),
          'utf-16le without bom': Buffer.from(comtradeText, 'utf16le'),
          'utf-16be with bom': utf16be(`\uFEFF${comtradeText}`),
          'gzipped utf-16le': gzipSync(Buffer.from(`\uFEFF${comtradeText}`, 'utf16le')),
        };
        for (const [name, bytes] of Object.entries(variants)) {
          const report = await importTradeFile(database, request('comtrade', write(`${name}.csv`, bytes), name));
          expect(report, name).toMatchObject({ imported: true, rowsImported: 3, rowsSkipped: 1 });
          expect(await flowsOf(database.db, name), name).toEqual(expected);
        }
      });

      it('reads a UTF-16 BACI file as its UTF-8 twin', async () => {
        const file = write('baci-utf16.csv', Buffer.from(`\uFEFF${baciText}`, 'utf16le'));
        const report = await importTradeFile(database, request('baci', file, 'baci utf-16'));
        expect(report).toMatchObject({ imported: true, rowsImported: 4 });
        await importTradeFile(database, request('baci', write('baci-utf8.csv', baciText), 'baci utf-8'));
        expect(await flowsOf(database.db, 'baci utf-16')).toEqual(await flowsOf(database.db, 'baci utf-8'));
      });

      it('reads a customs table in Windows-1251 when the mapping leaves the encoding unsaid, and says so', async () => {
        await importTradeFile(database, request('mapped', fixture('encodings-customs.csv'), 'customs utf-8'));
        const report = await importTradeFile(
          database,
          request('mapped', fixture('encodings-customs-1251.csv'), 'customs 1251'),
        );
        expect(report).toMatchObject({ imported: true, rowsImported: 3 });
        expect(besidesHs(report.notes)).toEqual([expect.objectContaining({ code: 'encoding-guessed' })]);
        expect(report.notes[0]!.message).toContain('read as Windows-1251');
        const rows = await rowsOf(database, 'customs 1251');
        expect(rows).toEqual(await rowsOf(database, 'customs utf-8'));
        expect(rows.map((r) => `${r.period} ${r.flow} ${r.hsCode} ${r.valueCents}`)).toEqual([
          '201903 X 440710 18450000',
          '201903 M 040210 9621050',
          '201904 X 870421 125000000',
        ]);
        // Said in the mapping, it is read without a note.
        const said = await importTradeFile(database, {
          ...request('mapped', fixture('encodings-customs-1251.csv'), 'customs 1251 said'),
          mapping: { ...customsMapping, encoding: 'windows-1251' },
        });
        expect(said).toMatchObject({ imported: true, rowsImported: 3 });
        expect(besidesHs(said.notes)).toEqual([]);
      });

      it('refuses a Windows-1251 file whose mapping says utf-8, naming the line and the encoding option', async () => {
        const error = await failure(
          importTradeFile(database, {
            ...request('mapped', fixture('encodings-customs-1251.csv'), 'customs said utf-8'),
            mapping: { ...customsMapping, encoding: 'utf-8' },
          }),
        );
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.message).toMatch(/^the file is not UTF-8: line 1 has byte [0-9A-F]{2}, which is not UTF-8/);
        expect(error.message).toContain('set encoding: windows-1251 in the mapping');
        expect(await getDataset(database.db, 'customs said utf-8').catch(() => null)).toBeNull();
      });

      it('refuses bytes that are not UTF-8 far into a file with the line they are on', async () => {
        const lines = comtradeText.trimEnd().split('\n');
        // Past the first megabyte, which is read at once and looked at before any row.
        const filler = Array.from({ length: 4000 }, () => lines[1]!);
        // Windows-1252 writes the ü of Türkiye as one byte, FC.
        const latin = Buffer.from(lines[2]!.replace('Türkiye', 'T\u0000rkiye'), 'utf8');
        latin[latin.indexOf(0)] = 0xfc;
        const file = write(
          'comtrade-latin-late.csv',
          Buffer.concat([Buffer.from([lines[0], ...filler, ''].join('\n')), latin, Buffer.from('\n')]),
        );
        const error = await failure(importTradeFile(database, request('comtrade', file, 'latin late')));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.message).toBe(
          'the file is not UTF-8: line 4002 has byte FC, which is not UTF-8; UN Comtrade files are UTF-8: save it as UTF-8 and import that',
        );
        expect(error.problems).toEqual([expect.objectContaining({ path: 'file', line: 4002 })]);
      });

      it('refuses a UN Comtrade or BACI file in Windows-1251, naming it', async () => {
        const [header, first] = comtradeText.split('\n');
        // The country names as a Russian office writes them, in Windows-1251.
        const russian = first!.replace('Kazakhstan', 'Казахстан').replace('Russian Federation', 'Россия');
        const comtrade = write('comtrade-1251.csv', windows1251(`${header}\n${russian}\n`));
        const error = await failure(importTradeFile(database, request('comtrade', comtrade, 'comtrade 1251')));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.message).toBe(
          'the file is not UTF-8: line 2 has byte CA, which is not UTF-8; it looks like Windows-1251 (Cyrillic), but UN Comtrade files are UTF-8: save it as UTF-8 and import that',
        );
        const baci = write('baci-1251.csv', windows1251(`${baciText}2019,398,643,Нефть,1,1\n`));
        const refused = await failure(importTradeFile(database, request('baci', baci, 'baci 1251')));
        expect(refused.message).toMatch(/^the file is not UTF-8: line 6 .*Windows-1251.*BACI files are UTF-8/);
      });

      it('refuses bytes that are not UTF-8 far into a BACI file with the line they are on', async () => {
        const [header, ...rows] = baciText.trimEnd().split('\n');
        // Past the head of the file, which is looked at before any row.
        const body = Array.from({ length: 2000 }, (_, n) => rows[n % rows.length]).join('\n');
        const file = write(
          'baci-latin.csv',
          Buffer.concat([Buffer.from(`${header}\n${body}\n`), windows1251('2019,398,643,Нефть,1,1\n')]),
        );
        const problem =
          'the file is not UTF-8: line 2002 has byte CD, which is not UTF-8; it looks like Windows-1251 (Cyrillic), but BACI files are UTF-8: save it as UTF-8 and import that';
        const full = await failure(importTradeFile(database, request('baci', file, 'baci latin')));
        expect(full.message).toBe(problem);
      });
    });

    describe('binary files', () => {
      const pdf = Buffer.concat([
        Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'),
        Buffer.alloc(64, 7),
      ]);
      const zip = Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]),
        Buffer.from('BACI_HS92_Y2019_V202401.csv'),
      ]);
      // Bytes of no known format: an executable, a database page.
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + (i >> 3)) % 256));

      it('refuses a PDF, an archive or other bytes given as a CSV as binary, on every format', async () => {
        for (const format of ['comtrade', 'baci', 'mapped'] as const) {
          const fromPdf = await failure(
            importTradeFile(database, request(format, write('report.pdf', pdf), `pdf ${format}`)),
          );
          expect(fromPdf.code).toBe('VALIDATION_FAILED');
          expect(fromPdf.message, format).toBe('the file is binary, not CSV: a PDF document');
          const fromNoise = await failure(
            importTradeFile(database, request(format, write('noise.csv', noise), `noise ${format}`)),
          );
          expect(fromNoise.message, format).toBe('the file is binary, not CSV: it has zero bytes, which no text has');
          expect(await getDataset(database.db, `pdf ${format}`).catch(() => null)).toBeNull();
        }
        for (const format of ['comtrade', 'baci'] as const) {
          const fromZip = await failure(
            importTradeFile(database, request(format, write('baci.zip', zip), `zip ${format}`)),
          );
          expect(fromZip.message).toBe(
            'the file is binary, not CSV: a zip archive (unpack it and import the CSV inside)',
          );
        }
      });

      it('names the columns of a file lacking some without printing control bytes', async () => {
        const file = write('odd-header.csv', 'per\u0007iod,reporter\u001bISO,' + 'x'.repeat(200) + '\n2019,KAZ,1\n');
        const error = await failure(importTradeFile(database, request('comtrade', file, 'odd header')));
        expect(error.message).toContain('(its columns: per\\u0007iod, reporter\\u001bISO, xxxxxxxx');
        expect(error.message).toContain('… (200 characters))');
        expect([...error.message].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
      });
    });

    describe('amounts', () => {
      it('says a value is too large for exact cents rather than not a number, on every format and path', async () => {
        const lines = comtradeText.split('\n');
        const comtrade = write(
          'comtrade-huge.csv',
          [lines[0], lines[1]!.replace(/71250000\.00,71250000\.00/, '1e15,1e15'), lines[2], ''].join('\n'),
        );
        const error = await failure(importTradeFile(database, request('comtrade', comtrade, 'huge comtrade')));
        expect(error.code).toBe('IMPORT_ROW_INVALID');
        expect(error.problems.map((p) => `${p.line} ${p.column} ${p.message}`)).toEqual([
          `2 primaryValue the value is too large: ${largest} (value: 1e15)`,
        ]);
        const baci = write(
          'baci-huge.csv',
          `${baciText}2019,398,643,270900,95000000000000,1\n2019,398,643,270900,-95000000000000,1\n`,
        );
        const problems = [
          `6 v the value is too large: ${largest} (value: 95000000000000)`,
          '7 v the value is negative (value: -95000000000000)',
        ];
        const full = await failure(importTradeFile(database, request('baci', baci, 'huge baci')));
        expect(full.problems.map((p) => `${p.line} ${p.column} ${p.message}`)).toEqual(problems);
        const customs = write('customs-huge.csv', customsText.replace('1 250 000,00', '123 456 789 012 345 678,00'));
        const mapped = await failure(importTradeFile(database, request('mapped', customs, 'huge customs')));
        expect(mapped.problems[0]!.message).toBe(
          `the value is too large: ${largest} (value: 123 456 789 012 345 678,00)`,
        );
      });
    });

    describe('broken files', () => {
      const cuts = (bytes: Buffer) => ({
        middle: bytes.subarray(0, bytes.length >> 1),
        'last bytes': bytes.subarray(0, bytes.length - 3),
      });

      it('refuses a gzip file cut short as a broken archive, on every format', async () => {
        const texts = { comtrade: comtradeText, baci: baciText, mapped: customsText };
        for (const format of ['comtrade', 'baci', 'mapped'] as const) {
          for (const [where, bytes] of Object.entries(cuts(gzipSync(texts[format])))) {
            const file = write(`${format}-cut.csv.gz`, bytes);
            const error = await failure(
              importTradeFile(database, request(format, file, `cut gzip ${format} ${where}`)),
            );
            expect(error.code, `${format}, cut in the ${where}`).toBe('VALIDATION_FAILED');
            expect(error.message).toMatch(
              /-cut\.csv\.gz starts as a gzip file but cannot be unpacked: unexpected end of file$/,
            );
          }
        }
      });

      it('fails an import job of a gzip file cut short as the file’s fault, not the server’s', async () => {
        const upload = uploadTarget('comtrade-2019.csv.gz');
        fs.writeFileSync(upload.file, cuts(gzipSync(comtradeText))['last bytes']);
        const job = startImportJob(database, upload, {
          format: 'comtrade',
          fileName: 'comtrade-2019.csv.gz',
          dataset: { name: 'cut job', kind: 'comtrade', source: 'upload' },
        });
        await expect.poll(() => getImportJob(job.id).status, { timeout: 10_000 }).toBe('failed');
        expect(getImportJob(job.id).error).toMatchObject({
          code: 'VALIDATION_FAILED',
          message: 'comtrade-2019.csv.gz starts as a gzip file but cannot be unpacked: unexpected end of file',
        });
      });

      it('rejects a last line cut short like any bad row, and says the file may be truncated', async () => {
        const comtrade = write(
          'comtrade-cut.csv',
          comtradeText.trimEnd().slice(0, comtradeText.trimEnd().lastIndexOf('38100000000.00') + 5),
        );
        const error = await failure(importTradeFile(database, request('comtrade', comtrade, 'cut comtrade')));
        expect(error.code).toBe('IMPORT_ROW_INVALID');
        expect(error.problems.map((p) => `${p.line} ${p.column}`)).toEqual(['5 (row)']);
        expect(besidesHs(error.details.notes)).toEqual([
          {
            code: 'file-may-be-truncated',
            message:
              'The file may be truncated at line 5: that line, the last, has no line break at its end and its row was rejected.',
          },
        ]);
        const baci = `${baciText}2019,643,398,1001`;
        const expected = [{ code: 'file-may-be-truncated', message: expect.stringContaining('line 6') }];
        const full = await failure(importTradeFile(database, request('baci', write('baci-cut.csv', baci), 'cut baci')));
        expect(besidesHs(full.details.notes)).toEqual(expected);
        expect(full.details.rowsRejected).toBe(1);
        const customs = write('customs-cut.csv', customsText.trimEnd().replace(/;870421;1 250 000,00$/, ';8704'));
        const mapped = await failure(importTradeFile(database, request('mapped', customs, 'cut customs')));
        expect(besidesHs(mapped.details.notes)).toEqual([
          { code: 'file-may-be-truncated', message: expect.stringContaining('line 6') },
        ]);
      });

      it('imports a last line without its line break when its row is sound, and blames no other rejected line on it', async () => {
        const comtrade = await importTradeFile(
          database,
          request('comtrade', write('comtrade-no-eol.csv', comtradeText.trimEnd()), 'no eol comtrade'),
        );
        expect(comtrade).toMatchObject({ imported: true, rowsImported: 3 });
        expect(besidesHs(comtrade.notes)).toEqual([]);
        const baci = write('baci-no-eol.csv', baciText.trimEnd());
        const whole = await importTradeFile(database, request('baci', baci, 'no eol baci'));
        expect(whole).toMatchObject({ imported: true, rowsImported: 4 });
        expect(besidesHs(whole.notes)).toEqual([]);
        const customs = await importTradeFile(
          database,
          request('mapped', write('customs-no-eol.csv', customsText.trimEnd()), 'no eol customs'),
        );
        expect(customs).toMatchObject({ imported: true, rowsImported: 3 });
        expect(besidesHs(customs.notes)).toEqual([]);
        const earlier = write('baci-bad-early.csv', baciText.replace('2019,156,398', '2019,156,1999').trimEnd());
        const error = await failure(importTradeFile(database, request('baci', earlier, 'bad early baci')));
        expect(error.problems.map((p) => `${p.line} ${p.column}`)).toEqual(['4 j']);
        expect(besidesHs(error.details.notes)).toEqual([]);
      });

      it('refuses a file that ends inside a quoted field, saying where it opens and that it may be cut short', async () => {
        const text = comtradeText.trimEnd();
        const file = write('comtrade-open-quote.csv', text.slice(0, text.indexOf('"Flat-rolled') + 12));
        const error = await failure(importTradeFile(database, request('comtrade', file, 'open quote')));
        expect(error.code).toBe('VALIDATION_FAILED');
        expect(error.message).toBe(
          'the file is not valid CSV: line 3: the file ends inside a quoted field that starts on this line: a closing quote is missing, or the file is cut short',
        );
      });
    });
  });
}
