import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv, type CsvRecord } from './csv.ts';

async function parse(text: string | string[], batchSize = 2, maxRecordChars?: number): Promise<CsvRecord[]> {
  const chunks = Array.isArray(text) ? text : [text];
  const out: CsvRecord[] = [];
  for await (const batch of readCsv(Readable.from(chunks.map((c) => Buffer.from(c))), { batchSize, maxRecordChars })) {
    out.push(...batch);
  }
  return out;
}

describe('reading CSV', () => {
  it('splits plain records and numbers their lines', async () => {
    const records = await parse('a,b,c\n1,2,3\r\n4,5,6');
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
      { line: 3, fields: ['4', '5', '6'], unterminated: true },
    ]);
  });

  it('refuses a row longer than the limit at its line, whole or arriving in pieces, quoted or not', async () => {
    const long = 'x'.repeat(120);
    for (const text of [
      `a,b\n1,2\n3,${long}\n5,6\n`,
      [`a,b\n1,2\n3,${long.slice(0, 60)}`, `${long.slice(60)}\n5,6\n`],
      `a,b\n1,2\n3,"${long}\n"\n`,
    ]) {
      const error = await parse(text, 2, 100).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as CsvSyntaxError).message).toMatch(
        /^line 3: the row is longer than 100 characters, which no trade table's row is; it starts: "3,(\\")?x{37,38}"…$/,
      );
    }
    expect(await parse(`a,b\n1,${'y'.repeat(90)}\n`, 2, 100)).toHaveLength(2);
  });

  it('keeps separators, doubled quotes and line breaks inside quoted fields', async () => {
    const records = await parse('code,title\n8704,"Motor vehicles; ""dumpers"", for\noff-highway use"\n4011,Tyres\n');
    expect(records[1]).toEqual({ line: 2, fields: ['8704', 'Motor vehicles; "dumpers", for\noff-highway use'] });
    expect(records[2]).toEqual({ line: 4, fields: ['4011', 'Tyres'] });
  });

  it('detects semicolons and tabs from the header and drops a byte-order mark', async () => {
    expect((await parse('\uFEFFпериод;страна\n2017-01;RU-KRS\n'))[1]!.fields).toEqual(['2017-01', 'RU-KRS']);
    expect((await parse('a\tb\n1\t2\n'))[1]!.fields).toEqual(['1', '2']);
  });

  it('gives the same records whatever the chunk boundaries, even inside a multi-byte letter', async () => {
    const text = 'a,b\n"x,\n""y""",Курск\n3,4\n';
    const bytes = Buffer.from(text);
    const whole = await parse(text);
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const records: CsvRecord[] = [];
      const stream = Readable.from([bytes.subarray(0, cut), bytes.subarray(cut)]);
      for await (const batch of readCsv(stream)) records.push(...batch);
      expect(records, `cut at byte ${cut}`).toEqual(whole);
    }
  });

  it('reports a quote that is never closed with the line it opened on', async () => {
    await expect(parse('a,b\n1,"open\n2,3\n')).rejects.toBeInstanceOf(CsvSyntaxError);
  });
});
