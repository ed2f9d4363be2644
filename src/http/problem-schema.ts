import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    problems: z.array(
      z.object({ path: z.string(), message: z.string(), line: z.number().optional(), column: z.string().optional() }),
    ),
  })
  .loose()
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457) with every field at fault' });
