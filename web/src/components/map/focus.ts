import type { BoundaryFeature } from '../../../../src/geo/model.ts';

/** West, south, east and north edges of the features, in degrees; null when there is nothing to bound. */
function boundsOf(features: BoundaryFeature[]): [number, number, number, number] | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const feature of features) {
    for (const polygon of feature.geometry.coordinates) {
      for (const ring of polygon) {
        for (const [x, y] of ring) {
          west = Math.min(west, x!);
          east = Math.max(east, x!);
          south = Math.min(south, y!);
          north = Math.max(north, y!);
        }
      }
    }
  }
  return west <= east ? [west, south, east, north] : null;
}

/**
 * Where a map of a whole country opens: on the partner regions and the home country, which in a country the
 * size of Russia would otherwise be specks. Without a country layer the map already fits what it shows.
 */
export function focusOf(drawn: BoundaryFeature[], focused: Set<string>): { center: number[]; zoom: number } | null {
  const whole = boundsOf(drawn);
  const part = boundsOf(drawn.filter((f) => focused.has(f.id)));
  if (!whole || !part) return null;
  const span = (box: number[], axis: 0 | 1) => Math.max(box[axis + 2]! - box[axis]!, 1);
  // A margin around the focus, so the neighbouring regions show where it lies.
  const zoom = Math.min(span(whole, 0) / span(part, 0), span(whole, 1) / span(part, 1)) / 1.5;
  if (zoom <= 1.2) return null;
  return { center: [(part[0] + part[2]) / 2, (part[1] + part[3]) / 2], zoom };
}
