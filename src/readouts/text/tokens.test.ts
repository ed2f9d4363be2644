import { describe, expect, it } from 'vitest';
import { tokenize } from './tokens.ts';

const shape = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);

describe('tokenize', () => {
  it('keeps hyphenated words and an inflected name whole', () => {
    expect(shape('Губернатор Курской области посетил Санкт-Петербург и МАЗ-5440.')).toEqual([
      'word:Губернатор',
      'word:Курской',
      'word:области',
      'word:посетил',
      'word:Санкт-Петербург',
      'word:и',
      'word:МАЗ-5440',
      'punct:.',
    ]);
  });

  it("keeps the possessive apostrophe with Belarus’ and Russia's but not a closing quote", () => {
    expect(shape("Belarus’ partner, Russia's region and ‘Belarus’ in quotes")).toEqual([
      'word:Belarus’',
      'word:partner',
      'punct:,',
      "word:Russia's",
      'word:region',
      'word:and',
      'punct:‘',
      'word:Belarus',
      'punct:’',
      'word:in',
      'word:quotes',
    ]);
  });

  it('reads decimal, grouped and glued numbers', () => {
    expect(shape('$96.3 million, 96,3 млн, 1.844.036.360,12 руб., 5,3млн, 1 250 тыс. in 2017 10 times')).toEqual([
      'punct:$',
      'number:96.3',
      'word:million',
      'punct:,',
      'number:96,3',
      'word:млн',
      'punct:,',
      'number:1.844.036.360,12',
      'word:руб',
      'punct:.',
      'punct:,',
      'number:5,3',
      'word:млн',
      'punct:,',
      'number:1 250',
      'word:тыс',
      'punct:.',
      'word:in',
      'number:2017',
      'number:10',
      'word:times',
    ]);
  });

  it('gives UTF-16 offsets into the text, punctuation one mark at a time', () => {
    const text = '«БелАЗ» — +40.5%';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(['«', 'БелАЗ', '»', '—', '+', '40.5', '%']);
  });
});
