import type { Gold, GoldCommodity, GoldParticipant, GoldStatement, GoldTradeFigure } from './gold.ts';
import { namesMatch, tokenOverlap } from './normalize.ts';

export const fieldNames = [
  'meeting.date',
  'meeting.place',
  'participants',
  'participants.role',
  'organizations',
  'tradeFigures',
  'tradeFigures.growth',
  'commodities',
  'statements',
  'statements.due',
] as const;
export type FieldName = (typeof fieldNames)[number];

/** Share of the gold words a role or a statement's text must find in the prediction. */
export const overlapThreshold = 0.5;

export interface FieldScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Only the meeting's fields have them: nothing stated and nothing predicted. */
  trueNegatives: number;
  /** Null when nothing was predicted. */
  precision: number | null;
  /** Null when the gold has nothing. */
  recall: number | null;
  /** 2TP / (2TP + FP + FN), so an empty prediction scores 0 and two empty sides score nothing (null). */
  f1: number | null;
}

export interface Miss {
  /** The readout's name. */
  name: string;
  field: FieldName;
  /** A gold item the prediction lacks, or a predicted item the gold lacks. */
  kind: 'missed' | 'spurious';
  item: unknown;
}

export interface Report {
  cases: number;
  fields: Record<FieldName, FieldScore>;
  misses: Miss[];
}

export interface ScoredCase {
  name: string;
  gold: Gold;
  predicted: Gold;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** How well a predicted item fits a gold one: 0 = not at all; higher pairs are taken first. */
type Fit<T> = (gold: T, predicted: T) => number;

/** One-to-one greedy matching: the best-fitting pairs first, ties in reading order. */
export function matchGreedy<T>(gold: readonly T[], predicted: readonly T[], fit: Fit<T>): Array<[number, number]> {
  const candidates: Array<{ g: number; p: number; score: number }> = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const score = fit(g, p);
      if (score > 0) candidates.push({ g: gi, p: pi, score });
    }),
  );
  candidates.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { g, p } of candidates) {
    if (usedGold.has(g) || usedPredicted.has(p)) continue;
    usedGold.add(g);
    usedPredicted.add(p);
    pairs.push([g, p]);
  }
  return pairs;
}

/** Decimal places written in a number (40.5 → 1). */
function decimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : text.length - dot - 1;
}

/** Equal at the decimal places the gold was written with (a growth of 40.5 % matches 40.47 %). */
export function equalAtGoldDecimals(goldValue: number, predicted: number): boolean {
  const scale = 10 ** decimals(goldValue);
  return Math.round(predicted * scale) === Math.round(goldValue * scale);
}

/**
 * A value equals the gold one at the significant digits the gold was written with: $96.3 million is
 * 96300000, which a prediction of 96312000 matches and 96400000 does not.
 */
export function equalAtGoldPrecision(goldValue: number, predicted: number): boolean {
  if (!Number.isInteger(goldValue) || goldValue === 0) return equalAtGoldDecimals(goldValue, predicted);
  const written = String(Math.abs(goldValue));
  const unit = 10 ** (written.length - written.replace(/0+$/, '').length);
  return Math.round(predicted / unit) * unit === goldValue;
}

function sameOptionalNumber(goldValue: number | null, predicted: number | null): boolean {
  if (goldValue === null || predicted === null) return goldValue === predicted;
  return equalAtGoldDecimals(goldValue, predicted);
}

/** HS codes agree when equal, or when one is the chapter or heading that contains the other. */
function hsFit(gold: GoldCommodity, predicted: GoldCommodity): number {
  if (gold.hs === predicted.hs) return 2;
  return gold.hs.startsWith(predicted.hs) || predicted.hs.startsWith(gold.hs) ? 1 : 0;
}

const participantFit: Fit<GoldParticipant> = (g, p) => (g.side === p.side && namesMatch(g.name, p.name) ? 1 : 0);

const tradeFigureFit: Fit<GoldTradeFigure> = (g, p) =>
  g.measure === p.measure &&
  g.reporter === p.reporter &&
  g.partner === p.partner &&
  g.period === p.period &&
  g.currency === p.currency &&
  equalAtGoldPrecision(g.value, p.value)
    ? 1
    : 0;

/** Better textual agreement wins a tie between two statements of the same kind by the same person. */
const statementFit: Fit<GoldStatement> = (g, p) => {
  if (g.kind !== p.kind || !namesMatch(g.by, p.by)) return 0;
  const overlap = tokenOverlap(g.text, p.text);
  return overlap >= overlapThreshold ? overlap : 0;
};

const hasGrowth = (figure: GoldTradeFigure): boolean => figure.growthPercent !== null || figure.growthMultiple !== null;
const sameGrowth = (g: GoldTradeFigure, p: GoldTradeFigure): boolean =>
  sameOptionalNumber(g.growthPercent, p.growthPercent) && sameOptionalNumber(g.growthMultiple, p.growthMultiple);
const hasDue = (statement: GoldStatement): boolean => statement.dueFrom !== null || statement.dueTo !== null;
const sameDue = (g: GoldStatement, p: GoldStatement): boolean => g.dueFrom === p.dueFrom && g.dueTo === p.dueTo;

class Scorer {
  readonly tallies = new Map<FieldName, Tally>(fieldNames.map((field) => [field, { tp: 0, fp: 0, fn: 0, tn: 0 }]));
  readonly misses: Miss[] = [];

  private tally(field: FieldName): Tally {
    return this.tallies.get(field) as Tally;
  }

  private miss(name: string, field: FieldName, kind: Miss['kind'], item: unknown): void {
    this.misses.push({ name, field, kind, item });
    this.tally(field)[kind === 'missed' ? 'fn' : 'fp'] += 1;
  }

  /** A single value that may be absent on either side. */
  single<T>(name: string, field: FieldName, gold: T | null, predicted: T | null, same: (a: T, b: T) => boolean): void {
    if (gold === null && predicted === null) this.tally(field).tn += 1;
    else if (gold !== null && predicted !== null && same(gold, predicted)) this.tally(field).tp += 1;
    else {
      if (gold !== null) this.miss(name, field, 'missed', gold);
      if (predicted !== null) this.miss(name, field, 'spurious', predicted);
    }
  }

  /** Items of a list, matched one to one; returns the matched pairs for the fields scored on them. */
  list<T>(name: string, field: FieldName, gold: readonly T[], predicted: readonly T[], fit: Fit<T>): Array<[T, T]> {
    const pairs = matchGreedy(gold, predicted, fit);
    this.tally(field).tp += pairs.length;
    const matchedGold = new Set(pairs.map(([g]) => g));
    const matchedPredicted = new Set(pairs.map(([, p]) => p));
    gold.forEach((item, index) => matchedGold.has(index) || this.miss(name, field, 'missed', item));
    predicted.forEach((item, index) => matchedPredicted.has(index) || this.miss(name, field, 'spurious', item));
    return pairs.map(([g, p]) => [gold[g] as T, predicted[p] as T]);
  }

  /**
   * An attribute of matched items (a role, a growth, a due range): right only on a matched pair where it
   * agrees; `counts` picks the items that state the attribute at all.
   */
  attribute<T>(
    name: string,
    field: FieldName,
    sides: { gold: readonly T[]; predicted: readonly T[]; pairs: Array<[T, T]> },
    counts: (item: T) => boolean,
    same: (gold: T, predicted: T) => boolean,
  ): void {
    const right = sides.pairs.filter(([g, p]) => (counts(g) || counts(p)) && same(g, p));
    this.tally(field).tp += right.filter(([g]) => counts(g)).length;
    const rightGold = new Set(right.map(([g]) => g));
    const rightPredicted = new Set(right.map(([, p]) => p));
    for (const item of sides.gold) if (counts(item) && !rightGold.has(item)) this.miss(name, field, 'missed', item);
    for (const item of sides.predicted) {
      if (counts(item) && !rightPredicted.has(item)) this.miss(name, field, 'spurious', item);
    }
  }
}

function score(tally: Tally): FieldScore {
  const { tp, fp, fn, tn } = tally;
  return {
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
    precision: tp + fp > 0 ? tp / (tp + fp) : null,
    recall: tp + fn > 0 ? tp / (tp + fn) : null,
    f1: tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : null,
  };
}

/** Precision, recall and F1 per field over all readouts, with every gold item missed and every spurious one. */
export function scoreReadouts(cases: readonly ScoredCase[]): Report {
  const scorer = new Scorer();
  for (const { name, gold, predicted } of cases) {
    scorer.single(name, 'meeting.date', gold.meeting.date, predicted.meeting.date, (a, b) => a === b);
    scorer.single(name, 'meeting.place', gold.meeting.place, predicted.meeting.place, namesMatch);

    const people = scorer.list(name, 'participants', gold.participants, predicted.participants, participantFit);
    scorer.attribute(
      name,
      'participants.role',
      { gold: gold.participants, predicted: predicted.participants, pairs: people },
      () => true,
      (g, p) => tokenOverlap(g.role, p.role) >= overlapThreshold,
    );

    scorer.list(name, 'organizations', gold.organizations, predicted.organizations, (g, p) =>
      namesMatch(g.name, p.name) ? 1 : 0,
    );

    const figures = scorer.list(name, 'tradeFigures', gold.tradeFigures, predicted.tradeFigures, tradeFigureFit);
    scorer.attribute(
      name,
      'tradeFigures.growth',
      { gold: gold.tradeFigures, predicted: predicted.tradeFigures, pairs: figures },
      hasGrowth,
      sameGrowth,
    );

    scorer.list(name, 'commodities', gold.commodities, predicted.commodities, hsFit);

    const statements = scorer.list(name, 'statements', gold.statements, predicted.statements, statementFit);
    scorer.attribute(
      name,
      'statements.due',
      { gold: gold.statements, predicted: predicted.statements, pairs: statements },
      hasDue,
      sameDue,
    );
  }
  const fields = Object.fromEntries(
    fieldNames.map((field) => [field, score(scorer.tallies.get(field) as Tally)]),
  ) as Record<FieldName, FieldScore>;
  return { cases: cases.length, fields, misses: scorer.misses };
}

function percent(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** One line per item, in the words an annotator checks the gold with. */
function describe(field: FieldName, item: unknown): string {
  if (typeof item === 'string') return item;
  if (field.startsWith('participants')) {
    const p = item as GoldParticipant;
    return `${p.name} — ${p.role} (${p.side})`;
  }
  if (field === 'organizations') return (item as { name: string }).name;
  if (field.startsWith('tradeFigures')) {
    const f = item as GoldTradeFigure;
    const growth = [
      f.growthPercent === null ? '' : ` ${signed(f.growthPercent)}%`,
      f.growthMultiple === null ? '' : ` ×${f.growthMultiple}`,
    ].join('');
    const qualifier = f.qualifier ? `${f.qualifier} ` : '';
    return `${f.measure} ${f.reporter}→${f.partner} ${f.period} ${qualifier}${f.value} ${f.currency}${growth}`;
  }
  if (field === 'commodities') {
    const c = item as GoldCommodity;
    return `HS ${c.hs}${c.flow ? ` (${c.flow})` : ''}`;
  }
  const s = item as GoldStatement;
  const due = s.dueFrom || s.dueTo ? ` [${s.dueFrom ?? '…'}..${s.dueTo ?? '…'}]` : '';
  return `${s.kind} by ${s.by}: ${s.text}${due}`;
}

/** A table of P/R/F1 per field, then the misses by readout. */
export function formatReport(report: Report): string {
  const header = ['field', 'TP', 'FP', 'FN', 'P', 'R', 'F1'];
  const rows = fieldNames.map((field) => {
    const s = report.fields[field];
    return [
      field,
      String(s.truePositives),
      String(s.falsePositives),
      String(s.falseNegatives),
      percent(s.precision),
      percent(s.recall),
      percent(s.f1),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0)))
      .join('  ');
  const out = [`${report.cases} readouts`, line(header), ...rows.map(line)];
  if (report.misses.length > 0) {
    out.push('', 'Misses:');
    let current = '';
    for (const miss of report.misses) {
      if (miss.name !== current) {
        current = miss.name;
        out.push(`  ${miss.name}`);
      }
      out.push(`    ${miss.field} ${miss.kind}: ${describe(miss.field, miss.item)}`);
    }
  }
  return out.join('\n');
}
