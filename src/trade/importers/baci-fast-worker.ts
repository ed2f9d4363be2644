import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { FastCall, FastMessage } from './baci-fast.ts';
import { parseLines, type FileChunk } from './baci-lines.ts';

/**
 * One reading thread of a BACI file: turns each of its chunks into columns of numbers, a few chunks
 * ahead of the importing thread at most, leaving to it every line that is not plain digits where expected.
 */
const { file, chunks, roles, width } = workerData as {
  file: string;
  chunks: FileChunk[];
  roles: number[];
  width: number;
};
const port = parentPort!;
const fd = fs.openSync(file, 'r');
let buffer = new Uint8Array(0);

function read(chunk: FileChunk): Uint8Array {
  const size = chunk.end - chunk.start;
  if (buffer.length < size) buffer = new Uint8Array(size);
  let done = 0;
  while (done < size) done += fs.readSync(fd, buffer, done, size - done, chunk.start + done);
  return buffer.subarray(0, size);
}

let unacknowledged = 0;
let waiting: (() => void) | null = null;
/** Chunks parsed ahead of the importing thread at most, so memory stays bounded. */
const ahead = 2;

port.on('message', (call: FastCall) => {
  if (call.type === 'ack') {
    unacknowledged -= 1;
    waiting?.();
    waiting = null;
  }
});

async function run(): Promise<void> {
  for (const chunk of chunks) {
    while (unacknowledged >= ahead) await new Promise<void>((resolve) => (waiting = resolve));
    const rows = parseLines(read(chunk), roles, width);
    unacknowledged += 1;
    const columns = [rows.line, rows.t, rows.i, rows.j, rows.k, rows.kDigits, rows.valueCents, rows.quantity];
    port.postMessage(
      { type: 'chunk', index: chunk.index, rows } satisfies FastMessage,
      columns.map((a) => a.buffer as ArrayBuffer),
    );
  }
  fs.closeSync(fd);
}

void run();
