import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccordError } from '../../core/errors.ts';
import { checkReadoutText, normalizeReadoutText, readoutHash } from './text.ts';

function refusal(run: () => unknown): { code: string; problem: string | undefined; params: unknown; message: string } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AccordError);
    const accord = error as AccordError;
    return {
      code: accord.code,
      problem: accord.problems[0]?.code,
      params: accord.problems[0]?.params,
      message: accord.message,
    };
  }
  throw new Error('expected a refusal');
}

const englishReadout =
  'Minsk, 5 December 2017\n\nThe President of Belarus held talks with the Governor of Kursk Oblast. ' +
  'Trade between Belarus and the region grew by 40.5% in January–September 2017 to $96.3 million.';
const russianReadout =
  'Минск, 5 декабря 2017 г.\n\nПрезидент Беларуси провёл переговоры с губернатором Курской области. ' +
  'Товарооборот за январь–сентябрь 2017 года вырос на 40,5% и составил 96,3 млн долларов.';

describe('the stored form of a readout', () => {
  it('turns Windows and old Mac line breaks into plain ones', () => {
    expect(normalizeReadoutText('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree');
  });

  it('keeps one blank line between paragraphs however many there were', () => {
    expect(normalizeReadoutText('first\n\n\n\n\nsecond\n\nthird\n \n\t\nfourth')).toBe(
      'first\n\nsecond\n\nthird\n\nfourth',
    );
  });

  it('drops trailing spaces of each line and the white space around the whole text', () => {
    expect(normalizeReadoutText('  \n  Talks held.   \nIn Minsk.\t \n\n')).toBe('Talks held.\nIn Minsk.');
  });

  it('removes control characters but keeps tabs, and keeps words apart at a page break', () => {
    expect(normalizeReadoutText('a\u0000b\u0007c\td\fe\u0085f')).toBe('abc\td\ne\nf');
  });

  it('keeps non-breaking spaces inside figures as they were written', () => {
    expect(normalizeReadoutText('составил 1\u00a0844\u00a0036 рублей')).toBe('составил 1\u00a0844\u00a0036 рублей');
  });

  it('removes soft hyphens so a name reads whole', () => {
    expect(normalizeReadoutText('Bel\u00adAZ and \u200bPlanar')).toBe('BelAZ and Planar');
  });

  it('composes letters and their accents (NFC), so "й" typed two ways is one text', () => {
    expect(normalizeReadoutText('Курскои\u0306')).toBe('Курской');
  });

  it('gives the same text when normalised twice, whatever the input', () => {
    const pieces = fc.constantFrom(
      '\r\n',
      '\r',
      '\n',
      '\n\n\n',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '\u2029',
      '\u0000',
      '\u0301',
      '\u00ad',
      'e',
      'й',
      'и',
      '\ufeff',
      '\f',
      '\u0085',
      '\u3000',
    );
    const texts = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const once = normalizeReadoutText(text);
        expect(normalizeReadoutText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the hash that recognises a readout again', () => {
  it('is the lower-case hex SHA-256 of the normalised text', () => {
    expect(readoutHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is the same for the same text pasted with other line breaks and spacing', () => {
    expect(readoutHash('Talks held.  \r\nIn Minsk.\r\n')).toBe(readoutHash('Talks held.\nIn Minsk.'));
    expect(readoutHash('Talks held.')).not.toBe(readoutHash('Talks held!'));
  });
});

describe('the first gate for a readout', () => {
  it('accepts a readout in English and one in Russian', () => {
    expect(() => checkReadoutText(englishReadout)).not.toThrow();
    expect(() => checkReadoutText(russianReadout)).not.toThrow();
  });

  it('refuses an empty or blank text, asking for the readout', () => {
    for (const text of ['', '   \n\t  ']) {
      const refused = refusal(() => checkReadoutText(text));
      expect(refused).toMatchObject({ code: 'VALIDATION_FAILED', problem: 'empty_text' });
      expect(refused.message).toMatch(/empty/);
    }
  });

  it('refuses a text over 200,000 characters, saying the limit', () => {
    const refused = refusal(() => checkReadoutText(englishReadout.repeat(1200)));
    expect(refused.problem).toBe('too_big');
    expect(refused.params).toMatchObject({ maximum: 200_000 });
    expect(refused.message).toMatch(/200,000/);
  });

  it('refuses a line or two, too short to say who met whom', () => {
    const refused = refusal(() => checkReadoutText('Talks held in Minsk today.'));
    expect(refused).toMatchObject({ problem: 'not_a_readout', params: { reason: 'too_short', minimum: 80 } });
  });

  it('refuses a table of figures, saying it is mostly not letters', () => {
    const table = Array.from({ length: 60 }, (_, i) => `${2000 + i}\t${(i * 13.7).toFixed(1)}\t+${i}.5%`).join('\n');
    const refused = refusal(() => checkReadoutText(`Exports, USD million\n${table}\nImports by year and month\n`));
    expect(refused).toMatchObject({ problem: 'not_a_readout', params: { reason: 'mostly_not_letters' } });
    expect(refused.message).toMatch(/letters/);
  });

  it('refuses a binary file that was read as text', () => {
    const garbage = 'PK\u0003\u0004\ufffd\ufffd\u0014\u0000 word/document.xml \ufffd\ufffd\ufffd'.repeat(40);
    const refused = refusal(() => checkReadoutText(garbage));
    expect(refused).toMatchObject({ problem: 'not_a_readout', params: { reason: 'binary' } });
  });
});
