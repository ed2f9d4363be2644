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

export interface Speaker {
  itemId: string | null;
  name: string | null;
}

/** Who the words name, without looking elsewhere: a surname, or a post one participant holds. */
function named(
  words: string,
  people: Person[],
  participants: Participant[],
  personItems: Map<string, string>,
): Speaker | null {
  const lower = foldCase(words);
  for (const token of words.split(/[^\p{L}'’-]+/u).filter((w) => /^\p{Lu}/u.test(w))) {
    const key = transliterate(token.replace(/['’]s?$/u, ''));
    const person = people.find((p) => p.key === key || transliterate(p.name.split(' ').at(-1) ?? '') === key);
    if (!person) continue;
    const itemId = personItems.get(person.key) ?? null;
    const item = participants.find((p) => p.id === itemId);
    return item ? { itemId: item.id, name: item.value.name } : { itemId: null, name: person.name };
  }
  for (const reference of postReferences) {
    if (!reference.words.some((w) => lower.includes(w))) continue;
    const holder = participants.find((p) => {
      if (reference.side && p.value.side !== reference.side) return false;
      const post = foldCase(p.value.role ?? '');
      return reference.post.length === 0 || reference.post.some((w) => post.includes(w));
    });
    if (holder) return { itemId: holder.id, name: holder.value.name };
  }
  return null;
}

/**
 * The person each sentence is about: the name or post it opens with ("Sergei Rumas recalled…", "The head of
 * state proposed…", «Губернатор попросил…»). A pronoun later means the subject of the sentences before it, not
 * whoever was named last ("… led by Nikolai Denin. He added…" is still the president).
 */
export function sentenceSubjects(
  analysis: Analysis,
  people: Person[],
  participants: Participant[],
  personItems: Map<string, string>,
): Array<{ start: number; speaker: Speaker }> {
  const subjects: Array<{ start: number; speaker: Speaker }> = [];
  for (const sentence of analysis.sentences) {
    if (sentence.quote) continue;
    const opening = analysis.text.slice(sentence.start, Math.min(sentence.end, sentence.start + 60));
    const words = opening.split(/\s+/u).slice(0, 5).join(' ');
    const speaker = named(words, people, participants, personItems);
    if (speaker) subjects.push({ start: sentence.start, speaker });
  }
  return subjects;
}

export function resolveSpeaker(
  analysis: Analysis,
  span: Span | null,
  people: Person[],
  participants: Participant[],
  personItems: Map<string, string>,
  subjects: Array<{ start: number; speaker: Speaker }>,
): Speaker {
  const words = span ? analysis.text.slice(span.start, span.end) : '';
  const direct = span ? named(words, people, participants, personItems) : null;
  if (direct) return direct;
  const at = span?.start ?? 0;
  const before = subjects.filter((s) => s.start < at && !(span && s.start === sentenceStartOf(analysis, at)));
  return before.at(-1)?.speaker ?? { itemId: null, name: null };
}

function sentenceStartOf(analysis: Analysis, position: number): number {
  return analysis.sentences.find((s) => s.start <= position && position < s.end)?.start ?? -1;
}
