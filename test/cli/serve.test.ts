import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../support/cli.ts';

const bin = fileURLToPath(new URL('../../bin/accord.js', import.meta.url));

/** Starts `accord serve` with `args`, waits for its start-up line, then stops it; returns what it printed. */
function serveOnce(database: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
      env: { ...process.env, ACCORD_DATABASE: database, ACCORD_LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
}

describe('accord serve', () => {
  let dir = '';
  let database = '';
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-serve-'));
    database = path.join(dir, 'accord.sqlite');
    expect((await cliInProcess(database)('migrate')).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says that it listens on 127.0.0.1 only, so no other machine can reach it', async () => {
    const { stdout, stderr } = await serveOnce(database, []);
    expect(stdout).toMatch(/^Accord is running at http:\/\/127\.0\.0\.1:\d+\/ {2}\(listening on 127\.0\.0\.1 only/);
    expect(stderr).not.toContain('Warning');
  });

  it('refuses a log format it does not write, naming the ones it does', async () => {
    const result = await cliInProcess(database)('serve', '--port', '0', '--log', 'xml');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/log.*text.*json/s);
  });

  it('warns when it listens on every interface while Accord has no accounts', async () => {
    const { stdout, stderr } = await serveOnce(database, ['--host', '0.0.0.0']);
    expect(stdout).toContain('listening on all interfaces (0.0.0.0)');
    expect(stderr).toContain('Warning: Accord is listening on every network interface and has no accounts yet');
    expect(stderr).toContain('ACCORD_ALLOWED_HOSTS');
  });
});
