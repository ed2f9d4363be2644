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

function collect(value: unknown, path: string, problems: Problem[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      problems.push({ path: path || '(body)', message: 'the text holds a NUL character (U+0000)' });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => collect(item, path ? `${path}.${i}` : String(i), problems));
  } else if (value !== null && typeof value === 'object' && isPlain(value)) {
    for (const [key, item] of Object.entries(value)) collect(item, path ? `${path}.${key}` : key, problems);
  }
}

/** Parsed JSON, query and path objects; not an upload's stream. */
function isPlain(value: object): boolean {
  return !(value instanceof Stream) && !Buffer.isBuffer(value);
}
