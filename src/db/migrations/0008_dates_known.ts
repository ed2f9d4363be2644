import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * The dates that decide what was known on a day (a briefing "as of"): a statement's own date where it was
 * made apart from its meeting (a letter after the talks), the day an outlet closed, and how long after a
 * month ends a dataset's figures for it are published. Each is optional; without it the meeting's date,
 * "still open" and the dataset kind's usual lag apply.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('statements').addColumn('stated_on', 'text').execute();
  await db.schema.alterTable('outlets').addColumn('closed_on', 'text').execute();
  await db.schema
    .alterTable('trade_datasets')
    .addColumn('publication_lag_days', 'integer', (c) => c.check(sql`publication_lag_days between 0 and 3660`))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('trade_datasets').dropColumn('publication_lag_days').execute();
  await db.schema.alterTable('outlets').dropColumn('closed_on').execute();
  await db.schema.alterTable('statements').dropColumn('stated_on').execute();
}
