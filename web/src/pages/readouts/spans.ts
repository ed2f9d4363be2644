import type { ReadoutItem } from './api.ts';

export interface Piece {
  start: number;
  end: number;
  /** The items whose words these are, the narrowest first: a name inside a statement shows as the name. */
  items: ReadoutItem[];
}

/**
 * The text cut at every span's edge, so overlapping spans (an organization inside a statement) each keep
 * their own highlight and every piece knows all the items it belongs to.
 */
export function piecesOf(text: string, items: ReadoutItem[]): Piece[] {
  const edges = new Set([0, text.length]);
  for (const item of items) {
    edges.add(Math.max(0, Math.min(item.span.start, text.length)));
    edges.add(Math.max(0, Math.min(item.span.end, text.length)));
  }
  const sorted = [...edges].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let index = 0; index + 1 < sorted.length; index++) {
    const start = sorted[index]!;
    const end = sorted[index + 1]!;
    const covering = items
      .filter((item) => item.span.start <= start && item.span.end >= end)
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start));
    pieces.push({ start, end, items: covering });
  }
  return pieces;
}
