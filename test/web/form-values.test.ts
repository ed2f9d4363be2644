import { describe, expect, it } from 'vitest';
import type { FieldConfig } from '../../web/src/components/forms/types.ts';
import { textToDecimal, toFormValues, toInput } from '../../web/src/components/forms/values.ts';

const point: FieldConfig[] = [
  { name: 'latitude', label: 'Latitude', type: 'decimal' },
  { name: 'longitude', label: 'Longitude', type: 'decimal' },
];

describe('decimal fields of a record form', () => {
  it('reads a number typed with a point or a comma, a sign or a typographic minus', () => {
    expect(textToDecimal('51.73')).toBe(51.73);
    expect(textToDecimal('51,73')).toBe(51.73);
    expect(textToDecimal(' -36.19 ')).toBe(-36.19);
    expect(textToDecimal('\u221236,5')).toBe(-36.5);
    expect(textToDecimal('.5')).toBe(0.5);
    for (const text of ['51.73N', '51°44′', '1.2.3', '', '-', 'e5', '1e3'])
      expect(textToDecimal(text), text).toBe(undefined);
  });

  it('sends numbers, empty as null, and names a field it cannot read without sending text', () => {
    expect(toInput(point, { latitude: '51,73', longitude: '36.19' }, 'create')).toEqual({
      body: { latitude: 51.73, longitude: 36.19 },
      problems: [],
    });
    expect(toInput(point, { latitude: '', longitude: '' }, 'edit').body).toEqual({ latitude: null, longitude: null });
    expect(toInput(point, { latitude: '51.73 N', longitude: '36.19' }, 'create')).toEqual({
      body: { latitude: null, longitude: 36.19 },
      problems: [{ path: 'latitude', message: 'forms:errors.decimal' }],
    });
    expect(toFormValues(point, { latitude: 51.73, longitude: null })).toEqual({ latitude: '51.73', longitude: '' });
  });
});
