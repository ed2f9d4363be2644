import { hsRevisions } from '../model.ts';
import { coversYear, yearOf, type PeriodRange } from '../periods.ts';
import type { FactView, FlowSum, PartnerPart, ProductQuery, ProductSum, StoredFact } from './store.ts';

/**
 * The fact stores' statements, written once in the SQL both DuckDB and PostgreSQL read (`$n` parameters,
 * `substr`, `exists`); each store only runs them. Sums come back as text or bigint, never as floats.
 */
export class Statement {
  readonly params: unknown[] = [];
  private readonly parts: string[] = [];

  add(text: string, ...values: unknown[]): this {
    let at = 0;
    this.parts.push(text.replace(/\?/g, () => this.param(values[at++])));
    return this;
  }

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  get text(): string {
    return this.parts.join(' ');
  }
}

/**
 * The months of a range, and the annual rows (YYYY00) of the years it covers whole: an annual row counts
 * only when whole years are asked.
 */
export function periodWithin(s: Statement, range: PeriodRange, column = 'period'): string {
  const years: number[] = [];
  for (let year = yearOf(range.from); year <= yearOf(range.to); year += 1) {
    if (coversYear(range, year * 100)) years.push(year * 100);
  }
  const months = `(${column} between ${s.param(range.from)} and ${s.param(range.to)} and ${column} % 100 <> 0)`;
  if (years.length === 0) return months;
  return `(${months} or ${column} in (${years.map((y) => s.param(y)).join(', ')}))`;
}

/**
 * Sums by period of a pair's trade, from the pair-month sums: kept twice, in the order of reporters
 * (trade_pair_months) and of partners (trade_partner_months), so that home's own reports and the others'
 * reports of trade with home each lie together.
 */
export function periodSums(view: FactView, range: PeriodRange, partner: string): Statement {
  const s = new Statement();
  s.add('select cast(period as varchar) as key, flow, sum(value_cents) as value from trade_pair_months');
  s.add('where dataset_seq = ? and reporter = ? and partner = ?', view.datasetSeq, view.home, partner);
  if (view.mirrorImports) s.add("and flow = 'X'");
  s.add(`and ${periodWithin(s, range)} group by period, flow`);
  if (view.mirrorImports) {
    s.add(`union all select cast(period as varchar) as key, 'M' as flow, sum(value_cents) as value`);
    s.add("from trade_partner_months where dataset_seq = ? and partner = ? and flow = 'X'", view.datasetSeq, view.home);
    s.add(`and reporter = ? and ${periodWithin(s, range)} group by period`, partner);
  }
  return s;
}

/** `column in (…)` over a list that is never empty. */
function within(s: Statement, column: string, values: readonly unknown[]): string {
  return `${column} in (${values.map((v) => s.param(v)).join(', ')})`;
}

/**
 * Sums of `value` (as `v0`, `v1`, …) and, when `flagged` names a column, of it (as `f0`, `f1`, …)
 * over the rows of each condition, and the rows of any of them: one pass over the rows for all the parts.
 * A part no row matches sums to null.
 */
function partSums(
  conditions: readonly string[],
  value = 'value_cents',
  flagged?: string,
): { columns: string; rows: string } {
  // One part is all the rows: filtering them again would only cost.
  const only = (c: string) => (conditions.length === 1 ? '' : ` filter (where ${c})`);
  const columns = conditions.flatMap((c, part) => [
    `sum(${value})${only(c)} as v${part}`,
    ...(flagged ? [`sum(${flagged})${only(c)} as f${part}`] : []),
  ]);
  return { columns: columns.join(', '), rows: `(${conditions.join(' or ')})` };
}

/**
 * Home's trade by partner in each part, with the flows their source flags: ranges may overlap (two
 * years and the two before them), so each is summed on its own, all in one pass over home's sums.
 */
export function partnerSums(view: FactView, parts: readonly PartnerPart[]): Statement {
  const s = new Statement();
  const conditions = (partnerColumn: string) =>
    parts.map(({ range, partners }) =>
      partners ? `(${periodWithin(s, range)} and ${within(s, partnerColumn, partners)})` : periodWithin(s, range),
    );
  const own = partSums(conditions('partner'), 'value_cents', 'flagged');
  s.add(`select partner as key, flow, ${own.columns} from trade_pair_months`);
  s.add('where dataset_seq = ? and reporter = ?', view.datasetSeq, view.home);
  if (view.mirrorImports) s.add("and flow = 'X'");
  s.add(`and ${own.rows} group by partner, flow`);
  if (view.mirrorImports) {
    const mirrored = partSums(conditions('reporter'), 'value_cents', 'flagged');
    s.add(`union all select reporter as key, 'M' as flow, ${mirrored.columns} from trade_partner_months`);
    s.add("where dataset_seq = ? and partner = ? and flow = 'X'", view.datasetSeq, view.home);
    s.add(`and ${mirrored.rows} group by reporter`);
  }
  return s;
}

/**
 * Which of `partners` each dataset holds trade of home with in the range, reported by either side, as
 * `datasetsCovering` asked both ways round would find it.
 */
export function partnersCovered(
  datasetSeqs: readonly number[],
  home: string,
  partners: readonly string[],
  range: PeriodRange,
): Statement {
  const s = new Statement();
  s.add(
    `select dataset_seq, partner as territory from trade_pair_months where ${within(s, 'dataset_seq', datasetSeqs)}`,
  );
  s.add(`and reporter = ? and ${within(s, 'partner', partners)} and ${periodWithin(s, range)}`, home);
  s.add(`union select dataset_seq, reporter as territory from trade_partner_months`);
  s.add(`where ${within(s, 'dataset_seq', datasetSeqs)} and partner = ?`, home);
  s.add(`and ${within(s, 'reporter', partners)} and ${periodWithin(s, range)}`);
  return s;
}

/**
 * Facts in a pair's month from which an import counts the month's sums by heading (`trade_pair_headings`):
 * a big pair's structure reads those sums, a fraction of its facts (China's exports to the United States
 * in a month of the 100 M-row bench: 80,000 facts in 1,200 headings), while smaller months, about as many
 * headings as facts, are read from their facts and cost an import nothing. A question reads the sums of
 * whichever months have them, so the figure may change without counting anything again.
 */
const headingMonthFacts = 5000;

/** A month of a pair, on home's side (0) or the partner's (1), and whether it has sums by heading. */
export interface PairMonth {
  side: 0 | 1;
  period: number;
  flow: string;
  byHeading: boolean;
}

/**
 * Where a pair's trade in the ranges is read, side by side: home's reports (with mirrored imports, its
 * exports), and with mirrored imports the partner's exports to home (as home's imports).
 */
function pairSides(view: FactView, partner: string): PairSide[] {
  const own: PairSide = { side: 0, reporter: view.home, partner, flow: view.mirrorImports ? 'X' : null, shownAs: null };
  if (!view.mirrorImports) return [own];
  return [own, { side: 1, reporter: partner, partner: view.home, flow: 'X', shownAs: 'M' }];
}

/**
 * One side of a pair's trade: its reporter and partner, the direction read (all when null) and the one it
 * is shown as (its own when null).
 */
interface PairSide {
  side: 0 | 1;
  reporter: string;
  partner: string;
  flow: string | null;
  shownAs: 'M' | null;
}

/** The months of a pair in the ranges (see `PairMonth`), from its month sums. */
export function pairMonths(view: FactView, partner: string, ranges: readonly PeriodRange[]): Statement {
  const s = new Statement();
  pairSides(view, partner).forEach((side, at) => {
    for (const [table, byHeading] of [
      ['trade_pair_months', false],
      ['trade_pair_headings', true],
    ] as const) {
      if (at > 0 || byHeading) s.add('union all');
      s.add(`select distinct ${side.side} as side, period, flow, ${byHeading} as by_heading from ${table}`);
      s.add('where dataset_seq = ? and reporter = ? and partner = ?', view.datasetSeq, side.reporter, side.partner);
      if (side.flow) s.add('and flow = ?', side.flow);
      s.add(`and (${ranges.map((range) => periodWithin(s, range)).join(' or ')})`);
    }
  });
  return s;
}

/** The pairs with any month summed by heading. */
export const headingPairs = 'select distinct dataset_seq, reporter, partner from trade_pair_headings';

export function pairMonthsOf(rows: Array<Record<string, unknown>>): PairMonth[] {
  const months = new Map<string, PairMonth>();
  for (const r of rows) {
    const month = { side: Number(r.side) as 0 | 1, period: Number(r.period), flow: String(r.flow), byHeading: false };
    const key = `${month.side} ${month.period} ${month.flow}`;
    const known = months.get(key) ?? month;
    known.byHeading ||= r.by_heading === true;
    months.set(key, known);
  }
  return [...months.values()];
}

/**
 * A pair's trade by HS code cut to `digits`, in each range (as `v0`, `v1`, …), or null when the pair has
 * none. A code coarser than asked for (a chapter a file did not break down) stays a line of its own, so
 * every level adds up to the same total. Read from the facts, or (for headings and coarser) month by month
 * of the pair's `months`: from the sums by heading of those that have them, from the facts of the others.
 * `months` must be read in the same snapshot, or an import committed in between could leave a month out.
 */
export function productSums(
  view: FactView,
  partner: string,
  ranges: readonly PeriodRange[],
  digits: number,
  months: readonly PairMonth[] | null,
): Statement | null {
  const s = new Statement();
  const parts: string[] = [];
  /** Months of the list, by direction: the constants let DuckDB skip the row groups of the others. */
  const inMonths = (list: readonly PairMonth[], alias: string) => {
    const byFlow = new Map<string, number[]>();
    for (const m of list) byFlow.set(m.flow, [...(byFlow.get(m.flow) ?? []), m.period]);
    const each = [...byFlow].map(
      ([flow, periods]) => `(${alias}.flow = ${s.param(flow)} and ${within(s, `${alias}.period`, periods)})`,
    );
    return `(${each.join(' or ')})`;
  };
  const read = (table: 'trade_facts' | 'trade_pair_headings', side: PairSide, only?: string) => {
    const sums = partSums(
      ranges.map((range) => periodWithin(s, range, 't.period')),
      't.value_cents',
    );
    const code = table === 'trade_facts' ? 't.hs_code' : 't.heading';
    const flow = side.shownAs ? `'${side.shownAs}'` : 't.flow';
    let text = `select substr(${code}, 1, ${s.param(digits)}) as key, ${flow} as flow, ${sums.columns}`;
    text += ` from ${table} t`;
    text += ` where t.dataset_seq = ${s.param(view.datasetSeq)} and t.reporter = ${s.param(side.reporter)}`;
    text += ` and t.partner = ${s.param(side.partner)}`;
    if (side.flow) text += ` and t.flow = ${s.param(side.flow)}`;
    text += ` and ${sums.rows}${only ? ` and ${only}` : ''}`;
    parts.push(`${text} group by 1, 2`);
  };
  for (const side of pairSides(view, partner)) {
    if (months === null) {
      read('trade_facts', side);
      continue;
    }
    const ofSide = months.filter((m) => m.side === side.side);
    const summed = ofSide.filter((m) => m.byHeading);
    const fromFacts = ofSide.filter((m) => !m.byHeading);
    if (summed.length > 0) read('trade_pair_headings', side, inMonths(summed, 't'));
    if (fromFacts.length > 0) read('trade_facts', side, inMonths(fromFacts, 't'));
  }
  if (parts.length === 0) return null;
  const columns = ranges.map((_, part) => `sum(v${part}) as v${part}`).join(', ');
  s.add(`select key, flow, ${columns} from (${parts.join(' union all ')}) sums group by key, flow`);
  return s;
}

/**
 * Which of the datasets hold any trade of `reporter` (with `partner`, either way round when `bothWays`)
 * in the range: one statement for all of them, each answered by its first row found.
 */
export function datasetsCovering(
  datasetSeqs: readonly number[],
  reporter: string,
  partner: string | null,
  range: PeriodRange,
  bothWays: boolean,
): Statement {
  const s = new Statement();
  datasetSeqs.forEach((seq, at) => {
    if (at > 0) s.add('union all');
    s.add('select cast(? as integer) as dataset_seq where exists (select 1 from trade_pair_months', seq);
    s.add('where dataset_seq = ? and reporter = ?', seq, reporter);
    if (partner !== null) s.add('and partner = ?', partner);
    s.add(`and ${periodWithin(s, range)})`);
    if (bothWays && partner !== null) {
      s.add('or exists (select 1 from trade_partner_months where dataset_seq = ? and partner = ?', seq, reporter);
      s.add(`and reporter = ? and ${periodWithin(s, range)})`, partner);
    }
  });
  return s;
}

/** Codes of a product: the code itself and every finer code under it. */
function underCode(s: Statement, hsCode: string): string {
  return `(hs_code = ${s.param(hsCode)} or hs_code like ${s.param(`${hsCode}%`)})`;
}

/** The facts of a product in a year, flagged ones left out when asked. */
function productFacts(s: Statement, q: ProductQuery): string {
  const range = { from: q.year * 100 + 1, to: q.year * 100 + 12 };
  return `${underCode(s, q.hsCode)} and ${periodWithin(s, range)}${q.excludeFlagged ? ' and flag is null' : ''}`;
}

/**
 * A product's trade in a year: every importer's total from the world, or one reporter's exports and
 * imports by partner. A quantity adds up only where every row has one, all in the same unit.
 */
export function productTrade(q: ProductQuery): Statement {
  const s = new Statement();
  const measures =
    'sum(value_cents) as value, sum(quantity) as quantity, min(unit) as unit, count(distinct unit) as units, ' +
    'count(quantity) as measured, count(*) as flows, count(flag) as flagged';
  if (q.reporter === undefined) {
    // Every importer of the world: from the sums by importer, product and year.
    const summed =
      'sum(value_cents) as value, sum(quantity) as quantity, min(unit) as unit, count(distinct unit) as units, ' +
      'sum(measured) as measured, sum(flows) as flows, sum(case when flagged then flows else 0 end) as flagged';
    s.add(`select importer as territory, 'M' as flow, ${summed} from trade_product_importers`);
    s.add('where dataset_seq = ? and side = ? and year = ?', q.datasetSeq, q.mirrorImports ? 'X' : 'M', q.year);
    s.add(`and ${underCode(s, q.hsCode)}${q.excludeFlagged ? ' and not flagged' : ''} group by importer`);
    return s;
  }
  s.add(`select partner as territory, flow, ${measures} from trade_facts`);
  s.add('where dataset_seq = ? and reporter = ?', q.datasetSeq, q.reporter);
  if (q.mirrorImports) s.add("and flow = 'X'");
  s.add(`and ${productFacts(s, q)} group by partner, flow`);
  if (q.mirrorImports) {
    s.add(`union all select reporter as territory, 'M' as flow, ${measures} from trade_facts`);
    s.add("where dataset_seq = ? and partner = ? and flow = 'X'", q.datasetSeq, q.reporter);
    s.add(`and ${productFacts(s, q)} group by reporter`);
  }
  return s;
}

/** The flagged flows of every pair-month of `table`, counted again from the facts. */
export function countFlagged(table: string): string {
  return `update ${table} p set flagged = f.n
    from (select dataset_seq, reporter, partner, period, flow, count(*) as n from trade_facts where flag is not null
          group by dataset_seq, reporter, partner, period, flow) f
    where p.dataset_seq = f.dataset_seq and p.reporter = f.reporter and p.partner = f.partner
      and p.period = f.period and p.flow = f.flow`;
}

export const factColumns =
  'reporter, partner, period, flow, hs_code, hs_revision, value_cents, quantity, unit, flag, line';

/** The fact columns of the table `alias` stands for, in a statement that joins it. */
const factColumnsOf = (alias: string) =>
  factColumns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');

/**
 * Where a staged import's rows wait, as three queries over the stage `$1`: its rows (the fact columns, in
 * the order they are to lie in: a pair's rows together), the slices (reporter × period × direction) they
 * hold, and their sums by pair and month (the columns of trade_pair_months but the dataset).
 */
export interface StagedSource {
  rows: string;
  slices: string;
  pairMonths: string;
}

/** Rows staged one by one, as fact rows. */
export const stagedRows: StagedSource = {
  rows: `select ${factColumns} from trade_facts_staged where stage = $1
    order by reporter, partner, period, flow, hs_code`,
  slices: 'select distinct reporter, period, flow from trade_facts_staged where stage = $1',
  pairMonths: `select reporter, partner, period, flow, sum(value_cents) as value_cents, count(*) as row_count,
    count(flag) as flagged from trade_facts_staged where stage = $1 group by reporter, partner, period, flow`,
};

/**
 * A BACI file's rows as a store read them into `rawTable`: its codes through the stage's codes in
 * `codesTable`, its values in thousands of dollars to cents, its line from the row's place in the file
 * (`line`; a file whose lines and rows do not match one for one is not read in bulk). Sorted, and its
 * slices and sums counted, on the file's own numeric codes before they become Accord's: a pair's rows lie
 * together as well, for a fraction of the work on text.
 */
export function baciSource(rawTable: string, codesTable: string, hsRevision: string, line: string): StagedSource {
  // Written into the statement as it is: only a revision Accord knows may be.
  if (!Object.hasOwn(hsRevisions, hsRevision)) throw new Error(`unknown HS revision ${hsRevision}`);
  const codes = (alias: string, kind: string, column: string) =>
    `join ${codesTable} ${alias} on ${alias}.stage = $1 and ${alias}.kind = '${kind}' and ${alias}.raw = r.${column}`;
  const cents = 'cast(round(r.v * 100000) as bigint)';
  const reporterAndPeriod = `${codes('ri', 'territory', 'i')} ${codes('rp', 'period', 't')}`;
  return {
    rows: `select ri.code as reporter, rj.code as partner, cast(rp.code as integer) as period, 'X' as flow,
      rk.code as hs_code, '${hsRevision}' as hs_revision, ${cents} as value_cents,
      r.q as quantity, case when r.q is not null then 't' end as unit, cast(null as varchar) as flag,
      ${line} as line from ${rawTable} r ${reporterAndPeriod} ${codes('rj', 'territory', 'j')}
      ${codes('rk', 'product', 'k')} order by r.i, r.j, r.t`,
    // Two of the file's codes may stand for one of Accord's: each is counted once more after mapping.
    slices: `select distinct ri.code as reporter, cast(rp.code as integer) as period, 'X' as flow
      from (select distinct i, t from ${rawTable}) r ${reporterAndPeriod}`,
    pairMonths: `select ri.code as reporter, rj.code as partner, cast(rp.code as integer) as period, 'X' as flow,
      sum(r.value_cents) as value_cents, sum(r.row_count) as row_count, 0 as flagged
      from (select i, j, t, sum(${cents}) as value_cents, count(*) as row_count from ${rawTable} r group by i, j, t) r
      ${reporterAndPeriod} ${codes('rj', 'territory', 'j')} group by ri.code, rj.code, rp.code`,
  };
}

/**
 * How a table's rows `f` meet the slices `s` (reporter × period × direction, each once) they lie in. Joined
 * rather than asked with `exists`: DuckDB then reads only the row groups that may hold the slices'
 * reporters and periods, where `exists` reads every row of the dataset (a 2,000-row import into 10 M rows:
 * 3.5 → 1 s).
 */
const sliceKeys = 's.reporter = f.reporter and s.period = f.period and s.flow = f.flow';

export type Step = [sql: string, params: unknown[]];

/** How many rows of a dataset a staged import replaces. */
export function countReplaced(source: StagedSource, stage: string, datasetSeq: number): Step {
  return [
    `select count(*) as n from trade_facts f join (${source.slices}) s on ${sliceKeys} where f.dataset_seq = $2`,
    [stage, datasetSeq],
  ];
}

/** The pair-months of `headingMonthFacts` facts or more, their keys as `trade_pair_months` has them. */
export const headingMonths = `select m.dataset_seq, m.reporter, m.partner, m.period, m.flow from trade_pair_months m
  where m.row_count >= ${headingMonthFacts}`;

/**
 * Counts the sums by heading (the code cut to 4 digits, or as it is when coarser) of the pair-months
 * `months` (a table or query of `headingMonths`' columns) from the facts.
 */
export function headingSums(months: string): string {
  return `insert into trade_pair_headings (dataset_seq, reporter, partner, period, flow, heading, value_cents)
    select f.dataset_seq, f.reporter, f.partner, f.period, f.flow, substr(f.hs_code, 1, 4), sum(f.value_cents)
    from ${months} m join trade_facts f on f.dataset_seq = m.dataset_seq and f.reporter = m.reporter
      and f.partner = m.partner and f.period = m.period and f.flow = m.flow
    group by f.dataset_seq, f.reporter, f.partner, f.period, f.flow, substr(f.hs_code, 1, 4)
    order by f.reporter, f.partner, f.period`;
}

/**
 * Publishing a staged import into its dataset, in one transaction: the rows of the slices it holds are set
 * aside as superseded by it, its rows take their place (in the source's order, a pair's rows together), and
 * the sums by pair and month and by importer of those slices are counted again; their sums by heading go,
 * to be counted by `publishHeadingSteps`.
 */
export function publishSteps(source: StagedSource, stage: string, datasetSeq: number, importSeq: number): Step[] {
  return [
    // The slices, read once from the stage: each step below looks them up (left behind on this connection
    // by a publish whose sums by heading failed, they go first).
    ['drop table if exists publish_slices', []],
    [`create temp table publish_slices as ${source.slices}`, [stage]],
    [
      `insert into trade_facts_superseded (dataset_seq, import_seq, ${factColumns}, superseded_by)
       select f.dataset_seq, f.import_seq, ${factColumnsOf('f')}, cast($2 as integer) from trade_facts f
       join publish_slices s on ${sliceKeys} where f.dataset_seq = $1`,
      [datasetSeq, importSeq],
    ],
    ...['trade_facts', 'trade_pair_months', 'trade_partner_months', 'trade_pair_headings'].map((table): Step => [
      `delete from ${table} f using publish_slices s where f.dataset_seq = $1 and ${sliceKeys}`,
      [datasetSeq],
    ]),
    [
      `insert into trade_facts (dataset_seq, import_seq, ${factColumns})
       select cast($2 as integer), cast($3 as integer), ${factColumns} from (${source.rows}) r`,
      [stage, datasetSeq, importSeq],
    ],
    [
      `insert into trade_pair_months (dataset_seq, reporter, partner, period, flow, value_cents, row_count, flagged)
       select cast($2 as integer), reporter, partner, period, flow, value_cents, row_count, flagged
       from (${source.pairMonths}) m order by reporter, partner, period`,
      [stage, datasetSeq],
    ],
    [
      `insert into trade_partner_months (dataset_seq, reporter, partner, period, flow, value_cents, row_count, flagged)
       select f.dataset_seq, f.reporter, f.partner, f.period, f.flow, f.value_cents, f.row_count, f.flagged
       from trade_pair_months f join publish_slices s on ${sliceKeys} where f.dataset_seq = $1
       order by f.partner, f.reporter, f.period`,
      [datasetSeq],
    ],
    ...productImporterSteps(datasetSeq, 'publish_slices'),
  ];
}

/**
 * After `publishSteps`, in the same transaction or a later one: the sums by heading of the published
 * slices' big months, then the slices go. Until they are counted, those months are read from their facts.
 */
export function publishHeadingSteps(datasetSeq: number): Step[] {
  return [
    // The big months are few: found first, they let DuckDB read the facts of those months only.
    [
      `create temp table publish_heading_months as ${headingMonths}
       and m.dataset_seq = $1 and exists (select 1 from publish_slices s
         where s.reporter = m.reporter and s.period = m.period and s.flow = m.flow)`,
      [datasetSeq],
    ],
    [headingSums('publish_heading_months'), []],
    ['drop table publish_heading_months', []],
    ['drop table publish_slices', []],
  ];
}

/** The year of a period, the same integer on both engines. */
const yearColumn = (column: string) => `cast(floor(${column} / 100) as integer)`;

/**
 * The sums by importer, product and year behind "who imports this product": from each importer's own
 * reports (side M: a reporter's imports) and from exporters' reports of what they sent it (side X: a
 * partner's, for datasets that hold exports only). An import's slices change side M for their
 * reporters and years, and side X for every importer of their years, so those are counted again. Written
 * in the order of products, so that a question about one reads only the rows near it.
 */
export function productImporterSteps(datasetSeq: number, slices: string): Step[] {
  const years = `(select distinct ${yearColumn('period')} from ${slices} where flow = 'X')`;
  const reported = (f: string, year: string) =>
    `exists (select 1 from ${slices} s where s.flow = 'M' and s.reporter = ${f} and ${yearColumn('s.period')} = ${year})`;
  const measures =
    'f.unit, f.flag is not null, sum(f.value_cents), sum(f.quantity), count(f.quantity), count(*) from trade_facts f';
  const columns = 'dataset_seq, hs_code, year, importer, side, unit, flagged, value_cents, quantity, measured, flows';
  const period = yearColumn('f.period');
  return [
    [
      `delete from trade_product_importers p where p.dataset_seq = $1 and
       ((p.side = 'X' and p.year in ${years}) or (p.side = 'M' and ${reported('p.importer', 'p.year')}))`,
      [datasetSeq],
    ],
    [
      `insert into trade_product_importers (${columns})
       select dataset_seq, hs_code, ${period}, partner, 'X', ${measures}
       where f.dataset_seq = $1 and f.flow = 'X' and ${period} in ${years}
       group by dataset_seq, hs_code, ${period}, partner, unit, flag is not null order by hs_code`,
      [datasetSeq],
    ],
    [
      `insert into trade_product_importers (${columns})
       select f.dataset_seq, f.hs_code, ${period}, f.reporter, 'M', ${measures}
       join (select distinct reporter, ${yearColumn('period')} as year from ${slices} where flow = 'M') s
         on s.reporter = f.reporter and s.year = ${period}
       where f.dataset_seq = $1 and f.flow = 'M'
       group by f.dataset_seq, f.hs_code, ${period}, f.reporter, f.unit, f.flag is not null order by f.hs_code`,
      [datasetSeq],
    ],
  ];
}

/** The tables that hold a dataset's facts and their sums. */
export const factTables = [
  'trade_facts',
  'trade_facts_superseded',
  'trade_pair_months',
  'trade_partner_months',
  'trade_pair_headings',
  'trade_product_importers',
];

export function deleteDatasetSteps(datasetSeq: number): Step[] {
  return factTables.map((table) => [`delete from ${table} where dataset_seq = $1`, [datasetSeq]]);
}

export const stagedColumns = ['stage', ...factColumns.split(', ')];

export const factReporters = 'select distinct reporter from trade_facts where dataset_seq = $1 order by reporter';

export const factsOfReporter = `select dataset_seq, import_seq, ${factColumns} from trade_facts
  where dataset_seq = $1 and reporter = $2 order by partner, period, flow, hs_code, line`;

export function sumsOf(rows: Array<Record<string, unknown>>): FlowSum[] {
  return rows.map((r) => ({ key: String(r.key), flow: String(r.flow), valueCents: Number(r.value) }));
}

/** The rows of a statement in parts (`partnerSums`, `productSums`), one list of sums per part. */
export function sumsOfParts(rows: Array<Record<string, unknown>>, parts: number): FlowSum[][] {
  const answers = Array.from({ length: parts }, (): FlowSum[] => []);
  for (const r of rows) {
    answers.forEach((answer, part) => {
      const value = r[`v${part}`];
      if (value === null || value === undefined) return;
      const sum: FlowSum = { key: String(r.key), flow: String(r.flow), valueCents: Number(value) };
      const flagged = r[`f${part}`];
      if (flagged !== null && flagged !== undefined) sum.flagged = Number(flagged);
      answer.push(sum);
    });
  }
  return answers;
}

export function seqsOf(rows: Array<Record<string, unknown>>): Set<number> {
  return new Set(rows.map((r) => Number(r.dataset_seq)));
}

export function coveredOf(rows: Array<Record<string, unknown>>): Array<{ datasetSeq: number; partner: string }> {
  return rows.map((r) => ({ datasetSeq: Number(r.dataset_seq), partner: String(r.territory) }));
}

export function productSum(r: Record<string, unknown>): ProductSum {
  const measured = Number(r.units) === 1 && Number(r.measured) === Number(r.flows);
  return {
    territory: String(r.territory),
    flow: String(r.flow),
    valueCents: Number(r.value),
    quantity: measured ? Number(r.quantity) : null,
    unit: measured ? (r.unit as string) : null,
    flows: Number(r.flows),
    flagged: Number(r.flagged),
  };
}

export function storedFact(r: Record<string, unknown>): StoredFact {
  return {
    datasetSeq: Number(r.dataset_seq),
    importSeq: Number(r.import_seq),
    reporter: String(r.reporter),
    partner: String(r.partner),
    period: Number(r.period),
    flow: String(r.flow),
    hsCode: String(r.hs_code),
    hsRevision: String(r.hs_revision),
    valueCents: Number(r.value_cents),
    quantity: r.quantity === null ? null : Number(r.quantity),
    unit: (r.unit as string | null) ?? null,
    flag: (r.flag as string | null) ?? null,
    line: Number(r.line),
  };
}
