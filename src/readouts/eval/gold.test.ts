import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AccordError } from '../../core/errors.ts';
import { parseGold, parseReadout, readCorpus } from './gold.ts';
import { scoreReadouts } from './score.ts';

const corpus = fileURLToPath(new URL('../../../test/fixtures/readouts/', import.meta.url));

function errorOf(run: () => unknown): AccordError {
  try {
    run();
  } catch (error) {
    if (error instanceof AccordError) return error;
    throw error;
  }
  throw new Error('expected an AccordError');
}

describe('reading a readout file', () => {
  it('reads the date, the source and the text after the blank line', () => {
    const readout = parseReadout(
      'DATE: 2017-12-05\nSOURCE: Press Service of the President\n\nHeadline\n\nFirst paragraph.\n',
      'talks.txt',
    );
    expect(readout).toEqual({
      date: '2017-12-05',
      source: 'Press Service of the President',
      text: 'Headline\n\nFirst paragraph.',
    });
  });

  it('takes the source as optional and accepts Windows line ends and a byte-order mark', () => {
    const readout = parseReadout('\uFEFFDATE: 2017-12-05\r\n\r\nТекст.\r\n', 'talks.txt');
    expect(readout).toEqual({ date: '2017-12-05', source: null, text: 'Текст.' });
  });

  it('names the file and the line of a malformed header', () => {
    expect(errorOf(() => parseReadout('Date 5 December\n\nText', 'a.txt')).message).toMatch(/^a\.txt line 1: /);
    expect(errorOf(() => parseReadout('DATE: 2017-02-30\n\nText', 'b.txt')).message).toMatch(
      /^b\.txt line 1: .*2017-02-30/,
    );
    expect(errorOf(() => parseReadout('DATE: 2017-12-05\nSOURCE: X\nText', 'c.txt')).message).toMatch(
      /^c\.txt line 3: expected a blank line/,
    );
    expect(errorOf(() => parseReadout('DATE: 2017-12-05\n\n  \n', 'd.txt')).problems[0]).toMatchObject({
      path: 'd.txt',
      line: 3,
    });
  });
});

describe('reading a gold file', () => {
  const valid = {
    meeting: { date: '2017-12-05', place: 'Minsk' },
    participants: [{ name: 'Aleksandr Lukashenko', role: 'President', side: 'home' }],
    organizations: [{ name: 'OAO Planar' }],
    tradeFigures: [
      {
        measure: 'turnover',
        reporter: 'BY',
        partner: 'RU-KRS',
        period: '2017-01..2017-09',
        value: 96300000,
        currency: 'USD',
        qualifier: null,
        growthPercent: 40.5,
        growthMultiple: null,
      },
    ],
    commodities: [{ hs: '4011', flow: 'export' }],
    statements: [{ kind: 'target', by: 'Aleksandr Lukashenko', text: 'reach', dueFrom: null, dueTo: null }],
  };

  it('accepts the fixed format', () => {
    expect(parseGold(JSON.stringify(valid), 'x.gold.json')).toEqual(valid);
  });

  it('names the file and every field at fault', () => {
    const wrong = structuredClone(valid) as Record<string, unknown> & typeof valid;
    wrong.tradeFigures[0]!.period = 'Jan-Sep 2017';
    (wrong.commodities[0] as { hs: string }).hs = '401';
    const error = errorOf(() => parseGold(JSON.stringify(wrong), 'x.gold.json'));
    expect(error.message).toMatch(/^x\.gold\.json: tradeFigures\.0\.period: /);
    expect(error.problems.map((problem) => problem.path)).toEqual([
      'x.gold.json#tradeFigures.0.period',
      'x.gold.json#commodities.0.hs',
    ]);
  });

  it('refuses a field the format does not have, so a typo is not silently ignored', () => {
    const typo = { ...valid, organisations: [] };
    expect(errorOf(() => parseGold(JSON.stringify(typo), 'x.gold.json')).message).toMatch(/x\.gold\.json/);
  });

  it('says when the file is not JSON', () => {
    expect(errorOf(() => parseGold('{ "meeting": ', 'y.gold.json')).message).toMatch(/^y\.gold\.json: not JSON/);
  });
});

describe('the readout corpus', () => {
  it.each(['dev', 'holdout'])(
    'reads every %s readout with its gold, and the gold scores perfectly on itself',
    async (set) => {
      const cases = await readCorpus(`${corpus}${set}`);
      expect(cases.length).toBeGreaterThanOrEqual(set === 'dev' ? 24 : 8);
      const languages = cases.map(({ readout }) => (/\p{Script=Cyrillic}/u.test(readout.text) ? 'ru' : 'en'));
      expect(languages.filter((language) => language === 'ru').length * 2).toBe(cases.length);
      const report = scoreReadouts(cases.map(({ name, gold }) => ({ name, gold, predicted: gold })));
      expect(report.misses).toEqual([]);
    },
  );
});
