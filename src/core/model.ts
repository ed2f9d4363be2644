import { z } from 'zod';
import { AccordError, type Problem, type ProblemParams } from './errors.ts';

/** Calendar date as ISO text; refuses impossible dates such as 2017-02-30. */
export const isoDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), {
    message: 'expected a date as YYYY-MM-DD',
    params: { code: 'date_format' },
    abort: true,
  })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    },
    { message: 'not a calendar date', params: { code: 'not_a_date' } },
  )
  // The refinements carry the problem codes; the pattern keeps the published schema saying what a date is.
  .meta({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

export const recordId = z.string().min(1).max(64);

export const territoryCode = z
  .string()
  .refine((value) => /^([A-Z]{2}(-[A-Z0-9]{1,3})?|M49-\d{3})$/.test(value), {
    message:
      'expected an ISO 3166-1 alpha-2 code (BY), an ISO 3166-2 code (RU-KRS) or a statistical territory (M49-899)',
    params: { code: 'territory_code' },
  })
  .meta({ pattern: '^([A-Z]{2}(-[A-Z0-9]{1,3})?|M49-\\d{3})$' });

export const currencyCode = z
  .string()
  .refine((value) => /^[A-Z]{3}$/.test(value), {
    message: 'expected an ISO 4217 currency code such as USD',
    params: { code: 'currency_code' },
  })
  .meta({ pattern: '^[A-Z]{3}$' });

export const side = z.enum(['home', 'partner', 'third']);

/** Free text a person types: trimmed, bounded so a stranger cannot send megabytes in one field. */
export const shortText = (max = 300) => z.string().trim().min(1).max(max);
export const longText = (max = 20_000) => z.string().trim().max(max);

/** Versions are 32-bit integers in PostgreSQL: a larger one is refused here rather than by the database. */
export const version = z.number().int().positive().max(2_147_483_647);
/** The version a DELETE names in its query string. */
export const versionQuery = z.object({ version: z.coerce.number().pipe(version) });

/** A query parameter naming one or more of `values`, repeated (`a=x&a=y`) or comma-separated (`a=x,y`). */
export function valueList<const T extends readonly [string, ...string[]]>(values: T) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((item) => item.split(','))
        .map((item) => item.trim())
        .filter((item) => item !== ''),
    )
    .pipe(z.array(z.enum(values)).max(values.length))
    .meta({ description: `One or more of ${values.join(', ')}: repeated or comma-separated` });
}

export const recordMeta = {
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

/** The body of an update: the fields to change and the version the editor saw. */
export function updateOf<T extends z.ZodObject>(input: T) {
  return input.partial().extend({ version });
}

/** Parses input against a schema, reporting every faulty field at once as a validation error. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) =>
    problemOfIssue(issue, [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(input)'),
  );
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  throw new AccordError('VALIDATION_FAILED', `${first.path}: ${first.message}${more}`, { problems });
}

const paramsOfIssue: Record<string, string[]> = {
  too_big: ['origin', 'maximum', 'inclusive'],
  too_small: ['origin', 'minimum', 'inclusive'],
  invalid_type: ['expected'],
  invalid_value: ['values'],
  invalid_format: ['format'],
  unrecognized_keys: ['keys'],
};

/**
 * A zod issue as a problem with a stable code and its parameters, so a face can say it in its reader's
 * language. A refinement names its code in `params.code`; a value left out or empty is `required`.
 */
export function problemOfIssue(issue: { code: string; message: string }, path: string): Problem {
  const fields = issue as unknown as Record<string, unknown>;
  const own = (fields.params ?? {}) as Record<string, unknown>;
  if (issue.code === 'custom') {
    const { code, ...params } = own;
    return withCode(path, issue.message, typeof code === 'string' ? code : 'custom', params);
  }
  // Zod 4 keeps no trace of the received value on the issue, only in its English sentence.
  const missing = issue.code === 'invalid_type' && /received (undefined|null)$/.test(issue.message);
  const empty = issue.code === 'too_small' && fields.origin === 'string' && fields.minimum === 1;
  if (missing || empty) return withCode(path, issue.message, 'required', {});
  const params: Record<string, unknown> = {};
  for (const name of paramsOfIssue[issue.code] ?? []) {
    if (fields[name] !== undefined) params[name] = fields[name];
  }
  return withCode(path, issue.message, issue.code, params);
}

function withCode(path: string, message: string, code: string, params: Record<string, unknown>): Problem {
  const kept: ProblemParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'boolean') kept[name] = value;
    // Zod's bounds may be bigints, which JSON cannot carry.
    else if (typeof value === 'number' || typeof value === 'bigint') kept[name] = Number(value);
    else if (Array.isArray(value)) kept[name] = value.map((item) => (typeof item === 'number' ? item : String(item)));
  }
  return Object.keys(kept).length > 0 ? { path, message, code, params: kept } : { path, message, code };
}
