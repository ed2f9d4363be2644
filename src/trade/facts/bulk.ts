import type { BulkChecks, BulkLoad } from './store.ts';

/** How a store runs the statements of a bulk check: on the stage's own connection, answering rows. */
export type RunRows = (sql: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

/** A code of the file mapped to Accord's: a period, a territory or a product. */
export type MappedCode = [kind: 'period' | 'territory' | 'product', raw: string, code: string];

/** The type a BACI file's column is read as: its codes as integers, values and quantities as decimals. */
export function baciColumnType(name: string): 'integer' | 'decimal' | 'text' {
  if (['t', 'i', 'j', 'k'].includes(name)) return 'integer';
  return name === 'v' || name === 'q' ? 'decimal' : 'text';
}

/**
 * Checks a BACI file a store has read whole into `raw` (its columns as typed by `baciColumnType`): every
 * row complete, values and quantities sound, one row per line after the header, and each distinct period,
 * country and product passed by the row reader's own checks. Answers what the file holds and the codes
 * mapped, or null for anything the row reader should read instead, to say what is wrong and where.
 */
export async function checkBaciRaw(
  rows: RunRows,
  raw: string,
  checks: BulkChecks,
  lines: Promise<number>,
): Promise<{ load: BulkLoad; codes: MappedCode[] } | null> {
  const [sums] = await rows(
    `select count(*) as n, count(q) as quantities,
       count(*) filter (where t is null or i is null or j is null or k is null or v is null or v < 0
         or v * 100000 >= 9007199254740992 or abs(v * 100000 - round(v * 100000)) > 0.000001 or q < 0) as bad
     from ${raw}`,
  );
  const count = Number(sums!.n);
  if (Number(sums!.bad) > 0 || count === 0 || count + 1 !== (await lines)) return null;
  const distinct = async (column: string) =>
    (await rows(`select distinct ${column} as raw from ${raw}`)).map((r) => String(r.raw));
  const codes: MappedCode[] = [];
  const periods: number[] = [];
  for (const text of await distinct('t')) {
    const period = checks.period(text);
    if (period === null) return null;
    periods.push(period);
    codes.push(['period', text, String(period)]);
  }
  for (const text of new Set([...(await distinct('i')), ...(await distinct('j'))])) {
    const code = checks.territory(text);
    if (code === null) return null;
    codes.push(['territory', text, code]);
  }
  for (const text of await distinct('k')) {
    const code = checks.product(text);
    if (code === null) return null;
    codes.push(['product', text, code]);
  }
  return {
    load: {
      rows: count,
      periodFrom: Math.min(...periods),
      periodTo: Math.max(...periods),
      quantities: Number(sums!.quantities),
    },
    codes,
  };
}
