import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { migrationStatus } from '../db/connection.ts';
import { tablesInDependencyOrder, type DB } from '../db/schema.ts';
import { AccordError } from '../shared/errors.ts';
import { parseInput } from '../shared/model.ts';
import { inTransaction } from '../shared/records.ts';

export const bundleFormat = 'accord-bundle';

/**
 * The whole database as one JSON document: every table's rows in primary-key order, so exporting,
 * importing and exporting again gives the same bytes.
 */
export interface Bundle {
  format: typeof bundleFormat;
  formatVersion: 1;
  schema: string | null;
  tables: Record<string, Record<string, unknown>[]>;
}

const bundleSchema = z.object({
  format: z.literal(bundleFormat),
  formatVersion: z.literal(1),
  schema: z.string().nullable(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});

/** Tables whose rows Accord seeds itself; an import replaces them with the bundle's copy. */
const referenceTables: ReadonlySet<keyof DB> = new Set(['territories', 'sectors']);

export async function exportBundle(db: Db): Promise<Bundle> {
  const status = await migrationStatus(db);
  const tables: Bundle['tables'] = {};
  for (const { table, key } of tablesInDependencyOrder) {
    let query = db.selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column as never);
    tables[table] = (await query.execute()) as Record<string, unknown>[];
  }
  return { format: bundleFormat, formatVersion: 1, schema: status.current, tables };
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

/**
 * Restores a bundle into a database that holds no user records, in one transaction: all of it or nothing.
 */
export async function importBundle(db: Db, input: unknown): Promise<{ rows: number }> {
  const bundle = parseInput(bundleSchema, input);
  const status = await migrationStatus(db);
  if (bundle.schema !== status.current) {
    throw new AccordError(
      'VALIDATION_FAILED',
      `the bundle was written at schema ${bundle.schema ?? '(none)'}, this database is at ${status.current ?? '(none)'}; ` +
        'import it with the Accord version that exported it, or migrate first',
    );
  }
  const known = new Set<string>(tablesInDependencyOrder.map((t) => t.table));
  const unknown = Object.keys(bundle.tables).filter((t) => !known.has(t));
  if (unknown.length > 0) {
    throw new AccordError('VALIDATION_FAILED', `the bundle has tables this Accord does not know: ${unknown.join(', ')}`);
  }
  return inTransaction(db, async (trx) => {
    const existing = await userRecordCount(trx);
    if (existing > 0) {
      throw new AccordError(
        'NOT_EMPTY',
        `the database already holds ${existing} records; import restores into an empty database only (create a new one, run accord migrate, then import)`,
      );
    }
    for (const { table } of [...tablesInDependencyOrder].reverse()) {
      if (referenceTables.has(table)) await trx.deleteFrom(table).execute();
    }
    let rows = 0;
    for (const { table } of tablesInDependencyOrder) {
      const tableRows = parentsFirst(bundle.tables[table] ?? []);
      for (let i = 0; i < tableRows.length; i += 100) {
        await trx
          .insertInto(table)
          .values(tableRows.slice(i, i + 100) as never)
          .execute();
      }
      rows += tableRows.length;
    }
    return { rows };
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
