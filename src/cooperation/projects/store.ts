import type { ExpressionBuilder, Insertable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { DB, ProjectStageChangeTable, ProjectTable } from '../../db/schema.ts';
import { newId } from '../../core/ids.ts';
import { containsText } from '../../core/records.ts';
import type { Milestone, Party, ProjectFilter } from './model.ts';
import { activeStages } from './stages.ts';

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
  'projects.version',
  'projects.createdAt',
  'projects.updatedAt',
] as const;

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

type Projects = ExpressionBuilder<DB, 'projects'>;

/**
 * A project's stage on `day`: the last change its history dates on or before it (read in the order
 * recorded), null when the project did not exist yet. Without a day, the stage it is in now.
 */
function stageOn(eb: Projects, day: string | undefined) {
  if (day === undefined) return eb.ref('projects.stage');
  return eb
    .selectFrom('projectStageChanges as change')
    .select('change.toStage')
    .whereRef('change.projectId', '=', 'projects.id')
    .where('change.changedOn', '<=', day)
    .orderBy('change.changedOn', 'desc')
    .orderBy('change.recordedAt', 'desc')
    .orderBy('change.id', 'desc')
    .limit(1)
    .$asScalar();
}

function selectAsOf(asOf: string | undefined) {
  return (eb: Projects) => [...projectColumns, stageOn(eb, asOf).as('stage')];
}

/** With `asOf`, the projects that existed on that day, each in the stage it was in then. */
function filtered(db: Db, filter: ProjectFilter) {
  const { asOf } = filter;
  let query = db.selectFrom('projects');
  if (asOf !== undefined) query = query.where((eb) => eb(stageOn(eb, asOf), 'is not', null));
  if (filter.relationshipId) query = query.where('projects.relationshipId', '=', filter.relationshipId);
  if (filter.partner) {
    const partner = filter.partner;
    query = query.where('projects.relationshipId', 'in', (eb) =>
      eb.selectFrom('relationships').select('relationships.id').where('relationships.partnerCode', '=', partner),
    );
  }
  if (filter.stage && filter.stage.length > 0) {
    const stages = filter.stage;
    query = query.where((eb) => eb(stageOn(eb, asOf), 'in', stages));
  }
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
    .select(selectAsOf(filter.asOf))
    .orderBy((eb) => eb.fn.coalesce('projects.titleEn', 'projects.titleRu'))
    .orderBy('projects.id')
    .limit(limit)
    .offset(offset)
    .execute();
}

export function findProject(db: Db, id: string) {
  return db.selectFrom('projects').select(selectAsOf(undefined)).where('projects.id', '=', id).executeTakeFirst();
}

/** Projects neither completed nor cancelled per relationship; with `asOf`, by their stage on that day. */
export async function countActiveProjects(db: Db, relationshipIds: string[], asOf: string | undefined) {
  if (relationshipIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('projects')
    .select(['projects.relationshipId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('projects.relationshipId', 'in', relationshipIds)
    .where((eb) => eb(stageOn(eb, asOf), 'in', [...activeStages]))
    .groupBy('projects.relationshipId')
    .execute();
  return new Map(rows.map((row) => [row.relationshipId, Number(row.n)]));
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
