import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import esbuild from 'esbuild';

/** Each thread module bundled once a process, from its TypeScript sources to one script. */
const bundles = new Map<string, string>();

/**
 * Bundles kept between processes, each beside the digests of the sources it was made from: building one
 * runs esbuild in a process of its own, tens of milliseconds at the start of every command's import.
 * Inside node_modules, which only its owner writes, as other build tools' caches are.
 */
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/accord-workers/', import.meta.url));

interface CachedBundle {
  /** Each source file by absolute path, with the SHA-256 of its content. */
  inputs: Record<string, string>;
  code: string;
}

function digest(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

function cachedBundle(cacheFile: string): string | null {
  let cached: CachedBundle;
  try {
    cached = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as CachedBundle;
  } catch {
    return null;
  }
  const fresh = Object.entries(cached.inputs).every(([file, sha]) => digest(file) === sha);
  return fresh ? cached.code : null;
}

/** Where the bundle of a thread module is kept. */
export function bundleCacheFile(source: string): string {
  return path.join(cacheDir, `${createHash('sha256').update(source).digest('hex').slice(0, 16)}.json`);
}

/** The script of a thread module: the cached one while none of its sources changed, else built and cached. */
export function workerBundle(source: string): string {
  const cacheFile = bundleCacheFile(source);
  const cached = cachedBundle(cacheFile);
  if (cached !== null) return cached;
  const built = esbuild.buildSync({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = built.outputFiles[0]!.text;
  const inputs: Record<string, string> = {};
  for (const input of Object.keys(built.metafile.inputs)) {
    const file = path.resolve(input);
    inputs[file] = digest(file) ?? '';
  }
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: another process reading it meanwhile sees the old one or the new.
    const partial = `${cacheFile}.${process.pid}`;
    fs.writeFileSync(partial, JSON.stringify({ inputs, code } satisfies CachedBundle));
    fs.renameSync(partial, cacheFile);
  } catch {
    // A cache that cannot be written (a read-only install) only costs the next process the build.
  }
  return code;
}

/**
 * Starts a worker thread running a TypeScript module; `data` reaches it as `workerData` (with the ports
 * and buffers of `transferList` moved to it). The module and what it imports from the project are
 * bundled into one script (packages stay imports): a thread started through the TypeScript loader took a
 * quarter of a second of processor time to compile its sources, which an import of a few million rows,
 * with three threads, noticed.
 */
export function startWorker(
  entry: URL,
  data: Record<string, unknown>,
  transferList: ReadonlyArray<Transferable> = [],
): Worker {
  let code = bundles.get(entry.href);
  if (code === undefined) {
    code = workerBundle(fileURLToPath(entry));
    bundles.set(entry.href, code);
  }
  return new Worker(code, { eval: true, workerData: data, transferList: [...transferList] });
}
