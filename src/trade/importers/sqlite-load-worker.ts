import { parentPort, workerData } from 'node:worker_threads';
import { SqliteFlowLoad } from './sqlite-load.ts';

/** A call from the importing thread: a method of the load and its arguments, answered by `id`. */
export interface LoadCall {
  id: number;
  method: 'begin' | 'ensureDataset' | 'startLoad' | 'addFlows' | 'addPart' | 'endLoad' | 'recordImport' | 'finish';
  args: unknown[];
}

export type LoadAnswer =
  { id: number; result: unknown } | { id: number; error: { message: string; stack?: string; code?: string } };

// The commit of a big import leaves copying its pages into the database file for after the answer: the
// import is committed and readable then, and its caller need not wait for the copy.
const load = new SqliteFlowLoad((workerData as { file: string }).file, true);
const port = parentPort!;
port.on('message', (call: LoadCall) => {
  // Methods are synchronous but for endLoad; a promise is awaited before answering.
  Promise.resolve()
    .then(() => (load[call.method] as (...args: unknown[]) => unknown).apply(load, call.args))
    .then(
      // A part's buffers go back to be filled again.
      (result) => {
        port.postMessage(
          { id: call.id, result } satisfies LoadAnswer,
          call.method === 'addPart' ? (result as ArrayBuffer[]) : [],
        );
        if (call.method === 'finish') {
          load.checkpoint();
          port.close();
        }
      },
      (error: unknown) => {
        const { message, stack, code } = (
          error instanceof Error ? error : new Error(String(error))
        ) as NodeJS.ErrnoException;
        port.postMessage({ id: call.id, error: { message, stack, code } } satisfies LoadAnswer);
      },
    );
});
