import type { Db } from '../../db/connection.ts';
import { removeProvenanceOf } from '../../documents/provenance.ts';
import { organizationNames } from '../../registry/organizations/service.ts';
import { sectorLabel } from '../../registry/sectors/service.ts';
import { AccordError, invalid, notFound, ProblemList } from '../../core/errors.ts';
import { pairAfterUpdate } from '../../core/languages.ts';
import { newId } from '../../core/ids.ts';
import { parseInput, type Page, type PageQuery } from '../../core/model.ts';
import {
  deleteVersioned,
  inTransaction,
  nowIso,
  paged,
  requireReferences,
  searchText,
  staleVersion,
  todayIso,
  updateVersioned,
} from '../../core/records.ts';
import {
  projectInput,
  projectTitle,
  projectUpdate,
  stageMoveInput,
  type Party,
  type Project,
  type ProjectFilter,
  type StageChange,
  type StageMachine,
} from './model.ts';
import { checkStageMove, initialStage, isFinalStage, nextStages, projectStages, type ProjectStage } from './stages.ts';
import * as store from './store.ts';

const key = (id: string) => ({ column: 'id', value: id, label: 'project' });

/**
 * Adds the parties, milestones and stage history to project rows, keeping the rows' order; with `asOf`
 * the history stops at that day, as the rows' stage does.
 */
async function withChildren(db: Db, rows: store.ProjectRow[], asOf?: string): Promise<Project[]> {
  const ids = rows.map((r) => r.id);
  const [parties, milestones, history] = await Promise.all([
    store.partiesOf(db, ids),
    store.milestonesOf(db, ids),
    store.historyOf(db, ids),
  ]);
  return rows.map((row) => ({
    ...row,
    kind: row.kind as Project['kind'],
    stage: row.stage as ProjectStage,
    valueMinor: row.valueMinor === null ? null : Number(row.valueMinor),
    parties: parties
      .filter((p) => p.projectId === row.id)
      .map((p) => ({
        organizationId: p.organizationId,
        role: p.role as Party['role'],
        side: p.side as Party['side'],
      })),
    milestones: milestones
      .filter((m) => m.projectId === row.id)
      .map((m) => ({ title: m.title, dueOn: m.dueOn, doneOn: m.doneOn, note: m.note })),
    stageHistory: history
      .filter((c) => c.projectId === row.id && (asOf === undefined || c.changedOn <= asOf))
      .map((c): StageChange => ({
        fromStage: c.fromStage as ProjectStage | null,
        toStage: c.toStage as ProjectStage,
        changedOn: c.changedOn,
        note: c.note,
      })),
  }));
}

export function listProjects(db: Db, filter: ProjectFilter, page: PageQuery): Promise<Page<Project>> {
  return paged(
    page,
    () => store.countProjects(db, filter),
    async (limit, offset) => withChildren(db, await store.listProjects(db, filter, limit, offset), filter.asOf),
  );
}

/** Projects still under way per relationship; with `asOf`, by the stage each was in on that day. */
export function countActiveProjects(db: Db, relationshipIds: string[], asOf?: string): Promise<Map<string, number>> {
  return store.countActiveProjects(db, relationshipIds, asOf);
}

export async function getProject(db: Db, id: string): Promise<Project> {
  const row = await store.findProject(db, id);
  if (!row) throw notFound('project', id);
  const [project] = await withChildren(db, [row]);
  return project!;
}

/** The stage machine as data, in board order. */
export function projectStageMachine(): StageMachine {
  return {
    initial: initialStage,
    stages: projectStages.map((stage) => ({ stage, next: [...nextStages[stage]], final: isFinalStage(stage) })),
  };
}

/** Every record a project points to, named by the field that holds it. */
function references(data: { relationshipId?: string; sectorCode?: string | null; parties?: Party[] }) {
  return [
    { path: 'relationshipId', table: 'relationships' as const, id: data.relationshipId, label: 'relationship' },
    { path: 'sectorCode', table: 'sectors' as const, id: data.sectorCode, label: sectorLabel },
    ...(data.parties ?? []).map((p, i) => ({
      path: `parties.${i}.organizationId`,
      table: 'organizations' as const,
      id: p.organizationId,
      label: 'organization',
    })),
  ];
}

/** A value means nothing without its currency, and a currency nothing without a value. */
function requireValueWithCurrency(valueMinor: number | null, currency: string | null): void {
  const problems = new ProblemList();
  if (valueMinor !== null && currency === null)
    problems.add('currency', 'a value needs its currency (ISO 4217)', 'required');
  if (valueMinor === null && currency !== null)
    problems.add('valueMinor', 'a currency needs a value in minor units', 'required');
  problems.throwIfAny();
}

/**
 * Records a project with the first entry of its stage history: the stage it is in and the day it got
 * there (today unless told), so a project already running can be entered as it stands.
 */
export async function createProject(db: Db, input: unknown): Promise<Project> {
  const { parties, milestones, stageOn, ...fields } = parseInput(projectInput, input);
  requireValueWithCurrency(fields.valueMinor, fields.currency);
  return inTransaction(db, async (trx) => {
    await requireReferences(trx, references({ ...fields, parties }));
    const now = nowIso();
    const id = newId();
    await store.insertProject(trx, {
      id,
      ...fields,
      searchText: searchText(fields.titleEn, fields.titleRu, fields.description),
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await store.replaceParties(trx, id, parties);
    await store.replaceMilestones(trx, id, milestones);
    await store.insertStageChange(trx, {
      id: newId(),
      projectId: id,
      fromStage: null,
      toStage: fields.stage,
      changedOn: stageOn ?? todayIso(),
      recordedAt: now,
      note: null,
    });
    return getProject(trx, id);
  });
}

/** Changes a project's fields; parties or milestones, when given, replace the whole list. */
export async function updateProject(db: Db, id: string, input: unknown): Promise<Project> {
  const { version, stage: _stage, parties, milestones, ...patch } = parseInput(projectUpdate, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findProject(trx, id);
    if (!current) throw notFound('project', id);
    const title = pairAfterUpdate(projectTitle, 'the title', current, patch);
    const next = {
      description: patch.description === undefined ? current.description : patch.description,
      valueMinor: patch.valueMinor === undefined ? current.valueMinor : patch.valueMinor,
      currency: patch.currency === undefined ? current.currency : patch.currency,
    };
    requireValueWithCurrency(next.valueMinor, next.currency);
    await requireReferences(trx, references({ ...patch, parties }));
    await updateVersioned(trx, 'projects', key(id), version, {
      ...patch,
      searchText: searchText(title.en, title.ru, next.description),
    });
    if (parties) await store.replaceParties(trx, id, parties);
    if (milestones) await store.replaceMilestones(trx, id, milestones);
    return getProject(trx, id);
  });
}

/**
 * Deletes a project with its parties, milestones, stage history and the links to where it was reported.
 * A project statements still refer to is kept.
 */
export async function deleteProject(db: Db, id: string, version: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    await deleteVersioned(trx, 'projects', key(id), version);
    await removeProvenanceOf(trx, { recordType: 'project', recordId: id });
  });
}

/**
 * The history is read in the order it was recorded, so each entry's time must be later than the one
 * before, even when two changes fall within one millisecond.
 */
function after(previous: string | undefined): string {
  const now = nowIso();
  if (previous === undefined || now > previous) return now;
  return new Date(new Date(previous).getTime() + 1).toISOString();
}

/**
 * Moves a project to another stage along the stage machine and records the change with its day and note.
 * An impossible jump is refused naming the stages it can go to; a change dated before the previous one
 * is refused so the history reads in order.
 */
export async function moveProjectStage(db: Db, id: string, input: unknown): Promise<Project> {
  const move = parseInput(stageMoveInput, input);
  return inTransaction(db, async (trx) => {
    const current = await store.findProject(trx, id);
    if (!current) throw notFound('project', id);
    if (current.version !== move.version) throw staleVersion('project', id, move.version, current.version);
    const from = current.stage as ProjectStage;
    const verdict = checkStageMove(from, move.stage);
    if (!verdict.allowed) {
      throw new AccordError('INVALID_TRANSITION', `project ${id} ${verdict.reason}`, {
        details: { id, from, to: move.stage, allowed: [...verdict.allowedNext] },
      });
    }
    const on = move.on ?? todayIso();
    const last = await store.lastChangeOf(trx, id);
    if (last && on < last.changedOn) {
      throw invalid(
        'on',
        `the previous stage change was on ${last.changedOn}; a later one cannot be dated earlier`,
        'date_before_previous',
        { previous: last.changedOn },
      );
    }
    await updateVersioned(trx, 'projects', key(id), move.version, { stage: move.stage });
    await store.insertStageChange(trx, {
      id: newId(),
      projectId: id,
      fromStage: from,
      toStage: move.stage,
      changedOn: on,
      recordedAt: after(last?.recordedAt),
      note: move.note ?? null,
    });
    return getProject(trx, id);
  });
}

/** The name of every organization that is a party to these projects, in the language asked for when it has one. */
export async function partyNamesOf(
  db: Db,
  projects: Project[],
  language: 'en' | 'ru' = 'en',
): Promise<Map<string, string>> {
  const ids = [...new Set(projects.flatMap((p) => p.parties.map((party) => party.organizationId)))];
  const rows = await organizationNames(db, ids);
  return new Map(rows.map((r) => [r.id, (language === 'ru' ? r.nameRu : r.nameEn) ?? r.nameEn ?? r.nameRu ?? r.id]));
}
