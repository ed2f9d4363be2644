import { type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * A readout read into a draft: the text is kept as a document (its file holds the text, its SHA-256 tells the
 * same text sent again), the draft's items each keep the span they were read from and, once accepted, the
 * record written for them. A statement may now be due within a range ("next year or the year after"):
 * `due_from` opens it, the existing `due_on` closes it. Users add their own words for commodities and
 * sectors to the lexicon the extraction reads.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('statements').addColumn('due_from', 'text').execute();
  await db.schema
    .createTable('readouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().unique().references('documents.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull().unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('document_date', 'text', (c) => c.notNull())
    .addColumn('date_stated', 'integer', (c) => c.notNull())
    .addColumn('relationship_id', 'text', (c) => c.references('relationships.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();
  await db.schema.createIndex('readouts_relationship').on('readouts').column('relationship_id').execute();
  await db.schema
    .createTable('readout_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('readout_id', 'text', (c) => c.notNull().references('readouts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('sentence_start', 'integer', (c) => c.notNull())
    .addColumn('sentence_end', 'integer', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('edited', 'integer', (c) => c.notNull())
    // JSON of the item's kind: its value, match, candidates and (trade figures) the computed figure.
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('match', 'text')
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('computed', 'text')
    .addColumn('record_id', 'text')
    .execute();
  await db.schema.createIndex('readout_items_readout').on('readout_items').column('readout_id').execute();
  await db.schema
    .createTable('lexicon_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('lexicon_terms_unique', ['kind', 'language', 'term'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('lexicon_terms').execute();
  await db.schema.dropTable('readout_items').execute();
  await db.schema.dropTable('readouts').execute();
  await db.schema.alterTable('statements').dropColumn('due_from').execute();
}
