/**
 * Growth in a sentence: a percentage that a cue makes a change ("up 40.5%", «выросла на 40,5 %», «на 12,3 %
 * больше», an index «140,5 % к уровню»), or a multiple ("1.4 times", "3.5-fold", «в 1,4 раза», "doubled").
 * A percentage with no such cue is a share or a level, not growth.
 */
import { directionAfter, directionBefore } from './clause.ts';
import {
  clauseLinks,
  cuesAfter,
  cuesBefore,
  frequencyAfter,
  indexMarkers,
  multipleWords,
  percentSigns,
  percentagePoints,
  razWords,
  timesWords,
} from './lexicon/growth.ts';
import type { FigureRule, GrowthMention, Lang } from './model.ts';
import type { WrittenNumber } from './text.ts';
import {
  Lexicon,
  addDecimals,
  findNumbers,
  isSpace,
  lowerKeepingOffsets,
  negateDecimal,
  skipSpaces,
  skipSpacesBack,
} from './text.ts';

const flag = (phrases: string[]) => new Lexicon(phrases.map((p) => [p, true] as const));
const percentLexicon = flag(percentSigns);
const pointsLexicon = flag(percentagePoints);
const beforeLexicon = new Lexicon(cuesBefore);
const afterLexicon = new Lexicon(cuesAfter);
const linkLexicon = flag(clauseLinks);
const indexLexicon = flag(indexMarkers);
const timesLexicon = flag(timesWords);
const razLexicon = flag(razWords);
const frequencyLexicon = flag(frequencyAfter);
const multipleLexicon = new Lexicon(multipleWords);
const vLexicon = flag(['в', 'во']);

/** Multiples in words that are as often about frequency ("visited twice"): they need a change word nearby. */
const needsCue = new Set(['twice', 'two times', 'three times']);

interface Sentence {
  text: string;
  lower: string;
  numbers: WrittenNumber[];
}

const signs: Record<string, 1 | -1> = { '+': 1, '-': -1, '−': -1, '–': -1 };

/** A sign written on the number itself: "+40.5%", "-3.2%". */
function writtenSign(text: string, start: number): 1 | -1 | null {
  const sign = signs[text[start - 1] ?? ''];
  if (sign === undefined) return null;
  const before = text[start - 2];
  return before === undefined || isSpace(before) || before === '(' ? sign : null;
}

const signed = (value: string, sign: 1 | -1) => (sign < 0 ? negateDecimal(value) : value);

const percentGrowth: FigureRule<Sentence, GrowthMention> = {
  id: 'growth.percent',
  meta: {
    description: {
      en: 'A percentage that a change word makes growth or decline: "up 40.5%", "+40.5%", "decreased by 5%".',
      ru: 'Процент, который слово изменения делает ростом или снижением: «выросла на 40,5 %», «140,5 % к уровню».',
    },
  },
  find({ text, lower, numbers }) {
    const found: GrowthMention[] = [];
    for (const number of numbers) {
      if (number.partOfLarger) continue;
      const after = skipSpaces(lower, number.end);
      const percent = percentLexicon.at(lower, after);
      if (!percent || pointsLexicon.at(lower, after)) continue;
      const sign = writtenSign(text, number.start);
      const head = sign === null ? number.start : number.start - 1;
      const cue = beforeLexicon.before(lower, skipSpacesBack(lower, head));
      if (cue?.value === 0) continue;
      const trailing = afterLexicon.at(lower, skipSpaces(lower, percent.end));
      let start = cue?.start ?? head;
      let end = trailing?.end ?? percent.end;
      let value: string | null = null;
      if (sign !== null) value = signed(number.value, sign);
      else if (cue) value = signed(number.value, trailing?.value ?? (cue.value as 1 | -1));
      else if (trailing) value = signed(number.value, trailing.value);
      else {
        const index = indexLexicon.at(lower, skipSpaces(lower, percent.end));
        const link = linkLexicon.before(lower, skipSpacesBack(lower, head));
        if (index) {
          value = addDecimals(number.value, '-100');
          end = index.end;
        } else if (link) {
          const direction = directionBefore(lower, link.start);
          if (direction !== null) value = signed(number.value, direction);
          start = link.start;
        }
      }
      if (value !== null) found.push({ start, end, percent: value, multiple: null });
    }
    return found;
  },
};

const numeralMultiple: FigureRule<Sentence, GrowthMention> = {
  id: 'growth.multiple',
  meta: {
    description: {
      en: 'A multiple in digits: "1.4 times", "3.5-fold"; negative where the figure shrank that many times.',
      ru: 'Кратность цифрами: «в 1,4 раза», «в 3,5 раза»; со знаком минус, если показатель во столько раз снизился.',
    },
  },
  find({ lower, numbers }) {
    const found: GrowthMention[] = [];
    for (const number of numbers) {
      if (number.partOfLarger) continue;
      const times = timesLexicon.at(lower, number.end) ?? timesLexicon.at(lower, skipSpaces(lower, number.end));
      const v = times ? null : vLexicon.before(lower, skipSpacesBack(lower, number.start));
      const raz = v ? razLexicon.at(lower, skipSpaces(lower, number.end)) : null;
      const word = times ?? raz;
      if (!word || frequencyLexicon.at(lower, skipSpaces(lower, word.end))) continue;
      const trailing = afterLexicon.at(lower, skipSpaces(lower, word.end));
      const direction = trailing?.value ?? directionAfter(lower, word.end) ?? directionBefore(lower, number.start) ?? 1;
      found.push({
        start: v?.start ?? number.start,
        end: trailing?.end ?? word.end,
        percent: null,
        multiple: signed(number.value, direction),
      });
    }
    return found;
  },
};

const wordMultiple: FigureRule<Sentence, GrowthMention> = {
  id: 'growth.multiple-words',
  meta: {
    description: {
      en: 'A multiple in words: "doubled", "tripled", "halved", "twofold".',
      ru: 'Кратность словами: «вдвое», «втрое», «в полтора раза», «удвоился».',
    },
  },
  find({ lower }) {
    const found: GrowthMention[] = [];
    for (const hit of multipleLexicon.all(lower)) {
      const phrase = lower.slice(hit.start, hit.end);
      const trailing = afterLexicon.at(lower, skipSpaces(lower, hit.end));
      const direction = trailing?.value ?? directionAfter(lower, hit.end) ?? directionBefore(lower, hit.start);
      if (direction === null && needsCue.has(phrase)) continue;
      const fixedDecline = hit.value.startsWith('-');
      found.push({
        start: hit.start,
        end: trailing?.end ?? hit.end,
        percent: null,
        multiple: fixedDecline ? hit.value : signed(hit.value, direction ?? 1),
      });
    }
    return found;
  },
};

/** The growth rules, tried in order; a later rule's mention that overlaps an earlier one is dropped. */
export const growthRules = [percentGrowth, numeralMultiple, wordMultiple];

export function findGrowth(text: string, lang: Lang): GrowthMention[] {
  const lower = lowerKeepingOffsets(text);
  const sentence = { text, lower, numbers: findNumbers(text, lang) };
  const found: GrowthMention[] = [];
  for (const rule of growthRules) {
    for (const mention of rule.find(sentence)) {
      if (!found.some((m) => m.start < mention.end && mention.start < m.end)) found.push(mention);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
