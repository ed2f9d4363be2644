import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findStatedDate } from './dates.ts';
import { readReadoutFile } from './file.ts';
import { checkReadoutText, readoutHash } from './text.ts';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url));

describe('a readout uploaded as a file, from bytes to the text Accord keeps', () => {
  it('reads a regional committee’s web page: the article, its headline and its dateline', async () => {
    const bytes = await fixture('gomel-visit.en.html');
    const read = await readReadoutFile({ fileName: 'gomel-visit.html', contentType: 'text/html', bytes });
    expect(read.format).toBe('html');
    expect(read.title).toBe('Governor of Bryansk Oblast visits Gomel');
    expect(read.text.split('\n\n').slice(0, 2)).toEqual([
      'Governor of Bryansk Oblast visits Gomel',
      'Gomel, 14\u00a0March 2019',
    ]);
    expect(read.text).toContain('reached $412.7\u00a0million in 2018, up 12.4% on the year before.');
    expect(read.text).toContain('invited each other’s enterprises');
    for (const gone of ['Contacts', 'Home »', 'Related news', 'Spring sowing', 'All rights', 'analytics', 'Draft']) {
      expect(read.text).not.toContain(gone);
    }
    expect(() => checkReadoutText(read.text)).not.toThrow();
    expect(findStatedDate(read.text, 'en')?.date).toBe('2019-03-14');
  });

  it('reads a Russian text file: paragraphs tidied, the date from its signature', async () => {
    const bytes = await fixture('vitebsk-smolensk.ru.txt');
    const read = await readReadoutFile({ fileName: 'встреча.txt', bytes });
    expect(read.text).not.toMatch(/\n{3}| \n/);
    expect(read.text.endsWith('Пресс-служба Витебского облисполкома\n22.11.2019')).toBe(true);
    expect(() => checkReadoutText(read.text)).not.toThrow();
    const date = findStatedDate(read.text, 'ru')!;
    expect(date.date).toBe('2019-11-22');
    expect(read.text.slice(date.start, date.end)).toBe('22.11.2019');
  });

  it('knows the same Russian readout again when it is pasted with other spacing', async () => {
    const read = await readReadoutFile({ fileName: 'встреча.txt', bytes: await fixture('vitebsk-smolensk.ru.txt') });
    const pasted = `\n  \n${read.text.replace(/\n\n/g, '\t\r\n \r\n\r\n').replace(/\n/g, '  \n')}\r\n`;
    expect(readoutHash(pasted)).toBe(readoutHash(read.text));
  });
});
