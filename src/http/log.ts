import type { FastifyServerOptions } from 'fastify';

export const logFormats = ['text', 'json'] as const;
export type LogFormat = (typeof logFormats)[number];

/**
 * The server's log. `json`: pino's lines, every request included, for a log collector. `text` (the
 * default): what a person at the terminal needs, warnings and failures as one readable line each, so the
 * address printed at start-up is not buried under a line per request.
 */
export function serverLogger(
  format: LogFormat,
  level: string | undefined,
  write: (line: string) => void = (line) => process.stderr.write(line),
): FastifyServerOptions['logger'] {
  if (format === 'json') return { level: level ?? 'info' };
  return {
    level: level ?? 'warn',
    stream: { write: (json: string) => write(readableLine(json)) },
  };
}

const levelNames: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warning',
  50: 'error',
  60: 'fatal',
};

interface PinoLine {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  err?: { type?: string; message?: string; stack?: string };
}

/** A pino JSON line as `12:01:03 error request failed: GET /api/x (req-1): TypeError: boom` and its stack. */
export function readableLine(json: string): string {
  let entry: PinoLine;
  try {
    entry = JSON.parse(json) as PinoLine;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
  const level = levelNames[entry.level ?? 30] ?? String(entry.level);
  const request = entry.req?.method ? ` ${entry.req.method} ${entry.req.url ?? ''}` : '';
  const status = entry.res?.statusCode ? ` → ${entry.res.statusCode}` : '';
  const id = entry.reqId ? ` (${entry.reqId})` : '';
  const error = entry.err ? `: ${entry.err.type ?? 'Error'}: ${entry.err.message ?? ''}` : '';
  const stack = entry.err?.stack ? `\n${entry.err.stack.split('\n').slice(1).join('\n')}` : '';
  return `${time} ${level} ${entry.msg ?? ''}${request}${status}${id}${error}${stack}\n`;
}
