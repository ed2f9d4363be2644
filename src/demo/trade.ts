import type { FlowDirection } from '../trade/model.ts';
import { seededRandom } from '../core/random.ts';

/**
 * The demo's illustrative trade: monthly Belarus → Kursk Oblast exports and Kursk Oblast → Belarus imports
 * by HS heading, 2013–2017. Made up, deterministically, and calibrated to what the readout of
 * 5 December 2017 states: turnover fell in the years before 2017, January–September 2017 reached
 * USD 96.3 million, 40.5% above January–September 2016, and the main exports were tires, potash
 * fertilizers, synthetic fibres, freight vehicles and footwear. Everything else here is invented.
 */
export interface IllustrativeRow {
  period: string;
  flow: FlowDirection;
  hsCode: string;
  valueCents: number;
}

/** Full-year turnover in USD: a high in 2013, three falling years, the 2017 upturn. */
const yearTurnoverUsd: Record<number, number> = { 2013: 171e6, 2014: 149e6, 2015: 107e6, 2016: 92.5e6, 2017: 131e6 };

/** The two calibration points, in cents: Jan–Sep 2017 as quoted, and Jan–Sep 2016 = that / 1.405. */
export const janSep2017Cents = 9_630_000_000;
export const janSep2016Cents = Math.round(janSep2017Cents / 1.405);

const exportsMix: Record<string, number> = {
  '4011': 24, // new pneumatic tyres
  '3104': 16, // potassic fertilizers
  '5402': 11, // synthetic filament yarn
  '8704': 10, // goods vehicles
  '6403': 8, // leather footwear
  '0402': 4.5,
  '0406': 4,
  '8701': 3.5,
  '8433': 3,
  '3920': 3,
  '5503': 2.5,
  '9403': 2.5,
  '7308': 2.5,
  '1601': 2,
  '6404': 1.5,
  '4410': 2,
};

const importsMix: Record<string, number> = {
  '2601': 28, // iron ores and concentrates
  '1001': 11,
  '1701': 9,
  '0203': 8,
  '7214': 7,
  '1512': 6,
  '8481': 5,
  '3105': 5,
  '2304': 5,
  '8542': 4,
  '4819': 4,
  '1905': 4,
  '7326': 4,
};

/** Exports' share of turnover by year: Belarus runs a surplus with the region. */
const exportShare: Record<number, number> = { 2013: 0.66, 2014: 0.65, 2015: 0.63, 2016: 0.62, 2017: 0.68 };

/** Splits an integer total into integer parts proportional to weights, summing exactly to the total. */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest -= 1) parts[order[k]![1]]! += 1;
  return parts;
}

export function generateIllustrativeTrade(seed = 20171205): IllustrativeRow[] {
  const random = seededRandom(seed);
  const rows: IllustrativeRow[] = [];
  for (const year of [2013, 2014, 2015, 2016, 2017]) {
    // Seasonality: slow January, busy spring and autumn.
    const seasonal = Array.from(
      { length: 12 },
      (_, m) => 1 + 0.25 * Math.sin(((m - 2) / 12) * 2 * Math.PI) + 0.15 * random(),
    );
    const yearCents = Math.round(yearTurnoverUsd[year]! * 100);
    let months: number[];
    const calibrated = year === 2017 ? janSep2017Cents : year === 2016 ? janSep2016Cents : null;
    if (calibrated !== null) {
      months = [...allocate(calibrated, seasonal.slice(0, 9)), ...allocate(yearCents - calibrated, seasonal.slice(9))];
    } else {
      months = allocate(yearCents, seasonal);
    }
    months.forEach((monthCents, m) => {
      const share = exportShare[year]! + (random() - 0.5) * 0.04;
      const [exportCents, importCents] = allocate(monthCents, [share, 1 - share]);
      const period = `${year}-${String(m + 1).padStart(2, '0')}`;
      for (const [flow, cents, mix] of [
        ['X', exportCents!, exportsMix],
        ['M', importCents!, importsMix],
      ] as const) {
        const codes = Object.keys(mix);
        const weights = codes.map((c) => mix[c]! * (0.85 + 0.3 * random()));
        allocate(cents, weights).forEach((valueCents, i) => {
          if (valueCents > 0) rows.push({ period, flow, hsCode: codes[i]!, valueCents });
        });
      }
    });
  }
  return rows;
}
