import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { describeHsCode, hsCodeChecker, importHsFile } from './service.ts';
import { failure } from '../../../test/support/failure.ts';

const fixture = fileURLToPath(new URL('../../../test/fixtures/trade/real/H3-layouts.csv', import.meta.url));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hs-layouts-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function write(name: string, content: string): string {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  return file;
}

describeOnEngines('UN Comtrade classification tables in CSV', (ctx) => {
  it('loads Classification,Code,Description,Code Parent,Level, the revision from the file name', async () => {
    const result = await importHsFile(ctx.db, fixture);
    expect(result).toMatchObject({
      revision: 'H3',
      format: 'comtrade-csv',
      chapters: 2,
      headings: 2,
      subheadings: 4,
      skipped: 2,
    });
    // The code UN Comtrade puts before each text is not part of the title.
    expect(await describeHsCode(ctx.db, '010110', 'H3')).toMatchObject({
      level: 'subheading',
      titleEn: 'Horses and asses for breeding',
    });
    // Trade files of HS 2007 are now checked against it: 010121 came with HS 2012.
    const { check } = await hsCodeChecker(ctx.db, 'H3');
    expect(check('870410')).toBeNull();
    expect(check('010121')).toContain('not in the H3 nomenclature');
  });

  it('loads id,text,parent,isLeaf,aggrlevel, and a level-less file by the length of its codes', async () => {
    const withLevels = write(
      'H4.csv',
      'id,text,parent,isLeaf,aggrlevel\nTOTAL,All goods,#,0,0\n01,01 - Live animals,TOTAL,0,2\n' +
        '0101,"0101 - Horses, asses and mules; live",01,0,4\n010121,010121 - Pure-bred horses,0101,1,6\n',
    );
    expect(await importHsFile(ctx.db, withLevels)).toMatchObject({
      revision: 'H4',
      format: 'comtrade-csv',
      chapters: 1,
      headings: 1,
      subheadings: 1,
      skipped: 1,
    });
    const withoutLevels = write('codes.csv', 'id,text,parent\n8704,Goods lorries,87\n870410,Off-road dumpers,8704\n');
    expect(await importHsFile(ctx.db, withoutLevels, { revision: 'H5' })).toMatchObject({
      revision: 'H5',
      headings: 1,
      subheadings: 1,
    });
    const odd = write('H5.csv', 'id,text,parent\n870,Goods lorries,87\n');
    const error = await failure(importHsFile(ctx.db, odd));
    expect(error.problems).toEqual([
      { path: 'level (the length of the code)', line: 2, message: '"3" is not 2, 4 or 6' },
    ]);
  });

  it('asks for the revision when the name does not say it, and lists the layouts read for an unknown one', async () => {
    const unnamed = write('classification.csv', fs.readFileSync(fixture, 'utf8'));
    expect((await failure(importHsFile(ctx.db, unnamed))).message).toContain('--revision');
    const unknown = write('H2.csv', 'cmd,label,up\n01,Live animals,TOTAL\n');
    const error = await failure(importHsFile(ctx.db, unknown));
    expect(error.message).toContain('id,text,parent,isLeaf,aggrlevel');
    expect(error.message).toContain('Classification,Code,Description,Code Parent,Level,isLeaf');
    expect(error.message).toContain('section,hscode,description,parent,level');
    expect(error.message).toContain('Its first line: "cmd,label,up"');
  });
});
