import { blockWithoutSlots, sumsWithoutSlots } from '../flow-blocks.ts';
import { bytes, type BlockSlices } from './block-builder.ts';

/** The few statements slice replacement runs, on the import's own connection; `?` marks a parameter. */
export interface SliceStatements {
  all(sql: string, args: unknown[]): Promise<Array<Record<string, unknown>>>;
  run(sql: string, args: unknown[]): Promise<void>;
}

const blockKey =
  'dataset_seq = ? and reporter = ? and year = ? and flow = ? and bucket = ? and import_seq = ? and part = ?';
const sumsKey =
  'dataset_seq = ? and side = ? and territory = ? and year = ? and flow = ? and import_seq = ? and part = ?';

/**
 * Takes the slices (reporter, period, direction) an import holds out of the dataset's earlier imports:
 * their blocks lose those months' rows, and the sums by month lose them on both sides. Returns the
 * number of rows replaced.
 */
export async function removeReplacedSlices(
  db: SliceStatements,
  keys: { datasetSeq: number; importSeq: number },
  slices: BlockSlices[],
): Promise<number> {
  let replaced = 0;
  for (const s of slices) {
    const earlier = [keys.datasetSeq, s.reporter, s.year, s.flow, keys.importSeq];
    const blocks = await db.all(
      `select bucket, import_seq, part, row_count, body, detail from trade_flow_blocks
       where dataset_seq = ? and reporter = ? and year = ? and flow = ? and import_seq <> ?`,
      earlier,
    );
    for (const row of blocks) {
      const block = {
        reporter: s.reporter,
        year: s.year,
        flow: s.flow,
        bucket: Number(row.bucket),
        rowCount: Number(row.row_count),
        body: row.body as Uint8Array,
        detail: row.detail as Uint8Array,
      };
      const { block: kept, removed } = blockWithoutSlots(block, s.slots);
      if (removed === 0) continue;
      replaced += removed;
      const key = [keys.datasetSeq, s.reporter, s.year, s.flow, block.bucket, row.import_seq, row.part];
      if (kept) {
        await db.run(`update trade_flow_blocks set row_count = ?, body = ?, detail = ? where ${blockKey}`, [
          kept.rowCount,
          bytes(kept.body),
          bytes(kept.detail),
          ...key,
        ]);
      } else {
        await db.run(`delete from trade_flow_blocks where ${blockKey}`, key);
      }
    }

    const own = await db.all(
      `select side, territory, import_seq, part, body from trade_flow_sums
       where dataset_seq = ? and side = 'reporter' and territory = ? and year = ? and flow = ? and import_seq <> ?`,
      earlier,
    );
    const mirrored = await db.all(
      `select side, territory, import_seq, part, body from trade_flow_sums
       where dataset_seq = ? and side = 'partner' and year = ? and flow = ? and import_seq <> ?`,
      [keys.datasetSeq, s.year, s.flow, keys.importSeq],
    );
    for (const row of [...own, ...mirrored]) {
      const counterpart = row.side === 'partner' ? s.reporter : null;
      const { body, changed } = sumsWithoutSlots(row.body as Uint8Array, s.slots, counterpart);
      if (!changed) continue;
      const key = [keys.datasetSeq, row.side, row.territory, s.year, s.flow, row.import_seq, row.part];
      if (body) await db.run(`update trade_flow_sums set body = ? where ${sumsKey}`, [bytes(body), ...key]);
      else await db.run(`delete from trade_flow_sums where ${sumsKey}`, key);
    }
  }
  return replaced;
}
