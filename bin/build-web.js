#!/usr/bin/env node
// Builds the web workspace when its sources are newer than the last build, so `npm start` on a fresh
// clone serves the pages without a separate step, and later starts do not wait for a rebuild.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist/web/index.html');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'].map((p) => join(root, p));
const stale = !existsSync(built) || sources.some((source) => newest(source) > statSync(built).mtimeMs);
if (stale || process.argv.includes('--force')) {
  process.stdout.write('Building the web workspace…\n');
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'web/vite.config.ts'),
      '--logLevel',
      'warn',
    ],
    {
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
