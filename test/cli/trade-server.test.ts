import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliOn } from '../support/cli.ts';

const bin = fileURLToPath(new URL('../../bin/accord.js', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/trade/${name}`, import.meta.url));

interface Running {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/** Starts `accord serve` and waits until it says where it runs, or until it exits. */
function startServer(database: string): Promise<Running | { code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
      env: { ...process.env, ACCORD_DATABASE: database, ACCORD_LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    const exited = new Promise<{ code: number | null; stderr: string }>((done) =>
      child.on('close', (code) => done({ code, stderr })),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url, exited });
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    void exited.then(resolve);
  });
}

describe('one process writes the trade store', () => {
  let dir = '';
  let database = '';
  let server: Running | undefined;
  const period = ['--period', '2017-01..2017-09'];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-one-writer-'));
    database = path.join(dir, 'accord.sqlite');
    const cli = cliInProcess(database);
    expect((await cli('migrate')).code).toBe(0);
    const imported = await cli(
      ...['trade', 'import', fixture('kursk-customs.csv'), '--format', 'mapped', '--kind', 'official_customs'],
      ...['--mapping', fixture('kursk-mapping.yaml'), '--dataset', 'kursk customs'],
    );
    expect(imported.code, imported.stderr).toBe(0);
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('asks the running server the trade questions, says so, and answers as the database would', async () => {
    const cli = cliInProcess(database);
    const here = await cli('trade', 'summary', 'BY', 'RU-KRS', ...period, '--json');
    expect(here.code, here.stderr).toBe(0);
    const product = ['trade', 'product', '870410', '--year', '2017', '--reporter', 'RU-KRS', '--json'];
    const productHere = await cli(...product);
    expect(productHere.code, productHere.stderr).toBe(0);
    const started = await startServer(database);
    if (!('url' in started)) throw new Error(`the server did not start: ${started.stderr}`);
    server = started;
    expect(fs.readFileSync(path.join(dir, 'accord-trade.duckdb.server.json'), 'utf8')).toContain(started.url);

    const there = await cli('trade', 'summary', 'BY', 'RU-KRS', ...period, '--json');
    expect(there.code, there.stderr).toBe(0);
    expect(there.stderr).toContain(`asked the Accord server at ${started.url}`);
    expect(JSON.parse(there.stdout)).toEqual(JSON.parse(here.stdout));

    const productThere = await cli(...product);
    expect(productThere.stderr).toContain('asked the Accord server');
    expect(JSON.parse(productThere.stdout)).toEqual(JSON.parse(productHere.stdout));

    const structure = await cli('trade', 'structure', 'BY', 'RU-KRS', ...period, '--level', 'heading');
    expect(structure.code, structure.stderr).toBe(0);
    expect(structure.stdout).toContain('by HS heading');
  }, 60_000);

  it('imports through the server, and reports rejected rows as a local import does', async () => {
    const cli = cliInProcess(database);
    const imported = await cli(
      ...['trade', 'import', fixture('comtrade-belarus.csv'), '--format', 'comtrade', '--dataset', 'comtrade'],
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('asked the Accord server');
    expect(imported.stdout).toMatch(/Imported \d+ rows into dataset "comtrade"/);
    const datasets = await (await fetch(new URL('/api/trade/datasets', server!.url))).json();
    expect((datasets as Array<{ name: string }>).map((d) => d.name)).toContain('comtrade');

    const errors = path.join(dir, 'bad.errors.csv');
    const bad = await cli(
      ...['trade', 'import', fixture('comtrade-bad.csv'), '--format', 'comtrade', '--dataset', 'bad'],
      ...['--errors', errors],
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/rows? (was|were) rejected, so nothing was imported/);
    expect(fs.readFileSync(errors, 'utf8')).toMatch(/^line,column,value,reason\n/);
  }, 60_000);

  it('refuses a second server on the same store, naming the first', async () => {
    const second = await startServer(database);
    expect('url' in second).toBe(false);
    const { code, stderr } = second as { code: number | null; stderr: string };
    expect(code).not.toBe(0);
    expect(stderr).toContain(`held by the Accord server at ${server!.url} (PID ${server!.child.pid}`);
  }, 60_000);

  it('lets go of the store when the server stops', async () => {
    server!.child.kill('SIGTERM');
    await server!.exited;
    server = undefined;
    expect(fs.existsSync(path.join(dir, 'accord-trade.duckdb.server.json'))).toBe(false);
    const local = await cliOn(database)('trade', 'summary', 'BY', 'RU-KRS', ...period);
    expect(local.code, local.stderr).toBe(0);
    expect(local.stderr).not.toContain('asked the Accord server');
  }, 60_000);
});
