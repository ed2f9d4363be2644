import { describe, expect, it } from 'vitest';
import type { Project } from '../cooperation/projects/model.ts';
import type { Statement } from '../cooperation/statements/model.ts';
import type { StructureLine, TradeStructure } from '../trade/analytics/service.ts';
import { projectsTable, statementsTable, structureTable } from './compose.ts';

const names = { territory: (code: string) => ({ AA: 'Home Land', 'BB-X': 'Partner Province' })[code] ?? code };
const context = { language: 'en' as const, today: '2030-01-02', names };
const meta = { version: 1, createdAt: '2030-01-01T00:00:00Z', updatedAt: '2030-01-01T00:00:00Z' };

function buildLine(overrides: Partial<StructureLine> = {}): StructureLine {
  const totals = { exportsCents: 500, importsCents: 100, turnoverCents: 600, balanceCents: 400 };
  return {
    code: '01',
    label: '01',
    titleEn: 'Live animals',
    titleRu: 'Живые животные',
    current: totals,
    previous: { ...totals, exportsCents: 250 },
    sharePercent: 62.5,
    growthPercent: 100,
    contributionPp: 41.7,
    ...overrides,
  };
}

function buildStructure(overrides: Partial<TradeStructure> = {}): TradeStructure {
  return {
    home: 'AA',
    partner: 'BB-X',
    currency: 'USD',
    dataset: { id: 'd1', name: 'Test set', kind: 'customs', source: 'Customs office', illustrative: false },
    level: 'chapter',
    direction: 'exports',
    period: { from: 203001, to: 203003, label: '2030-01..2030-03' },
    previousPeriod: { from: 202901, to: 202903, label: '2029-01..2029-03' },
    total: { current: 800, previous: 450, growthPercent: 77.8 },
    lines: [buildLine()],
    other: buildLine({
      code: 'other',
      titleEn: null,
      titleRu: null,
      current: { ...buildLine().current, exportsCents: 300 },
    }),
    ...overrides,
  };
}

function buildStatement(overrides: Partial<Statement> = {}): Statement {
  return {
    id: 's1',
    meetingId: 'm1',
    kind: 'commitment',
    speakerPersonId: null,
    side: 'partner',
    sectorCode: null,
    textEn: 'Open a trading house',
    textRu: null,
    projectId: null,
    ownerPersonId: null,
    ownerOrganizationId: null,
    dueFrom: null,
    dueOn: '2030-06-30',
    statedOn: null,
    status: 'in_progress',
    overdue: false,
    history: [],
    ...meta,
    ...overrides,
  };
}

function buildProject(overrides: Partial<Project> = {}): Project {
  return {
    id: 'p1',
    relationshipId: 'r1',
    titleEn: 'Tractor assembly',
    titleRu: null,
    kind: 'joint_production',
    sectorCode: '28',
    description: null,
    valueMinor: 1_250_000_00,
    currency: 'EUR',
    stage: 'agreed',
    parties: [{ organizationId: 'o1', role: 'supplier', side: 'home' }],
    milestones: [
      { title: 'Contract', dueOn: '2030-02-01', doneOn: '2030-01-20', note: null },
      { title: 'First kits', dueOn: '2030-09-01', doneOn: null, note: null },
    ],
    stageHistory: [],
    ...meta,
    ...overrides,
  };
}

describe('the composed tables', () => {
  it('gives the structure in the chosen direction, with the rest as one line and the total apart', () => {
    const table = structureTable(buildStructure(), 15, context);
    expect(table.title).toBe('Exports by HS chapter: Home Land — Partner Province');
    expect(table.about).toContainEqual({ label: 'Source', value: 'Test set (Customs office)' });
    expect(table.about).toContainEqual({ label: 'Filters', value: 'HS chapter; exports; the 15 largest lines' });
    expect(table.rows).toEqual([
      ['01', 'Live animals', 500, 250, 62.5, 100, 41.7],
      ['', 'Other products', 300, 250, 62.5, 100, 41.7],
    ]);
    expect(table.footer).toEqual(['', 'Total', 800, 450, 100, 77.8, 77.8]);
  });

  it('says when the figures are illustrative, in the language asked for', () => {
    const dataset = { id: 'd2', name: 'Demo', kind: 'illustrative', source: 'generator', illustrative: true };
    const table = structureTable(buildStructure({ dataset, lines: [], other: null }), 15, {
      ...context,
      language: 'ru',
    });
    expect(table.about.find((a) => a.label === 'Источник')?.value).toBe(
      'Demo (generator); условные данные, не официальная статистика',
    );
    expect(table.title).toBe('Экспорт, группы ТН ВЭД: Home Land — Partner Province');
  });

  it('lists statements with meeting, owner, due date, status and whether they are overdue', () => {
    const table = statementsTable(
      {
        statements: [buildStatement(), buildStatement({ id: 's2', dueOn: null, status: 'open', overdue: true })],
        partner: 'Partner Province',
        commitmentsOnly: true,
        asOf: '2030-07-01',
        filters: [],
        meetings: new Map([['m1', { heldOn: '2030-01-15', title: 'Talks' }]]),
        owners: new Map([['s1', 'Tractor Works']]),
      },
      context,
    );
    expect(table.title).toBe('Commitments: Partner Province');
    expect(table.rows).toEqual([
      [
        '2030-01-15',
        'Talks',
        'Commitment',
        'Open a trading house',
        'partner side',
        'Tractor Works',
        '2030-06-30',
        'In progress',
        'no',
      ],
      ['2030-01-15', 'Talks', 'Commitment', 'Open a trading house', 'partner side', null, null, 'Open', 'yes'],
    ]);
  });

  it('lists projects with value and currency, parties and the next milestone not yet done', () => {
    const table = projectsTable(
      {
        projects: [buildProject(), buildProject({ id: 'p2', valueMinor: null, milestones: [], parties: [] })],
        partner: null,
        filters: [],
        parties: new Map([['o1', 'Tractor Works']]),
        sectors: new Map([['28', '28 Machinery']]),
      },
      context,
    );
    expect(table.title).toBe('Cooperation projects: every partner');
    expect(table.rows[0]).toEqual([
      'Tractor assembly',
      'Joint production',
      'Agreed',
      '28 Machinery',
      1_250_000_00,
      'EUR',
      'Tractor Works',
      'First kits',
      '2030-09-01',
    ]);
    expect(table.rows[1]!.slice(4)).toEqual([null, null, null, null, null]);
  });
});
