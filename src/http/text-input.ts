import { Stream } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AccordError, type Problem } from '../core/errors.ts';

/**
 * No text Accord keeps may hold the NUL character: PostgreSQL cannot store it, and in SQLite it would cut
 * names short wherever they are read as C strings. Refused in any part of any request, naming every field.
 */
export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const problems: Problem[] = [];
    collect(request.params, 'params', problems);
    collect(request.query, 'querystring', problems);
    collect(request.body, '', problems);
    if (problems.length > 0) {
      throw new AccordError('VALIDATION_FAILED', `${problems[0]!.path}: ${problems[0]!.message}`, { problems });
    }
  });
}

/** Walks the value with a list rather than by calling itself, so a body nested thousands deep cannot overflow the stack. */
function collect(value: unknown, path: string, problems: Problem[]): void {
  const pending: Array<[unknown, string]> = [[value, path]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, where] = next;
    if (typeof item === 'string') {
      if (item.includes('\u0000'))
        problems.push({ path: where || '(body)', message: 'the text holds a NUL character (U+0000)' });
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i -= 1) pending.push([item[i], where ? `${where}.${i}` : String(i)]);
    } else if (item !== null && typeof item === 'object' && isPlain(item)) {
      for (const [key, inner] of Object.entries(item).reverse()) pending.push([inner, where ? `${where}.${key}` : key]);
    }
  }
}

/** Parsed JSON, query and path objects; not an upload's stream. */
function isPlain(value: object): boolean {
  return !(value instanceof Stream) && !Buffer.isBuffer(value);
}
