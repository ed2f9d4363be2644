import fs from 'node:fs';
import { AccordError } from '../../core/errors.ts';

/** The server that holds a trade store: written beside the store while it runs. */
export interface StoreHolder {
  pid: number;
  url: string;
  startedAt: string;
}

export function holderFile(storeFile: string): string {
  return `${storeFile}.server.json`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running server that holds the store, if any; a note left by a server that died is ignored. */
export function storeHolder(storeFile: string): StoreHolder | null {
  let text: string;
  try {
    text = fs.readFileSync(holderFile(storeFile), 'utf8');
  } catch {
    return null;
  }
  try {
    const holder = JSON.parse(text) as Partial<StoreHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.url !== 'string') return null;
    if (holder.pid === process.pid || !alive(holder.pid)) return null;
    return { pid: holder.pid, url: holder.url, startedAt: String(holder.startedAt ?? '') };
  } catch {
    return null;
  }
}

export function heldError(storeFile: string, holder: StoreHolder): AccordError {
  return new AccordError(
    'CONFLICT',
    `the trade store ${storeFile} is held by the Accord server at ${holder.url} (PID ${holder.pid}, since ${holder.startedAt}); stop that server first, or use it`,
    { details: { holder } },
  );
}

/**
 * Marks the store as held by this server, at `url`, for commands to find it; refuses when another
 * running server holds it. Returns how to let it go.
 */
export function claimStore(storeFile: string, url: string): () => void {
  const other = storeHolder(storeFile);
  if (other) throw heldError(storeFile, other);
  const file = holderFile(storeFile);
  const holder: StoreHolder = { pid: process.pid, url, startedAt: new Date().toISOString() };
  fs.writeFileSync(file, `${JSON.stringify(holder)}\n`);
  return () => {
    try {
      const current = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<StoreHolder>;
      if (current.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Gone already.
    }
  };
}
