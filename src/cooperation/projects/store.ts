import type { Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { ProjectStageChangeTable, ProjectTable } from '../../db/schema.ts';
import { newId } from '../../core/ids.ts';
import { containsText } from '../../core/records.ts';
import type { Milestone, Party, ProjectFilter } from './model.ts';

const projectColumns = [
  'projects.id',
  'projects.relationshipId',
  'projects.titleEn',
  'projects.titleRu',
  'projects.kind',
  'projects.sectorCode',
  'projects.description',
  'projects.valueMinor',
  'projects.currency',
  'projects.stage',
  'projects.version',
  'projects.createdAt',
  'projects.updatedAt',
] as const;

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

function filtered(db: Db, filter: ProjectFilter) {
  let query = db.selectFrom('projects');
  if (filter.relationshipId) query = query.where('projects.relationshipId', '=', filter.relationshipId);
  if (filter.partner) {
    const partner = filter.partner;
    query = query.where('projects.relationshipId', 'in', (eb) =>
      eb.selectFrom('relationships').select('relationships.id').where('relationships.partnerCode', '=', partner),
    );
  }
  if (filter.stage && filter.stage.length > 0) query = query.where('projects.stage', 'in', filter.stage);
  if (filter.kind) query = query.where('projects.kind', '=', filter.kind);
  if (filter.sector) {
    const sector = filter.sector;
    query = query.where((eb) =>
      eb.or([
        eb('projects.sectorCode', '=', sector),
        eb(
          'projects.sectorCode',
          'in',
          eb.selectFrom('sectors').select('sectors.code').where('sectors.parentCode', '=', sector),
        ),
      ]),
    );
  }
  if (filter.organizationId) {
    const organizationId = filter.organizationId;
    query = query.where('projects.id', 'in', (eb) =>
      eb
        .selectFrom('projectParties')
        .select('projectParties.projectId')
        .where('projectParties.organizationId', '=', organizationId),
    );
  }
  if (filter.q) {
    const q = filter.q;
    // Party names are matched live through the organizations' own search text, so renaming an
    // organization never leaves projects findable only by its old name.
    query = query.where((eb) =>
      eb.or([
        containsText('projects.searchText', q),
        eb(
          'projects.id',
          'in',
          eb
            .selectFrom('projectParties')
            .innerJoin('organizations', 'organizations.id', 'projectParties.organizationId')
            .select('projectParties.projectId')
            .where(containsText('organizations.searchText', q)),
        ),
      ]),
    );
  }
  return query;
}

export async function countProjects(db: Db, filter: ProjectFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function listProjects(db: Db, filter: ProjectFilter, limit: number, offset: number) {
  return filtered(db, filter)
    .select(projectColumns)
    .orderBy((eb) => eb.fn.coalesce('projects.titleEn', 'projects.titleRu'))
    .orderBy('projects.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findProject(db: Db, id: string) {
  return db.selectFrom('projects').select(projectColumns).where('projects.id', '=', id).executeTakeFirst();
}

export function partiesOf(db: Db, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('projectParties')
    .select(['projectId', 'organizationId', 'role', 'side'])
    .where('projectId', 'in', projectIds)
    .orderBy('projectId')
    .orderBy('position')
    .execute();
}

export function milestonesOf(db: Db, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('projectMilestones')
    .select(['projectId', 'title', 'dueOn', 'doneOn', 'note'])
    .where('projectId', 'in', projectIds)
    .orderBy('projectId')
    .orderBy('position')
    .execute();
}

/** Stage changes in the order they were recorded. */
export function historyOf(db: Db, projectIds: string[]) {
  if (projectIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('projectStageChanges')
    .select(['projectId', 'fromStage', 'toStage', 'changedOn', 'note'])
    .where('projectId', 'in', projectIds)
    .orderBy('projectId')
    .orderBy('recordedAt')
    .orderBy('id')
    .execute();
}

export function lastChangeOf(db: Db, projectId: string) {
  return db
    .selectFrom('projectStageChanges')
    .select(['changedOn', 'recordedAt'])
    .where('projectId', '=', projectId)
    .orderBy('recordedAt', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

export async function insertProject(db: Db, row: Insertable<ProjectTable>): Promise<void> {
  await db.insertInto('projects').values(row).execute();
}

export async function insertStageChange(db: Db, row: Insertable<ProjectStageChangeTable>): Promise<void> {
  await db.insertInto('projectStageChanges').values(row).execute();
}

export async function replaceParties(db: Db, projectId: string, parties: Party[]): Promise<void> {
  await db.deleteFrom('projectParties').where('projectId', '=', projectId).execute();
  if (parties.length === 0) return;
  await db
    .insertInto('projectParties')
    .values(parties.map((p, position) => ({ id: newId(), projectId, ...p, position })))
    .execute();
}

export async function replaceMilestones(db: Db, projectId: string, milestones: Milestone[]): Promise<void> {
  await db.deleteFrom('projectMilestones').where('projectId', '=', projectId).execute();
  if (milestones.length === 0) return;
  await db
    .insertInto('projectMilestones')
    .values(milestones.map((m, position) => ({ id: newId(), projectId, ...m, position })))
    .execute();
}

export function organizationNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['id', 'nameEn', 'nameRu']).where('id', 'in', ids).execute();
}
