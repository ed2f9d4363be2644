import { PostgresAdapter, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

/**
 * What a principal was handed stays as it was handed: a document may keep its file (the bytes in the
 * database, beside their name, type, size and SHA-256, so a bundle carries them), and a briefing document
 * says which relationship, day, language and format it was produced for, and by whom. Both go with their
 * document; a briefing keeps its relationship and meeting from being deleted under it.
 */
export async function up(db: AnyDb): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('document_files')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // Last, so that reading what a file is does not read the file.
    .addColumn('content', binary, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('briefings')
    .addColumn('document_id', 'text', (c) => c.primaryKey().references('documents.id').onDelete('cascade'))
    .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id'))
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('marking', 'text')
    .addColumn('author', 'text')
    .addColumn('produced_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('briefings_relationship').on('briefings').column('relationship_id').execute();
  await db.schema.createIndex('briefings_meeting').on('briefings').column('meeting_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('briefings').execute();
  await db.schema.dropTable('document_files').execute();
}
