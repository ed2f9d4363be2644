import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FlowRow, ParsedBatch, RowProblem } from '../model.ts';
import { parseBaci, type BaciOptions } from './baci.ts';
import { parseBaciFast } from './baci-fast.ts';
import { rowsOfBlock } from '../../../test/support/trade.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-baci-fast-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Every row and problem a reader gives, rows read back from the blocks where it built them. */
async function readAll(
  batches: AsyncIterable<ParsedBatch>,
): Promise<{ rows: FlowRow[]; problems: RowProblem[]; parts: number }> {
  const rows: FlowRow[] = [];
  const problems: RowProblem[] = [];
  let parts = 0;
  for await (const batch of batches) {
    problems.push(...batch.problems);
    rows.push(...batch.rows);
    for (const built of batch.parts ?? []) {
      parts += 1;
      const back = built.part.blocks.flatMap((block) => rowsOfBlock(block));
      expect(back.length).toBe(built.part.rows);
      for (const { sourceLine, ...row } of back) rows.push({ line: sourceLine, ...row } as FlowRow);
      built.done?.([]);
    }
  }
  return { rows: rows.sort((a, b) => a.line - b.line), problems, parts };
}

const options: BaciOptions = {
  hsRevision: 'H5',
  checkHsCode: (code) => (code === '999999' ? 'not in HS 2017' : null),
};

/**
 * Reads a file with several threads (tiny chunks and parts, so there are many) and with the full reader,
 * and compares.
 */
async function bothWays(name: string, content: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  const reading = { from: 0, chunkBytes: 64, rowsHeld: 100 };
  const threaded = await readAll(parseBaciFast(file, options, reading)(fs.createReadStream(file)));
  const full = await readAll(parseBaci(options)(fs.createReadStream(file)));
  return { threaded, full };
}

/** Lines the threads leave to the full reader that it accepts. */
const readable = [
  '2017,112,643,870410,99000.5,1300',
  '2017,112,643,010121, 12.5 ,        NA',
  '2017,112,643,010121,7,3\r',
  '',
  '201702,112,643,870410,1,',
];

/** Lines with a cell the full reader refuses. */
const refused = [
  '2017,1000,643,870410,1,1',
  '2017,0112,643,870410,1,1',
  '2017,112,643,12345678,1,1',
  '2017,112,643,999999,1,1',
  '2017,112,643,870410,-5,1',
  '2017,112,643,870410,1.123456,1',
  '2017,112,643,870410,1,1e3',
  '2017,112,643',
  '2017-01,112,643,870410,1,1',
  '201713,112,643,870410,1,1',
  '201702,112,643,870410,,1',
  '2017,112,643,870410,12,abc',
  '2017,112,643,870410,1,1,extra',
  '2017,112,643,87 04 10,1,1',
  '2017,112,643,8704,2,',
  '2017,112,643,87,2,',
];

/** 400 plain lines with the special ones spread among them. */
function withSpecial(special: string[]): string[] {
  const lines = Array.from(
    { length: 400 },
    (_, n) =>
      `2017,${n % 2 ? 112 : 643},${n % 2 ? 643 : 112},${String(10_121 + n).padStart(6, '0')},${n}.5,${n % 7 === 0 ? 'NA' : `${n}.25`}`,
  );
  special.forEach((line, i) => lines.splice(17 * i + 5, 0, line));
  return lines;
}

describe('BACI read by several threads', () => {
  it('gives the rows the full reader gives, plain lines or not, line for line', async () => {
    const { threaded, full } = await bothWays('odd.csv', `t,i,j,k,v,q\n${withSpecial(readable).join('\n')}\n`);
    expect(threaded.parts).toBeGreaterThan(4);
    expect(threaded.problems).toEqual([]);
    expect(threaded.rows).toEqual(full.rows);
    expect(threaded.rows.length).toBe(400 + readable.filter((line) => line !== '').length);
  });

  it('reports every rejected cell the full reader reports, line for line', async () => {
    const { threaded, full } = await bothWays(
      'mixed.csv',
      `t,i,j,k,v,q\n${withSpecial([...readable, ...refused]).join('\n')}\n`,
    );
    expect(full.problems.length).toBeGreaterThan(10);
    expect(threaded.problems).toEqual(full.problems);
  });

  it('reads columns in any order, a last line without a newline, and Windows line ends', async () => {
    const body = ['q,v,k,j,i,t', '5,10.5,870410,643,112,2017', '6,11,010121,112,643,201703'].join('\r\n');
    const { threaded, full } = await bothWays('reordered.csv', body);
    expect(threaded.parts).toBeGreaterThan(0);
    expect({ ...threaded, parts: 0 }).toEqual(full);
    expect(threaded.rows.map((r) => [r.line, r.reporter, r.partner, r.period, r.valueCents])).toEqual([
      [2, 'BY', 'RU', 201700, 1_050_000],
      [3, 'RU', 'BY', 201703, 1_100_000],
    ]);
  });

  it('leaves a file with quotes to the full reader, since a quoted field may span lines', async () => {
    const body = 't,i,j,k,v,q\n2017,112,643,"870410",1,1\n2017,112,643,870410,"1\n2",1\n';
    const { threaded, full } = await bothWays('quoted.csv', body);
    expect(threaded.parts).toBe(0);
    expect(threaded).toEqual(full);
    // Quotes far into the file, found while the threads are well under way: none of their work is passed on.
    const plain = Array.from({ length: 400 }, (_, n) => `2017,112,643,870410,${n + 1},1`);
    const late = ['t,i,j,k,v,q', ...plain, '2017,643,112,010121,"5\n6",2', ''].join('\n');
    const lateWays = await bothWays('quoted-late.csv', late);
    expect(lateWays.threaded.parts).toBe(0);
    expect(lateWays.threaded).toEqual(lateWays.full);
    expect(lateWays.full.rows).toHaveLength(401);
  });
});
