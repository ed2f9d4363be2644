import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleCacheFile, startWorker, workerBundle } from './workers.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-workers-'));
afterAll(() => {
  fs.rmSync(bundleCacheFile(path.join(dir, 'entry.ts')), { force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('worker threads', () => {
  it('run a TypeScript module with what it imports, bundled again only when a source changed', async () => {
    const entry = path.join(dir, 'entry.ts');
    const greeting = path.join(dir, 'greeting.ts');
    fs.writeFileSync(
      entry,
      [
        "import { parentPort, workerData } from 'node:worker_threads';",
        "import { greet } from './greeting.ts';",
        'parentPort!.postMessage(greet((workerData as { name: string }).name));',
      ].join('\n'),
    );
    fs.writeFileSync(greeting, 'export const greet = (name: string): string => `hello ${name}`;\n');
    const first = workerBundle(entry);
    expect(fs.existsSync(bundleCacheFile(entry))).toBe(true);
    expect(workerBundle(entry)).toBe(first);

    fs.writeFileSync(greeting, 'export const greet = (name: string): string => `good day ${name}`;\n');
    const second = workerBundle(entry);
    expect(second).not.toBe(first);
    expect(second).toContain('good day');

    const worker = startWorker(new URL(`file://${entry}`), { name: 'Kursk' });
    const message = await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(message).toBe('good day Kursk');
  });
});
