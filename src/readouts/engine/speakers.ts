/**
 * Who made a statement: the words the statement rules point at ("Aleksandr Lukashenko", "the head of state",
 * "the governor", "he", «глава государства», «гость») resolved to a participant, by surname, by post, or as the
 * speaker before.
 */
import { transliterate } from '../text/names.ts';
import { foldCase } from '../text/morphology.ts';
import type { Span } from '../text/sentences.ts';
import type { ReadoutItem } from '../model.ts';
import type { Analysis } from './analysis.ts';
import type { Person } from './people.ts';

type Participant = Extract<ReadoutItem, { kind: 'participant' }>;

/** Words naming a post, and the words a participant's own post must hold to be the one meant. */
const postReferences: ReadonlyArray<{ words: string[]; post: string[]; side?: 'home' | 'partner' }> = [
  {
    words: [
      'head of state',
      'the president',
      'president',
      'глава государства',
      'президент',
      'белорусский лидер',
      'the belarusian leader',
    ],
    post: ['president', 'президент'],
  },
  { words: ['governor', 'губернатор'], post: ['governor', 'губернатор'] },
  { words: ['prime minister', 'premier', 'премьер'], post: ['prime minister', 'premier', 'премьер'] },
  { words: ['ambassador', 'посол', 'дипломат'], post: ['ambassador', 'посол'] },
  { words: ['akim', 'аким'], post: ['akim', 'аким'] },
  { words: ['mayor', 'мэр'], post: ['mayor', 'мэр'] },
  { words: ['minister', 'министр'], post: ['minister', 'министр'] },
  { words: ['chairman', 'председатель'], post: ['chairman', 'председатель'] },
  { words: ['guest', 'visitor', 'гость', 'визитер'], post: [], side: 'partner' },
  { words: ['host', 'хозяин'], post: [], side: 'home' },
  { words: ['belarusian side', 'белорусская сторона'], post: [], side: 'home' },
  // What "the sides" agreed is written down as said by the home side's principal.
  {
    words: ['the sides', 'the parties', 'both sides', 'стороны', 'сторонам', 'обе стороны', 'they agreed'],
    post: [],
    side: 'home',
  },
];

const pronouns = new Set(['he', 'she', 'он', 'она', 'his', 'her', 'его', 'ее', 'её']);

export interface Speaker {
  itemId: string | null;
  name: string | null;
}

export function resolveSpeaker(
  analysis: Analysis,
  span: Span | null,
  people: Person[],
  participants: Participant[],
  personItems: Map<string, string>,
  lastSpeaker: string | null,
): Speaker {
  const named = (itemId: string | null): Speaker => {
    const item = participants.find((p) => p.id === itemId);
    return item ? { itemId: item.id, name: item.value.name } : { itemId: null, name: null };
  };
  if (!span) return named(lastSpeaker);
  const words = analysis.text.slice(span.start, span.end);
  const lower = foldCase(words);
  // A surname in the words: the person, participant or not.
  for (const token of words.split(/[^\p{L}'’-]+/u).filter((w) => /^\p{Lu}/u.test(w))) {
    const key = transliterate(token.replace(/['’]s?$/u, ''));
    const person = people.find((p) => p.key === key || transliterate(p.name.split(' ').at(-1) ?? '') === key);
    if (!person) continue;
    const itemId = personItems.get(person.key) ?? null;
    return itemId ? named(itemId) : { itemId: null, name: person.name };
  }
  for (const reference of postReferences) {
    if (!reference.words.some((w) => lower.includes(w))) continue;
    const holder = participants.find((p) => {
      if (reference.side && p.value.side !== reference.side) return false;
      const post = foldCase(p.value.role ?? '');
      return reference.post.length === 0 || reference.post.some((w) => post.includes(w));
    });
    if (holder) return named(holder.id);
  }
  // "He" is the person named last before the words: the subject of the sentences just read.
  const before = people
    .flatMap((p) => p.mentions.map((m) => ({ p, at: m.start })))
    .filter((m) => m.at < span.start)
    .sort((a, b) => b.at - a.at)[0];
  if (lower.split(/[^\p{L}]+/u).some((w) => pronouns.has(w)) && before) {
    const itemId = personItems.get(before.p.key) ?? null;
    return itemId ? named(itemId) : { itemId: null, name: before.p.name };
  }
  return named(lastSpeaker);
}
