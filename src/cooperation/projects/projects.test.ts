import { describe, expect, it } from 'vitest';
import { describeOnEngines } from '../../../test/support/engines.ts';
import { makeMeeting, makeOrganization, makeProject, makeRelationship } from '../../../test/support/factories.ts';
import { newId } from '../../core/ids.ts';
import { nowIso, todayIso } from '../../core/records.ts';
import {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  moveProjectStage,
  partyNamesOf,
  projectStageMachine,
  updateProject,
} from './service.ts';
import { checkStageMove, nextStages, projectStages, type ProjectStage } from './stages.ts';

const page = { limit: 200, offset: 0 };

describe('project stage machine', () => {
  it('allows the moves of a project going its normal way', () => {
    const path: ProjectStage[] = ['idea', 'proposed', 'negotiating', 'agreed', 'in_execution', 'completed'];
    for (let i = 1; i < path.length; i += 1) {
      expect(checkStageMove(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`).toEqual({ allowed: true });
    }
  });

  it('refuses an impossible jump and names where the project can go instead', () => {
    const verdict = checkStageMove('idea', 'completed');
    expect(verdict).toEqual({
      allowed: false,
      reason: 'cannot go from idea to completed; from idea it can go to proposed, cancelled',
      allowedNext: ['proposed', 'cancelled'],
    });
    expect(checkStageMove('agreed', 'agreed')).toMatchObject({
      allowed: false,
      reason: expect.stringMatching(/already agreed/),
    });
  });

  it('lets a stalled project pick up again but never leaves completed or cancelled', () => {
    for (const stage of ['proposed', 'negotiating', 'agreed', 'in_execution'] as const) {
      expect(checkStageMove(stage, 'stalled').allowed).toBe(true);
      expect(checkStageMove('stalled', stage).allowed).toBe(true);
    }
    expect(checkStageMove('stalled', 'completed').allowed).toBe(false);
    expect(checkStageMove('idea', 'stalled').allowed).toBe(false);
    for (const final of ['completed', 'cancelled'] as const) {
      for (const to of projectStages) {
        expect(checkStageMove(final, to)).toMatchObject({ allowed: false, allowedNext: [] });
      }
    }
  });

  it('can reach every stage from an idea and cancel any project not yet finished', () => {
    const reached = new Set<ProjectStage>(['idea']);
    const queue: ProjectStage[] = ['idea'];
    while (queue.length > 0) {
      for (const next of nextStages[queue.shift()!]) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...projectStages].sort());
    for (const stage of projectStages.filter((s) => s !== 'completed' && s !== 'cancelled')) {
      expect(nextStages[stage]).toContain('cancelled');
    }
  });

  it('publishes the machine as data in board order', () => {
    const machine = projectStageMachine();
    expect(machine.initial).toBe('idea');
    expect(machine.stages.map((s) => s.stage)).toEqual([...projectStages]);
    expect(machine.stages.find((s) => s.stage === 'completed')).toEqual({ stage: 'completed', next: [], final: true });
  });
});

describeOnEngines('projects', (ctx) => {
  async function twoParties() {
    const supplier = await makeOrganization(ctx.db, { nameEn: 'BelAZ', nameRu: 'БелАЗ', territoryCode: 'BY-MI' });
    const customer = await makeOrganization(ctx.db, {
      nameEn: 'Mikhailovsky GOK',
      nameRu: 'Михайловский ГОК',
      territoryCode: 'RU-KRS',
    });
    return { supplier, customer };
  }

  it('records a project with parties, milestones and value, starting as an idea today', async () => {
    const relationship = await makeRelationship(ctx.db);
    const { supplier, customer } = await twoParties();
    const created = await createProject(ctx.db, {
      relationshipId: relationship.id,
      titleEn: 'Mining dump trucks for the iron ore works',
      kind: 'supply',
      sectorCode: '29',
      valueMinor: 1_250_000_000,
      currency: 'USD',
      parties: [
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
        { organizationId: customer.id, role: 'customer', side: 'partner' },
      ],
      milestones: [{ title: 'First ten trucks delivered', dueOn: '2018-06-30' }],
    });
    expect(created).toMatchObject({
      relationshipId: relationship.id,
      kind: 'supply',
      sectorCode: '29',
      description: null,
      valueMinor: 1_250_000_000,
      currency: 'USD',
      stage: 'idea',
      version: 1,
      parties: [
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
        { organizationId: customer.id, role: 'customer', side: 'partner' },
      ],
      milestones: [{ title: 'First ten trucks delivered', dueOn: '2018-06-30', doneOn: null, note: null }],
      stageHistory: [{ fromStage: null, toStage: 'idea', changedOn: todayIso(), note: null }],
    });
    expect(await getProject(ctx.db, created.id)).toEqual(created);
    const names = await partyNamesOf(ctx.db, [created]);
    expect(names.get(supplier.id)).toBe('BelAZ');
    expect((await partyNamesOf(ctx.db, [created], 'ru')).get(customer.id)).toBe('Михайловский ГОК');
  });

  it('records a project already under way at the stage and on the day it reached it', async () => {
    const relationship = await makeRelationship(ctx.db);
    const created = await createProject(ctx.db, {
      relationshipId: relationship.id,
      titleEn: 'Residential house in Kursk',
      kind: 'construction_contract',
      stage: 'agreed',
      stageOn: '2017-12-05',
    });
    expect(created.stage).toBe('agreed');
    expect(created.stageHistory).toEqual([{ fromStage: null, toStage: 'agreed', changedOn: '2017-12-05', note: null }]);
  });

  it('refuses a value without its currency, a currency without a value, and money that is not whole minor units', async () => {
    const relationship = await makeRelationship(ctx.db);
    const base = { relationshipId: relationship.id, titleEn: 'Priced supply', kind: 'supply' };
    const noCurrency = await createProject(ctx.db, { ...base, valueMinor: 100 }).catch((e) => e);
    expect(noCurrency).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'currency' }] });
    const noValue = await createProject(ctx.db, { ...base, currency: 'RUB' }).catch((e) => e);
    expect(noValue).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'valueMinor' }] });
    const fractional = await createProject(ctx.db, { ...base, valueMinor: 10.5, currency: 'RUB' }).catch((e) => e);
    expect(fractional.problems.map((p: { path: string }) => p.path)).toEqual(['valueMinor']);
    const negative = await createProject(ctx.db, { ...base, valueMinor: -1, currency: 'RUB' }).catch((e) => e);
    expect(negative.problems.map((p: { path: string }) => p.path)).toEqual(['valueMinor']);

    const priced = await createProject(ctx.db, { ...base, valueMinor: 500, currency: 'RUB' });
    const dropCurrency = await updateProject(ctx.db, priced.id, { currency: null, version: 1 }).catch((e) => e);
    expect(dropCurrency).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'currency' }] });
    const unpriced = await updateProject(ctx.db, priced.id, { valueMinor: null, currency: null, version: 1 });
    expect(unpriced).toMatchObject({ valueMinor: null, currency: null, version: 2 });
  });

  it('names every reference that does not exist and every bad date', async () => {
    const relationship = await makeRelationship(ctx.db);
    const { supplier } = await twoParties();
    const error = await createProject(ctx.db, {
      relationshipId: relationship.id,
      titleEn: 'Broken references',
      kind: 'supply',
      sectorCode: 'ZZ',
      parties: [
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
        { organizationId: newId(), role: 'customer', side: 'partner' },
      ],
    }).catch((e) => e);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.problems.map((p: { path: string }) => p.path)).toEqual(['sectorCode', 'parties.1.organizationId']);

    const dates = await createProject(ctx.db, {
      relationshipId: newId(),
      titleEn: 'Bad dates',
      kind: 'supply',
      stageOn: '2017-02-30',
      milestones: [{ title: 'x', dueOn: '2018-13-01', doneOn: '18-01-01' }],
    }).catch((e) => e);
    expect([...new Set(dates.problems.map((p: { path: string }) => p.path))].sort()).toEqual([
      'milestones.0.doneOn',
      'milestones.0.dueOn',
      'stageOn',
    ]);

    const twice = await createProject(ctx.db, {
      relationshipId: relationship.id,
      titleEn: 'Same role twice',
      kind: 'supply',
      parties: [
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
      ],
    }).catch((e) => e);
    expect(twice.problems.map((p: { path: string }) => p.path)).toEqual(['parties.1.organizationId']);
  });

  it('changes the fields given, replaces lists given, keeps the rest, and refuses a stale version or a stage', async () => {
    const relationship = await makeRelationship(ctx.db);
    const { supplier, customer } = await twoParties();
    const created = await createProject(ctx.db, {
      relationshipId: relationship.id,
      titleEn: 'Tractor assembly',
      kind: 'joint_production',
      description: 'Assembly of tractors from kits',
      parties: [{ organizationId: supplier.id, role: 'partner', side: 'home' }],
      milestones: [{ title: 'Site chosen' }, { title: 'First tractor assembled' }],
    });
    const changed = await updateProject(ctx.db, created.id, {
      titleEn: 'Tractor assembly plant',
      parties: [
        { organizationId: customer.id, role: 'operator', side: 'partner' },
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
      ],
      version: 1,
    });
    expect(changed).toMatchObject({
      titleEn: 'Tractor assembly plant',
      description: 'Assembly of tractors from kits',
      version: 2,
      parties: [
        { organizationId: customer.id, role: 'operator' },
        { organizationId: supplier.id, role: 'supplier' },
      ],
      milestones: [{ title: 'Site chosen' }, { title: 'First tractor assembled' }],
    });
    const doneMilestones = await updateProject(ctx.db, created.id, {
      milestones: [{ title: 'Site chosen', doneOn: '2018-03-01', note: 'Kursk industrial park' }],
      version: 2,
    });
    expect(doneMilestones.milestones).toEqual([
      { title: 'Site chosen', dueOn: null, doneOn: '2018-03-01', note: 'Kursk industrial park' },
    ]);
    expect(doneMilestones.parties).toHaveLength(2);

    const stale = await updateProject(ctx.db, created.id, { titleEn: 'Old view', version: 2 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { givenVersion: 2, currentVersion: 3 } });
    const stage = await updateProject(ctx.db, created.id, { stage: 'agreed', version: 3 }).catch((e) => e);
    expect(stage).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'stage' }] });
    const after = await getProject(ctx.db, created.id);
    expect(after).toMatchObject({ titleEn: 'Tractor assembly plant', stage: 'idea', version: 3 });
    const missing = await updateProject(ctx.db, newId(), { titleEn: 'x', version: 1 }).catch((e) => e);
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('moves a project along its stages and keeps the history with days and notes', async () => {
    const project = await makeProject(ctx.db, { titleEn: 'Seeds and fertilizers' });
    const proposed = await moveProjectStage(ctx.db, project.id, { stage: 'proposed', version: 1, on: '2017-12-05' });
    const negotiating = await moveProjectStage(ctx.db, project.id, {
      stage: 'negotiating',
      version: proposed.version,
      on: '2017-12-05',
      note: 'Price list sent',
    });
    expect(negotiating).toMatchObject({ stage: 'negotiating', version: 3 });
    expect(negotiating.stageHistory).toEqual([
      { fromStage: 'idea', toStage: 'proposed', changedOn: '2017-12-05', note: null },
      { fromStage: 'proposed', toStage: 'negotiating', changedOn: '2017-12-05', note: 'Price list sent' },
    ]);
  });

  it('refuses an impossible jump naming the allowed stages, and leaves the project as it was', async () => {
    const project = await makeProject(ctx.db, { titleEn: 'Jumping project' });
    const error = await moveProjectStage(ctx.db, project.id, { stage: 'completed', version: 1 }).catch((e) => e);
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toContain('from idea');
    expect(error.message).toContain('proposed, cancelled');
    expect(error.details).toMatchObject({ from: 'idea', to: 'completed', allowed: ['proposed', 'cancelled'] });
    expect(await getProject(ctx.db, project.id)).toMatchObject({ stage: 'idea', version: 1, stageHistory: [] });

    const cancelled = await moveProjectStage(ctx.db, project.id, { stage: 'cancelled', version: 1 });
    const revived = await moveProjectStage(ctx.db, project.id, { stage: 'proposed', version: cancelled.version }).catch(
      (e) => e,
    );
    expect(revived).toMatchObject({ code: 'INVALID_TRANSITION', details: { allowed: [] } });
    expect(revived.message).toMatch(/final/);
  });

  it('refuses a stage change from a stale version or dated before the previous one', async () => {
    const project = await makeProject(ctx.db, { titleEn: 'Careful project' });
    await moveProjectStage(ctx.db, project.id, { stage: 'proposed', version: 1, on: '2018-01-10' });
    const stale = await moveProjectStage(ctx.db, project.id, { stage: 'agreed', version: 1 }).catch((e) => e);
    expect(stale).toMatchObject({ code: 'STALE_VERSION', details: { givenVersion: 1, currentVersion: 2 } });
    const early = await moveProjectStage(ctx.db, project.id, { stage: 'agreed', version: 2, on: '2018-01-09' }).catch(
      (e) => e,
    );
    expect(early).toMatchObject({ code: 'VALIDATION_FAILED', problems: [{ path: 'on' }] });
    expect(early.message).toContain('2018-01-10');
    const sameDay = await moveProjectStage(ctx.db, project.id, { stage: 'agreed', version: 2, on: '2018-01-10' });
    expect(sameDay.stage).toBe('agreed');
    const missing = await moveProjectStage(ctx.db, newId(), { stage: 'proposed', version: 1 }).catch((e) => e);
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('finds projects by relationship, partner, stages, kind, sector, party and text, ordered by title', async () => {
    const relationship = await makeRelationship(ctx.db, { partnerCode: 'RU-BRY' });
    const { supplier, customer } = await twoParties();
    const mark = newId().slice(-8);
    const make = (title: string, fields: Record<string, unknown>) =>
      createProject(ctx.db, { relationshipId: relationship.id, titleEn: `${title} ${mark}`, ...fields });
    const trucks = await make('B trucks', {
      kind: 'supply',
      sectorCode: '29',
      stage: 'in_execution',
      parties: [
        { organizationId: supplier.id, role: 'supplier', side: 'home' },
        { organizationId: customer.id, role: 'customer', side: 'partner' },
      ],
    });
    const housing = await make('A housing', { kind: 'construction_contract', sectorCode: 'F', stage: 'agreed' });
    const seeds = await make('C seeds', {
      kind: 'supply',
      sectorCode: '01',
      description: 'Elite grain seeds',
      parties: [{ organizationId: customer.id, role: 'customer', side: 'partner' }],
    });
    const ids = async (filter: Record<string, unknown>) =>
      (await listProjects(ctx.db, { relationshipId: relationship.id, ...filter }, page)).items.map((p) => p.id);

    expect(await ids({})).toEqual([housing.id, trucks.id, seeds.id]);
    const byPartner = await listProjects(ctx.db, { partner: 'RU-BRY' }, page);
    expect(byPartner.items.map((p) => p.id)).toEqual([housing.id, trucks.id, seeds.id]);
    expect(byPartner.total).toBe(3);
    expect(await ids({ stage: ['agreed', 'idea'] })).toEqual([housing.id, seeds.id]);
    expect(await ids({ kind: 'supply' })).toEqual([trucks.id, seeds.id]);
    expect(await ids({ sector: 'C' })).toEqual([trucks.id]);
    expect(await ids({ sector: '01' })).toEqual([seeds.id]);
    expect(await ids({ organizationId: customer.id })).toEqual([trucks.id, seeds.id]);
    expect(await ids({ q: `HOUSING ${mark}` })).toEqual([housing.id]);
    expect(await ids({ q: 'elite grain' })).toEqual([seeds.id]);
    expect(await ids({ q: 'Михайловский' })).toEqual([trucks.id, seeds.id]);
    const second = await listProjects(ctx.db, { relationshipId: relationship.id }, { limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: 3, items: [{ id: trucks.id }] });
  });

  it('deletes a project with its history, but not one a statement still refers to', async () => {
    const project = await makeProject(ctx.db, { titleEn: 'Short-lived' });
    await moveProjectStage(ctx.db, project.id, { stage: 'proposed', version: 1 });
    const stale = await deleteProject(ctx.db, project.id, 1).catch((e) => e);
    expect(stale.code).toBe('STALE_VERSION');
    await deleteProject(ctx.db, project.id, 2);
    expect((await getProject(ctx.db, project.id).catch((e) => e)).code).toBe('NOT_FOUND');
    const leftovers = await ctx.db
      .selectFrom('projectStageChanges')
      .select('id')
      .where('projectId', '=', project.id)
      .execute();
    expect(leftovers).toEqual([]);

    const referred = await makeProject(ctx.db, { titleEn: 'Promised' });
    const meeting = await makeMeeting(ctx.db);
    const now = nowIso();
    await ctx.db
      .insertInto('statements')
      .values({
        id: newId(),
        meetingId: meeting.id,
        kind: 'commitment',
        speakerPersonId: null,
        side: 'home',
        sectorCode: null,
        textEn: 'We will deliver',
        projectId: referred.id,
        ownerPersonId: null,
        ownerOrganizationId: null,
        dueOn: null,
        status: 'open',
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    const refused = await deleteProject(ctx.db, referred.id, 1).catch((e) => e);
    expect(refused.code).toBe('REFERENCED');
    expect((await getProject(ctx.db, referred.id)).titleEn).toBe('Promised');
  });
});
