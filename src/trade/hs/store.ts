import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { HsCodeTable } from '../../db/schema.ts';
import { containsText } from '../../core/records.ts';

const columns = ['revision', 'code', 'level', 'parentCode', 'titleEn', 'titleRu'] as const;

// Eight columns a row: 500 rows stay far below the bind-parameter limits of both engines.
const insertChunk = 500;
const lookupChunk = 500;

export async function deleteRevision(db: Db, revision: string): Promise<number> {
  const result = await db.deleteFrom('hsCodes').where('revision', '=', revision).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertHsCodes(db: Db, rows: Insertable<HsCodeTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += insertChunk) {
    await db
      .insertInto('hsCodes')
      .values(rows.slice(i, i + insertChunk))
      .execute();
  }
}

export function findHsCode(db: Db, revision: string, code: string) {
  return db
    .selectFrom('hsCodes')
    .select(columns)
    .where('revision', '=', revision)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function findHsCodes(db: Db, revision: string, codes: string[]) {
  const rows = [];
  for (let i = 0; i < codes.length; i += lookupChunk) {
    rows.push(
      ...(await db
        .selectFrom('hsCodes')
        .select(columns)
        .where('revision', '=', revision)
        .where('code', 'in', codes.slice(i, i + lookupChunk))
        .execute()),
    );
  }
  return rows;
}

/** Codes of the given levels in one revision, for checks that run once per imported row. */
export async function codesOfRevision(db: Db, revision: string, levels: number[]): Promise<string[]> {
  const rows = await db
    .selectFrom('hsCodes')
    .select('code')
    .where('revision', '=', revision)
    .where('level', 'in', levels)
    .execute();
  return rows.map((r) => r.code);
}

export interface HsSearch {
  revision: string;
  /** Codes starting with these digits; otherwise `words`, each contained in the code or title. */
  prefix?: string;
  words?: string[];
  /** Chapter codes answered from elsewhere, so the table's copy of them is left out. */
  exceptChapters: string[];
  limit: number;
}

export function searchHsCodes(db: Db, search: HsSearch) {
  let query = db
    .selectFrom('hsCodes')
    .select(columns)
    .where('revision', '=', search.revision)
    .where((eb) => eb.or([eb('level', '<>', 2), eb('code', 'not in', search.exceptChapters)]));
  if (search.prefix !== undefined) query = query.where('code', 'like', `${search.prefix}%`);
  for (const word of search.words ?? []) query = query.where(containsText('searchText', word));
  return query.orderBy('code').limit(search.limit).execute();
}

export async function revisionCounts(db: Db) {
  const rows = await db
    .selectFrom('hsCodes')
    .select((eb) => ['revision', 'level', eb.fn.countAll<number>().as('n'), eb.fn.max('source').as('source')])
    .groupBy(['revision', 'level'])
    .execute();
  return rows.map((r) => ({ revision: r.revision, level: Number(r.level), count: Number(r.n), source: r.source }));
}

export async function loadedRevisions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('hsCodes').select('revision').distinct().execute();
  return rows.map((r) => r.revision);
}
