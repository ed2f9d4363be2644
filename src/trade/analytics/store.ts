import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { coversYear, monthOf, yearOf, type PeriodRange } from '../periods.ts';

/** Sums of one direction of trade, keyed by what the query grouped on. */
export interface FlowSum {
  key: string;
  flow: string;
  valueCents: number;
}

/**
 * Rows of a dataset seen from `home`'s side. Most datasets hold each side's own report (exports X and
 * imports M with the reporter as home). A BACI-style dataset holds each flow once, from the exporter, so
 * home's imports are the partners' exports to home: `mirrorImports` reads them that way.
 */
export interface Perspective {
  datasetId: string;
  home: string;
  mirrorImports: boolean;
}

/** Exports and imports of home with each partner (or one partner) over a range, from the pair rollup. */
export async function sumsByPartner(db: Db, p: Perspective, range: PeriodRange, partner?: string): Promise<FlowSum[]> {
  let exportsQuery = db
    .selectFrom('tradePairPeriods')
    .select(['partner as key', 'flow', (eb) => eb.fn.sum<number>('valueCents').as('valueCents')])
    .where('datasetId', '=', p.datasetId)
    .where('reporter', '=', p.home)
    .where(periodWithin('period', range))
    .groupBy(['partner', 'flow']);
  if (partner) exportsQuery = exportsQuery.where('partner', '=', partner);
  if (p.mirrorImports) exportsQuery = exportsQuery.where('flow', '=', 'X');
  const own = await exportsQuery.execute();
  if (!p.mirrorImports) return own.map(numeric);
  let importsQuery = db
    .selectFrom('tradePairPeriods')
    .select(['reporter as key', sql<string>`'M'`.as('flow'), (eb) => eb.fn.sum<number>('valueCents').as('valueCents')])
    .where('datasetId', '=', p.datasetId)
    .where('partner', '=', p.home)
    .where('flow', '=', 'X')
    .where(periodWithin('period', range))
    .groupBy('reporter');
  if (partner) importsQuery = importsQuery.where('reporter', '=', partner);
  return [...own, ...(await importsQuery.execute())].map(numeric);
}

/** Monthly (or yearly) exports and imports of a pair, key = period. */
export async function sumsByPeriod(db: Db, p: Perspective, partner: string, range: PeriodRange): Promise<FlowSum[]> {
  const own = await db
    .selectFrom('tradePairPeriods')
    .select([
      sql<string>`cast(period as text)`.as('key'),
      'flow',
      (eb) => eb.fn.sum<number>('valueCents').as('valueCents'),
    ])
    .where('datasetId', '=', p.datasetId)
    .where('reporter', '=', p.home)
    .where('partner', '=', partner)
    .where(periodWithin('period', range))
    .$if(p.mirrorImports, (q) => q.where('flow', '=', 'X'))
    .groupBy(['period', 'flow'])
    .execute();
  if (!p.mirrorImports) return own.map(numeric);
  const mirrored = await db
    .selectFrom('tradePairPeriods')
    .select([
      sql<string>`cast(period as text)`.as('key'),
      sql<string>`'M'`.as('flow'),
      (eb) => eb.fn.sum<number>('valueCents').as('valueCents'),
    ])
    .where('datasetId', '=', p.datasetId)
    .where('reporter', '=', partner)
    .where('partner', '=', p.home)
    .where('flow', '=', 'X')
    .where(periodWithin('period', range))
    .groupBy('period')
    .execute();
  return [...own, ...mirrored].map(numeric);
}

/** Exports and imports of a pair by HS code cut to `digits` (2 chapter, 4 heading, 6 subheading). */
export async function sumsByProduct(
  db: Db,
  p: Perspective,
  partner: string,
  range: PeriodRange,
  digits: 2 | 4 | 6,
): Promise<FlowSum[]> {
  const code = sql<string>`substr(hs_code, 1, ${sql.lit(digits)})`;
  const side = (reporter: string, counterpart: string, flowFilter: 'X' | null, asFlow: string | null) =>
    db
      .selectFrom('tradeFlows')
      .select([
        code.as('key'),
        asFlow ? sql<string>`${sql.lit(asFlow)}`.as('flow') : 'flow',
        (eb) => eb.fn.sum<number>('valueCents').as('valueCents'),
      ])
      .where('datasetSeq', '=', (eb) => eb.selectFrom('tradeDatasets').select('seq').where('id', '=', p.datasetId))
      .where('reporter', '=', reporter)
      .where('partner', '=', counterpart)
      .where(periodWithin('period', range))
      .where(sql<boolean>`length(hs_code) >= ${sql.lit(digits)}`)
      .$if(flowFilter !== null, (q) => q.where('flow', '=', flowFilter!))
      .groupBy(asFlow ? [code] : [code, 'flow'])
      .execute();
  if (!p.mirrorImports) return (await side(p.home, partner, null, null)).map(numeric);
  const [own, mirrored] = [await side(p.home, partner, 'X', null), await side(partner, p.home, 'X', 'M')];
  return [...own, ...mirrored].map(numeric);
}

/** Every dataset with its kind; there are few, so callers pick among them in code. */
export function allDatasets(db: Db) {
  return db.selectFrom('tradeDatasets').select(['id', 'name', 'kind', 'source']).orderBy('name').execute();
}

/**
 * Whether a dataset holds any trade of `reporter` with `partner` (either way round when `bothWays`) in the
 * range. One probe per direction on the rollup's primary key, so it costs a few index steps.
 */
export async function datasetCovers(
  db: Db,
  datasetId: string,
  reporter: string,
  partner: string | null,
  range: PeriodRange,
  bothWays: boolean,
): Promise<boolean> {
  const probe = (from: string, to: string | null) =>
    db
      .selectFrom('tradePairPeriods')
      .select('period')
      .where('datasetId', '=', datasetId)
      .where('reporter', '=', from)
      .$if(to !== null, (q) => q.where('partner', '=', to!))
      .where(periodWithin('period', range))
      .limit(1)
      .executeTakeFirst();
  if (await probe(reporter, partner)) return true;
  return bothWays && partner !== null && (await probe(partner, reporter)) !== undefined;
}

/**
 * Months within the range, and annual rows (YYYY00) of the years the range covers whole. The leading
 * `between` keeps the condition on the period index.
 */
export function periodWithin(column: string, range: PeriodRange): RawBuilder<SqlBool> {
  const p = sql.ref(column);
  return sql<SqlBool>`(${p} between ${range.from - 1} and ${range.to} and ((${p} % 100 <> 0 and ${p} >= ${range.from}) or (${p} % 100 = 0 and ${p} + 1 >= ${range.from} and ${p} + 12 <= ${range.to})))`;
}

function numeric(row: { key: string; flow: string; valueCents: number | string | null }): FlowSum {
  return { key: String(row.key), flow: row.flow, valueCents: Number(row.valueCents ?? 0) };
}

/** The month columns of trade_pair_products, m01..m12. */
export const monthColumns = Array.from({ length: 12 }, (_, i) => `m${String(i + 1).padStart(2, '0')}`);

/**
 * Exports and imports of a pair by chapter (2 digits) or heading (4) from the heading-by-year rollup:
 * the months of the range are summed column by column, annual rows only for years covered whole.
 */
export async function sumsByHeading(
  db: Db,
  p: Perspective,
  partner: string,
  range: PeriodRange,
  digits: 2 | 4,
): Promise<FlowSum[]> {
  const firstYear = yearOf(range.from);
  const lastYear = yearOf(range.to);
  const cases = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    const from = year === firstYear ? monthOf(range.from) : 1;
    const to = year === lastYear ? monthOf(range.to) : 12;
    const columns = monthColumns.slice(from - 1, to).map((c) => sql.ref(c));
    if (coversYear(range, year * 100)) columns.push(sql.ref('annual'));
    cases.push(sql`when ${sql.lit(year)} then ${sql.join(columns, sql` + `)}`);
  }
  const value = sql<number>`sum(case year ${sql.join(cases, sql` `)} else 0 end)`;
  const key = sql<string>`substr(heading, 1, ${sql.lit(digits)})`;
  const side = (reporter: string, counterpart: string, mirrored: boolean) =>
    db
      .selectFrom('tradePairProducts')
      .select([key.as('key'), mirrored ? sql<string>`'M'`.as('flow') : 'flow', value.as('valueCents')])
      .where('datasetId', '=', p.datasetId)
      .where('reporter', '=', reporter)
      .where('partner', '=', counterpart)
      .where('year', '>=', firstYear)
      .where('year', '<=', lastYear)
      .$if(p.mirrorImports, (q) => q.where('flow', '=', 'X'))
      .groupBy(mirrored ? [key] : [key, 'flow'])
      .execute();
  const own = await side(p.home, partner, false);
  if (!p.mirrorImports) return own.map(numeric);
  return [...own, ...(await side(partner, p.home, true))].map(numeric);
}
