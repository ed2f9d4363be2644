import type { FlowRow } from '../model.ts';

/**
 * A batch of normalized rows as flat columns: numbers in typed arrays and text as ids into a dictionary
 * both sides keep, so a batch crosses to the writer thread by moving buffers instead of cloning a
 * million objects, and the writer tells new slices apart by numbers instead of building strings per row.
 */
export interface PackedFlows {
  count: number;
  /** The dictionary was cleared before this batch: ids start again from 0. */
  resetText: boolean;
  /** Text first seen in this batch, in id order, appended to the dictionary. */
  newText: string[];
  line: Float64Array;
  period: Int32Array;
  valueCents: Float64Array;
  /** NaN where the row has no quantity (validated quantities are finite). */
  quantity: Float64Array;
  reporter: Uint32Array;
  partner: Uint32Array;
  flow: Uint32Array;
  hsCode: Uint32Array;
  hsRevision: Uint32Array;
  /** `noText` where the row has no unit. */
  unit: Uint32Array;
}

export const noText = 0xffffffff;

/**
 * Ids stay below 2^20 so a reporter, a partner, a period and a direction fit in one exact number; a file
 * with more distinct texts than that starts a new dictionary (the writer first flushes what uses the old one).
 */
const maxTextIds = 1 << 20;

/** Rows packed at most at once: a batch can then never hold more new texts than the dictionary has room for. */
export const maxPackedRows = 10_000;

/**
 * The batch as an object of the shape the packer's are: a batch that came from another thread is built
 * property by property, of another shape, and code that read batches of both shapes was compiled again.
 */
export function packedShape(batch: PackedFlows): PackedFlows {
  return {
    count: batch.count,
    resetText: batch.resetText,
    newText: batch.newText,
    line: batch.line,
    period: batch.period,
    valueCents: batch.valueCents,
    quantity: batch.quantity,
    reporter: batch.reporter,
    partner: batch.partner,
    flow: batch.flow,
    hsCode: batch.hsCode,
    hsRevision: batch.hsRevision,
    unit: batch.unit,
  };
}

/**
 * The buffers of a message that move to the thread it goes to; shared ones are not moved but shared.
 * Big buffers crossing threads are shared memory where they can be: a moved buffer counts as memory the
 * receiving thread allocated, and hundreds of megabytes of them made it collect its whole heap again and
 * again; shared memory is not counted so.
 */
export function movable(buffers: readonly ArrayBufferLike[]): ArrayBuffer[] {
  return buffers.filter((buffer): buffer is ArrayBuffer => buffer instanceof ArrayBuffer);
}

export function packedBuffers(batch: PackedFlows): ArrayBufferLike[] {
  return [
    batch.line,
    batch.period,
    batch.valueCents,
    batch.quantity,
    batch.reporter,
    batch.partner,
    batch.flow,
    batch.hsCode,
    batch.hsRevision,
    batch.unit,
  ].map((column) => column.buffer);
}

/** The reading side of the dictionary: turns rows into packed batches. */
export class FlowPacker {
  private ids = new Map<string, number>();

  /** Packs rows[start, end), at most `maxPackedRows` of them. */
  pack(rows: FlowRow[], start: number, end: number): PackedFlows {
    const n = end - start;
    if (n > maxPackedRows) throw new Error(`at most ${maxPackedRows} rows are packed at once, not ${n}`);
    const newText: string[] = [];
    let resetText = false;
    // Seven texts per row at most can be new; starting afresh before the batch keeps every id in range.
    if (this.ids.size + 7 * n > maxTextIds) {
      this.ids.clear();
      resetText = true;
    }
    const ids = this.ids;
    const id = (text: string): number => {
      let at = ids.get(text);
      if (at === undefined) {
        at = ids.size;
        ids.set(text, at);
        newText.push(text);
      }
      return at;
    };
    const batch: PackedFlows = {
      count: n,
      resetText,
      newText,
      line: new Float64Array(n),
      period: new Int32Array(n),
      valueCents: new Float64Array(n),
      quantity: new Float64Array(n),
      reporter: new Uint32Array(n),
      partner: new Uint32Array(n),
      flow: new Uint32Array(n),
      hsCode: new Uint32Array(n),
      hsRevision: new Uint32Array(n),
      unit: new Uint32Array(n),
    };
    for (let i = 0; i < n; i += 1) {
      const r = rows[start + i]!;
      batch.line[i] = r.line;
      batch.period[i] = r.period;
      batch.valueCents[i] = r.valueCents;
      batch.quantity[i] = r.quantity ?? NaN;
      batch.reporter[i] = id(r.reporter);
      batch.partner[i] = id(r.partner);
      batch.flow[i] = id(r.flow);
      batch.hsCode[i] = id(r.hsCode);
      batch.hsRevision[i] = id(r.hsRevision);
      batch.unit[i] = r.unit === null ? noText : id(r.unit);
    }
    return batch;
  }
}

/** The writing side of the dictionary: unpacks text. */
export class FlowUnpacker {
  text: string[] = [];

  /** Takes in a batch's dictionary changes. */
  learn(batch: PackedFlows): void {
    if (batch.resetText) this.text = [];
    for (const t of batch.newText) this.text.push(t);
  }
}
