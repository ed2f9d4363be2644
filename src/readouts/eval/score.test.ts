import { describe, expect, it } from 'vitest';
import type { Gold, GoldStatement, GoldTradeFigure } from './gold.ts';
import { equalAtGoldPrecision, fieldNames, formatReport, matchGreedy, scoreReadouts } from './score.ts';

function figure(overrides: Partial<GoldTradeFigure> = {}): GoldTradeFigure {
  return {
    measure: 'turnover',
    reporter: 'BY',
    partner: 'RU-KRS',
    period: '2017-01..2017-09',
    value: 96300000,
    currency: 'USD',
    qualifier: null,
    growthPercent: 40.5,
    growthMultiple: null,
    ...overrides,
  };
}

function statement(overrides: Partial<GoldStatement> = {}): GoldStatement {
  return {
    kind: 'commitment',
    by: 'Aleksandr Lukashenko',
    text: 'build a house in 2018 with Mozyr Housing Construction Factory',
    dueFrom: '2018-01-01',
    dueTo: '2018-12-31',
    ...overrides,
  };
}

function readout(overrides: Partial<Gold> = {}): Gold {
  return {
    meeting: { date: '2017-12-05', place: 'Minsk' },
    participants: [
      { name: 'Aleksandr Lukashenko', role: 'President of Belarus', side: 'home' },
      { name: 'Alexander Mikhailov', role: 'Governor of Kursk Oblast', side: 'partner' },
    ],
    organizations: [{ name: 'BelAZ' }, { name: 'OAO Planar' }],
    tradeFigures: [figure()],
    commodities: [
      { hs: '4011', flow: 'export' },
      { hs: '54', flow: 'export' },
    ],
    statements: [statement()],
    ...overrides,
  };
}

const empty: Gold = {
  meeting: { date: null, place: null },
  participants: [],
  organizations: [],
  tradeFigures: [],
  commodities: [],
  statements: [],
};

function fieldsOf(gold: Gold, predicted: Gold) {
  return scoreReadouts([{ name: 'kursk', gold, predicted }]).fields;
}

describe('scoring readouts', () => {
  it('gives a perfect prediction 1.0 in every field', () => {
    const fields = fieldsOf(readout(), readout());
    for (const field of fieldNames) expect(fields[field], field).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });

  it('gives an empty prediction 0 recall and lists every gold item as missed', () => {
    const report = scoreReadouts([{ name: 'kursk', gold: readout(), predicted: empty }]);
    for (const field of fieldNames) expect(report.fields[field], field).toMatchObject({ recall: 0, f1: 0 });
    expect(report.fields.participants.precision).toBeNull();
    expect(report.misses.filter((miss) => miss.field === 'organizations')).toEqual([
      { name: 'kursk', field: 'organizations', kind: 'missed', item: { name: 'BelAZ' } },
      { name: 'kursk', field: 'organizations', kind: 'missed', item: { name: 'OAO Planar' } },
    ]);
  });

  it('counts a meeting date and place stated by neither side as true negatives', () => {
    const fields = fieldsOf(empty, empty);
    expect(fields['meeting.date']).toMatchObject({ trueNegatives: 1, f1: null });
  });

  it('counts a wrong meeting date as one missed and one spurious', () => {
    const fields = fieldsOf(readout(), readout({ meeting: { date: '2017-12-04', place: 'Минск' } }));
    expect(fields['meeting.date']).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    expect(fields['meeting.place']).toMatchObject({ truePositives: 1 });
  });

  it('matches participants on name and side, and scores their roles apart', () => {
    const predicted = readout({
      participants: [
        { name: 'Александр Лукашенко', role: 'Президент', side: 'home' },
        { name: 'Alexander Mikhailov', role: 'Kursk Oblast Governor', side: 'home' },
      ],
    });
    const fields = fieldsOf(readout(), predicted);
    expect(fields.participants).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 1 });
    // «Президент» shares no word with "President of Belarus" once transliterated: a wrong role.
    expect(fields['participants.role']).toMatchObject({ truePositives: 0 });
  });

  it('accepts a role that keeps half of the gold words', () => {
    const predicted = readout({
      participants: [
        { name: 'Aleksandr Lukashenko', role: 'President', side: 'home' },
        { name: 'Alexander Mikhailov', role: 'Governor', side: 'partner' },
      ],
    });
    const fields = fieldsOf(readout(), predicted);
    expect(fields['participants.role']).toMatchObject({ truePositives: 1, falseNegatives: 1, falsePositives: 1 });
  });

  it('matches organizations across legal forms, quotes and alphabets', () => {
    const predicted = readout({ organizations: [{ name: '«БелАЗ»' }, { name: 'Planar' }] });
    expect(fieldsOf(readout(), predicted).organizations).toMatchObject({ f1: 1 });
  });

  it('matches a trade figure at the precision the gold was written with', () => {
    expect(equalAtGoldPrecision(96300000, 96312000)).toBe(true);
    expect(equalAtGoldPrecision(96300000, 96400000)).toBe(false);
    expect(equalAtGoldPrecision(1460000000, 1.46e9)).toBe(true);
    expect(equalAtGoldPrecision(0.5, 0.5)).toBe(true);
    const close = readout({ tradeFigures: [figure({ value: 96_340_000 })] });
    expect(fieldsOf(readout(), close).tradeFigures).toMatchObject({ truePositives: 1 });
  });

  it.each([
    ['measure', { measure: 'exports' as const }],
    ['pair', { partner: 'RU' }],
    ['period', { period: '2017' }],
    ['currency', { currency: 'RUB' }],
    ['value', { value: 93600000 }],
  ])('refuses a trade figure with another %s', (_what, change) => {
    const fields = fieldsOf(readout(), readout({ tradeFigures: [figure(change)] }));
    expect(fields.tradeFigures).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  it('scores growth apart from the figure', () => {
    const predicted = readout({ tradeFigures: [figure({ growthPercent: null, growthMultiple: 1.4 })] });
    const fields = fieldsOf(readout(), predicted);
    expect(fields.tradeFigures).toMatchObject({ f1: 1 });
    expect(fields['tradeFigures.growth']).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
    const rounded = readout({ tradeFigures: [figure({ growthPercent: 40.48 })] });
    expect(fieldsOf(readout(), rounded)['tradeFigures.growth']).toMatchObject({ f1: 1 });
  });

  it('matches a chapter with a heading inside it, and prefers the exact heading', () => {
    const gold = readout({
      commodities: [
        { hs: '3104', flow: 'export' },
        { hs: '31', flow: null },
      ],
    });
    const predicted = readout({
      commodities: [
        { hs: '31', flow: 'export' },
        { hs: '3104', flow: null },
      ],
    });
    expect(fieldsOf(gold, predicted).commodities).toMatchObject({ truePositives: 2 });
    const chapterOnly = readout({
      commodities: [
        { hs: '5402', flow: 'export' },
        { hs: '40', flow: null },
      ],
    });
    expect(fieldsOf(readout(), chapterOnly).commodities).toMatchObject({ truePositives: 2 });
    const other = readout({ commodities: [{ hs: '4012', flow: 'export' }] });
    expect(fieldsOf(readout(), other).commodities).toMatchObject({ truePositives: 0 });
  });

  it('matches statements on kind, speaker and half of the gold words', () => {
    const paraphrase = statement({ text: 'Mozyr Housing Construction Factory has a contract to build a house' });
    expect(fieldsOf(readout(), readout({ statements: [paraphrase] })).statements).toMatchObject({ f1: 1 });
    const otherKind = statement({ kind: 'proposal' });
    expect(fieldsOf(readout(), readout({ statements: [otherKind] })).statements).toMatchObject({ truePositives: 0 });
    const otherSpeaker = statement({ by: 'Alexander Mikhailov' });
    expect(fieldsOf(readout(), readout({ statements: [otherSpeaker] })).statements).toMatchObject({
      truePositives: 0,
    });
    const thin = statement({ text: 'a house' });
    expect(fieldsOf(readout(), readout({ statements: [thin] })).statements).toMatchObject({ truePositives: 0 });
  });

  it('scores the due range apart from the statement', () => {
    const undated = readout({ statements: [statement({ dueFrom: null, dueTo: '2018-12-31' })] });
    const fields = fieldsOf(readout(), undated);
    expect(fields.statements).toMatchObject({ f1: 1 });
    expect(fields['statements.due']).toMatchObject({ truePositives: 0, falseNegatives: 1, falsePositives: 1 });
  });

  it('matches one to one, so a repeated prediction counts once', () => {
    const twice = readout({ organizations: [{ name: 'BelAZ' }, { name: 'BelAZ' }, { name: 'OAO Planar' }] });
    expect(fieldsOf(readout(), twice).organizations).toMatchObject({ truePositives: 2, falsePositives: 1 });
    expect(matchGreedy([1, 2], [2, 1], (a, b) => (a === b ? 1 : 0))).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('adds up the readouts', () => {
    const report = scoreReadouts([
      { name: 'a', gold: readout(), predicted: readout() },
      { name: 'b', gold: readout(), predicted: empty },
    ]);
    expect(report.cases).toBe(2);
    expect(report.fields.organizations).toMatchObject({ truePositives: 2, falseNegatives: 2, recall: 0.5 });
  });
});

describe('printing a report', () => {
  it('prints P/R/F1 per field and the misses by readout', () => {
    const predicted = readout({ organizations: [{ name: 'BelAZ' }, { name: 'Rosatom' }] });
    const text = formatReport(scoreReadouts([{ name: 'kursk', gold: readout(), predicted }]));
    expect(text).toMatch(/^1 readouts\nfield +TP +FP +FN +P +R +F1\n/);
    expect(text).toMatch(/\norganizations +1 +1 +1 +0\.50 +0\.50 +0\.50\n/);
    expect(text).toContain('  kursk\n    organizations missed: OAO Planar\n    organizations spurious: Rosatom');
  });

  it('describes trade figures and statements in words an annotator checks', () => {
    const text = formatReport(scoreReadouts([{ name: 'kursk', gold: readout(), predicted: empty }]));
    expect(text).toContain('tradeFigures missed: turnover BY→RU-KRS 2017-01..2017-09 96300000 USD +40.5%');
    expect(text).toContain('statements.due missed: commitment by Aleksandr Lukashenko: build a house');
    expect(text).toContain('[2018-01-01..2018-12-31]');
  });
});
