import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/accord.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export type Cli = (...args: string[]) => Promise<CliResult>;

/**
 * The `accord` command as a person runs it, on the given database (in `cwd`, the test's own directory by
 * default); a failure is a result, not a throw. Each call starts the binary, which takes seconds: for a test of
 * what the process does (exit code, what reaches its standard output); `cliInProcess` answers the same faster.
 */
export function cliOn(database: string, options: { cwd?: string } = {}): Cli {
  return async (...args) => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        env: { ...process.env, ACCORD_DATABASE: database },
        cwd: options.cwd,
        maxBuffer: 64 * 1024 * 1024,
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as CliResult;
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
}

let busy = false;

/**
 * The same command line run inside the test's process: the same program with ACCORD_DATABASE and the working
 * directory set for the call, what it writes to standard output and error kept, and the exit code it leaves.
 * One call at a time (they share the process).
 */
export function cliInProcess(database: string, options: { cwd?: string } = {}): Cli {
  return async (...args) => {
    const { runCli } = await import('../../src/cli/program.ts');
    if (busy) throw new Error('cliInProcess: one command at a time');
    busy = true;
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const { stdout, stderr, env } = process;
    const writes = { stdout: stdout.write, stderr: stderr.write };
    const before = { cwd: process.cwd(), database: env.ACCORD_DATABASE, exitCode: process.exitCode };
    const keep =
      (into: Buffer[]) =>
      (chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), done?: () => void) => {
        into.push(
          typeof chunk === 'string'
            ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8')
            : Buffer.from(chunk),
        );
        const callback = typeof encoding === 'function' ? encoding : done;
        if (callback) queueMicrotask(() => callback());
        return true;
      };
    try {
      env.ACCORD_DATABASE = database;
      if (options.cwd) process.chdir(options.cwd);
      process.exitCode = undefined;
      stdout.write = keep(out) as typeof stdout.write;
      stderr.write = keep(err) as typeof stderr.write;
      await runCli(args);
      return {
        code: Number(process.exitCode ?? 0),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
    } finally {
      stdout.write = writes.stdout;
      stderr.write = writes.stderr;
      process.exitCode = before.exitCode;
      process.chdir(before.cwd);
      if (before.database === undefined) delete env.ACCORD_DATABASE;
      else env.ACCORD_DATABASE = before.database;
      busy = false;
    }
  };
}
