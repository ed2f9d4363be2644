import { describe, expect, it } from 'vitest';
import { focusOf } from '../../web/src/components/map/focus.ts';
import type { BoundaryFeature } from '../../src/geo/model.ts';

function square(code: string, west: number, south: number, size: number): BoundaryFeature {
  const ring: Array<[number, number]> = [
    [west, south],
    [west + size, south],
    [west + size, south + size],
    [west, south + size],
    [west, south],
  ];
  return {
    type: 'Feature',
    id: code,
    properties: { code, name: code, center: [west + size / 2, south + size / 2] },
    geometry: { type: 'MultiPolygon', coordinates: [[ring]] },
  };
}

describe('where a map of a whole country opens', () => {
  const country = [square('XX-A', 0, 0, 100), square('XX-B', 100, 0, 100), square('XX-K', 20, 40, 4)];

  it('on the partner region, zoomed in with a margin, when the country dwarfs it', () => {
    const focus = focusOf(country, new Set(['XX-K']));
    expect(focus?.center).toEqual([22, 42]);
    // 100° of height over 4°, less the margin.
    expect(focus?.zoom).toBeCloseTo(100 / 4 / 1.5, 5);
  });

  it('on the partner region and the home country together', () => {
    const focus = focusOf([...country, square('HH', 10, 40, 4)], new Set(['XX-K', 'HH']));
    expect(focus?.center).toEqual([17, 42]);
  });

  it('as the whole map when the focus is most of it', () => {
    expect(focusOf(country, new Set(['XX-A', 'XX-B']))).toBeNull();
    expect(focusOf(country, new Set(['nowhere']))).toBeNull();
  });
});
