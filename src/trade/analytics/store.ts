import type { Db } from '../../db/connection.ts';
import { bucketOf, decodeBlock, decodeSums, periodOfSlot, slotsPerYear, type SumsSide } from '../flow-blocks.ts';
import { coversYear, yearOf, type PeriodRange } from '../periods.ts';

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

/**
 * The slots of a year (bit 0 its annual row, bits 1–12 its months) a range counts: the months within it,
 * and the annual row when the range covers the whole year.
 */
export function slotsWithin(range: PeriodRange, year: number): number {
  let slots = 0;
  for (let month = 1; month <= 12; month += 1) {
    const period = year * 100 + month;
    if (period >= range.from && period <= range.to) slots |= 1 << month;
  }
  if (coversYear(range, year * 100)) slots |= 1;
  return slots;
}

const datasetSeqOf = (db: Db, datasetId: string) =>
  db.selectFrom('tradeDatasets').select('seq').where('id', '=', datasetId);

function yearsOf(ranges: PeriodRange[]): [number, number] {
  return [Math.min(...ranges.map((r) => yearOf(r.from))), Math.max(...ranges.map((r) => yearOf(r.to)))];
}

/**
 * The sums by month a dataset keeps of one territory's trade (as reporter, or as partner) in the years of
 * the range, one entry per counterpart and year, with the slots that have rows within the range.
 */
async function sumsOf(
  db: Db,
  datasetId: string,
  side: SumsSide,
  territory: string,
  range: PeriodRange,
  exportsOnly: boolean,
): Promise<
  Array<{ counterpart: string; year: number; flow: string; slots: number; months: Float64Array; at: number }>
> {
  const [firstYear, lastYear] = yearsOf([range]);
  const rows = await db
    .selectFrom('tradeFlowSums')
    .select(['year', 'flow', 'body'])
    .where('datasetSeq', '=', datasetSeqOf(db, datasetId))
    .where('side', '=', side)
    .where('territory', '=', territory)
    .where('year', '>=', firstYear)
    .where('year', '<=', lastYear)
    .$if(exportsOnly, (q) => q.where('flow', '=', 'X'))
    .execute();
  const entries = [];
  for (const row of rows) {
    const year = Number(row.year);
    const within = slotsWithin(range, year);
    const sums = decodeSums(row.body);
    for (let c = 0; c < sums.counterparts.length; c += 1) {
      const slots = sums.periods[c]! & within;
      if (slots !== 0) {
        entries.push({
          counterpart: sums.counterparts[c]!,
          year,
          flow: row.flow,
          slots,
          months: sums.months,
          at: c * slotsPerYear,
        });
      }
    }
  }
  return entries;
}

function valueIn(months: Float64Array, at: number, slots: number): number {
  let total = 0;
  for (let slot = 0; slot < slotsPerYear; slot += 1) if (slots & (1 << slot)) total += months[at + slot]!;
  return total;
}

/** Adds up sums by key and direction. */
class Tally {
  private readonly sums = new Map<string, FlowSum>();

  add(key: string, flow: string, valueCents: number): void {
    const name = `${key}\t${flow}`;
    const sum = this.sums.get(name);
    if (sum) sum.valueCents += valueCents;
    else this.sums.set(name, { key, flow, valueCents });
  }

  result(): FlowSum[] {
    return [...this.sums.values()];
  }
}

/**
 * Exports and imports of home with each partner (or one partner) over a range. With mirrored imports,
 * home's imports are what the others reported exporting to it: read from the sums kept by partner.
 */
export async function sumsByPartner(db: Db, p: Perspective, range: PeriodRange, partner?: string): Promise<FlowSum[]> {
  const tally = new Tally();
  for (const e of await sumsOf(db, p.datasetId, 'reporter', p.home, range, p.mirrorImports)) {
    if (partner === undefined || e.counterpart === partner)
      tally.add(e.counterpart, e.flow, valueIn(e.months, e.at, e.slots));
  }
  if (p.mirrorImports) {
    for (const e of await sumsOf(db, p.datasetId, 'partner', p.home, range, true)) {
      if (partner === undefined || e.counterpart === partner)
        tally.add(e.counterpart, 'M', valueIn(e.months, e.at, e.slots));
    }
  }
  return tally.result();
}

/** Monthly (or yearly, YYYY00) exports and imports of a pair, key = period. */
export async function sumsByPeriod(db: Db, p: Perspective, partner: string, range: PeriodRange): Promise<FlowSum[]> {
  const tally = new Tally();
  const add = (e: Awaited<ReturnType<typeof sumsOf>>[number], flow: string) => {
    for (let slot = 0; slot < slotsPerYear; slot += 1) {
      if (e.slots & (1 << slot)) tally.add(String(periodOfSlot(e.year, slot)), flow, e.months[e.at + slot]!);
    }
  };
  for (const e of await sumsOf(db, p.datasetId, 'reporter', p.home, range, p.mirrorImports)) {
    if (e.counterpart === partner) add(e, e.flow);
  }
  if (p.mirrorImports) {
    for (const e of await sumsOf(db, p.datasetId, 'partner', p.home, range, true)) {
      if (e.counterpart === partner) add(e, 'M');
    }
  }
  return tally.result();
}

/**
 * Exports and imports of a pair by HS code cut to `digits` (2 chapter, 4 heading, 6 subheading), for each
 * of the ranges: the blocks of the partner's bucket are read and decoded once for all of them, and only
 * the partner's rows in them are summed.
 */
export async function sumsByProduct(
  db: Db,
  p: Perspective,
  partner: string,
  ranges: PeriodRange[],
  digits: 2 | 4 | 6,
): Promise<FlowSum[][]> {
  const [firstYear, lastYear] = yearsOf(ranges);
  // Sums by (code prefix, direction), numbered as met; a block's codes are mapped to those numbers once.
  const keys: Array<{ key: string; flow: string }> = [];
  const keyIds = new Map<string, number>();
  // The same codes come back block after block: each full code's key, by direction, is looked up once.
  const keyOfCode = new Map<string, Map<string, number>>();
  const totals = ranges.map(() => [] as number[]);
  const counted = ranges.map(() => [] as boolean[]);
  const sides = [{ reporter: p.home, counterpart: partner, asFlow: null as string | null }];
  if (p.mirrorImports) sides.push({ reporter: partner, counterpart: p.home, asFlow: 'M' });
  for (const { reporter, counterpart, asFlow } of sides) {
    const blocks = await db
      .selectFrom('tradeFlowBlocks')
      .select(['year', 'flow', 'body'])
      .where('datasetSeq', '=', datasetSeqOf(db, p.datasetId))
      .where('reporter', '=', reporter)
      .where('year', '>=', firstYear)
      .where('year', '<=', lastYear)
      .where('bucket', '=', bucketOf(counterpart))
      .$if(p.mirrorImports, (q) => q.where('flow', '=', 'X'))
      .execute();
    for (const block of blocks) {
      const year = Number(block.year);
      const slotsPerRange = ranges.map((range) => slotsWithin(range, year));
      const rows = decodeBlock(block.body);
      const at = rows.partners.indexOf(counterpart);
      if (at < 0) continue;
      const flow = asFlow ?? block.flow;
      // Summed by the block's own code numbers first, then by prefix once per code. A code with rows in
      // the range counts even when they sum to zero, as a grouped query would list it.
      const codeCount = rows.codes.length;
      const rangesOfSlot = new Uint8Array(slotsPerYear);
      slotsPerRange.forEach((slots, r) => {
        for (let slot = 0; slot < slotsPerYear; slot += 1) if (slots & (1 << slot)) rangesOfSlot[slot]! |= 1 << r;
      });
      const byCode = new Float64Array(ranges.length * codeCount);
      const seen = new Uint8Array(codeCount);
      const { slot, code, valueCents } = rows;
      for (let i = rows.starts[at]!; i < rows.starts[at + 1]!; i += 1) {
        const inRanges = rangesOfSlot[slot[i]!]!;
        if (inRanges === 0) continue;
        const c = code[i]!;
        seen[c]! |= inRanges;
        for (let r = 0, bits = inRanges; bits !== 0; r += 1, bits >>= 1) {
          if (bits & 1) byCode[r * codeCount + c]! += valueCents[i]!;
        }
      }
      let flowKeys = keyOfCode.get(flow);
      if (!flowKeys) keyOfCode.set(flow, (flowKeys = new Map()));
      for (let c = 0; c < codeCount; c += 1) {
        if (seen[c] === 0) continue;
        // A code coarser than asked for (a chapter a file did not break down) stays a line of its own, so
        // every level adds up to the same total.
        const hsCode = rows.codes[c]!;
        let id = flowKeys.get(hsCode);
        if (id === undefined) {
          const name = `${hsCode.slice(0, digits)}\t${flow}`;
          id = keyIds.get(name);
          if (id === undefined) {
            id = keys.length;
            keys.push({ key: hsCode.slice(0, digits), flow });
            keyIds.set(name, id);
          }
          flowKeys.set(hsCode, id);
        }
        for (let r = 0; r < ranges.length; r += 1) {
          if ((seen[c]! & (1 << r)) === 0) continue;
          totals[r]![id] = (totals[r]![id] ?? 0) + byCode[r * codeCount + c]!;
          counted[r]![id] = true;
        }
      }
    }
  }
  return ranges.map((_, r) =>
    keys.flatMap((k, id) => (counted[r]![id] ? [{ key: k.key, flow: k.flow, valueCents: totals[r]![id]! }] : [])),
  );
}

/** Statistical territories (areas n.e.s., free zones…): partners whose trade counts, but that take no rank. */
export async function groupingCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('territories').select('code').where('kind', '=', 'grouping').execute();
  return new Set(rows.map((r) => r.code));
}

/** Every dataset with its kind; there are few, so callers pick among them in code. */
export function allDatasets(db: Db) {
  return db.selectFrom('tradeDatasets').select(['id', 'name', 'kind', 'source']).orderBy('name').execute();
}

/**
 * Whether a dataset holds any trade of `reporter` with `partner` (either way round when `bothWays`) in the
 * range: the sums kept by reporter answer without opening a block.
 */
export async function datasetCovers(
  db: Db,
  datasetId: string,
  reporter: string,
  partner: string | null,
  range: PeriodRange,
  bothWays: boolean,
): Promise<boolean> {
  const probe = async (from: string, to: string | null) =>
    (await sumsOf(db, datasetId, 'reporter', from, range, false)).some((e) => to === null || e.counterpart === to);
  if (await probe(reporter, partner)) return true;
  return bothWays && partner !== null && (await probe(partner, reporter));
}
