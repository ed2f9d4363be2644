import { Worker } from 'node:worker_threads';

/**
 * Worker threads are started through tsx's loader, as the CLI runs the sources: a thread does not inherit
 * a loader registered in-process, and under the test runner no Node loader is registered at all.
 */
const bootstrap = `
const { workerData } = require('node:worker_threads');
import(workerData.loader).then((tsx) => {
  tsx.register();
  return import(workerData.entry);
});
`;

/** Starts a worker thread running a TypeScript module; `data` reaches it as `workerData`. */
export function startWorker(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(bootstrap, {
    eval: true,
    workerData: { ...data, loader: import.meta.resolve('tsx/esm/api'), entry: entry.href },
  });
}
