import { z } from 'zod';

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    problems: z.array(
      z.object({
        path: z.string(),
        message: z.string(),
        code: z.string().optional().meta({ description: 'Why, for a client to say in its own words' }),
        params: z
          .record(
            z.string(),
            z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]),
          )
          .optional()
          .meta({ description: 'What the code refers to, e.g. the maximum length' }),
        line: z.number().optional(),
        column: z.string().optional(),
      }),
    ),
  })
  .loose()
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457) with every field at fault' });
