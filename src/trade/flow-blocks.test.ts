import { describe, expect, it } from 'vitest';
import {
  blockWithoutSlots,
  bucketOf,
  decodeBlock,
  decodeDetail,
  decodeSums,
  encodeBlock,
  encodeSums,
  noUnit,
  partnerBuckets,
  sumsWithoutSlots,
  type BlockDetail,
  type BlockRows,
} from './flow-blocks.ts';

const key = { reporter: 'BY', year: 2017, flow: 'X', bucket: 3 };

/** Rows of two partners; `codes` distinct codes, values as given (cents). */
function rows(values: number[], codes = 3): BlockRows & BlockDetail {
  const n = values.length;
  return {
    count: n,
    partners: ['RU', 'RU-KRS'],
    starts: [0, Math.floor(n / 2), n],
    slot: Uint8Array.from(values, (_, i) => i % 13),
    valueCents: Float64Array.from(values),
    code: Uint32Array.from(values, (_, i) => i % codes),
    codes: Array.from({ length: codes }, (_, c) => String(10_000 + c).padStart(6, '0')),
    quantity: Float64Array.from(values, (_, i) => (i % 4 === 0 ? NaN : i / 8)),
    line: Uint32Array.from(values, (_, i) => i + 2),
    revision: Uint8Array.from(values, (_, i) => i % 2),
    revisions: ['H5', 'H6'],
    unit: Uint16Array.from(values, (_, i) => (i % 4 === 0 ? noUnit : 0)),
    units: ['t'],
  };
}

function plain(block: { body: Uint8Array; detail: Uint8Array }) {
  const r = decodeBlock(block.body);
  const d = decodeDetail(block.detail);
  return {
    partners: r.partners,
    starts: r.starts,
    rows: Array.from({ length: r.count }, (_, i) => [
      r.slot[i],
      r.valueCents[i],
      r.codes[r.code[i]!],
      d.quantity[i],
      d.line[i],
      d.revisions[d.revision[i]!],
      d.unit[i] === noUnit ? null : d.units[d.unit[i]!],
    ]),
  };
}

describe('flow blocks', () => {
  it('give back every row as written, values and codes in the narrow or the wide form', () => {
    const cases = [
      rows([1, 2, 300, 0, 2_147_483_647]),
      rows([1, 2_147_483_648, 12_345_678_901_234]),
      rows([-5, 0, -2_147_483_648]),
      rows([7, -3_000_000_000, 1]),
      rows(
        Array.from({ length: 70_000 }, (_, i) => i * 3),
        66_000,
      ),
    ];
    for (const input of cases) {
      const block = encodeBlock(key, input);
      expect(block.rowCount).toBe(input.count);
      const back = plain(block);
      expect(back.partners).toEqual(input.partners);
      expect(back.starts).toEqual(input.starts);
      expect(back.rows).toEqual(
        Array.from({ length: input.count }, (_, i) => [
          input.slot[i],
          input.valueCents[i],
          input.codes[input.code[i]!],
          input.quantity[i],
          input.line[i],
          input.revisions[input.revision[i]!],
          input.unit[i] === noUnit ? null : 't',
        ]),
      );
    }
    // Narrow where it fits: four bytes a value and two a code fewer than the wide form.
    const narrow = encodeBlock(key, rows([1, 2, 3])).body.length;
    const wide = encodeBlock(key, rows([1, 2, 2_147_483_648])).body.length;
    expect(wide - narrow).toBe(3 * 4);
    expect(encodeBlock(key, rows([1, 2, -2_147_483_648])).body.length).toBe(narrow);
    expect(encodeBlock(key, rows([1, 2, -2_147_483_649])).body.length).toBe(wide);
  });

  it('write dictionaries as JSON.stringify does, texts of any characters included', () => {
    const dictionaryOf = (cell: Uint8Array) => {
      const length = new DataView(cell.buffer, cell.byteOffset).getUint32(8, true);
      return Buffer.from(cell.buffer, cell.byteOffset + 16, length).toString('utf8');
    };
    const odd = ['ХК "Минск"', 'back\\slash', 'tab\there', 'кг', ''];
    for (const texts of [['RU', 'RU-KRS', '0101.10'], odd]) {
      const input = { ...rows([1, 2, 3]), partners: texts.slice(0, 2), codes: texts, units: texts };
      const block = encodeBlock(key, input);
      expect(dictionaryOf(block.body)).toBe(
        JSON.stringify({ partners: texts.slice(0, 2).join(','), starts: input.starts, codes: texts.join(',') }),
      );
      expect(dictionaryOf(block.detail)).toBe(JSON.stringify({ revisions: input.revisions, units: texts }));
      expect(decodeDetail(block.detail).units).toEqual(texts);
      const sums = encodeSums({ counterparts: texts, periods: new Uint32Array(5), months: new Float64Array(65) });
      expect(dictionaryOf(sums)).toBe(JSON.stringify(texts));
      expect(decodeSums(sums).counterparts).toEqual(texts);
    }
  });

  it('read from a buffer at any offset, as drivers hand them over', () => {
    const block = encodeBlock(key, rows([5, 6, 7]));
    const shifted = new Uint8Array(block.body.length + 3);
    shifted.set(block.body, 3);
    expect(Array.from(decodeBlock(shifted.subarray(3)).valueCents)).toEqual([5, 6, 7]);
  });

  it('lose the rows of replaced months, keeping the partners that still have some', () => {
    const block = encodeBlock(key, rows([10, 20, 30, 40]));
    // Slots 0 and 1 belong to RU (rows 0, 1), slots 2 and 3 to RU-KRS (rows 2, 3).
    const { block: kept, removed } = blockWithoutSlots(block, (1 << 0) | (1 << 1));
    expect(removed).toBe(2);
    expect(plain(kept!)).toMatchObject({ partners: ['RU-KRS'], starts: [0, 2] });
    expect(plain(kept!).rows.map((r) => r[1])).toEqual([30, 40]);
    expect(blockWithoutSlots(block, 1 << 12)).toEqual({ block, removed: 0 });
    expect(blockWithoutSlots(block, 0b1111)).toEqual({ block: null, removed: 4 });
  });

  it('keep sums by month per counterpart, and lose replaced months of all or of one', () => {
    const months = new Float64Array(26);
    months[1] = 100;
    months[2] = 50;
    months[13 + 1] = 7;
    const body = encodeSums({ counterparts: ['RU', 'UA'], periods: Uint32Array.of(0b110, 0b10), months });
    const sums = decodeSums(body);
    expect(sums.counterparts).toEqual(['RU', 'UA']);
    expect(Array.from(sums.months.subarray(0, 3))).toEqual([0, 100, 50]);

    const january = sumsWithoutSlots(body, 1 << 1, null);
    expect(january.changed).toBe(true);
    const left = decodeSums(january.body!);
    expect(left.counterparts).toEqual(['RU']);
    expect(Array.from(left.months.subarray(0, 3))).toEqual([0, 0, 50]);
    expect(Array.from(left.periods)).toEqual([0b100]);

    const ofUkraine = decodeSums(sumsWithoutSlots(body, 1 << 1, 'UA').body!);
    expect(ofUkraine.counterparts).toEqual(['RU']);
    expect(sumsWithoutSlots(body, 1 << 5, null)).toEqual({ body, changed: false });
    expect(sumsWithoutSlots(body, 0b110, null)).toEqual({ body: null, changed: true });
  });

  it('put a partner in the same bucket every time, spreading partners over all buckets', () => {
    expect(bucketOf('RU-KRS')).toBe(bucketOf('RU-KRS'));
    const codes = Array.from({ length: 400 }, (_, i) => `C${i}`);
    expect(new Set(codes.map(bucketOf)).size).toBe(partnerBuckets);
  });
});
