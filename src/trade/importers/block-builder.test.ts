import { describe, expect, it } from 'vitest';
import { rowsOfBlock } from '../../../test/support/trade.ts';
import { bucketOf, decodeBlock, decodeSums, slotsPerYear } from '../flow-blocks.ts';
import type { FlowRow } from '../model.ts';
import { FlowBlockBuilder, type LineBase } from './block-builder.ts';
import { FlowPacker, FlowUnpacker } from './packed.ts';

/** Rows in no useful order: runs of one pair cut short, pairs coming back in later batches. */
function scrambled(count: number): FlowRow[] {
  const territories = ['BY', 'RU', 'RU-KRS', 'CN', 'US', 'DE', 'KZ'];
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  return Array.from({ length: count }, (_, i) => {
    const reporter = territories[next(3)]!;
    const quantity = next(4) === 0 ? null : next(1000) / 8;
    return {
      line: i + 2,
      period: (2015 + next(3)) * 100 + next(13),
      reporter,
      partner: territories[3 + next(4)]!,
      flow: next(3) === 0 ? 'M' : 'X',
      hsCode: String(10_000 + next(40) * 97).padStart(6, '0'),
      hsRevision: next(5) === 0 ? 'H4' : 'H5',
      // Now and then a value beyond 32 bits, so some blocks keep them wide.
      valueCents: next(50) === 0 ? 3_000_000_000 + next(100) : next(1_000_000),
      quantity,
      unit: quantity === null ? null : next(2) === 0 ? 't' : 'kg',
    };
  });
}

function build(rows: FlowRow[], batch: number, bases?: LineBase[]) {
  const packer = new FlowPacker();
  const unpacker = new FlowUnpacker();
  const builder = new FlowBlockBuilder();
  for (let start = 0, b = 0; start < rows.length; start += batch, b += 1) {
    const packed = packer.pack(rows, start, Math.min(rows.length, start + batch));
    unpacker.learn(packed);
    builder.add(packed, unpacker.text, bases?.[b]);
  }
  return builder.take(unpacker.text);
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

describe('the block builder', () => {
  it('keeps every row, each block holding one reporter, year and direction, its partners once each', () => {
    const rows = scrambled(5000);
    const part = build(rows, 333);
    const back = part.blocks.flatMap((block) => {
      const decoded = decodeBlock(block.body);
      expect(new Set(decoded.partners).size).toBe(decoded.partners.length);
      for (const partner of decoded.partners) expect(bucketOf(partner)).toBe(block.bucket);
      expect(decoded.count).toBe(block.rowCount);
      return rowsOfBlock(block);
    });
    expect(back.map(({ sourceLine, ...row }) => ({ line: sourceLine, ...row })).sort(byLine)).toEqual(rows);
    const kinds = new Set(part.blocks.map((b) => decodeBlock(b.body).valueCents.constructor.name));
    expect([...kinds].sort()).toEqual(['Float64Array', 'Int32Array']);
  });

  it('sums each pair by month on both sides, and names the slices the rows hold', () => {
    const rows = scrambled(3000);
    const part = build(rows, 500);
    const expected = new Map<string, number>();
    const slots = new Map<string, number>();
    for (const r of rows) {
      const year = Math.floor(r.period / 100);
      const name = `${r.reporter}|${r.partner}|${year}|${r.flow}|${r.period % 100}`;
      expected.set(name, (expected.get(name) ?? 0) + r.valueCents);
      const slice = `${r.reporter}|${year}|${r.flow}`;
      slots.set(slice, (slots.get(slice) ?? 0) | (1 << (r.period % 100)));
    }
    for (const side of ['reporter', 'partner'] as const) {
      const got = new Map<string, number>();
      for (const row of part.sums.filter((s) => s.side === side)) {
        const sums = decodeSums(row.body);
        sums.counterparts.forEach((counterpart, c) => {
          const [reporter, partner] = side === 'reporter' ? [row.territory, counterpart] : [counterpart, row.territory];
          for (let slot = 0; slot < slotsPerYear; slot += 1) {
            if ((sums.periods[c]! & (1 << slot)) === 0) continue;
            const name = `${reporter}|${partner}|${row.year}|${row.flow}|${slot}`;
            got.set(name, (got.get(name) ?? 0) + sums.months[c * slotsPerYear + slot]!);
          }
        });
      }
      expect(new Map([...got].sort())).toEqual(new Map([...expected].sort()));
    }
    const sliceNames = new Map(part.slices.map((s) => [`${s.reporter}|${s.year}|${s.flow}`, s.slots]));
    expect(new Map([...sliceNames].sort())).toEqual(new Map([...slots].sort()));
  });

  it('adds the line base given to a batch, even when it is known only before the part is taken', () => {
    const rows = scrambled(400).map((r, i) => ({ ...r, line: i }));
    const bases = [{ base: 0 }, { base: 0 }];
    const packer = new FlowPacker();
    const unpacker = new FlowUnpacker();
    const builder = new FlowBlockBuilder();
    for (const [b, [start, end]] of [
      [0, 200],
      [0, 200],
    ].entries()) {
      const packed = packer.pack(rows, start!, end!);
      unpacker.learn(packed);
      builder.add(packed, unpacker.text, bases[b]);
    }
    bases[0]!.base = 10;
    bases[1]!.base = 1_000;
    const lines = builder
      .take(unpacker.text)
      .blocks.flatMap((block) => rowsOfBlock(block).map((r) => r.sourceLine))
      .sort((a, b) => a - b);
    expect(lines).toEqual(
      [...rows.slice(0, 200).map((r) => r.line + 10), ...rows.slice(0, 200).map((r) => r.line + 1_000)].sort(
        (a, b) => a - b,
      ),
    );
  });

  it('starts empty after a part is taken', () => {
    const rows = scrambled(1000);
    const packer = new FlowPacker();
    const unpacker = new FlowUnpacker();
    const builder = new FlowBlockBuilder();
    const parts = [rows.slice(0, 600), rows.slice(600)].map((some) => {
      const packed = packer.pack(some, 0, some.length);
      unpacker.learn(packed);
      builder.add(packed, unpacker.text);
      return builder.take(unpacker.text);
    });
    const lines = parts.map((part) =>
      part.blocks.flatMap((b) => rowsOfBlock(b).map((r) => r.sourceLine)).sort((a, b) => a - b),
    );
    expect(lines[0]).toEqual(rows.slice(0, 600).map((r) => r.line));
    expect(lines[1]).toEqual(rows.slice(600).map((r) => r.line));
    expect(builder.rows).toBe(0);
  });
});
