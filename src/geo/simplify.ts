/** Geometry trimming for boundaries sent to a browser: fewer points, fewer decimals, no specks. */
export type Position = [number, number];
export type Ring = Position[];
export type Polygon = Ring[];

function perpendicularDistance(point: Position, start: Position, end: Position): number {
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(point[0] - start[0], point[1] - start[1]);
  return Math.abs(dy * point[0] - dx * point[1] + end[0] * start[1] - end[1] * start[0]) / length;
}

/** Douglas–Peucker with an explicit stack, so rings of many thousand points cannot overflow the call stack. */
export function simplifyLine(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i += 1) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  }
  return Math.abs(sum / 2);
}

/**
 * Simplifies every ring, rounds to three decimals (about 100 m), drops rings that collapse and islands
 * smaller than `minShare` of the largest part: at overview scale they are invisible but cost bytes.
 */
export function simplifyPolygons(polygons: Polygon[], tolerance: number, minShare = 0.002): Polygon[] {
  const simplified: Polygon[] = [];
  for (const polygon of polygons) {
    const rings: Ring[] = [];
    for (const ring of polygon) {
      const points = simplifyLine(ring, tolerance).map(([x, y]): Position => [round(x), round(y)]);
      if (points.length >= 4) rings.push(points);
      else if (rings.length === 0) break; // without its outer ring a polygon's holes mean nothing
    }
    if (rings.length > 0) simplified.push(rings);
  }
  const areas = simplified.map((p) => ringArea(p[0]!));
  const largest = Math.max(0, ...areas);
  return simplified.filter((_, i) => areas[i]! >= largest * minShare);
}

/** The middle of the largest part's bounding box: a fair place for a label when the data give none. */
export function centerOf(polygons: Polygon[]): Position {
  let best: Ring | undefined;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = ringArea(polygon[0]!);
    if (area > bestArea) {
      bestArea = area;
      best = polygon[0];
    }
  }
  if (!best) return [0, 0];
  const xs = best.map((p) => p[0]);
  const ys = best.map((p) => p[1]);
  return [round((Math.min(...xs) + Math.max(...xs)) / 2), round((Math.min(...ys) + Math.max(...ys)) / 2)];
}
