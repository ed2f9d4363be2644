import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '../../src/core/records.ts';
import { createStatement } from '../../src/cooperation/statements/service.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp } from '../../src/http/app.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { makeMeeting, makeRelationship } from '../support/factories.ts';

interface Statement {
  id: string;
  kind: string;
  textEn: string | null;
  meetingId: string;
  status: string;
  overdue: boolean;
  history: Array<{ changedOn: string }>;
}
interface Partner {
  relationshipId: string;
  openCommitments: number;
  overdueCommitments: number;
  activeProjects: number;
}

function dayShift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The overview, the partner page's statements and the statements list must read one rule for "overdue". */
for (const engine of engines) {
  describe(`one rule for overdue and one as-of day [${engine}]`, () => {
    let database: TestDatabase;
    let app: FastifyInstance;
    const get = async <T>(url: string): Promise<T> => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json() as T;
    };
    const overviewOf = async (relationshipId: string, asOf?: string) => {
      const query = asOf ? `?asOf=${asOf}` : '';
      const { partners } = await get<{ partners: Partner[] }>(`/api/partners/overview${query}`);
      return partners.find((p) => p.relationshipId === relationshipId)!;
    };
    const statementsOf = async (relationshipId: string, extra = '') =>
      (
        await get<{ items: Statement[]; total: number }>(
          `/api/statements?relationshipId=${relationshipId}&limit=200${extra}`,
        )
      ).items;

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      app = await buildApp({ db: database.db });
    }, 60_000);
    afterAll(async () => {
      await app.close();
      await database.drop();
    });

    it('counts the same overdue commitments on the overview, the partner page and the statements list', async () => {
      const relationship = await makeRelationship(database.db, { homeCode: 'BY', partnerCode: 'RU-BEL' });
      const meeting = await makeMeeting(database.db, { relationshipId: relationship.id, heldOn: '2020-01-10' });
      const today = todayIso();
      const make = (text: string, kind: string, dueOn: string, status = 'open') =>
        createStatement(database.db, { meetingId: meeting.id, kind, textEn: text, dueOn, status });
      await make('A proposal past its date', 'proposal', '2020-02-01');
      await make('A commitment kept', 'commitment', '2020-02-01', 'fulfilled');
      const late = await make('Due yesterday', 'commitment', dayShift(today, -1));
      await make('Due today', 'commitment', today);
      await make('Due tomorrow', 'commitment', dayShift(today, 1));

      for (const asOf of [undefined, today]) {
        const extra = asOf ? `&asOf=${asOf}` : '';
        const partnerPage = await statementsOf(relationship.id, extra);
        const overdueOnList = await statementsOf(relationship.id, `${extra}&overdue=true`);
        const overview = await overviewOf(relationship.id, asOf);
        expect(partnerPage.filter((s) => s.overdue).map((s) => s.id)).toEqual([late.id]);
        expect(overdueOnList.map((s) => s.id)).toEqual([late.id]);
        expect(overview).toMatchObject({ openCommitments: 3, overdueCommitments: 1 });
      }
      // A week on, the ones due today and tomorrow are late too, everywhere alike.
      const weekOn = dayShift(today, 7);
      expect((await statementsOf(relationship.id, `&asOf=${weekOn}`)).filter((s) => s.overdue)).toHaveLength(3);
      expect(await overviewOf(relationship.id, weekOn)).toMatchObject({ overdueCommitments: 3 });
    });

    it('judges a commitment by the status it had on the day asked about', async () => {
      const relationship = await makeRelationship(database.db, { homeCode: 'BY', partnerCode: 'RU-ORL' });
      const meeting = await makeMeeting(database.db, { relationshipId: relationship.id, heldOn: '2018-03-01' });
      const promise = await createStatement(database.db, {
        meetingId: meeting.id,
        kind: 'commitment',
        textEn: 'Deliver the lifts',
        dueOn: '2018-06-30',
      });
      const kept = await app.inject({
        method: 'POST',
        url: `/api/statements/${promise.id}/status`,
        payload: { status: 'fulfilled', version: 1, on: '2018-09-15' },
      });
      expect(kept.statusCode).toBe(200);

      const [inAugust] = await statementsOf(relationship.id, '&asOf=2018-08-01');
      expect(inAugust).toMatchObject({ status: 'open', overdue: true, history: [{ changedOn: '2018-03-01' }] });
      expect(await overviewOf(relationship.id, '2018-08-01')).toMatchObject({
        openCommitments: 1,
        overdueCommitments: 1,
      });
      const [inOctober] = await statementsOf(relationship.id, '&asOf=2018-10-01');
      expect(inOctober).toMatchObject({ status: 'fulfilled', overdue: false });
      expect(await overviewOf(relationship.id, '2018-10-01')).toMatchObject({
        openCommitments: 0,
        overdueCommitments: 0,
      });
      expect(await statementsOf(relationship.id, '&asOf=2018-02-28')).toEqual([]);
    });

    it('refuses a malformed or impossible as-of day, naming the parameter', async () => {
      for (const url of [
        '/api/partners/overview?asOf=2017-02-30',
        '/api/statements?asOf=04.12.2017',
        '/api/meetings?asOf=2017-12-32',
        '/api/projects?asOf=yesterday',
      ]) {
        const response = await app.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(422);
        expect(response.headers['content-type']).toContain('application/problem+json');
        const paths = response.json().problems.map((p: { path: string }) => p.path);
        expect(new Set(paths), url).toEqual(new Set(['querystring.asOf']));
      }
    });
  });

  describe(`the demo as known before and after 5 December 2017 [${engine}]`, () => {
    let database: TestDatabase;
    let app: FastifyInstance;
    let kursk: string;
    const get = async <T>(url: string): Promise<T> => {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
      return response.json() as T;
    };

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await loadDemo(database);
      app = await buildApp({ db: database.db });
      kursk = (await get<{ items: Array<{ id: string }> }>('/api/relationships?partner=RU-KRS')).items[0]!.id;
    }, 120_000);
    afterAll(async () => {
      await app.close();
      await database.drop();
    });

    const asKnownOn = async (asOf: string) => {
      const q = `relationshipId=${kursk}&limit=200&asOf=${asOf}`;
      const [meetings, statements, projects, overview] = await Promise.all([
        get<{ items: Array<{ heldOn: string }> }>(`/api/meetings?${q}`),
        get<{ items: Statement[] }>(`/api/statements?${q}`),
        get<{ items: Array<{ stage: string; stageHistory: unknown[] }> }>(`/api/projects?${q}`),
        get<{ asOf: string; partners: Partner[] }>(`/api/partners/overview?asOf=${asOf}`),
      ]);
      const partner = overview.partners.find((p) => p.relationshipId === kursk)!;
      return { meetings: meetings.items, statements: statements.items, projects: projects.items, partner, overview };
    };

    it('knows nothing of the 5 December 2017 meeting on the 4th', async () => {
      const before = await asKnownOn('2017-12-04');
      expect(before.overview.asOf).toBe('2017-12-04');
      expect(before.meetings.filter((m) => m.heldOn === '2017-12-05')).toEqual([]);
      // What the file held before: the two earlier meetings' statements and the three projects begun then.
      const talks = (
        await get<{ items: Array<{ id: string; heldOn: string }> }>(`/api/meetings?relationshipId=${kursk}`)
      ).items.find((m) => m.heldOn === '2017-12-05')!;
      expect(before.statements.filter((s) => s.meetingId === talks.id)).toEqual([]);
      expect(before.statements.map((s) => s.kind).sort()).toEqual([
        'commitment',
        'commitment',
        'commitment',
        'commitment',
        'proposal',
        'proposal',
      ]);
      expect(before.projects.map((p) => p.stage).sort()).toEqual(['agreed', 'idea', 'in_execution']);
      // Of the four commitments only the one due on 30 September 2017 is still open, and overdue.
      expect(before.partner).toMatchObject({ openCommitments: 1, overdueCommitments: 1, activeProjects: 3 });
    });

    it('has the meeting, its statements and the projects it started on the 6th, counted alike', async () => {
      const after = await asKnownOn('2017-12-06');
      const meeting = after.meetings.find((m) => m.heldOn === '2017-12-05');
      expect(meeting).toBeDefined();
      expect(after.statements.length).toBeGreaterThan(0);
      const commitments = after.statements.filter(
        (s) => s.kind === 'commitment' && ['open', 'in_progress'].includes(s.status),
      );
      expect(after.partner.openCommitments).toBe(commitments.length);
      expect(after.partner.overdueCommitments).toBe(after.statements.filter((s) => s.overdue).length);
      expect(after.projects.length).toBeGreaterThan(0);
      const active = after.projects.filter((p) => !['completed', 'cancelled'].includes(p.stage));
      expect(after.partner.activeProjects).toBe(active.length);
    });
  });
}
