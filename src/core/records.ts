import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { DB } from '../db/schema.ts';
import { AccordError, notFound, type Problem } from './errors.ts';
import type { Page, PageQuery } from './model.ts';

export function nowIso(): string {
  return new Date().toISOString();
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Lower-cased text for portable substring search (SQLite's lower() knows only ASCII). */
export function searchText(...parts: Array<string | null | undefined>): string {
  return normalizeSearch(parts.filter((p): p is string => !!p).join(' | '));
}

export function normalizeSearch(text: string): string {
  return text.toLocaleLowerCase('ru').replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${normalizeSearch(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains `text`, case-insensitively, on both engines (the column holds normalized text). */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} like ${containsPattern(text)} escape '\\'`;
}

// Kysely cannot type a column chosen at run time across many tables; callers pass typed patches.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTables = Record<string, any>;

type VersionedTable = {
  [K in keyof DB]: DB[K] extends { version: number; updatedAt: string } ? K : never;
}[keyof DB];

/**
 * Applies `patch` only if the record still has the version the editor saw, and bumps the version.
 * A stale version is refused with the current one so the caller can show both.
 */
export async function updateVersioned(
  db: Db,
  table: VersionedTable,
  key: { column: string; value: string; label: string },
  expectedVersion: number,
  patch: Record<string, unknown>,
): Promise<void> {
  const anyDb = db as unknown as Kysely<AnyTables>;
  const result = await anyDb
    .updateTable(table)
    .set({ ...patch, version: sql`version + 1`, updatedAt: nowIso() })
    .where(key.column, '=', key.value)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const current = await anyDb.selectFrom(table).select('version').where(key.column, '=', key.value).executeTakeFirst();
  if (!current) throw notFound(key.label, key.value);
  throw staleVersion(key.label, key.value, expectedVersion, Number(current.version));
}

export function staleVersion(label: string, id: string, given: number, current: number): AccordError {
  return new AccordError(
    'STALE_VERSION',
    `${label} ${id} was changed by someone else: you edited version ${given}, it is now at version ${current}`,
    { details: { id, givenVersion: given, currentVersion: current } },
  );
}

export async function paged<T>(
  page: PageQuery,
  count: () => Promise<number>,
  items: (limit: number, offset: number) => Promise<T[]>,
): Promise<Page<T>> {
  const [total, rows] = await Promise.all([count(), items(page.limit, page.offset)]);
  return { items: rows, total, limit: page.limit, offset: page.offset };
}

/**
 * Deletes a record only if it still has the version the user saw. A record other records still point
 * to is refused with REFERENCED rather than leaving them dangling.
 */
export async function deleteVersioned(
  db: Db,
  table: VersionedTable,
  key: { column: string; value: string; label: string },
  expectedVersion: number,
): Promise<void> {
  const anyDb = db as unknown as Kysely<AnyTables>;
  const current = await anyDb.selectFrom(table).select('version').where(key.column, '=', key.value).executeTakeFirst();
  if (!current) throw notFound(key.label, key.value);
  if (Number(current.version) !== expectedVersion) {
    throw staleVersion(key.label, key.value, expectedVersion, Number(current.version));
  }
  try {
    await anyDb.deleteFrom(table).where(key.column, '=', key.value).where('version', '=', expectedVersion).execute();
  } catch (error) {
    throw asConstraintError(error, `${key.label} ${key.value}`);
  }
}

/** Maps a database constraint violation to the error users understand; anything else passes through. */
export function asConstraintError(error: unknown, subject: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AccordError('REFERENCED', `${subject} is still referenced by other records; remove those first`, {
      cause: error,
    });
  }
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AccordError('CONFLICT', `${subject} already exists`, { cause: error });
  }
  return error;
}

/**
 * Checks that every referenced record exists and names every field whose reference does not, so a
 * statement on a meeting that does not exist is refused before anything is written.
 */
export async function requireReferences(
  db: Db,
  references: Array<{ path: string; table: keyof DB; id: string | null | undefined; label: string }>,
): Promise<void> {
  const anyDb = db as unknown as Kysely<AnyTables>;
  const problems: Problem[] = [];
  for (const ref of references) {
    if (ref.id === null || ref.id === undefined) continue;
    const keyColumn = ref.table === 'territories' || ref.table === 'sectors' ? 'code' : 'id';
    const row = await anyDb.selectFrom(ref.table).select(keyColumn).where(keyColumn, '=', ref.id).executeTakeFirst();
    if (!row) {
      problems.push({
        path: ref.path,
        message: `${ref.label} ${ref.id} does not exist`,
        code: 'not_found',
        params: { id: ref.id },
      });
    }
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new AccordError('VALIDATION_FAILED', `${first.path}: ${first.message}`, { problems });
  }
}

/**
 * Runs `work` in a transaction, or inside the caller's one when there already is one, so a service can
 * be composed into a larger all-or-nothing operation such as loading the demo.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
