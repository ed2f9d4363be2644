/** The clause around a figure: the words before it in the same clause, to read which way a change went. */
import { clauseStems } from './lexicon/growth.ts';
import { Lexicon } from './text.ts';

const stemLexicon = new Lexicon(clauseStems);

/** How far a cue may stand from its number; a readout's clause rarely runs longer. */
const reach = 80;

function clauseStart(lower: string, pos: number): number {
  const floor = Math.max(0, pos - reach);
  for (let i = pos - 1; i >= floor; i--) {
    const c = lower[i];
    if (c === ';' || c === '!' || c === '?' || (c === '.' && (lower[i + 1] === ' ' || lower[i + 1] === '\n')))
      return i + 1;
  }
  return floor;
}

function clauseEnd(lower: string, pos: number): number {
  const ceiling = Math.min(lower.length, pos + reach / 2);
  for (let i = pos; i < ceiling; i++) {
    const c = lower[i];
    if (
      c === ';' ||
      c === '!' ||
      c === '?' ||
      c === ',' ||
      (c === '.' && (lower[i + 1] === ' ' || i + 1 === lower.length))
    )
      return i;
  }
  return ceiling;
}

/** The direction of the change word nearest before `pos` in its clause, or null where there is none. */
export function directionBefore(lower: string, pos: number): 1 | -1 | null {
  const start = clauseStart(lower, pos);
  const hits = stemLexicon.all(lower.slice(start, pos));
  return hits[hits.length - 1]?.value ?? null;
}

/** The direction of a change word shortly after `pos` in its clause («вдвое сократился»). */
export function directionAfter(lower: string, pos: number): 1 | -1 | null {
  const hits = stemLexicon.all(lower.slice(pos, clauseEnd(lower, pos)));
  return hits[0]?.value ?? null;
}
