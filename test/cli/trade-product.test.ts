import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/cli.ts';

const fixtures = fileURLToPath(new URL('../fixtures/trade/', import.meta.url));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-cli-product-'));
const accord = cliInProcess(path.join(dir, 'accord.sqlite'));

describe('accord trade product', () => {
  beforeAll(async () => {
    expect((await accord('migrate')).code).toBe(0);
    const file = path.join(fixtures, 'comtrade-vehicles-2017.csv');
    const imported = await accord('trade', 'import', file, '--format', 'comtrade', '--dataset', 'Comtrade 8704');
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("lists a reporter's partners in a product, with quantities and the flow UN Comtrade estimated", async () => {
    const result = await accord('trade', 'product', '8704', '--year', '2017', '--reporter', 'BY');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('HS 8704 [chapter 87] Vehicles other than railway');
    expect(result.stdout).toContain('Dataset: Comtrade 8704 (comtrade)');
    expect(result.stdout).toMatch(/^1 {2}RU {7}97,500,000 USD {2}84\.7% {5}160 u$/m);
    expect(result.stdout).toMatch(/^2 {2}KZ {7}11,500,000 USD {2}10\.0% {6}15 u {14}1$/m);
    expect(result.stdout).toContain('total 115,100,000 USD, 183 u; 3 partners');
    expect(result.stdout).toContain("BY's imports by partner");
    expect(result.stdout).toContain('Includes 1 flagged flow');
  });

  it('leaves the flagged flow out when asked, and answers JSON for scripts', async () => {
    const result = await accord(
      'trade',
      'product',
      '870410',
      '--year',
      '2017',
      '--reporter',
      'BY',
      '--exclude-flagged',
      '--json',
    );
    expect(result.code, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(answer.exports.lines.map((l: { territory: string }) => l.territory)).toEqual(['RU', 'UZ']);
    expect(answer).toMatchObject({ includesFlagged: false, excludeFlagged: true, reporter: 'BY' });
  });

  it("lists the world's importers of a product when no reporter is named", async () => {
    const result = await accord('trade', 'product', '8704', '--year', '2017', '--top', '1');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Importers, each with its imports from the world');
    expect(result.stdout).toMatch(/^1 {2}KZ .* 99\.1% /m);
    expect(result.stdout).toContain('other (1)');
  });

  it('refuses a code that is no HS code and a year without data, saying why', async () => {
    const bad = await accord('trade', 'product', '87x', '--year', '2017');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('is not an HS code: expected 2, 4 or 6 digits');
    const empty = await accord('trade', 'product', '8704', '--year', '2015');
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('no dataset holds imports of HS 8704 in 2015');
    const noYear = await accord('trade', 'product', '8704', '--year', 'soon');
    expect(noYear.code).not.toBe(0);
    expect(noYear.stderr).toContain('year');
  });
});
