import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  itemFields,
  itemFormValues,
  itemValueFrom,
  problemsOfValue,
  shortTitle,
} from '../../web/src/pages/readouts/items.ts';
import { piecesOf } from '../../web/src/pages/readouts/spans.ts';
import type { ReadoutItem } from '../../src/readouts/model.ts';

const t = ((key: string) => key) as unknown as TFunction;

function item(id: string, start: number, end: number, overrides: Partial<ReadoutItem> = {}): ReadoutItem {
  return {
    id,
    kind: 'organization',
    value: { name: 'BelAZ', kind: 'enterprise', territoryCode: 'BY', side: 'home' },
    span: { start, end },
    sentence: { start: 0, end },
    confidence: 0.9,
    rule: 'organization.alias',
    status: 'proposed',
    edited: false,
    match: null,
    candidates: [],
    recordId: null,
    ...overrides,
  } as ReadoutItem;
}

describe('the highlighted readout text', () => {
  const text = 'The sides agreed that BelAZ will supply trucks.';
  const statement = item('s', 0, text.length);
  const belaz = item('o', 22, 27);

  it('cuts the text at every span edge, and a name inside a statement shows as the name', () => {
    const pieces = piecesOf(text, [statement, belaz]);
    expect(pieces.map((piece) => text.slice(piece.start, piece.end))).toEqual([
      'The sides agreed that ',
      'BelAZ',
      ' will supply trucks.',
    ]);
    expect(pieces[1]!.items.map((covering) => covering.id)).toEqual(['o', 's']);
    expect(pieces[0]!.items.map((covering) => covering.id)).toEqual(['s']);
  });

  it('leaves the words no draft came from unmarked, and keeps spans inside the text', () => {
    const pieces = piecesOf(text, [item('o', 22, 27), item('late', 40, 400)]);
    expect(pieces[0]!.items).toEqual([]);
    expect(pieces.at(-1)!.end).toBe(text.length);
  });
});

describe('correcting a draft', () => {
  const figure = item('f', 0, 10, {
    kind: 'trade_figure',
    value: {
      measure: 'turnover',
      reporter: 'BY',
      partner: 'RU-KRS',
      periodFrom: '2017-01',
      periodTo: '2017-09',
      amount: '96300000',
      currency: 'USD',
      qualifier: null,
      growthPercent: '40.5',
      growthMultiple: null,
      basePeriodFrom: null,
      basePeriodTo: null,
    },
    computed: null,
  } as Partial<ReadoutItem>);

  it('sends the whole value, a decimal typed with spaces or a comma sent as digits and a point', () => {
    const fields = itemFields('trade_figure', t);
    const values = { ...itemFormValues(figure, fields), amount: '96 300 000', growthPercent: '40,6' };
    const { value, problems } = itemValueFrom(figure, fields, values);
    expect(problems).toEqual([]);
    expect(value).toMatchObject({ amount: '96300000', growthPercent: '40.6', growthMultiple: null, currency: 'USD' });
  });

  it('keeps what the form does not show, such as the statement’s speaker', () => {
    const said = item('st', 0, 10, {
      kind: 'statement',
      value: {
        kind: 'proposal',
        text: 'build a house',
        by: 'the Governor',
        speakerItemId: 'p1',
        side: 'partner',
        sectorCode: null,
        organizationItemIds: ['o1'],
        projectItemId: null,
        dueFrom: null,
        dueTo: null,
      },
    } as Partial<ReadoutItem>);
    const fields = itemFields('statement', t);
    const { value } = itemValueFrom(said, fields, { ...itemFormValues(said, fields), text: 'build two houses' });
    expect(value).toMatchObject({ text: 'build two houses', speakerItemId: 'p1', organizationItemIds: ['o1'] });
  });

  it('shows the API’s complaints about the value next to the fields they name', () => {
    expect(problemsOfValue([{ path: 'value.amount', message: 'bad', code: 'invalid_format' }])).toEqual([
      { path: 'amount', message: 'bad', code: 'invalid_format' },
    ]);
  });
});

describe('a readout’s title', () => {
  it('stays whole when short, and a first line that runs on is cut at a word', () => {
    expect(shortTitle('Talks in Minsk')).toBe('Talks in Minsk');
    const long = `Kursk, 14 September 2018. ${'The Governor met a delegation of the ministry of industry. '.repeat(4)}`;
    const cut = shortTitle(long);
    expect(cut.length).toBeLessThanOrEqual(141);
    expect(cut.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/\s…$/);
  });
});
