import fs from 'node:fs';
import semver from 'semver';
import { expect, it } from 'vitest';

// npm warns (EBADENGINE) about every installed package whose engines field excludes the running Node.js. A
// newcomer on the oldest version the README promises must get a clean `npm ci`, so every package the lock
// file installs has to accept that version.

interface LockedPackage {
  version: string;
  engines?: { node?: string };
  os?: string[];
  cpu?: string[];
}

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };
const oldest = semver.minVersion(manifest.engines.node)!.version;

it('states the same oldest Node.js version in the README as in package.json', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  const stated = semver.coerce(/Requires Node\.js (\d+\.\d+)/.exec(readme)?.[1] ?? '')?.version;
  expect(stated).toBe(oldest);
});

it('installs no package that refuses the oldest Node.js version the README states', () => {
  const refusing = Object.entries(lock.packages)
    // Platform builds npm skips elsewhere (rolldown's, esbuild's) never reach the engine check.
    .filter(([where, pkg]) => where !== '' && !pkg.os && !pkg.cpu)
    .filter(([, pkg]) => pkg.engines?.node !== undefined && !semver.satisfies(oldest, pkg.engines.node))
    .map(([where, pkg]) => `${where.replace(/^.*node_modules\//, '')}@${pkg.version} wants node ${pkg.engines!.node}`);
  expect(refusing).toEqual([]);
});
