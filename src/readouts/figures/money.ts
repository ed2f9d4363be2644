/**
 * Amounts of money in a sentence: a number or number word, a scale word, a currency before or after, and
 * the qualifier in front ("more than $50 million", «около 100 млн долларов», «одного миллиарда долларов»).
 * A number with neither a currency nor a scale word is not money (years, counts); percentages never are.
 */
import {
  currenciesAfter,
  currenciesBefore,
  gluedScales,
  notMoneyUnits,
  numberWords,
  qualifiers,
  scales,
  wordScales,
} from './lexicon/money.ts';
import { percentSigns } from './lexicon/growth.ts';
import type { FigureRule, Lang, MoneyMention, Qualifier } from './model.ts';
import {
  Lexicon,
  findNumbers,
  isDigit,
  lowerKeepingOffsets,
  shiftDecimal,
  skipSpaces,
  skipSpacesBack,
} from './text.ts';

const scaleLexicon = new Lexicon(scales);
const gluedOnly = new Set(gluedScales);
const beforeLexicon = new Lexicon(currenciesBefore);
const afterLexicon = new Lexicon(currenciesAfter);
const qualifierLexicon = new Lexicon(qualifiers);
const numberWordLexicon = new Lexicon(numberWords);
const wordScaleLexicon = new Lexicon(wordScales);
const unitLexicon = new Lexicon(notMoneyUnits.map((unit) => [unit, true] as const));
const percentLexicon = new Lexicon(percentSigns.map((sign) => [sign, true] as const));

interface Sentence {
  text: string;
  lower: string;
  lang: Lang;
}

/** The qualifier just before `start`, and where the mention then begins. */
function qualify(lower: string, start: number): { start: number; qualifier: Qualifier | null } {
  const hit = qualifierLexicon.before(lower, skipSpacesBack(lower, start));
  return hit ? { start: hit.start, qualifier: hit.value } : { start, qualifier: null };
}

const numeralMoney: FigureRule<Sentence, MoneyMention> = {
  id: 'money.numeral',
  meta: {
    description: {
      en: 'A number written in digits with a currency or a scale word: "$96.3 million", "1 844 036 360,12 руб."',
      ru: 'Число цифрами с валютой или словом масштаба: «96,3 млн долларов», «$1,2 млрд».',
    },
  },
  find({ text, lower, lang }) {
    const found: MoneyMention[] = [];
    for (const number of findNumbers(text, lang)) {
      if (number.partOfLarger) continue;
      const afterNumber = skipSpaces(lower, number.end);
      if (percentLexicon.at(lower, afterNumber)) continue;
      let scale = scaleLexicon.at(lower, afterNumber);
      if (scale && gluedOnly.has(lower.slice(scale.start, scale.end)) && afterNumber !== number.end) scale = null;
      const tail = scale ? scale.end : number.end;
      const after = afterLexicon.at(lower, skipSpaces(lower, tail));
      const before = beforeLexicon.before(lower, skipSpacesBack(lower, number.start));
      const currency = before?.value ?? after?.value ?? null;
      if (currency === null && scale === null) continue;
      if (currency === null && unitLexicon.at(lower, skipSpaces(lower, tail))) continue;
      const { start, qualifier } = qualify(lower, before ? before.start : number.start);
      found.push({
        start,
        end: after && !before ? after.end : tail,
        amount: shiftDecimal(number.value, scale?.value ?? 0),
        currency,
        qualifier,
      });
    }
    return found;
  },
};

const wordMoney: FigureRule<Sentence, MoneyMention> = {
  id: 'money.words',
  meta: {
    description: {
      en: 'An amount in words: "a billion dollars", "one billion", "half a million euros".',
      ru: 'Сумма словами: «одного миллиарда долларов», «миллиард долларов», «полтора миллиона рублей».',
    },
  },
  find({ lower }) {
    const found: MoneyMention[] = [];
    for (const scale of wordScaleLexicon.all(lower)) {
      const beforeScale = skipSpacesBack(lower, scale.start);
      if (isDigit(lower[beforeScale - 1])) continue;
      const count = numberWordLexicon.before(lower, beforeScale);
      const after = afterLexicon.at(lower, skipSpaces(lower, scale.end));
      const before = count ? beforeLexicon.before(lower, skipSpacesBack(lower, count.start)) : null;
      const currency = after?.value ?? before?.value ?? null;
      // A bare «миллиард» or "a million" only counts with a currency; "one billion" stands on its own.
      if (currency === null && (count === null || (count.value === '1' && lower.slice(count.start, count.end) === 'a')))
        continue;
      if (currency === null && unitLexicon.at(lower, skipSpaces(lower, scale.end))) continue;
      const first = before?.start ?? count?.start ?? scale.start;
      const { start, qualifier } = qualify(lower, first);
      found.push({
        start,
        end: after?.end ?? scale.end,
        amount: shiftDecimal(count?.value ?? '1', scale.value),
        currency,
        qualifier,
      });
    }
    return found;
  },
};

/** The money rules, tried in order; a later rule's mention that overlaps an earlier one is dropped. */
export const moneyRules = [numeralMoney, wordMoney];

export function findMoney(text: string, lang: Lang): MoneyMention[] {
  const sentence = { text, lower: lowerKeepingOffsets(text), lang };
  const found: MoneyMention[] = [];
  for (const rule of moneyRules) {
    for (const mention of rule.find(sentence)) {
      if (!found.some((m) => m.start < mention.end && mention.start < m.end)) found.push(mention);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
