import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { AccordError, type Problem } from '../../core/errors.ts';
import { isoDate, territoryCode } from '../../core/model.ts';

/** A calendar year (2016), a month (2017-09) or a cumulative range of months (2017-01..2017-09). */
const period = z.string().regex(/^\d{4}(-\d{2}(\.\.\d{4}-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM..YYYY-MM');
const name = z.string().trim().min(1);

export const goldStatementKind = z.enum(['proposal', 'commitment', 'request', 'assessment', 'invitation', 'target']);

export const goldParticipant = z.strictObject({ name, role: z.string(), side: z.enum(['home', 'partner']) });
export const goldOrganization = z.strictObject({ name });
export const goldTradeFigure = z.strictObject({
  measure: z.enum(['turnover', 'exports', 'imports']),
  reporter: territoryCode,
  partner: territoryCode,
  period,
  value: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as USD'),
  qualifier: z.string().nullable(),
  growthPercent: z.number().nullable(),
  growthMultiple: z.number().positive().nullable(),
});
/** A 2-digit chapter, a 4-digit heading or a 6-digit subheading of the Harmonized System. */
export const goldCommodity = z.strictObject({
  hs: z.string().regex(/^\d{2}(\d{2}(\d{2})?)?$/, 'expected an HS chapter (2 digits) or heading (4 or 6 digits)'),
  flow: z.enum(['export', 'import']).nullable(),
});
export const goldStatement = z.strictObject({
  kind: goldStatementKind,
  by: name,
  text: name,
  dueFrom: isoDate.nullable(),
  dueTo: isoDate.nullable(),
});

/** What an analyst would draft from one readout; the same shape serves as the engine's prediction. */
export const gold = z.strictObject({
  meeting: z.strictObject({ date: isoDate.nullable(), place: z.string().nullable() }),
  participants: z.array(goldParticipant),
  organizations: z.array(goldOrganization),
  tradeFigures: z.array(goldTradeFigure),
  commodities: z.array(goldCommodity),
  statements: z.array(goldStatement),
});

export type Gold = z.infer<typeof gold>;
export type GoldParticipant = z.infer<typeof goldParticipant>;
export type GoldOrganization = z.infer<typeof goldOrganization>;
export type GoldTradeFigure = z.infer<typeof goldTradeFigure>;
export type GoldCommodity = z.infer<typeof goldCommodity>;
export type GoldStatement = z.infer<typeof goldStatement>;

/** A readout file: its header and the text an engine reads. */
export interface Readout {
  /** The publication date, against which relative dates in the text resolve. */
  date: string;
  source: string | null;
  text: string;
}

export interface CorpusCase {
  name: string;
  readout: Readout;
  gold: Gold;
}

function headerError(file: string, line: number, message: string): AccordError {
  return new AccordError('VALIDATION_FAILED', `${file} line ${line}: ${message}`, {
    problems: [{ path: file, line, message }],
  });
}

/**
 * Reads `DATE: YYYY-MM-DD`, an optional `SOURCE: …`, a blank line, then the text; `file` only names the
 * file in errors.
 */
export function parseReadout(content: string, file: string): Readout {
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const dateLine = /^DATE:\s*(\S+)\s*$/.exec(lines[0] ?? '');
  if (!dateLine) throw headerError(file, 1, `expected "DATE: YYYY-MM-DD", found "${lines[0] ?? ''}"`);
  const date = dateLine[1] ?? '';
  if (!isoDate.safeParse(date).success) throw headerError(file, 1, `"${date}" is not a date written YYYY-MM-DD`);
  let next = 1;
  let source: string | null = null;
  const sourceLine = /^SOURCE:\s*(.*?)\s*$/.exec(lines[1] ?? '');
  if (sourceLine) {
    source = sourceLine[1] || null;
    next = 2;
  }
  if ((lines[next] ?? '').trim() !== '') {
    throw headerError(file, next + 1, `expected a blank line after the header, found "${lines[next]}"`);
  }
  const text = lines
    .slice(next + 1)
    .join('\n')
    .trim();
  if (text === '') throw headerError(file, next + 2, 'the readout has no text after the header');
  return { date, source, text };
}

/** Parses a gold file, naming the file and every field at fault. */
export function parseGold(content: string, file: string): Gold {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new AccordError('VALIDATION_FAILED', `${file}: not JSON (${(error as Error).message})`, {
      problems: [{ path: file, message: (error as Error).message }],
      cause: error,
    });
  }
  const parsed = gold.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems: Problem[] = parsed.error.issues.map((issue) => ({
    path: `${file}#${issue.path.join('.')}`,
    message: issue.message,
  }));
  const first = problems[0];
  throw new AccordError('VALIDATION_FAILED', `${file}: ${first?.path.split('#')[1]}: ${first?.message}`, { problems });
}

/** Every `NAME.txt` in `dir` with its `NAME.gold.json`, sorted by name; a text without gold is an error. */
export async function readCorpus(dir: string): Promise<CorpusCase[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.txt')).sort();
  return Promise.all(
    files.map(async (file) => {
      const name = basename(file, '.txt');
      const goldFile = `${name}.gold.json`;
      const [text, goldText] = await Promise.all([
        readFile(join(dir, file), 'utf8'),
        readFile(join(dir, goldFile), 'utf8').catch((error: unknown) => {
          throw new AccordError('NOT_FOUND', `${file} has no ${goldFile} beside it`, { cause: error });
        }),
      ]);
      return { name, readout: parseReadout(text, file), gold: parseGold(goldText, goldFile) };
    }),
  );
}
