import { newId } from '../../src/core/ids.ts';
import { nowIso } from '../../src/core/records.ts';
import type { Db } from '../../src/db/connection.ts';
import {
  decodeBlock,
  decodeDetail,
  decodeSums,
  noUnit,
  periodOfSlot,
  slotsPerYear,
} from '../../src/trade/flow-blocks.ts';
import { ImportBlocks } from '../../src/trade/importers/block-builder.ts';
import { FlowPacker, maxPackedRows } from '../../src/trade/importers/packed.ts';
import type { FlowRow } from '../../src/trade/model.ts';

/**
 * Writes flows into a dataset as an import stores them, for tests that need trade without a file; with
 * `datasetId`, also the record of that import, from which the dataset's periods are read.
 */
export async function insertFlows(
  db: Db,
  keys: { datasetSeq: number; importSeq: number; datasetId?: string },
  flows: FlowRow[],
): Promise<void> {
  const packer = new FlowPacker();
  const blocks = new ImportBlocks(keys);
  const parts = [];
  for (let start = 0; start < flows.length; start += maxPackedRows) {
    parts.push(...blocks.add(packer.pack(flows, start, Math.min(flows.length, start + maxPackedRows))));
  }
  parts.push(...blocks.rest());
  const plain = db.withoutPlugins();
  for (const part of parts) {
    for (const row of part.blocks)
      await plain
        .insertInto('trade_flow_blocks' as never)
        .values(row as never)
        .execute();
    for (const row of part.sums)
      await plain
        .insertInto('trade_flow_sums' as never)
        .values(row as never)
        .execute();
  }
  if (keys.datasetId) {
    await db
      .insertInto('tradeImports')
      .values({
        id: newId(),
        datasetId: keys.datasetId,
        seq: keys.importSeq,
        format: 'test',
        fileName: 'flows.csv',
        fileHash: '0'.repeat(64),
        rowsImported: flows.length,
        rowsReplaced: 0,
        periodFrom: Math.min(...flows.map((f) => f.period)),
        periodTo: Math.max(...flows.map((f) => f.period)),
        importedAt: nowIso(),
      })
      .execute();
  }
}

/** Every row of a block, as stored: its partners' rows in block order. */
export function rowsOfBlock(block: {
  reporter: string;
  year: number | string;
  flow: string;
  body: Uint8Array;
  detail: Uint8Array;
}) {
  const rows = decodeBlock(block.body);
  const detail = decodeDetail(block.detail);
  return rows.partners.flatMap((partner, p) =>
    Array.from({ length: rows.starts[p + 1]! - rows.starts[p]! }, (_, k) => {
      const i = rows.starts[p]! + k;
      return {
        sourceLine: detail.line[i]!,
        period: periodOfSlot(Number(block.year), rows.slot[i]!),
        reporter: block.reporter,
        partner,
        flow: block.flow,
        hsCode: rows.codes[rows.code[i]!]!,
        hsRevision: detail.revisions[detail.revision[i]!]!,
        valueCents: rows.valueCents[i]!,
        quantity: Number.isNaN(detail.quantity[i]!) ? null : detail.quantity[i]!,
        unit: detail.unit[i] === noUnit ? null : detail.units[detail.unit[i]!]!,
      };
    }),
  );
}

/** Every flow of a dataset, read back from its blocks, in file order (import, then line). */
export async function flowsOf(db: Db, datasetName: string) {
  const blocks = await db
    .selectFrom('tradeFlowBlocks')
    .innerJoin('tradeDatasets', 'tradeDatasets.seq', 'tradeFlowBlocks.datasetSeq')
    .select(['reporter', 'year', 'flow', 'importSeq', 'body', 'detail'])
    .where('tradeDatasets.name', '=', datasetName)
    .execute();
  const flows = blocks.flatMap((block) =>
    rowsOfBlock(block).map((row) => ({ importSeq: Number(block.importSeq), ...row })),
  );
  return flows
    .sort((a, b) => a.importSeq - b.importSeq || a.sourceLine - b.sourceLine)
    .map(({ importSeq: _, ...flow }) => flow);
}

/**
 * A dataset's sums by reporter, partner, period and direction as kept beside the blocks, checked against
 * the other side's copy (by partner) and with the number of rows behind each from the blocks.
 */
export async function pairPeriodsOf(db: Db, datasetName: string) {
  const stored = await db
    .selectFrom('tradeFlowSums')
    .innerJoin('tradeDatasets', 'tradeDatasets.seq', 'tradeFlowSums.datasetSeq')
    .select(['side', 'territory', 'year', 'flow', 'body'])
    .where('tradeDatasets.name', '=', datasetName)
    .execute();
  const sides = { reporter: new Map<string, number>(), partner: new Map<string, number>() };
  for (const row of stored) {
    const sums = decodeSums(row.body);
    sums.counterparts.forEach((counterpart, c) => {
      const [reporter, partner] = row.side === 'reporter' ? [row.territory, counterpart] : [counterpart, row.territory];
      for (let slot = 0; slot < slotsPerYear; slot += 1) {
        if ((sums.periods[c]! & (1 << slot)) === 0) continue;
        const name = `${reporter}|${partner}|${periodOfSlot(Number(row.year), slot)}|${row.flow}`;
        const map = sides[row.side as 'reporter' | 'partner'];
        map.set(name, (map.get(name) ?? 0) + sums.months[c * slotsPerYear + slot]!);
      }
    });
  }
  if (JSON.stringify([...sides.reporter].sort()) !== JSON.stringify([...sides.partner].sort())) {
    throw new Error('the sums kept by reporter and by partner differ');
  }
  const counts = new Map<string, number>();
  for (const flow of await flowsOf(db, datasetName)) {
    const name = `${flow.reporter}|${flow.partner}|${flow.period}|${flow.flow}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...sides.reporter]
    .map(([name, valueCents]) => {
      const [reporter, partner, period, flow] = name.split('|') as [string, string, string, string];
      return { reporter, partner, period: Number(period), flow, valueCents, flowRows: counts.get(name) ?? 0 };
    })
    .sort(
      (a, b) =>
        a.reporter.localeCompare(b.reporter) ||
        a.partner.localeCompare(b.partner) ||
        a.period - b.period ||
        a.flow.localeCompare(b.flow),
    );
}
