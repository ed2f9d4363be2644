import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AccordError } from './errors.ts';
import { currencyCode, isoDate, parseInput, shortText } from './model.ts';

function problemsOf(schema: z.ZodType, input: unknown) {
  try {
    parseInput(schema, input);
  } catch (error) {
    return (error as AccordError).problems.map(({ path, code, params }) => ({ path, code, params }));
  }
  throw new Error('the input was accepted');
}

describe('problems carry a code and its parameters, besides the English message', () => {
  const form = z.object({ title: shortText(500), heldOn: isoDate, currency: currencyCode.nullable() });

  it('names a text that is too long with its maximum', () => {
    expect(problemsOf(form, { title: 'x'.repeat(501), heldOn: '2017-12-05', currency: null })).toEqual([
      { path: 'title', code: 'too_big', params: { origin: 'string', maximum: 500, inclusive: true } },
    ]);
  });

  it('says required for a field left out or left empty', () => {
    expect(problemsOf(form, { title: '  ', currency: null })).toEqual([
      { path: 'title', code: 'required', params: undefined },
      { path: 'heldOn', code: 'required', params: undefined },
    ]);
  });

  it('tells a malformed date from a date that does not exist, once each', () => {
    expect(problemsOf(form, { title: 'Talks', heldOn: '5.12.2017', currency: 'usd' })).toEqual([
      { path: 'heldOn', code: 'date_format', params: undefined },
      { path: 'currency', code: 'currency_code', params: undefined },
    ]);
    expect(problemsOf(form, { title: 'Talks', heldOn: '2017-02-30', currency: null })).toEqual([
      { path: 'heldOn', code: 'not_a_date', params: undefined },
    ]);
  });

  it('lists the values a choice allows', () => {
    expect(problemsOf(z.object({ kind: z.enum(['talks', 'visit']) }), { kind: 'party' })).toEqual([
      { path: 'kind', code: 'invalid_value', params: { values: ['talks', 'visit'] } },
    ]);
  });
});
