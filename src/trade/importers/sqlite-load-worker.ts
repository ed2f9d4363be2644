import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { BlockPart } from './block-builder.ts';
import { movable } from './packed.ts';
import { SqliteFlowLoad } from './sqlite-load.ts';

/** A call from the importing thread: a method of the load and its arguments, answered by `id`. */
export interface LoadCall {
  id: number;
  method:
    | 'begin'
    | 'ensureDataset'
    | 'ensureTerritories'
    | 'startLoad'
    | 'addFlows'
    | 'addPart'
    | 'takeParts'
    | 'endLoad'
    | 'recordImport'
    | 'finish';
  args: unknown[];
}

export type LoadAnswer =
  { id: number; result: unknown } | { id: number; error: { message: string; stack?: string; code?: string } };

// The commit of a big import leaves copying its pages into the database file for after the answer: the
// import is committed and readable then, and its caller need not wait for the copy.
const load = new SqliteFlowLoad((workerData as { file: string }).file, {
  checkpointLater: true,
  waitForLockInThread: true,
});
const port = parentPort!;

/**
 * Parts sent straight by the threads that build them (`takeParts` gives a port to each), written in the
 * order they come, once the load has started: one may come before the importing thread's `startLoad`.
 * Each is answered with its buffers, written or not; the first failure is thrown at the next `endLoad`.
 */
class PartIntake {
  private readonly ports: MessagePort[] = [];
  private readonly held: Array<{ from: MessagePort; part: BlockPart }> = [];
  private started = false;
  private failure: unknown = null;

  take(from: MessagePort): void {
    this.ports.push(from);
    from.on('message', ({ part }: { part: BlockPart }) => {
      if (this.started) this.write(from, part);
      else this.held.push({ from, part });
    });
  }

  start(): void {
    this.started = true;
    for (const { from, part } of this.held.splice(0)) this.write(from, part);
  }

  check(): void {
    if (this.failure !== null) throw this.failure;
  }

  close(): void {
    for (const from of this.ports) from.close();
  }

  private write(from: MessagePort, part: BlockPart): void {
    try {
      if (this.failure === null) load.addPart(part);
    } catch (error) {
      this.failure = error;
    }
    from.postMessage({ type: 'written', spare: part.buffers }, movable(part.buffers));
  }
}

const intake = new PartIntake();

function run(call: LoadCall): unknown {
  if (call.method === 'takeParts') return intake.take(call.args[0] as MessagePort);
  if (call.method === 'endLoad' || (call.method === 'finish' && call.args[0] === true)) intake.check();
  const result = (load[call.method] as (...args: unknown[]) => unknown).apply(load, call.args);
  if (call.method === 'startLoad') intake.start();
  return result;
}

port.on('message', (call: LoadCall) => {
  // Methods are synchronous but for endLoad; a promise is awaited before answering.
  Promise.resolve()
    .then(() => run(call))
    .then(
      // A part's buffers go back to be filled again.
      (result) => {
        port.postMessage(
          { id: call.id, result } satisfies LoadAnswer,
          call.method === 'addPart' ? movable(result as ArrayBufferLike[]) : [],
        );
        if (call.method === 'finish') {
          intake.close();
          load.checkpoint();
          port.close();
        }
      },
      (error: unknown) => {
        if (call.method === 'finish') intake.close();
        const { message, stack, code } = (
          error instanceof Error ? error : new Error(String(error))
        ) as NodeJS.ErrnoException;
        port.postMessage({ id: call.id, error: { message, stack, code } } satisfies LoadAnswer);
      },
    );
});
