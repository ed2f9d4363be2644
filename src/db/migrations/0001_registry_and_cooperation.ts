import type { CreateTableBuilder, Kysely } from 'kysely';

// Portable on SQLite and PostgreSQL: text ids, text ISO dates (YYYY-MM-DD) and timestamps,
// integer money in minor units (bigint), no booleans, no JSON columns.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyTable = CreateTableBuilder<string, any>;

/** A table of records users edit: every one carries a version for optimistic locking. */
async function editable(db: AnyDb, table: string, build: (t: AnyTable) => AnyTable): Promise<void> {
  await build(db.schema.createTable(table))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function up(db: AnyDb): Promise<void> {
  await editable(db, 'territories', (t) =>
    t
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text', (c) => c.references('territories.code'))
      .addColumn('alpha3', 'text')
      .addColumn('numeric_code', 'text')
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('name_ru', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('territories_parent').on('territories').column('parent_code').execute();

  await editable(db, 'sectors', (t) =>
    t
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('parent_code', 'text', (c) => c.references('sectors.code'))
      .addColumn('title_en', 'text', (c) => c.notNull())
      .addColumn('title_ru', 'text', (c) => c.notNull()),
  );

  await editable(db, 'documents', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('published_on', 'text')
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text')
      .addColumn('publisher', 'text')
      .addColumn('notes', 'text'),
  );

  await editable(db, 'relationships', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('home_code', 'text', (c) => c.notNull().references('territories.code'))
      .addColumn('partner_code', 'text', (c) => c.notNull().references('territories.code'))
      .addColumn('title', 'text')
      .addColumn('notes', 'text')
      .addUniqueConstraint('relationships_pair', ['home_code', 'partner_code']),
  );

  await editable(db, 'agreements', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('signed_on', 'text')
      .addColumn('in_force_from', 'text')
      .addColumn('in_force_to', 'text')
      .addColumn('document_id', 'text', (c) => c.references('documents.id'))
      .addColumn('notes', 'text'),
  );
  await db.schema.createIndex('agreements_relationship').on('agreements').column('relationship_id').execute();

  await editable(db, 'organizations', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text')
      .addColumn('name_ru', 'text')
      .addColumn('territory_code', 'text', (c) => c.notNull().references('territories.code'))
      .addColumn('description', 'text')
      .addColumn('spare_capacity_note', 'text')
      .addColumn('website', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('organizations_territory').on('organizations').column('territory_code').execute();

  await db.schema
    .createTable('organization_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('language', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organization_aliases_org')
    .on('organization_aliases')
    .column('organization_id')
    .execute();

  await db.schema
    .createTable('organization_sectors')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('sectors.code'))
    .addPrimaryKeyConstraint('organization_sectors_pk', ['organization_id', 'sector_code'])
    .execute();

  await db.schema
    .createTable('organization_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('hs_code', 'text')
    .addColumn('capacity_note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('organization_products_org')
    .on('organization_products')
    .column('organization_id')
    .execute();

  await editable(db, 'people', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_en', 'text')
      .addColumn('name_ru', 'text')
      .addColumn('notes', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );

  await editable(db, 'positions', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('title_en', 'text')
      .addColumn('title_ru', 'text')
      .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
      .addColumn('territory_code', 'text', (c) => c.references('territories.code'))
      .addColumn('from_on', 'text')
      .addColumn('to_on', 'text')
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('positions_person').on('positions').column('person_id').execute();
  await db.schema.createIndex('positions_territory').on('positions').column('territory_code').execute();

  await editable(db, 'meetings', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
      .addColumn('held_on', 'text', (c) => c.notNull())
      .addColumn('place', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text'),
  );
  await db.schema.createIndex('meetings_relationship').on('meetings').columns(['relationship_id', 'held_on']).execute();

  await db.schema
    .createTable('meeting_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meeting_participants_meeting').on('meeting_participants').column('meeting_id').execute();

  await db.schema
    .createTable('meeting_organizations')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_organizations_pk', ['meeting_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('meeting_sectors')
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('sectors.code'))
    .addPrimaryKeyConstraint('meeting_sectors_pk', ['meeting_id', 'sector_code'])
    .execute();

  await editable(db, 'projects', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('sector_code', 'text', (c) => c.references('sectors.code'))
      .addColumn('description', 'text')
      .addColumn('value_minor', 'bigint')
      .addColumn('currency', 'text')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('projects_relationship').on('projects').column('relationship_id').execute();

  await db.schema
    .createTable('project_parties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_parties_project').on('project_parties').column('project_id').execute();
  await db.schema.createIndex('project_parties_org').on('project_parties').column('organization_id').execute();

  await db.schema
    .createTable('project_stage_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('project_stage_changes_project')
    .on('project_stage_changes')
    .column('project_id')
    .execute();

  await db.schema
    .createTable('project_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('done_on', 'text')
    .addColumn('note', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_milestones_project').on('project_milestones').column('project_id').execute();

  await editable(db, 'statements', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('speaker_person_id', 'text', (c) => c.references('people.id'))
      .addColumn('side', 'text')
      .addColumn('sector_code', 'text', (c) => c.references('sectors.code'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('project_id', 'text', (c) => c.references('projects.id'))
      .addColumn('owner_person_id', 'text', (c) => c.references('people.id'))
      .addColumn('owner_organization_id', 'text', (c) => c.references('organizations.id'))
      .addColumn('due_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull()),
  );
  await db.schema.createIndex('statements_meeting').on('statements').column('meeting_id').execute();
  await db.schema.createIndex('statements_due').on('statements').columns(['status', 'due_on']).execute();

  await db.schema
    .createTable('statement_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull().references('statements.id').onDelete('cascade'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('statement_status_changes_statement')
    .on('statement_status_changes')
    .column('statement_id')
    .execute();

  await editable(db, 'outlets', (t) =>
    t
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('relationship_id', 'text', (c) => c.notNull().references('relationships.id'))
      .addColumn('territory_code', 'text', (c) => c.notNull().references('territories.code'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('operator_organization_id', 'text', (c) => c.references('organizations.id'))
      .addColumn('city', 'text')
      .addColumn('opened_on', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('notes', 'text'),
  );
  await db.schema.createIndex('outlets_relationship').on('outlets').column('relationship_id').execute();

  await db.schema
    .createTable('outlet_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('outlet_id', 'text', (c) => c.notNull().references('outlets.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('product_group', 'text', (c) => c.notNull())
    .addColumn('since_on', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('outlet_lines_outlet').on('outlet_lines').column('outlet_id').execute();

  await db.schema
    .createTable('provenance_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.references('documents.id'))
    .addColumn('source_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('locator', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('provenance_links_record')
    .on('provenance_links')
    .columns(['record_type', 'record_id'])
    .execute();
  await db.schema.createIndex('provenance_links_document').on('provenance_links').column('document_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'provenance_links',
    'outlet_lines',
    'outlets',
    'statement_status_changes',
    'statements',
    'project_milestones',
    'project_stage_changes',
    'project_parties',
    'projects',
    'meeting_sectors',
    'meeting_organizations',
    'meeting_participants',
    'meetings',
    'positions',
    'people',
    'organization_products',
    'organization_sectors',
    'organization_aliases',
    'organizations',
    'agreements',
    'relationships',
    'documents',
    'sectors',
    'territories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
