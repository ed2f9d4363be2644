/**
 * What the figure rules read from a readout's sentences. Every mention carries `start` (inclusive) and
 * `end` (exclusive) as UTF-16 offsets into the string it was found in, so the caller can highlight it.
 * Amounts and percentages are exact decimal strings, never floats: "96300000", "1844036360.12", "-5".
 */
export type Lang = 'en' | 'ru';

export interface Span {
  start: number;
  end: number;
}

export type Qualifier = 'more than' | 'less than' | 'about' | 'almost';

export interface MoneyMention extends Span {
  /** Exact decimal in major units. */
  amount: string;
  /** ISO 4217 code, or null where the text names none ("turnover of 96.3 million"). */
  currency: string | null;
  qualifier: Qualifier | null;
}

export interface GrowthMention extends Span {
  /** Change in percent, negative for a decline: "40.5", "-5". */
  percent: string | null;
  /** How many times the figure grew ("2" for doubled); negative when it shrank that many times. */
  multiple: string | null;
}

/** A run of months, both ends inclusive, as `YYYY-MM`. */
export interface MonthRange {
  from: string;
  to: string;
}

export interface PeriodMention extends Span, MonthRange {}

export interface DateMention extends Span {
  /** The resolved day, `YYYY-MM-DD`. */
  date: string;
}

export interface DueRange extends Span {
  dueFrom: string | null;
  dueTo: string | null;
}

export type Measure = 'turnover' | 'exports' | 'imports';

export interface TerritoryMention extends Span {
  /** ISO 3166 code of a country ("BY") or subdivision ("RU-KRS"). */
  code: string;
}

/** What earlier sentences of the paragraph established, for a sentence that leaves it out. */
export interface TradeCarry {
  measure?: Measure;
  period?: MonthRange;
  pair?: { reporter: string; partner: string };
}

export interface TradeContext {
  lang: Lang;
  /** The document's date, `YYYY-MM-DD`. */
  documentDate: string;
  /** The home territory's code, e.g. "BY". */
  home: string;
  /** The partner territory's code, e.g. "RU-KRS". */
  partner: string;
  territories: TerritoryMention[];
  carry: TradeCarry;
}

export interface TradeFigure extends Span {
  measure: Measure;
  reporter: string;
  partner: string;
  periodFrom: string | null;
  periodTo: string | null;
  amount: string | null;
  currency: string | null;
  qualifier: Qualifier | null;
  growthPercent: string | null;
  growthMultiple: string | null;
  /** The period the growth compares with, or null where no growth is stated. */
  basePeriod: MonthRange | null;
  /** Id of the rule that produced the figure. */
  rule: string;
  confidence: number;
}

export interface TradeFigures {
  figures: TradeFigure[];
  /** What this sentence leaves for the next one of the paragraph. */
  carry: TradeCarry;
}

/** An extraction rule in the shape the conventions ask for: an id, a description in both languages, a function. */
export interface FigureRule<Input, Found> {
  id: string;
  meta: { description: { en: string; ru: string } };
  find(input: Input): Found[];
}
