import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliOn } from '../support/cli.ts';

const fixtures = fileURLToPath(new URL('../fixtures/trade/', import.meta.url));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-trade-'));
const database = path.join(dir, 'accord.sqlite');
// The same program run in this process, seconds faster a command; the binary itself for its exit code.
const accord = cliInProcess(database);
const binary = cliOn(database);

describe('accord trade import', () => {
  beforeAll(async () => {
    const migrated = await accord('migrate');
    expect(migrated.code, migrated.stderr).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a UN Comtrade file, prints a summary and lists the dataset', async () => {
    const result = await accord(
      'trade',
      'import',
      path.join(fixtures, 'comtrade-belarus.csv'),
      '--format',
      'comtrade',
      '--dataset',
      'UN Comtrade: Belarus',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Imported 6 rows into dataset "UN Comtrade: Belarus" (2017..2017-03)');
    expect(result.stdout).toMatch(/skipped 6 rows/);
    expect(result.stdout).toMatch(/\d+\.\d s, [\d,]+ rows\/s/);

    const mappedArgs = [
      'trade',
      'import',
      path.join(fixtures, 'kursk-customs.csv'),
      '--format',
      'mapped',
      '--mapping',
      path.join(fixtures, 'kursk-mapping.yaml'),
      '--dataset',
      'Kursk customs',
    ];
    // Whether a table is customs data, statistics or made up decides which dataset answers first: not assumed.
    const unkinded = await accord(...mappedArgs);
    expect(unkinded.code).not.toBe(0);
    expect(unkinded.stderr).toContain(
      'with --kind (official_customs, national_statistics, comtrade, baci, illustrative)',
    );
    const mapped = await accord(...mappedArgs, '--kind', 'official_customs');
    expect(mapped.code, mapped.stderr).toBe(0);

    const listed = await accord('trade', 'datasets', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const datasets = JSON.parse(listed.stdout) as Array<{
      name: string;
      kind: string;
      source: string;
      rowCount: number;
    }>;
    expect(datasets.map((d) => [d.name, d.kind, d.source, d.rowCount])).toEqual([
      ['Kursk customs', 'official_customs', 'kursk-customs.csv', 5],
      ['UN Comtrade: Belarus', 'comtrade', 'UN Comtrade', 6],
    ]);
    const table = await accord('trade', 'datasets');
    expect(table.stdout).toMatch(/UN Comtrade: Belarus\s+comtrade\s+6\s+2017\.\.2017-03\s+\S+\s+150 days/);

    const comtrade = (JSON.parse(listed.stdout) as Array<{ id: string; kind: string }>).find(
      (d) => d.kind === 'comtrade',
    );
    const lag = await accord('trade', 'publication-lag', comtrade!.id, '90');
    expect(lag.stdout).toBe('UN Comtrade: Belarus: a month is known 90 days after it ends\n');
    const usual = await accord('trade', 'publication-lag', comtrade!.id, 'usual');
    expect(usual.stdout).toContain('known 150 days after it ends (usual for comtrade)');
    const wrong = await accord('trade', 'publication-lag', comtrade!.id, 'soon');
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('give a whole number of days');
  });

  it('lists rejected rows with line and column, names the error file and exits non-zero', async () => {
    const errors = path.join(dir, 'rejected.csv');
    const result = await binary(
      'trade',
      'import',
      path.join(fixtures, 'comtrade-bad.csv'),
      '--format',
      'comtrade',
      '--dataset',
      'Rejected',
      '--errors',
      errors,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('11 rows were rejected, so nothing was imported.');
    expect(result.stderr).toContain('line 2, column reporterISO: not an ISO 3166 country code');
    expect(result.stderr).toContain(`Every rejected row is listed in ${errors}`);
    expect(fs.readFileSync(errors, 'utf8').trim().split('\n')).toHaveLength(12);
    const listed = await accord('trade', 'datasets', '--json');
    expect((JSON.parse(listed.stdout) as Array<{ name: string }>).map((d) => d.name)).not.toContain('Rejected');
  });

  it('gives the TOTAL of a Comtrade file with chapter, heading and subheading rows, and says what it did', async () => {
    const imported = await accord(
      'trade',
      'import',
      path.join(fixtures, 'real', 'comtrade-levels.csv'),
      '--format',
      'comtrade',
      '--dataset',
      'Comtrade by level',
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('note: The file lists flows at HS chapter, heading and subheading level');
    expect(imported.stdout).toContain("note: The rows kept add up to the file's TOTAL row in all 2 flows");
    const id = (JSON.parse((await accord('trade', 'datasets', '--json')).stdout) as Array<{ id: string; name: string }>)
      .filter((d) => d.name === 'Comtrade by level')
      .map((d) => d.id)[0]!;
    const summary = await accord('trade', 'summary', 'BY', 'RU', '--period', '2017', '--dataset', id, '--json');
    expect(summary.code, summary.stderr).toBe(0);
    // The file's TOTAL rows: exports 250 million USD, imports 80 million.
    expect((JSON.parse(summary.stdout) as { current: unknown }).current).toEqual({
      exportsCents: 25_000_000_000,
      importsCents: 8_000_000_000,
      turnoverCents: 33_000_000_000,
      balanceCents: 17_000_000_000,
    });
  });

  it('names the option that is wrong', async () => {
    const result = await accord('trade', 'import', 'x.csv', '--format', 'sitc', '--dataset', 'X');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/format/);
  });
});
