import type { Kysely } from 'kysely';
import { placeByScript } from '../../core/languages.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/** Each text that users write in either language; every one of these tables has an `id` key. */
const texts = [
  { table: 'projects', column: 'title' },
  { table: 'meetings', column: 'title' },
  { table: 'meetings', column: 'summary' },
  { table: 'statements', column: 'text' },
  { table: 'documents', column: 'title' },
  { table: 'meeting_participants', column: 'role' },
] as const;

/**
 * Projects, meetings, statements, documents and participants' roles keep their texts in English and in
 * Russian, as organizations and people keep their names; either is enough. A text written before goes to
 * the language of its script, as nothing else tells which one it is in.
 */
export async function up(db: AnyDb): Promise<void> {
  // Rows as stored (snake_case), whatever plugins the caller's connection has.
  const plain = db.withoutPlugins();
  for (const { table, column } of texts) {
    await plain.schema.alterTable(table).addColumn(`${column}_en`, 'text').execute();
    await plain.schema.alterTable(table).addColumn(`${column}_ru`, 'text').execute();
    const rows = (await plain.selectFrom(table).select(['id', column]).execute()) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const placed = placeByScript(row[column] as string | null);
      if (placed.en === null && placed.ru === null) continue;
      await plain
        .updateTable(table)
        .set({ [`${column}_en`]: placed.en, [`${column}_ru`]: placed.ru })
        .where('id', '=', row.id)
        .execute();
    }
    await plain.schema.alterTable(table).dropColumn(column).execute();
  }
}
