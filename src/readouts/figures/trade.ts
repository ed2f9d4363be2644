/**
 * Trade figures of one sentence: an amount tied to a measure (turnover, exports, imports), with the pair of
 * territories, the period, the growth and the period the growth compares with. Rules choose which amounts
 * are trade ("exports reached $60 million"), the assembly then fills each figure from the sentence, and
 * from what earlier sentences of the paragraph carried where this one leaves something out.
 */
import { findGrowth } from './growth.ts';
import {
  awayFrom,
  baseCues,
  carriedSubjects,
  countryWords,
  measures,
  notTrade,
  priceAfter,
  regionWords,
  resultVerbs,
  shareOfCarried,
  targetCues,
  towards,
} from './lexicon/trade.ts';
import type {
  FigureRule,
  GrowthMention,
  Measure,
  MoneyMention,
  MonthRange,
  PeriodMention,
  TradeCarry,
  TradeContext,
  TradeFigure,
  TradeFigures,
} from './model.ts';
import { findMoney } from './money.ts';
import { findPeriods } from './periods.ts';
import { Lexicon, lowerKeepingOffsets, skipSpaces, skipSpacesBack } from './text.ts';

const flag = (phrases: string[]) => new Lexicon(phrases.map((p) => [p, true] as const));
const measureLexicon = new Lexicon(measures);
const notTradeLexicon = flag(notTrade);
const targetLexicon = flag(targetCues);
const towardsLexicon = flag(towards);
const awayLexicon = flag(awayFrom);
const regionLexicon = flag(regionWords);
const countryLexicon = flag(countryWords);
const shareLexicon = flag(shareOfCarried);
const baseLexicon = flag(baseCues);
const priceLexicon = flag(priceAfter);
const subjectLexicon = flag(carriedSubjects);
const resultLexicon = flag(resultVerbs);

interface Cue {
  start: number;
  end: number;
  measure: Measure | null;
}

interface Input {
  text: string;
  lower: string;
  context: TradeContext;
  money: MoneyMention[];
  cues: Cue[];
}

/** An amount a rule took for trade, before the assembly fills in the rest. */
interface Candidate {
  money: MoneyMention;
  measure: Measure;
  /** Where the measure word stands, or null where the measure was carried from an earlier sentence. */
  cue: Cue | null;
}

const breaks = new Set([';', ':', '!', '?', '(', ')', '—', '–']);
/** A comma or a full stop ends a clause only before a space: "$1,234" and "1.5" do not. */
const isBreak = (lower: string, i: number) => {
  const mark = lower[i]!;
  // "Russia–Belarus trade": a dash between two words without spaces joins them.
  if ((mark === '—' || mark === '–') && /\S/u.test(lower[i - 1] ?? ' ') && /\S/u.test(lower[i + 1] ?? ' '))
    return false;
  return breaks.has(mark) || ((mark === ',' || mark === '.') && (lower[i + 1] === ' ' || lower[i + 1] === '\n'));
};

function clauseStart(lower: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (isBreak(lower, i)) return i + 1;
  return 0;
}

/** Where an amount's item of a list begins: «…, с Минской областью – 7,8 млн» keeps the words before its dash. */
function listItemStart(lower: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) if (lower[i] !== '—' && lower[i] !== '–' && isBreak(lower, i)) return i + 1;
  return 0;
}

function clauseEnd(lower: string, pos: number): number {
  for (let i = pos; i < lower.length; i++) if (isBreak(lower, i)) return i;
  return lower.length;
}

/** The amount is a goal, not a result: its clause aims, plans or sets a deadline. */
function isTarget(lower: string, from: number, money: MoneyMention): boolean {
  const start = clauseStart(lower, from);
  const end = clauseEnd(lower, money.end);
  return targetLexicon.all(lower.slice(start, end)).length > 0;
}

const measured: FigureRule<Input, Candidate> = {
  id: 'trade.measure',
  meta: {
    description: {
      en: 'An amount after a measure word of its sentence: "exports reached $60 million", "trade between … totalled".',
      ru: 'Сумма после слова-показателя в том же предложении: «товарооборот составил 96,3 млн долларов».',
    },
  },
  find({ lower, money, cues }) {
    const found: Candidate[] = [];
    for (const amount of money) {
      const cue = cues.filter((c) => c.end <= amount.start).pop();
      if (!cue || cue.measure === null) continue;
      if (isTarget(lower, cue.start, amount)) continue;
      found.push({ money: amount, measure: cue.measure, cue });
    }
    return found;
  },
};

const carried: FigureRule<Input, Candidate> = {
  id: 'trade.carried-measure',
  meta: {
    description: {
      en: 'An amount in a sentence without a measure word, tied to the previous one: "Of this, Mogilev Region accounts for $6.8 million", "it grew to $169.1 million".',
      ru: 'Сумма в предложении без слова-показателя, продолжающая предыдущее: «На Могилевскую область приходится 6,8 млн долларов».',
    },
  },
  find({ lower, money, cues, context }) {
    const measure = context.carry.measure;
    if (!measure) return [];
    // "In January–October it grew by 9.8% to $169.1 million": a pronoun before a verb of result.
    const pronoun = subjectLexicon.all(lower).some((s) => resultLexicon.all(lower).some((v) => v.start > s.end));
    const tied = context.territories.length > 0 || shareLexicon.all(lower).length > 0 || pronoun;
    if (!tied) return [];
    // Only amounts before any measure word of their own: «он составил 423,5 млн долларов, хотя импорт вырос …».
    return money
      .filter((amount) => !cues.some((c) => c.start < amount.start))
      .filter((amount) => amount.currency !== null && !isTarget(lower, 0, amount))
      .map((amount) => ({ money: amount, measure, cue: null }));
  },
};

/** The trade rules, in order; an amount taken by an earlier rule is not taken again. */
export const tradeRules = [measured, carried];

const country = (code: string) => code.split('-')[0]!;

/** The other side of the talks from `code`: the partner for the home side or its country, else the home side. */
function otherSide(code: string, { home, partner }: TradeContext): string {
  if (code === home) return partner;
  if (code === partner) return home;
  if (country(code) === country(home) && country(home) !== country(partner)) return partner;
  return home;
}

interface Named {
  start: number;
  end: number;
  code: string;
}

/** Territories in a span: those the territory module found, and "the region" or «республика» for a side not named. */
function namedIn(input: Input, from: number, to: number): Named[] {
  const { context, lower } = input;
  const found: Named[] = context.territories.filter((t) => t.start >= from && t.end <= to);
  const regional = [context.home, context.partner].filter((code) => code.includes('-'));
  const national = [context.home, context.partner].filter((code) => !code.includes('-'));
  const words = [
    ...(regional.length === 1
      ? regionLexicon.all(lower.slice(from, to)).map((w) => ({ ...w, code: regional[0]! }))
      : []),
    ...(national.length === 1
      ? countryLexicon.all(lower.slice(from, to)).map((w) => ({ ...w, code: national[0]! }))
      : []),
  ];
  for (const word of words) {
    const start = word.start + from;
    const end = word.end + from;
    if (!found.some((t) => t.start < end && start < t.end)) found.push({ start, end, code: word.code });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Reporter and partner of a figure from the territories named with it; null where none is named. */
function pairOf(
  input: Input,
  candidate: Candidate,
  from: number,
  to: number,
): { reporter: string; partner: string } | null {
  const { context, lower } = input;
  const named = namedIn(input, from, to);
  if (named.length === 0) return null;
  if (candidate.measure === 'turnover') {
    const codes = [...new Set(named.map((n) => n.code))];
    if (codes.length >= 2) {
      const [a, b] = codes as [string, string];
      if (a === context.home || b === context.home)
        return { reporter: context.home, partner: a === context.home ? b : a };
      return { reporter: a, partner: b };
    }
    // One territory named: it is one side; the other comes from the talks.
    const only = codes[0]!;
    if (only === context.home || only === context.partner) return { reporter: context.home, partner: context.partner };
    const homeCountry = country(context.home);
    const partnerCountry = country(context.partner);
    if (country(only) === homeCountry && homeCountry !== partnerCountry)
      return { reporter: only, partner: context.partner };
    return { reporter: context.home, partner: only };
  }
  // Exports: the exporter reports. Imports: the importer reports.
  let reporter: string | null = null;
  let partner: string | null = null;
  const cueStart = candidate.cue?.start ?? 0;
  for (const place of named) {
    const before = skipSpacesBack(lower, place.start);
    const to = towardsLexicon.before(lower, before) !== null;
    const away = !to && awayLexicon.before(lower, before) !== null;
    // «импорт Беларуси из …», "Belarus's imports": the country right after the measure word is the importer.
    const ownerOfCue =
      candidate.cue !== null &&
      place.start >= candidate.cue.end &&
      /^\s*(?:of\s+)?$/u.test(lower.slice(candidate.cue.end, place.start)) &&
      // «импорт белорусской продукции» names the goods' origin, not the importer.
      !/(?:ск\p{L}{2,3}|ian|ese)$/u.test(lower.slice(place.start, place.end));
    const isReporter = candidate.measure === 'exports' ? !to : to || (!away && (place.start < cueStart || ownerOfCue));
    if (isReporter) reporter ??= place.code;
    else partner ??= place.code;
  }
  if (reporter && partner && reporter !== partner) return { reporter, partner };
  if (reporter) return { reporter, partner: otherSide(reporter, context) };
  if (partner) return { reporter: otherSide(partner, context), partner };
  return null;
}

/** The same months a number of years earlier. */
function yearsEarlier(range: MonthRange, years: number): MonthRange {
  const shift = (ym: string) => `${Number(ym.slice(0, 4)) - years}${ym.slice(4)}`;
  return { from: shift(range.from), to: shift(range.to) };
}

/** A period that a growth figure before it compares with: "up 18% on 2016", «к уровню 2016 года». */
function isBase(lower: string, period: PeriodMention, growth: GrowthMention[]): boolean {
  if (!growth.some((g) => g.end <= period.start)) return false;
  const before = skipSpacesBack(lower, period.start);
  return baseLexicon.before(lower, before) !== null;
}

function confidenceOf(candidate: Candidate, pairNamed: boolean, periodHere: boolean): number {
  let confidence = 0.95;
  if (candidate.cue === null) confidence -= 0.15;
  if (!pairNamed) confidence -= 0.1;
  if (!periodHere) confidence -= 0.1;
  if (candidate.money.currency === null) confidence -= 0.2;
  return Math.round(confidence * 100) / 100;
}

export function findTradeFigures(sentence: string, context: TradeContext): TradeFigures {
  const lower = lowerKeepingOffsets(sentence);
  const money = findMoney(sentence, context.lang).filter((m) => !priceLexicon.at(lower, skipSpaces(lower, m.end)));
  const cues = [
    ...measureLexicon.all(lower).map((hit) => ({ start: hit.start, end: hit.end, measure: hit.value })),
    ...notTradeLexicon.all(lower).map((hit) => ({ start: hit.start, end: hit.end, measure: null })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);
  const input: Input = { text: sentence, lower, context, money, cues };

  const candidates: Array<Candidate & { rule: string }> = [];
  for (const rule of tradeRules) {
    for (const candidate of rule.find(input)) {
      if (!candidates.some((c) => c.money === candidate.money)) candidates.push({ ...candidate, rule: rule.id });
    }
  }
  candidates.sort((a, b) => a.money.start - b.money.start);
  if (candidates.length === 0) return { figures: [], carry: context.carry };

  const growth = findGrowth(sentence, context.lang);
  const periods = findPeriods(sentence, context.lang, context.documentDate).filter(
    (p) => !money.some((m) => m.start < p.end && p.start < m.end),
  );
  const ownPeriods = periods.filter((p) => !isBase(lower, p, growth) && p.to <= context.documentDate.slice(0, 7));

  const figures: TradeFigure[] = [];
  let carry: TradeCarry = context.carry;
  candidates.forEach((candidate, i) => {
    // Amounts that share one measure word ("turnover reached $4.1 billion last year and $1.5 billion in four
    // months") split the sentence between them at the amounts, others at their measure words.
    const previous = candidates[i - 1];
    const next = candidates[i + 1];
    const segmentStart = !previous
      ? 0
      : candidate.cue && candidate.cue !== previous.cue
        ? candidate.cue.start
        : Math.min(candidate.money.start, Math.max(previous.money.end, listItemStart(lower, candidate.money.start)));
    const segmentEnd = !next
      ? sentence.length
      : next.cue && next.cue !== candidate.cue
        ? next.cue.start
        : Math.max(candidate.money.end, Math.min(next.money.start, listItemStart(lower, next.money.start)));
    const from = Math.max(segmentStart, clauseStart(lower, candidate.cue?.start ?? candidate.money.start));
    const to = Math.min(segmentEnd, clauseEnd(lower, candidate.money.end));
    const named = pairOf(input, candidate, i === 0 ? Math.min(from, candidate.cue?.start ?? from) : from, to);
    let pair = named ?? carry.pair ?? { reporter: context.home, partner: context.partner };
    // "Vitebsk Region accounted for $14.2 million of that": one side named, the other the figure before's.
    const namedCodes = namedIn(input, from, to).map((n) => n.code);
    if (candidate.cue === null && named && carry.pair && new Set(namedCodes).size === 1) {
      const code = namedCodes[0]!;
      if (country(code) === country(carry.pair.reporter)) pair = { reporter: code, partner: carry.pair.partner };
      else if (country(code) === country(carry.pair.partner)) pair = { reporter: carry.pair.reporter, partner: code };
    }

    const nearest = ownPeriods
      .filter((p) => p.start < segmentEnd)
      .sort((a, b) => Math.abs(a.start - candidate.money.start) - Math.abs(b.start - candidate.money.start))[0];
    const period: MonthRange | null = nearest ? { from: nearest.from, to: nearest.to } : (carry.period ?? null);

    // A growth after another measure word is that measure's: "… totalled 15.1 billion, and exports grew by 40%".
    const change = growth.find(
      (g) =>
        g.start >= segmentStart &&
        g.start < segmentEnd &&
        !cues.some((c) => c.measure !== null && c !== candidate.cue && c.start >= segmentStart && c.end <= g.start),
    );
    let basePeriod: MonthRange | null = null;
    if (change && period) {
      const base = periods.find((p) => p.start >= change.end && p.start < segmentEnd && isBase(lower, p, growth));
      const years = base ? Number(period.to.slice(0, 4)) - Number(base.to.slice(0, 4)) : 1;
      basePeriod = yearsEarlier(period, years > 0 ? years : 1);
    }

    figures.push({
      start: Math.min(candidate.cue?.start ?? candidate.money.start, candidate.money.start),
      end: Math.max(candidate.money.end, change && change.end <= segmentEnd ? change.end : 0),
      measure: candidate.measure,
      reporter: pair.reporter,
      partner: pair.partner,
      periodFrom: period?.from ?? null,
      periodTo: period?.to ?? null,
      amount: candidate.money.amount,
      currency: candidate.money.currency,
      qualifier: candidate.money.qualifier,
      growthPercent: change?.percent ?? null,
      growthMultiple: change?.multiple ?? null,
      basePeriod,
      rule: candidate.rule,
      confidence: confidenceOf(candidate, named !== null, nearest !== undefined),
    });
    carry = { measure: candidate.measure, ...(period ? { period } : {}), pair };
  });
  return { figures, carry };
}
