/**
 * When a month's trade becomes known: statistics are published some time after the month ends, so a
 * briefing written on a day can only hold the months published by then. Each kind of dataset has a usual
 * lag; a dataset may set its own (`publicationLagDays`).
 */
import type { DatasetKind } from '../model.ts';
import { addDays } from '../../core/days.ts';
import { isYear } from '../periods.ts';

/** Days after the end of a month (of a year, for annual data) until its figures are out. */
export const usualLagDays: Record<DatasetKind, number> = {
  // Customs offices publish a month's trade about six weeks after it ends.
  official_customs: 45,
  // Statistical offices follow with their own tables about a month later.
  national_statistics: 75,
  // Countries report to UN Comtrade months after their own release.
  comtrade: 150,
  // BACI reconciles a whole year's Comtrade data, released well over a year after the year ends.
  baci: 420,
  // The demo's made-up data behave as the customs figures they stand in for.
  illustrative: 45,
};

export interface PublicationRule {
  lagDays: number;
  overridden: boolean;
}

export function publicationRule(kind: string, lagDays: number | null): PublicationRule {
  if (lagDays !== null) return { lagDays, overridden: true };
  return { lagDays: usualLagDays[kind as DatasetKind] ?? usualLagDays.official_customs, overridden: false };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The last day of a period: of its month, or of its year for an annual period (YYYY00). */
export function lastDayOf(period: number): string {
  const year = Math.floor(period / 100);
  const month = isYear(period) ? 12 : period % 100;
  return isoDay(new Date(Date.UTC(year, month, 0)));
}

/** The day a period's figures are known under a rule: its last day plus the lag. */
export function knownOn(period: number, rule: PublicationRule): string {
  return addDays(lastDayOf(period), rule.lagDays);
}

/** Whether a period was known by the end of `day`. */
export function isKnownOn(period: number, rule: PublicationRule, day: string): boolean {
  return knownOn(period, rule) <= day;
}

/** The latest month (YYYYMM) known on `day` under a rule. */
export function latestMonthKnownOn(day: string, rule: PublicationRule): number {
  const back = addDays(day, -rule.lagDays);
  // The month containing that date is known only from its last day on; before that, the month before it.
  const candidate = Number(back.slice(0, 4)) * 100 + Number(back.slice(5, 7));
  if (lastDayOf(candidate) <= back) return candidate;
  return candidate % 100 === 1 ? candidate - 100 + 11 : candidate - 1;
}
