import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import esbuild from 'esbuild';

/** Each thread module bundled once a process, from its TypeScript sources to one script. */
const bundles = new Map<string, string>();

/**
 * Starts a worker thread running a TypeScript module; `data` reaches it as `workerData` (with the ports
 * and buffers of `transferList` moved to it). The module and
 * what it imports from the project are bundled into one script (packages stay imports): a thread started
 * through the TypeScript loader took a quarter of a second of processor time to compile its sources,
 * which an import of a few million rows, with three threads, noticed.
 */
export function startWorker(
  entry: URL,
  data: Record<string, unknown>,
  transferList: ReadonlyArray<Transferable> = [],
): Worker {
  let code = bundles.get(entry.href);
  if (code === undefined) {
    const built = esbuild.buildSync({
      entryPoints: [fileURLToPath(entry)],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    code = built.outputFiles[0]!.text;
    bundles.set(entry.href, code);
  }
  return new Worker(code, { eval: true, workerData: data, transferList: [...transferList] });
}
