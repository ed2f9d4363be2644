import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { migrationStatus } from '../db/connection.ts';
import { migrations } from '../db/migrations/index.ts';
import { tablesInDependencyOrder, type DB } from '../db/schema.ts';
import { AccordError } from '../core/errors.ts';
import { placeByScript } from '../core/languages.ts';
import { parseInput, territoryCode } from '../core/model.ts';
import { inTransaction } from '../core/records.ts';
import { tradeFacts, type TradeFacts } from '../trade/facts/index.ts';
import type { StoredFact } from '../trade/facts/store.ts';
import { flowFlags, hsRevision, type FlowRow } from '../trade/model.ts';

export const bundleFormat = 'accord-bundle';

/**
 * The whole database as one JSON document: every table's rows in primary-key order, so exporting,
 * importing and exporting again gives the same bytes. `tables.tradeFacts` holds the trade store's
 * current facts as plain rows, each with its dataset and import numbers (`seq` of trade_datasets and
 * trade_imports) and its source line.
 */
export interface Bundle {
  format: typeof bundleFormat;
  formatVersion: 1;
  schema: string | null;
  tables: Record<string, Record<string, unknown>[]>;
}

// Every column Accord writes is text or an integer (money in minor units, versions, positions) except
// measured trade quantities and outlets' coordinates, so a cell holding anything else, a fraction elsewhere,
// or an integer beyond 2^53 that JSON cannot carry exactly is refused up front.
const fractionalColumns: ReadonlySet<string> = new Set(['quantity', 'latitude', 'longitude', 'confidence']);
// Documents' files are binary; the bundle carries them as base64 text.
const binaryColumns: ReadonlySet<string> = new Set(['content']);
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;
const row = z.record(z.string(), z.union([z.string(), z.number(), z.null()])).superRefine((cells, ctx) => {
  for (const [column, value] of Object.entries(cells)) {
    if (binaryColumns.has(column)) {
      if (typeof value !== 'string' || value.length % 4 !== 0 || !base64.test(value)) {
        ctx.addIssue({ code: 'custom', path: [column], message: 'Invalid input: expected base64 text' });
      }
      continue;
    }
    if (typeof value !== 'number') continue;
    const fine = fractionalColumns.has(column) ? Number.isFinite(value) : Number.isSafeInteger(value);
    if (!fine) ctx.addIssue({ code: 'custom', path: [column], message: 'Invalid input: expected an exact integer' });
  }
});

/**
 * An outlet's point is checked here as the service checks it, so a bad row is named by its number and
 * field rather than found by the database's constraint somewhere in a chunk of a hundred rows.
 */
function checkPoints(rows: Array<Record<string, unknown>>, ctx: z.RefinementCtx): void {
  rows.forEach((cells, index) => {
    const limits = { latitude: 90, longitude: 180 } as const;
    for (const [column, limit] of Object.entries(limits)) {
      const value = cells[column];
      if (value === null || value === undefined) continue;
      if (typeof value !== 'number' || Math.abs(value) > limit) {
        ctx.addIssue({
          code: 'custom',
          path: ['outlets', index, column],
          message: `${column} must be a number of degrees between -${limit} and ${limit}`,
        });
      }
    }
    const given = (column: string) => cells[column] !== null && cells[column] !== undefined;
    if (given('latitude') !== given('longitude')) {
      const [missing, present] = given('latitude') ? ['longitude', 'latitude'] : ['latitude', 'longitude'];
      ctx.addIssue({
        code: 'custom',
        path: ['outlets', index, missing],
        message: `give ${missing} together with ${present}`,
      });
    }
  });
}

const bundleSchema = z.object({
  format: z.literal(bundleFormat),
  formatVersion: z.literal(1),
  schema: z.string().nullable(),
  tables: z.record(z.string(), z.array(row)).superRefine((tables, ctx) => {
    if (tables.outlets) checkPoints(tables.outlets, ctx);
  }),
});

/** The bundle's table of trade facts, beside the tables of the records database. */
const factsTable = 'tradeFacts';

const factRow = z
  .object({
    datasetSeq: z.number().int().positive(),
    importSeq: z.number().int().positive(),
    reporter: territoryCode,
    partner: territoryCode,
    period: z
      .number()
      .int()
      .refine((p) => p >= 195000 && p <= 210012 && p % 100 <= 12, 'expected a period YYYYMM, or YYYY00 for a year'),
    flow: z.enum(['X', 'M']),
    hsCode: z.string().regex(/^(?!00)\d{2}(\d{2}){0,2}$/, 'expected an HS code of 2, 4 or 6 digits'),
    hsRevision,
    valueCents: z.number().int(),
    quantity: z.number().nullable(),
    unit: z.string().min(1).max(50).nullable(),
    flag: z.enum(flowFlags).nullable(),
    line: z.number().int().nonnegative(),
  })
  .strict();
type FactRow = z.output<typeof factRow>;

/** The texts 0006_bilingual_records split into an English and a Russian column, by table. */
const splitTexts: Record<string, readonly string[]> = {
  projects: ['title'],
  meetings: ['title', 'summary'],
  statements: ['text'],
  documents: ['title'],
  meetingParticipants: ['role'],
};

/**
 * How the rows of a bundle written before a migration become the rows after it, for each migration that
 * changed what a bundle holds. A bundle imports into a newer schema only when every migration between
 * the two is listed here.
 */
const bundleUpgrades: Record<string, (tables: Bundle['tables']) => void> = {
  '0006_bilingual_records': (tables) => {
    for (const [table, columns] of Object.entries(splitTexts)) {
      for (const row of tables[table] ?? []) {
        for (const column of columns) {
          if (!(column in row)) continue;
          const placed = placeByScript(row[column] as string | null);
          delete row[column];
          row[`${column}En`] = placed.en;
          row[`${column}Ru`] = placed.ru;
        }
      }
    }
  },
  // Outlets written before had no point; the new columns default to none.
  '0007_outlet_coordinates': () => undefined,
  // The new dates are optional: a bundle written before has none, and the usual rules apply.
  '0008_dates_known': () => undefined,
  // Documents had no files and there were no briefings: both tables start empty.
  '0009_briefing_files': (tables) => {
    tables.documentFiles ??= [];
    tables.briefings ??= [];
  },
  // There were no readouts nor words of users' own, and statements had no opening of a due range.
  '0010_readouts': (tables) => {
    tables.readouts ??= [];
    tables.readoutItems ??= [];
    tables.lexiconTerms ??= [];
  },
  // The trade store's tables are no records' tables; a bundle never carried them.
  '0011_trade_facts': () => undefined,
  // Trade left the flow blocks for plain facts. Blocks are refused rather than decoded here: only the
  // migration knows their format.
  '0012_trade_blocks_to_facts': (tables) => {
    if ((tables.tradeFlowBlocks ?? []).length > 0) {
      throw new AccordError(
        'VALIDATION_FAILED',
        'the bundle holds trade flows as blocks, as Accord wrote them before migration 0012_trade_blocks_to_facts; ' +
          'import it with the Accord that exported it, run accord migrate with this one (which moves the flows ' +
          'into the trade store), then export it again',
        { problems: [{ path: 'tables.tradeFlowBlocks', message: 'trade flow blocks are no longer read' }] },
      );
    }
    delete tables.tradeFlowBlocks;
    delete tables.tradeFlowSums;
    tables[factsTable] ??= [];
  },
  // The trade store's own sums and indexes; a bundle carries facts, from which they are counted.
  '0013_trade_pair_sums': () => undefined,
  '0014_trade_pair_headings': () => undefined,
};

/** The upgrades that bring a bundle from its schema to the database's, or null when there is no such path. */
function upgradesBetween(from: string | null, to: string | null): Array<(tables: Bundle['tables']) => void> | null {
  if (from === to) return [];
  const names = Object.keys(migrations);
  const start = from === null ? -1 : names.indexOf(from);
  const end = to === null ? -1 : names.indexOf(to);
  if (from !== null && start < 0) return null;
  if (end <= start) return null;
  const between = names.slice(start + 1, end + 1);
  if (!between.every((name) => name in bundleUpgrades)) return null;
  return between.map((name) => bundleUpgrades[name]!);
}

/** Tables whose rows Accord seeds itself; an import replaces them with the bundle's copy. */
const referenceTables: ReadonlySet<keyof DB> = new Set(['territories', 'sectors', 'hsCodes']);

export async function exportBundle(db: Db): Promise<Bundle> {
  const status = await migrationStatus(db);
  // One snapshot for all tables, so an edit made while exporting cannot leave a child without its parent.
  const read = async (trx: Db) => {
    const tables: Bundle['tables'] = {};
    for (const { table, key } of tablesInDependencyOrder) {
      const rows = (await trx.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
      for (const r of rows) {
        for (const [column, value] of Object.entries(r)) {
          if (value instanceof Uint8Array)
            r[column] = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
        }
      }
      tables[table] = rows.sort((a, b) => compareKeys(a, b, key));
    }
    return tables;
  };
  const tables = db.isTransaction
    ? await read(db)
    : await db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(read);
  tables[factsTable] = await readFacts(
    await tradeFacts(db),
    tables.tradeDatasets!.map((d) => Number(d.seq)),
  );
  return { format: bundleFormat, formatVersion: 1, schema: status.current, tables };
}

/** The current facts of the datasets, in the same order whichever engine holds them. */
async function readFacts(store: TradeFacts, datasetSeqs: number[]): Promise<Record<string, unknown>[]> {
  const rows: StoredFact[] = [];
  for (const seq of datasetSeqs) {
    for await (const page of store.readFacts(seq)) rows.push(...page);
  }
  const text = (a: string, b: string) => (a === b ? 0 : a < b ? -1 : 1);
  rows.sort(
    (a, b) =>
      a.datasetSeq - b.datasetSeq ||
      a.importSeq - b.importSeq ||
      a.line - b.line ||
      text(a.reporter, b.reporter) ||
      text(a.partner, b.partner) ||
      a.period - b.period ||
      text(a.flow, b.flow) ||
      text(a.hsCode, b.hsCode),
  );
  return rows.map((f) => ({
    datasetSeq: f.datasetSeq,
    importSeq: f.importSeq,
    reporter: f.reporter,
    partner: f.partner,
    period: f.period,
    flow: f.flow,
    hsCode: f.hsCode,
    hsRevision: f.hsRevision,
    valueCents: f.valueCents,
    quantity: f.quantity,
    unit: f.unit,
    flag: f.flag,
    line: f.line,
  }));
}

/**
 * Orders rows by their key in plain code-unit order rather than by the database's collation, which
 * differs between engines and PostgreSQL locales; the same data then always gives the same bundle.
 */
function compareKeys(a: Record<string, unknown>, b: Record<string, unknown>, key: readonly string[]): number {
  for (const column of key) {
    const x = String(a[column]);
    const y = String(b[column]);
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Tables that hold what users entered (everything but reference data). */
export async function userRecordCount(db: Db): Promise<number> {
  let total = 0;
  for (const { table } of tablesInDependencyOrder) {
    if (referenceTables.has(table)) continue;
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    total += Number(row.n);
  }
  return total;
}

/** Refuses to restore over records: a bundle restores into an empty database only. */
async function requireEmpty(db: Db): Promise<void> {
  const existing = await userRecordCount(db);
  if (existing > 0) {
    throw new AccordError(
      'NOT_EMPTY',
      `the database already holds ${existing} records; import restores into an empty database only (create a new one, run accord migrate, then import)`,
    );
  }
}

/**
 * Restores a bundle into a database that holds no user records: all of it or nothing. The trade facts
 * go into the trade store first, an import at a time; the records follow in one transaction, and if
 * they fail the facts are taken out again.
 */
export async function importBundle(db: Db, input: unknown): Promise<{ rows: number }> {
  const bundle = parseInput(bundleSchema, input);
  const status = await migrationStatus(db);
  const upgrades = upgradesBetween(bundle.schema, status.current);
  if (upgrades === null) {
    throw new AccordError(
      'VALIDATION_FAILED',
      `the bundle was written at schema ${bundle.schema ?? '(none)'}, this database is at ${status.current ?? '(none)'}; ` +
        'import it with the Accord version that exported it, or migrate first',
    );
  }
  for (const upgrade of upgrades) upgrade(bundle.tables);
  const known = new Set<string>([...tablesInDependencyOrder.map((t) => t.table), factsTable]);
  const unknown = Object.keys(bundle.tables).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new AccordError(
      'VALIDATION_FAILED',
      `the bundle has tables this Accord does not know: ${unknown.join(', ')}`,
      {
        problems: unknown.map((t) => ({ path: `tables.${t}`, message: 'unknown table' })),
      },
    );
  }
  // The reference tables are replaced by the bundle's copy, so a bundle without them would leave
  // the database with no territories or sectors at all.
  const missing = [...known].filter((t) => !(t in bundle.tables));
  if (missing.length > 0) {
    throw new AccordError('VALIDATION_FAILED', `the bundle lacks tables: ${missing.join(', ')}`, {
      problems: missing.map((t) => ({ path: `tables.${t}`, message: 'missing table' })),
    });
  }
  const { [factsTable]: factCells, ...records } = bundle.tables;
  await requireKnownColumns(db, records);
  const facts = parseInput(z.array(factRow), factCells, `tables.${factsTable}`);
  const imports = importsOfFacts(records, facts);

  await requireEmpty(db);
  const store = await tradeFacts(db);
  const datasetSeqs = (records.tradeDatasets ?? []).map((d) => Number(d.seq)).filter(Number.isSafeInteger);
  // Facts of these numbers with no records are what an import stopped midway left: nothing to keep.
  for (const seq of datasetSeqs) await store.deleteDataset(seq);
  try {
    await restoreFacts(store, imports, facts);
    return await inTransaction(db, async (trx) => {
      await requireEmpty(trx);
      for (const { table } of [...tablesInDependencyOrder].reverse()) {
        if (referenceTables.has(table)) await trx.deleteFrom(table).execute();
      }
      let rows = 0;
      for (const { table } of tablesInDependencyOrder) {
        const tableRows = parentsFirst(records[table] ?? []).map((r) => {
          const binary = Object.keys(r).filter((column) => binaryColumns.has(column));
          if (binary.length === 0) return r;
          return { ...r, ...Object.fromEntries(binary.map((c) => [c, Buffer.from(String(r[c]), 'base64')])) };
        });
        for (let i = 0; i < tableRows.length; i += 100) {
          const chunk = tableRows.slice(i, i + 100);
          try {
            await trx
              .insertInto(table)
              .values(chunk as never)
              .execute();
          } catch (error) {
            throw asRowError(error, table, i, chunk.length);
          }
        }
        rows += tableRows.length;
      }
      return { rows: rows + facts.length };
    });
  } catch (error) {
    for (const seq of datasetSeqs) await store.deleteDataset(seq).catch(() => undefined);
    throw error;
  }
}

interface FactImport {
  id: string;
  datasetSeq: number;
  importSeq: number;
}

/**
 * The bundle's imports that facts belong to, by number. A fact must name an import of the bundle and
 * that import's dataset, and trade of territories the bundle holds.
 */
function importsOfFacts(tables: Bundle['tables'], facts: FactRow[]): Map<number, FactImport> {
  const datasetSeqs = new Map((tables.tradeDatasets ?? []).map((d) => [d.id, Number(d.seq)]));
  const imports = new Map<number, FactImport>();
  for (const i of tables.tradeImports ?? []) {
    const datasetSeq = datasetSeqs.get(i.datasetId);
    if (datasetSeq !== undefined)
      imports.set(Number(i.seq), { id: String(i.id), datasetSeq, importSeq: Number(i.seq) });
  }
  const territories = new Set((tables.territories ?? []).map((t) => t.code));
  const problems: Array<{ path: string; message: string }> = [];
  facts.forEach((fact, index) => {
    const path = `tables.${factsTable}.${index}`;
    const owner = imports.get(fact.importSeq);
    if (!owner)
      problems.push({ path: `${path}.importSeq`, message: `no trade import ${fact.importSeq} in the bundle` });
    else if (owner.datasetSeq !== fact.datasetSeq) {
      problems.push({
        path: `${path}.datasetSeq`,
        message: `trade import ${fact.importSeq} belongs to dataset ${owner.datasetSeq}, not ${fact.datasetSeq}`,
      });
    }
    for (const side of ['reporter', 'partner'] as const) {
      if (!territories.has(fact[side])) {
        problems.push({ path: `${path}.${side}`, message: `territory ${fact[side]} is not in the bundle` });
      }
    }
  });
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new AccordError('VALIDATION_FAILED', `${first.path}: ${first.message}${more}`, { problems });
  }
  return imports;
}

/** Rows staged at once. */
const factsPerBatch = 10_000;

/** Each import's facts staged and published under the numbers the bundle gives them. */
async function restoreFacts(store: TradeFacts, imports: Map<number, FactImport>, facts: FactRow[]): Promise<void> {
  const byImport = new Map<number, FlowRow[]>();
  for (const { datasetSeq: _, importSeq, ...flow } of facts) {
    let rows = byImport.get(importSeq);
    if (!rows) byImport.set(importSeq, (rows = []));
    rows.push(flow);
  }
  for (const [importSeq, rows] of byImport) {
    const { id, datasetSeq } = imports.get(importSeq)!;
    const stage = await store.stage(id);
    try {
      for (let i = 0; i < rows.length; i += factsPerBatch) await stage.add(rows.slice(i, i + factsPerBatch));
      // The import's record comes with the other records, once every import's facts are in.
      await stage.commit(async () => ({ datasetSeq, importSeq }));
    } finally {
      await stage.discard();
    }
  }
}

function camelCase(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, next: string) => next.toUpperCase());
}

/** Refuses a column the database does not have, naming it, rather than failing deep inside an insert. */
async function requireKnownColumns(db: Db, tables: Bundle['tables']): Promise<void> {
  const columns = new Map<string, Set<string>>();
  for (const meta of await db.introspection.getTables()) {
    columns.set(camelCase(meta.name), new Set(meta.columns.map((c) => camelCase(c.name))));
  }
  const problems: Array<{ path: string; message: string }> = [];
  for (const [table, rows] of Object.entries(tables)) {
    const known = columns.get(table) ?? new Set<string>();
    const strange = new Set(rows.flatMap((row) => Object.keys(row).filter((column) => !known.has(column))));
    for (const column of strange) problems.push({ path: `tables.${table}`, message: `unknown column ${column}` });
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AccordError('VALIDATION_FAILED', `${first.path}: ${first.message}`, { problems });
  }
}

const rowErrorCodes = new Set(['23502', '23503', '23505', '23514', '22P02', '22001', '22003']);

/**
 * A row the database refuses (a missing parent, a duplicate key, an empty required column) is the
 * bundle's fault, not Accord's: say which table and rows, and that nothing was imported.
 */
function asRowError(error: unknown, table: string, offset: number, count: number): unknown {
  const code = String((error as { code?: unknown }).code ?? '');
  if (!rowErrorCodes.has(code) && !code.startsWith('SQLITE_CONSTRAINT') && code !== 'SQLITE_MISMATCH') return error;
  const where = `tables.${table}`;
  const message = `rows ${offset + 1}–${offset + count} were refused (${(error as Error).message}); nothing was imported`;
  return new AccordError('VALIDATION_FAILED', `${where}: ${message}`, {
    problems: [{ path: where, message }],
    cause: error,
  });
}

/** Orders rows of a self-referencing table (territories, sectors) so each parent precedes its children. */
function parentsFirst(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  if (rows.length === 0 || !('parentCode' in rows[0]!)) return rows;
  const depth = new Map<unknown, number>();
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const depthOf = (row: Record<string, unknown>, seen = 0): number => {
    const cached = depth.get(row.code);
    if (cached !== undefined) return cached;
    const parent = row.parentCode === null ? undefined : byCode.get(row.parentCode);
    const d = parent && seen < 16 ? depthOf(parent, seen + 1) + 1 : 0;
    depth.set(row.code, d);
    return d;
  };
  return [...rows].sort((a, b) => depthOf(a) - depthOf(b));
}
