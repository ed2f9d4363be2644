/**
 * Beside each quoted trade figure, the one Accord computes for the same pair and period, so a reviewer sees
 * at once whether the press service and the data agree.
 */
import type { Db } from '../db/connection.ts';
import { AccordError } from '../core/errors.ts';
import { tradeSummary, type TradeSummary } from '../trade/analytics/service.ts';
import { parsePeriodRange } from '../trade/periods.ts';
import type { ReadoutItem } from './model.ts';

type Figure = Extract<ReadoutItem, { kind: 'trade_figure' }>;
export type ComputedFigure = NonNullable<Figure['computed']>;

const measureOf = { turnover: 'turnoverCents', exports: 'exportsCents', imports: 'importsCents' } as const;
const mirrored = { turnover: 'turnover', exports: 'imports', imports: 'exports' } as const;

async function summary(db: Db, home: string, partner: string, period: string): Promise<TradeSummary | null> {
  try {
    return await tradeSummary(db, { home, partner, range: parsePeriodRange(period) });
  } catch (error) {
    if (error instanceof AccordError && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

function centsAsDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const size = Math.abs(cents);
  const rest = String(size % 100).padStart(2, '0');
  return `${sign}${Math.trunc(size / 100)}${rest === '00' ? '' : `.${rest}`}`;
}

/** The computed figure of every trade figure item, by item id. */
export async function computeFigures(db: Db, items: readonly ReadoutItem[]): Promise<Map<string, ComputedFigure>> {
  const computed = new Map<string, ComputedFigure>();
  for (const item of items) {
    if (item.kind !== 'trade_figure') continue;
    const v = item.value;
    if (v.currency !== 'USD') {
      computed.set(item.id, { amount: null, currency: v.currency, growthPercent: null, missing: 'no_exchange_rate' });
      continue;
    }
    const period = `${v.periodFrom}..${v.periodTo}`;
    // Accord holds a pair's trade from the home side; a figure the partner reported is read in the mirror.
    const direct = await summary(db, v.reporter, v.partner, period);
    const reverse = direct ? null : await summary(db, v.partner, v.reporter, period);
    const found = direct ?? reverse;
    const key = measureOf[direct ? v.measure : mirrored[v.measure]];
    const growth = found ? found.growthPercent[direct ? v.measure : mirrored[v.measure]] : null;
    const cents = found?.current[key] ?? 0;
    computed.set(
      item.id,
      found && cents !== 0
        ? {
            amount: centsAsDecimal(cents),
            currency: 'USD',
            growthPercent: growth === null ? null : growth.toFixed(1),
            missing: null,
          }
        : { amount: null, currency: 'USD', growthPercent: null, missing: 'no_data' },
    );
  }
  return computed;
}
