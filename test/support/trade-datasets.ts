import { newId } from '../../src/core/ids.ts';
import { nowIso } from '../../src/core/records.ts';
import type { Db } from '../../src/db/connection.ts';
import type { FlowFlag } from '../../src/trade/model.ts';
import { insertFlows } from './trade.ts';

/** A flow as a test writes it: whole dollars, and only what the test is about. */
export interface TestFlow {
  period: number;
  reporter: string;
  partner: string;
  flow: 'X' | 'M';
  hs: string;
  usd: number;
  quantity?: number;
  unit?: string;
  flag?: FlowFlag;
  revision?: string;
}

/** A new dataset of the given kind holding the flows, stored as an import stores them; answers its id. */
export async function makeTradeDataset(
  db: Db,
  kind: string,
  flows: TestFlow[],
  name = `test ${kind} ${newId()}`,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const taken = await db
    .selectFrom('tradeDatasets')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  const seq = Number(taken?.seq ?? 0) + 1;
  await db
    .insertInto('tradeDatasets')
    .values({
      id,
      name,
      seq,
      kind,
      source: 'hand-made',
      notes: null,
      rowCount: flows.length,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  await insertFlows(
    db,
    { datasetSeq: seq, importSeq: seq, datasetId: id },
    flows.map((f, i) => ({
      line: i + 2,
      period: f.period,
      reporter: f.reporter,
      partner: f.partner,
      flow: f.flow,
      hsCode: f.hs,
      hsRevision: f.revision ?? 'H5',
      valueCents: f.usd * 100,
      quantity: f.quantity ?? null,
      unit: f.unit ?? null,
      flag: f.flag ?? null,
    })),
  );
  return id;
}

/** A statistical territory (areas n.e.s. and the like) in the registry, as an import adds it. */
export async function makeGrouping(db: Db, code: string, nameEn: string): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('territories')
    .values({
      code,
      kind: 'grouping',
      parentCode: null,
      alpha3: null,
      numericCode: code.slice(-3),
      nameEn,
      nameRu: nameEn,
      searchText: code.toLowerCase(),
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/**
 * A month of a pair's exports big enough for the trade store to keep its sums by heading: `facts` flows
 * over headings of ten subheadings each (5,000 make 500 headings).
 */
export function bigMonthOfExports(reporter: string, partner: string, period: number, facts = 5000): TestFlow[] {
  return Array.from({ length: facts }, (_, i) => ({
    period,
    reporter,
    partner,
    flow: 'X' as const,
    hs: `${10 + Math.floor(i / 100)}${10 + (Math.floor(i / 10) % 10)}${10 + (i % 10)}`,
    usd: 1 + (i % 7),
  }));
}
