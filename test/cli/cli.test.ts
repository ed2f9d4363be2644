import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliOn } from '../support/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-'));
const database = path.join(dir, 'accord.sqlite');
// The binary itself for the first steps; the rest run the same program in this process, seconds faster each.
const binary = cliOn(database);
const accord = cliInProcess(database);

/** The CLI as a desk officer runs it: one SQLite file, one command after another. */
describe('accord CLI on an embedded database', () => {
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('tells what to run when the database has not been created', async () => {
    const result = await binary('partners');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('accord migrate');
  });

  it('migrates, loads the demo once and refuses a second load', async () => {
    expect((await binary('migrate')).code).toBe(0);
    const first = await binary('demo');
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Loaded the demo data set/);
    const second = await binary('demo');
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain('already loaded');
  });

  it('lists partners, projects and overdue commitments as tables and as JSON', async () => {
    const partners = await accord('partners');
    expect(partners.code, partners.stderr).toBe(0);
    expect(partners.stdout).toContain('Kursk Oblast');
    const projects = await accord('projects', '--partner', 'RU-KRS');
    expect(projects.stdout).toContain('BelAZ mining equipment for Mikhailovsky GOK');
    const outlets = await accord('outlets', '--partner', 'RU-KRS');
    expect(outlets.code, outlets.stderr).toBe(0);
    expect(outlets.stdout).toMatch(/^name .* point /m);
    expect(outlets.stdout).toContain('51.73, 36.19');
    const overdue = await accord('commitments', '--overdue', '--as-of', '2019-01-01', '--json');
    expect(overdue.code, overdue.stderr).toBe(0);
    const rows = JSON.parse(overdue.stdout) as Array<{ dueOn: string }>;
    expect(rows.map((r) => r.dueOn)).toEqual(['2017-09-30', '2018-12-31']);
  });

  it('answers as known on a day: nothing of the 5 December 2017 talks on the 4th, all of it on the 6th', async () => {
    const kurskOn = async (asOf: string) => {
      const result = await accord('partners', '--as-of', asOf, '--json');
      expect(result.code, result.stderr).toBe(0);
      const rows = JSON.parse(result.stdout) as Array<{ partner: { code: string }; openCommitments: number }>;
      return rows.find((r) => r.partner.code === 'RU-KRS')!;
    };
    const commitmentsOn = async (asOf: string) =>
      JSON.parse((await accord('commitments', '--partner', 'RU-KRS', '--as-of', asOf, '--json')).stdout) as unknown[];
    // Before the talks: the commitments of the earlier working group, one of them still open and overdue.
    expect((await kurskOn('2017-12-04')).openCommitments).toBe(1);
    const before = (await commitmentsOn('2017-12-04')) as Array<{ dueOn: string; overdue: boolean }>;
    expect(before.filter((c) => c.overdue).map((c) => c.dueOn)).toEqual(['2017-09-30']);
    const meetings = await accord('meetings', '--partner', 'RU-KRS', '--as-of', '2017-12-04', '--json');
    expect((JSON.parse(meetings.stdout) as Array<{ heldOn: string }>).map((m) => m.heldOn)).toEqual([
      '2016-06-16',
      '2015-10-08',
    ]);
    const after = await kurskOn('2017-12-06');
    expect(after.openCommitments).toBeGreaterThan(0);
    const open = (await commitmentsOn('2017-12-06')) as Array<{ status: string }>;
    expect(open.filter((c) => ['open', 'in_progress'].includes(c.status))).toHaveLength(after.openCommitments);
  }, 90_000);

  it('rejects a wrong date with a message naming the option', async () => {
    const result = await accord('commitments', '--overdue', '--as-of', '2019-02-30');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/asOf|as-of/);
    expect(result.stderr).toContain('not a calendar date');
  });

  it('exports a bundle that imports into a new database and exports identically', async () => {
    const bundle = path.join(dir, 'bundle.json');
    expect((await accord('export', bundle)).code).toBe(0);
    const copy = path.join(dir, 'copy.sqlite');
    const onCopy = cliInProcess(copy);
    const imported = await onCopy('import', bundle);
    expect(imported.stdout).toMatch(/Imported \d+ rows/);
    const again = await onCopy('export');
    expect(again.stdout).toBe(fs.readFileSync(bundle, 'utf8'));
  });
});
