import { newId } from '../../src/core/ids.ts';
import { nowIso } from '../../src/core/records.ts';
import type { Db } from '../../src/db/connection.ts';
import { tradeFacts } from '../../src/trade/facts/index.ts';
import type { FlowSum, StoredFact } from '../../src/trade/facts/store.ts';
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
  const importId = newId();
  const stage = await (await tradeFacts(db)).stage(importId);
  await stage.add(flows);
  await stage.commit(async (trx) => {
    if (keys.datasetId) {
      await trx
        .insertInto('tradeImports')
        .values({
          id: importId,
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
    return { datasetSeq: keys.datasetSeq, importSeq: keys.importSeq };
  });
}

/** A dataset's number in the trade store; none (-1) once it is deleted, so that it has no facts. */
async function seqOf(db: Db, datasetName: string): Promise<number> {
  const row = await db.selectFrom('tradeDatasets').select('seq').where('name', '=', datasetName).executeTakeFirst();
  return row ? Number(row.seq) : -1;
}

/** Every flow of a dataset as the trade store holds it, in file order (import, then line). */
export async function flowsOf(db: Db, datasetName: string) {
  const facts: StoredFact[] = [];
  for await (const page of (await tradeFacts(db)).readFacts(await seqOf(db, datasetName))) facts.push(...page);
  return facts
    .sort((a, b) => a.importSeq - b.importSeq || a.line - b.line)
    .map((f) => ({
      sourceLine: f.line,
      period: f.period,
      reporter: f.reporter,
      partner: f.partner,
      flow: f.flow,
      hsCode: f.hsCode,
      hsRevision: f.hsRevision,
      valueCents: f.valueCents,
      quantity: f.quantity,
      unit: f.unit,
    }));
}

/**
 * A dataset's sums by reporter, partner, period and direction as the store answers them, each with the
 * number of rows behind it: the sums kept beside the facts must agree with the facts.
 */
export async function pairPeriodsOf(db: Db, datasetName: string) {
  const facts = await tradeFacts(db);
  const datasetSeq = await seqOf(db, datasetName);
  const flows = await flowsOf(db, datasetName);
  const counts = new Map<string, { rows: number; valueCents: number }>();
  for (const flow of flows) {
    const name = `${flow.reporter}|${flow.partner}|${flow.period}|${flow.flow}`;
    const count = counts.get(name) ?? { rows: 0, valueCents: 0 };
    count.rows += 1;
    count.valueCents += flow.valueCents;
    counts.set(name, count);
  }
  const years = flows.map((f) => Math.floor(f.period / 100));
  const range = { from: Math.min(...years) * 100 + 1, to: Math.max(...years) * 100 + 12 };
  const pairs = new Set(flows.map((f) => `${f.reporter}|${f.partner}`));
  const sums = [];
  for (const pair of pairs) {
    const [reporter, partner] = pair.split('|') as [string, string];
    const view = { datasetSeq, home: reporter, mirrorImports: false };
    for (const sum of await facts.sumsByPeriod(view, partner, range)) {
      const name = `${reporter}|${partner}|${sum.key}|${sum.flow}`;
      if (counts.get(name)?.valueCents !== sum.valueCents)
        throw new Error(`the sums by month differ from the facts at ${name}`);
      sums.push({
        reporter,
        partner,
        period: Number(sum.key),
        flow: sum.flow,
        valueCents: sum.valueCents,
        flowRows: counts.get(name)!.rows,
      });
    }
  }
  if (sums.length !== counts.size) throw new Error('the sums by month miss some of the facts');
  return sums.sort(
    (a, b) =>
      a.reporter.localeCompare(b.reporter) ||
      a.partner.localeCompare(b.partner) ||
      a.period - b.period ||
      a.flow.localeCompare(b.flow),
  );
}

/** Sums in a stable order, without the zero ones. */
export function sortedSums(sums: FlowSum[]): FlowSum[] {
  return sums
    .filter((s) => s.valueCents !== 0)
    .sort((a, b) => a.key.localeCompare(b.key) || a.flow.localeCompare(b.flow));
}

/** Sums by a finer code added up by its first `digits` digits. */
export function cutTo(digits: number, sums: FlowSum[]): FlowSum[] {
  const byKey = new Map<string, FlowSum>();
  for (const s of sums) {
    const key = s.key.slice(0, digits);
    const at = byKey.get(`${key} ${s.flow}`);
    if (at) at.valueCents += s.valueCents;
    else byKey.set(`${key} ${s.flow}`, { key, flow: s.flow, valueCents: s.valueCents });
  }
  return [...byKey.values()];
}
