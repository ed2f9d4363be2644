import { AccordError } from '../../core/errors.ts';
import type { FlowRow, HsRevision, ParsedBatch } from '../model.ts';
import {
  BatchBuilder,
  CellCache,
  RowCheck,
  columnCountProblem,
  countryOfAlpha3,
  csvRecords,
  decompressed,
  headerIndex,
  headerKey,
  missingColumnsError,
  peek,
  readCompactPeriod,
  readHsCode,
  readHsRevision,
  readQuantity,
  readValue,
  isWorldPartner,
  startsAsJson,
  territoryOfNumeric,
  utf8Hint,
  utf8Text,
  type FlowParser,
  type HsCodeCheck,
} from './common.ts';
import { comtradeJsonRecords, recordReason } from './comtrade-json.ts';
import { HsLevels } from './hs-levels.ts';

export interface ComtradeOptions {
  checkHsCode?: HsCodeCheck;
  /** The revision of rows whose classification is HS (as reported), which names none. */
  hsRevision?: HsRevision;
}

const columnNames = [
  'period',
  'reporterCode',
  'reporterISO',
  'partnerCode',
  'partnerISO',
  'partner2Code',
  'flowCode',
  'classificationCode',
  'cmdCode',
  'customsCode',
  'motCode',
  'qtyUnitCode',
  'qtyUnitAbbr',
  'qty',
  'primaryValue',
  'isReported',
  'isAggregate',
] as const;
type ComtradeColumn = (typeof columnNames)[number];

const alwaysRequired: ComtradeColumn[] = ['period', 'flowCode', 'classificationCode', 'cmdCode', 'primaryValue'];

/**
 * UN Comtrade CSV (or tab-separated, or gzipped) as its API and bulk downloads write it, in the Comtrade+
 * layout or the legacy one, or the API's JSON response. Only a reporter's exports and imports by commodity
 * and partner country are kept: world totals, all-commodity totals, re-exports and the customs-procedure,
 * transport-mode and second-partner breakdowns would count the same trade twice, so they are skipped and
 * counted rather than refused; so would the chapter and heading rows a download lists beside their
 * subheadings (see HsLevels), and the all-commodity TOTAL rows check the rest.
 *
 * Flags: a Comtrade+ row with isReported false holds a figure UN Comtrade estimated or imputed, flagged
 * 'estimated' — unless isAggregate is true, when UN Comtrade only added up the reporter's own finer rows.
 * The estimation flags of quantities and weights (isQtyEstimated, legacyEstimationFlag, the legacy Flag)
 * say nothing of the value and are not carried; re-exports are skipped, so none is flagged 're-export'.
 */
export function parseComtrade(options: ComtradeOptions = {}): FlowParser {
  return async function* (input) {
    const text = await utf8Text(await decompressed(input), 'UN Comtrade');
    const { head, stream } = await peek(text, 64);
    const json = startsAsJson(head);
    let layout: ComtradeLayout | undefined;
    let width = 0;
    const out = new BatchBuilder();
    const caches = comtradeCaches(options);
    const levels = new HsLevels();
    for await (const records of json
      ? comtradeJsonRecords(stream)
      : csvRecords(stream, { notUtf8Hint: utf8Hint('UN Comtrade') })) {
      for (const record of records) {
        if (record.unterminated) out.unterminatedLine = record.line;
        if (!layout) {
          layout = locateColumns(record.fields, json);
          width = record.fields.length;
          continue;
        }
        if (record.fields.length !== width) {
          out.problems.push(columnCountProblem(record.line, width, record.fields.length));
          continue;
        }
        translateCells(record.line, record.fields, layout, options);
        readRow(record.line, record.fields, layout.columns, caches, levels, out);
      }
      yield layoutBatch(out.take(), layout);
    }
    if (!layout) throw missingColumnsError('UN Comtrade', [...alwaysRequired], [], comtradeLayouts);
    if (options.hsRevision && !layout.revisionUsed) {
      yield {
        rows: [],
        problems: [],
        skipped: 0,
        notes: [
          {
            code: 'hs-revision-unused',
            message: `The HS revision given (${options.hsRevision}) was not used: every row names its own in its classification.`,
          },
        ],
      };
    }
    levels.finishInto(out);
    yield layoutBatch(out.take(), layout);
  };
}

type ComtradeColumns = Partial<Record<ComtradeColumn, number>>;

/** Which of the layouts UN Comtrade has published a file is in, and where its columns are. */
interface ComtradeLayout {
  kind: 'comtrade+' | 'legacy' | 'json';
  columns: ComtradeColumns;
  /** Whether a row said HS (as reported) and took the revision given for it. */
  revisionUsed: boolean;
  noted: boolean;
}

/** The headers of the legacy layout (the API and bulk files before 2021), by the Comtrade+ column each stands for. */
const legacyHeaders: Record<ComtradeColumn, string[]> = {
  period: ['Period', 'Year'],
  reporterCode: ['Reporter Code'],
  reporterISO: ['Reporter ISO'],
  partnerCode: ['Partner Code'],
  partnerISO: ['Partner ISO'],
  partner2Code: ['2nd Partner Code'],
  flowCode: ['Trade Flow Code'],
  classificationCode: ['Classification'],
  cmdCode: ['Commodity Code'],
  customsCode: ['Customs Proc. Code'],
  motCode: ['Mode of Transport Code'],
  qtyUnitCode: ['Qty Unit Code'],
  qtyUnitAbbr: ['Qty Unit'],
  qty: ['Qty'],
  primaryValue: ['Trade Value (US$)'],
  // The legacy layout says nothing of who made a figure (its Flag is about quantities and weights).
  isReported: [],
  isAggregate: [],
};

const comtradeLayouts =
  'UN Comtrade files are read in these layouts: the Comtrade+ CSV of its API and bulk downloads ' +
  '(period, reporterCode or reporterISO, partnerCode or partnerISO, flowCode, classificationCode, cmdCode, ' +
  'primaryValue), the legacy CSV of before 2021 (Period, Reporter Code, Partner Code, Trade Flow Code, ' +
  'Classification, Commodity Code, Trade Value (US$)), and the JSON answer of its API ({"data": [...]})';

function locateColumns(header: string[], json: boolean): ComtradeLayout {
  const index = headerIndex(header);
  const legacy = !json && index.has(headerKey(legacyHeaders.flowCode[0]!));
  const headers = (name: ComtradeColumn) => (legacy ? legacyHeaders[name] : [name]);
  const columns: ComtradeColumns = {};
  for (const name of columnNames) {
    const at = headers(name)
      .map((h) => index.get(headerKey(h)))
      .find((i) => i !== undefined);
    if (at !== undefined) columns[name] = at;
  }
  const missing: string[] = alwaysRequired.filter((name) => columns[name] === undefined).map((n) => headers(n)[0]!);
  if (columns.reporterISO === undefined && columns.reporterCode === undefined)
    missing.push(`${headers('reporterISO')[0]} or ${headers('reporterCode')[0]}`);
  if (columns.partnerISO === undefined && columns.partnerCode === undefined)
    missing.push(`${headers('partnerISO')[0]} or ${headers('partnerCode')[0]}`);
  if (missing.length > 0) throw missingColumnsError('UN Comtrade', missing, header, comtradeLayouts);
  return { kind: json ? 'json' : legacy ? 'legacy' : 'comtrade+', columns, revisionUsed: false, noted: false };
}

/** Legacy flow codes as Comtrade+ writes them: 1 import, 2 export, 3 re-export, 4 re-import. */
const legacyFlows: Record<string, string> = { '1': 'M', '2': 'X', '3': 'RX', '4': 'RM' };

/**
 * The WCO abbreviations of the legacy quantity units, which the legacy files spell out ("Weight in
 * kilograms"); code 1 is no quantity, which Comtrade+ writes as -1.
 */
const legacyUnits: Record<string, string> = {
  '2': 'm²',
  '3': '1000 kWh',
  '4': 'm',
  '5': 'u',
  '6': '2u',
  '7': 'l',
  '8': 'kg',
  '9': '1000u',
  '10': 'U (jeu/pack)',
  '11': '12u',
  '12': 'm³',
  '13': 'carat',
};

/** Puts a row's cells as the Comtrade+ layout writes them, so that one reading of a row serves every layout. */
function translateCells(line: number, fields: string[], layout: ComtradeLayout, options: ComtradeOptions): void {
  const { columns } = layout;
  const classification = columns.classificationCode;
  // A legacy file of HS "as reported" names no revision: each reporter's own, which the user knows.
  if (classification !== undefined && fields[classification]!.trim().toUpperCase() === 'HS') {
    if (!options.hsRevision) {
      const column = layout.kind === 'legacy' ? legacyHeaders.classificationCode[0] : 'classificationCode';
      throw new AccordError(
        'VALIDATION_FAILED',
        `line ${line}, column ${column}: HS (as reported) does not say which HS revision the codes follow; ` +
          'give it (--hs-revision H0..H6) to import the file',
        { problems: [{ path: 'hsRevision', line, message: 'required: the file says HS as reported' }] },
      );
    }
    fields[classification] = options.hsRevision;
    layout.revisionUsed = true;
  }
  if (layout.kind !== 'legacy') return;
  const flow = columns.flowCode;
  if (flow !== undefined) fields[flow] = legacyFlows[fields[flow]!.trim()] ?? fields[flow]!;
  const unit = columns.qtyUnitCode;
  if (unit !== undefined) {
    const code = fields[unit]!.trim();
    if (code === '1') fields[unit] = '-1';
    const abbreviation = legacyUnits[code];
    if (abbreviation !== undefined && columns.qtyUnitAbbr !== undefined) fields[columns.qtyUnitAbbr] = abbreviation;
  }
}

/** Says once how a file in another layout than Comtrade+ CSV was read, and where a JSON file's rejected rows are. */
function layoutBatch(batch: ParsedBatch, layout: ComtradeLayout | undefined): ParsedBatch {
  if (!layout) return batch;
  if (layout.kind === 'json') {
    for (const problem of batch.problems) problem.reason = recordReason(problem.line, problem.reason);
  }
  if (layout.noted || layout.kind === 'comtrade+') return batch;
  layout.noted = true;
  const message =
    layout.kind === 'legacy'
      ? 'Read as the legacy UN Comtrade CSV: Trade Flow Code 1 is an import, 2 an export; 3 and 4 (re-exports and re-imports) are skipped.'
      : 'Read as a UN Comtrade API response (JSON): a rejected row is given by its record number in "data", counted from 1.';
  return { ...batch, notes: [...(batch.notes ?? []), { code: 'comtrade-layout', message }] };
}

const flowPattern = /^[A-Z]{1,4}$/;

/** Comtrade+ writes its booleans True and False (the JSON's true and false are read so). */
const isFalse = (text: string) => /^(false|0)$/i.test(text);
const isTrue = (text: string) => /^(true|1)$/i.test(text);

function isZeroCode(text: string): boolean {
  return text === '' || /^0+$/.test(text);
}

/** Checks of the cells that repeat a few thousand texts over a file: each text is checked once. */
interface ComtradeCaches {
  periods: CellCache<number>;
  /** A code's check depends on the row's revision: one cache per revision met. */
  hsCodes: (revision: HsRevision | null) => CellCache<string>;
}

function comtradeCaches(options: ComtradeOptions): ComtradeCaches {
  const byRevision = new Map<HsRevision | null, CellCache<string>>();
  return {
    periods: new CellCache((row, text) => readCompactPeriod(row, 'period', text)),
    hsCodes(revision) {
      let cache = byRevision.get(revision);
      if (!cache) {
        cache = new CellCache((row, text) => readHsCode(row, 'cmdCode', text, revision, options.checkHsCode));
        byRevision.set(revision, cache);
      }
      return cache;
    },
  };
}

function readRow(
  line: number,
  fields: string[],
  columns: Partial<Record<ComtradeColumn, number>>,
  caches: ComtradeCaches,
  levels: HsLevels,
  out: BatchBuilder,
): void {
  const cell = (name: ComtradeColumn) => {
    const at = columns[name];
    return at === undefined ? '' : fields[at]!.trim();
  };
  const row = new RowCheck(line);

  const flowText = cell('flowCode').toUpperCase();
  if (!flowPattern.test(flowText)) {
    row.reject('flowCode', cell('flowCode'), 'unknown flow: expected a UN Comtrade flow code such as X or M');
    out.problems.push(...row.problems);
    return;
  }
  const partnerCode = cell('partnerCode');
  const isAggregate =
    (flowText !== 'X' && flowText !== 'M') ||
    isWorldPartner(partnerCode) ||
    isWorldPartner(cell('partnerISO')) ||
    !isZeroCode(cell('partner2Code')) ||
    !['', 'C00'].includes(cell('customsCode').toUpperCase()) ||
    !isZeroCode(cell('motCode'));
  if (isAggregate) {
    out.skipped += 1;
    return;
  }

  const period = caches.periods.read(row, cell('period'));
  const reporter = readCountry(row, columns, cell, 'reporterISO', 'reporterCode');
  const partner = readCountry(row, columns, cell, 'partnerISO', 'partnerCode');
  const hsRevision = readHsRevision(row, 'classificationCode', cell('classificationCode'));
  const valueCents = readValue(row, 'primaryValue', cell('primaryValue'), 2);
  if (cell('cmdCode').toUpperCase() === 'TOTAL') {
    // All commodities: not imported (its commodities are), but a check of them when its cells read well.
    out.skipped += 1;
    if (row.problems.length === 0) {
      levels.total({
        line,
        period: period!,
        reporter: reporter!,
        partner: partner!,
        flow: flowText as FlowRow['flow'],
        hsRevision: hsRevision!,
        valueCents: valueCents!,
      });
    } else {
      levels.unreadTotal(row.problems[0]!);
    }
    return;
  }
  const hsCode = caches.hsCodes(hsRevision).read(row, cell('cmdCode'));
  const noUnit = cell('qtyUnitCode') === '-1';
  const quantity = noUnit ? null : readQuantity(row, 'qty', cell('qty'));
  const unit = noUnit || quantity === null ? null : cell('qtyUnitAbbr') || null;
  const estimated = isFalse(cell('isReported')) && !isTrue(cell('isAggregate'));

  if (row.problems.length > 0) {
    out.problems.push(...row.problems);
    return;
  }
  const flowRow: FlowRow = {
    line,
    period: period!,
    reporter: reporter!,
    partner: partner!,
    flow: flowText as FlowRow['flow'],
    hsCode: hsCode!,
    hsRevision: hsRevision!,
    valueCents: valueCents!,
    quantity: quantity ?? null,
    unit,
    flag: estimated ? 'estimated' : null,
  };
  if (levels.take(flowRow)) out.rows.push(flowRow);
}

/**
 * The ISO alpha-3 column when the file has it and it names a country, else the numeric code: Taiwan for
 * 490, and a statistical territory for areas n.e.s., bunkers or free zones, whose ISO column is no
 * country code (see `territoryOfNumeric`).
 */
function readCountry(
  row: RowCheck,
  columns: Partial<Record<ComtradeColumn, number>>,
  cell: (name: ComtradeColumn) => string,
  isoColumn: 'reporterISO' | 'partnerISO',
  codeColumn: 'reporterCode' | 'partnerCode',
): string | null {
  const iso = cell(isoColumn);
  const fromIso = countryOfAlpha3(iso);
  if (fromIso) return fromIso;
  const code = cell(codeColumn);
  const fromCode = territoryOfNumeric(code);
  if (fromCode) return fromCode;
  if (columns[isoColumn] !== undefined) {
    const also = columns[codeColumn] !== undefined ? ` (nor is ${codeColumn} ${code || '(empty)'})` : '';
    return row.reject(isoColumn, iso, `not an ISO 3166 country code${also}`);
  }
  return row.reject(codeColumn, code, 'not a UN M49 country code');
}
