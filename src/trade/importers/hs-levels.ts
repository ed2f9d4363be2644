import { formatMinor } from '../money.ts';
import { formatPeriod } from '../periods.ts';
import type { FlowRow, ImportNote, RowProblem } from '../model.ts';
import type { BatchBuilder } from './common.ts';

/** One flow: what a reporter traded with a partner in a period, one way, in one HS revision. */
interface Flow {
  reporter: string;
  partner: string;
  period: number;
  flow: FlowRow['flow'];
  hsRevision: string;
}

interface FlowCodes {
  flow: Flow;
  /**
   * Chapter and heading rows, by code. A code listed twice keeps both rows: each has its own line, and
   * quantities in different units cannot be added.
   */
  coarse: Map<string, FlowRow[]>;
  /** Subheading rows summed by their heading and by their chapter (cents). */
  fineByPrefix: Map<string, number>;
  /** Everything kept of the flow so far (cents), for the TOTAL check. */
  kept: number;
  /** The file's own TOTAL rows of the flow (cents), with the first one's line. */
  total?: { cents: number; line: number };
}

/**
 * UN Comtrade downloads list one flow at several HS levels at once — chapter 84, heading 8429 and
 * subheading 842951 of the same reporter, partner, period and direction, each with its full value — and a
 * TOTAL row. Adding them all counts the trade two or three times, so a flow keeps its finest rows: a
 * chapter or heading row is set aside where finer rows cover it, and kept where nothing finer does. Where a
 * coarser row is worth more than its finer rows (a country keeps some subheadings confidential), the
 * difference stays under the coarser code, so every level adds up to the file's own total. TOTAL rows are
 * not imported: each checks the sum kept of its flow.
 *
 * Subheadings pass at once (nothing is finer); chapters and headings wait for the end of the file, since
 * the rows that cover them may come anywhere in it.
 */
export class HsLevels {
  private readonly flows = new Map<string, FlowCodes>();
  private readonly levelsSeen = new Set<number>();
  private readonly totalsUnread: { count: number; first?: RowProblem } = { count: 0 };

  /** Whether the row goes to the dataset now; if not, `finish` decides what of it is kept. */
  take(row: FlowRow): boolean {
    const codes = this.codesOf(row);
    const length = row.hsCode.length;
    this.levelsSeen.add(length);
    if (length === 6) {
      for (const prefix of [row.hsCode.slice(0, 2), row.hsCode.slice(0, 4)]) {
        codes.fineByPrefix.set(prefix, (codes.fineByPrefix.get(prefix) ?? 0) + row.valueCents);
      }
      codes.kept += row.valueCents;
      return true;
    }
    const same = codes.coarse.get(row.hsCode);
    if (same) same.push(row);
    else codes.coarse.set(row.hsCode, [row]);
    return false;
  }

  /** A TOTAL (all commodities) row of a flow: not imported, but checked against the rows kept. */
  total(row: Omit<FlowRow, 'hsCode' | 'quantity' | 'unit'>): void {
    const codes = this.codesOf({ ...row, hsCode: '', quantity: null, unit: null });
    codes.total = { cents: (codes.total?.cents ?? 0) + row.valueCents, line: codes.total?.line ?? row.line };
  }

  /**
   * A TOTAL row with a cell that does not read: it is not imported either way, but the check it would have
   * made is not, which the report says.
   */
  unreadTotal(problem: RowProblem): void {
    this.totalsUnread.count += 1;
    this.totalsUnread.first ??= problem;
  }

  /**
   * Ends the file: the chapter and heading rows kept (whole, or the part their finer rows leave) go to `out`,
   * with those set aside counted as skipped and notes on what was done. A file at heading level keeps every
   * row until here, more than a spread into `push` can take as arguments: they are appended one by one.
   */
  finishInto(out: BatchBuilder): void {
    const { rows, setAside, notes } = this.finish();
    for (const row of rows) out.rows.push(row);
    out.skipped += setAside;
    out.notes.push(...notes);
  }

  private finish(): { rows: FlowRow[]; setAside: number; notes: ImportNote[] } {
    const rows: FlowRow[] = [];
    let setAside = 0;
    let keptInPart = 0;
    const shortfalls: string[] = [];
    const totals = { checked: 0, matched: 0, differing: [] as string[] };

    for (const codes of this.flows.values()) {
      // Headings first: a chapter is covered by its headings as they were resolved.
      const coveredByHeading = new Map<string, number>();
      const coarse = [...codes.coarse.values()].sort((a, b) => b[0]!.hsCode.length - a[0]!.hsCode.length);
      for (const same of coarse) {
        const row = same[0]!;
        const value = same.reduce((sum, r) => sum + r.valueCents, 0);
        let finer = codes.fineByPrefix.get(row.hsCode);
        if (row.hsCode.length === 2) {
          for (const [heading, covered] of coveredByHeading) {
            if (heading.startsWith(row.hsCode)) finer = (finer ?? 0) + covered - (codes.fineByPrefix.get(heading) ?? 0);
          }
        }
        const covered = finer === undefined ? value : Math.max(value, finer);
        if (row.hsCode.length === 4) coveredByHeading.set(row.hsCode, covered);
        if (finer === undefined) {
          for (const whole of same) rows.push(whole);
          codes.kept += value;
          continue;
        }
        const rest = value - finer;
        if (rest > 0) {
          // The rows of a code listed twice share one remainder: the others are set aside.
          rows.push({ ...row, valueCents: rest, quantity: null, unit: null });
          codes.kept += rest;
          keptInPart += 1;
          setAside += same.length - 1;
        } else {
          setAside += same.length;
          if (rest < 0) {
            shortfalls.push(
              `line ${row.line}, ${row.hsCode} of ${describe(codes.flow)}: ${usd(value)} against ${usd(finer)} in its finer rows`,
            );
          }
        }
      }
      if (codes.total) {
        totals.checked += 1;
        if (codes.total.cents === codes.kept) totals.matched += 1;
        else {
          totals.differing.push(
            `line ${codes.total.line}, ${describe(codes.flow)}: TOTAL ${usd(codes.total.cents)}, rows ${usd(codes.kept)}`,
          );
        }
      }
    }
    return { rows, setAside, notes: this.notes(rows.length - keptInPart, setAside, keptInPart, shortfalls, totals) };
  }

  private notes(
    keptWhole: number,
    setAside: number,
    keptInPart: number,
    shortfalls: string[],
    totals: { checked: number; matched: number; differing: string[] },
  ): ImportNote[] {
    const notes: ImportNote[] = [];
    const levels = [...this.levelsSeen].sort();
    // Files that list some flows by chapter and others by subheading, without overlap, need no word.
    if (setAside + keptInPart > 0) {
      const parts = [`${count(setAside)} ${setAside === 1 ? 'was' : 'were'} set aside where finer rows cover them`];
      if (keptWhole > 0) parts.push(`${count(keptWhole)} kept whole where nothing finer does`);
      if (keptInPart > 0) {
        parts.push(
          `${count(keptInPart)} kept for the part ${keptInPart === 1 ? 'its' : 'their'} finer rows leave uncovered`,
        );
      }
      notes.push({
        code: 'hs-levels',
        message:
          `The file lists flows at HS ${listed(levels.map((l) => levelNames[l]!))} level; to count each flow once, ` +
          `of its ${rows(setAside + keptWhole + keptInPart, 'chapter and heading row')}, ${listed(parts)}.`,
      });
    }
    if (shortfalls.length > 0) {
      notes.push({
        code: 'hs-levels-inconsistent',
        message: `${rows(shortfalls.length, 'chapter or heading row')} ${shortfalls.length === 1 ? 'is' : 'are'} worth less than the finer rows under ${shortfalls.length === 1 ? 'it' : 'them'}, which were kept (first: ${shortfalls[0]}).`,
      });
    }
    if (totals.checked > 0) {
      notes.push(
        totals.differing.length === 0
          ? {
              code: 'total-check',
              message: `The rows kept add up to the file's TOTAL row in ${totals.checked === 1 ? 'the one flow' : `all ${count(totals.checked)} flows`} that ${totals.checked === 1 ? 'has' : 'have'} one.`,
            }
          : {
              code: 'total-check-differs',
              message:
                `The rows kept differ from the file's TOTAL row in ${count(totals.differing.length)} of ${count(totals.checked)} flows ` +
                `(first: ${totals.differing[0]}); the file may leave out some commodities.`,
            },
      );
    }
    const unread = this.totalsUnread;
    if (unread.first) {
      const first = unread.first;
      notes.push({
        code: 'total-unread',
        message:
          `${rows(unread.count, 'TOTAL row')} could not be read, so ${unread.count === 1 ? 'it checks' : 'they check'} nothing ` +
          `(first: line ${first.line}, column ${first.column}: ${first.reason}).`,
      });
    }
    return notes;
  }

  private codesOf(row: FlowRow): FlowCodes {
    const key = `${row.reporter}\t${row.partner}\t${row.period}\t${row.flow}\t${row.hsRevision}`;
    let codes = this.flows.get(key);
    if (!codes) {
      const { reporter, partner, period, flow, hsRevision } = row;
      codes = {
        flow: { reporter, partner, period, flow, hsRevision },
        coarse: new Map(),
        fineByPrefix: new Map(),
        kept: 0,
      };
      this.flows.set(key, codes);
    }
    return codes;
  }
}

const levelNames: Record<number, string> = { 2: 'chapter', 4: 'heading', 6: 'subheading' };

function describe(flow: Flow): string {
  const direction = flow.flow === 'X' ? 'exports to' : 'imports from';
  return `${flow.reporter} ${direction} ${flow.partner}, ${formatPeriod(flow.period)} (${flow.hsRevision})`;
}

function usd(cents: number): string {
  return `${formatMinor(cents)} USD`;
}

function listed(words: string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function rows(n: number, what: string): string {
  return `${count(n)} ${what}${n === 1 ? '' : 's'}`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
