import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { readableLine, serverLogger } from './log.ts';

async function served(format: 'text' | 'json') {
  const lines: string[] = [];
  const logger = serverLogger(format, undefined, (line) => lines.push(line));
  const app = Fastify(
    format === 'json'
      ? { logger: { ...(logger as object), stream: { write: (l: string) => lines.push(l) } } }
      : { logger },
  );
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fail', async () => {
    throw new Error('the disk is full');
  });
  await app.ready();
  expect((await app.inject({ url: '/ok' })).statusCode).toBe(200);
  expect((await app.inject({ url: '/fail' })).statusCode).toBe(500);
  await app.close();
  return lines;
}

describe('the server log', () => {
  it('writes nothing for a request that went well, and one readable line with the stack for a failure', async () => {
    const lines = await served('text');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\d{2}:\d{2}:\d{2} error .*\(req-\w+\): Error: the disk is full\n {4}at /);
    expect(lines[0]).not.toContain('{');
  });

  it('writes a JSON line for every request and event when asked', async () => {
    const lines = await served('json');
    const entries = lines.map((line) => JSON.parse(line) as { msg: string });
    expect(entries.filter((e) => e.msg === 'incoming request')).toHaveLength(2);
    expect(entries.some((e) => e.msg === 'request completed')).toBe(true);
  });

  it('reads a request and its answer from a pino line, and passes on what is not JSON', () => {
    const line = JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 11, 7, 9, 30, 5),
      msg: 'slow answer',
      reqId: 'req-7',
      req: { method: 'POST', url: '/api/trade/imports' },
      res: { statusCode: 503 },
    });
    expect(readableLine(line)).toMatch(
      /^\d{2}:\d{2}:05 warning slow answer POST \/api\/trade\/imports → 503 \(req-7\)\n$/,
    );
    expect(readableLine('plain words')).toBe('plain words\n');
  });
});
