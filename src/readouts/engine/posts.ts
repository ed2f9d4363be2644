/**
 * A participant named only by post ("met the Governor of Kursk Oblast", «с губернатором Курской области»): the
 * person who held that post on the day of the meeting, as the registry's positions say.
 */
import type { Person as RegistryPerson } from '../../registry/people/model.ts';
import { foldCase } from '../text/morphology.ts';
import type { Span } from '../text/sentences.ts';
import { overlaps, type Analysis } from './analysis.ts';
import { titleWords } from './lexicon.ts';
import { inMeetingSentence, type PersonMention } from './people.ts';

export interface PostHolder {
  person: RegistryPerson;
  /** The words of the post in the text. */
  span: Span;
  territoryCode: string;
  title: string;
}

function titleAt(analysis: Analysis, index: number): string | null {
  const token = analysis.tokens[index];
  if (!token || token.kind !== 'word') return null;
  const word = foldCase(token.text);
  const titles: readonly string[] = titleWords[analysis.lang];
  return titles.find((t) => (analysis.lang === 'en' ? word === t : word.startsWith(t))) ?? null;
}

/** Whether a post's title, as the registry holds it in either language, is the one the text names. */
function sameTitle(title: string, position: { titleEn: string | null; titleRu: string | null }): boolean {
  const words = foldCase(`${position.titleEn ?? ''} ${position.titleRu ?? ''}`);
  return words.includes(title);
}

/** Posts named with their territory in the sentences about the meeting and no name beside them. */
export function findPostHolders(
  analysis: Analysis,
  mentions: PersonMention[],
  people: RegistryPerson[],
  heldOn: string,
): PostHolder[] {
  const found: PostHolder[] = [];
  const { tokens } = analysis;
  for (const territory of analysis.territories) {
    if (!inMeetingSentence(analysis, territory)) continue;
    const first = tokens.findIndex((t) => t.start >= territory.start);
    const last = tokens.findIndex((t) => t.end >= territory.end);
    if (first < 0 || last < 0) continue;
    // "Governor of Kursk Oblast", «губернатором Курской области», "Kursk Oblast Governor".
    const before = [first - 2, first - 1].find((i) => titleAt(analysis, i) !== null);
    const after = titleAt(analysis, last + 1) !== null ? last + 1 : undefined;
    const titleIndex = before ?? after;
    if (titleIndex === undefined) continue;
    const title = titleAt(analysis, titleIndex)!;
    const span = {
      start: Math.min(tokens[titleIndex]!.start, territory.start),
      end: Math.max(tokens[titleIndex]!.end, territory.end),
    };
    // A name beside the post makes it that person's post, found by name already.
    if (mentions.some((m) => (m.roleSpan && overlaps(m.roleSpan, span)) || Math.abs(m.start - span.end) <= 2)) continue;
    const holders = people.filter((p) =>
      p.positions.some(
        (position) =>
          position.territoryCode === territory.id &&
          sameTitle(title, position) &&
          (!position.fromOn || position.fromOn <= heldOn) &&
          (!position.toOn || position.toOn >= heldOn),
      ),
    );
    if (holders.length !== 1) continue;
    if (found.some((f) => f.person.id === holders[0]!.id)) continue;
    found.push({ person: holders[0]!, span, territoryCode: territory.id, title });
  }
  return found;
}
