import type { FlowRow, HsRevision } from '../model.ts';
import {
  BatchBuilder,
  CellCache,
  RowCheck,
  columnCountProblem,
  countryOfAlpha3,
  countryOfNumeric,
  csvRecords,
  decompressed,
  headerIndex,
  headerKey,
  missingColumnsError,
  readCompactPeriod,
  readHsCode,
  readHsRevision,
  readQuantity,
  readValue,
  utf8Hint,
  utf8Text,
  type FlowParser,
  type HsCodeCheck,
} from './common.ts';

export interface ComtradeOptions {
  checkHsCode?: HsCodeCheck;
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
] as const;
type ComtradeColumn = (typeof columnNames)[number];

const alwaysRequired: ComtradeColumn[] = ['period', 'flowCode', 'classificationCode', 'cmdCode', 'primaryValue'];

/**
 * UN Comtrade CSV (or tab-separated, or gzipped) as its API and bulk downloads write it. Only a reporter's
 * exports and imports by commodity and partner country are kept: world totals, all-commodity totals,
 * re-exports and the customs-procedure, transport-mode and second-partner breakdowns would count the same
 * trade twice, so they are skipped and counted rather than refused.
 */
export function parseComtrade(options: ComtradeOptions = {}): FlowParser {
  return async function* (input) {
    let columns: Partial<Record<ComtradeColumn, number>> | undefined;
    let width = 0;
    const out = new BatchBuilder();
    const caches = comtradeCaches(options);
    const text = await utf8Text(await decompressed(input), 'UN Comtrade');
    for await (const records of csvRecords(text, { notUtf8Hint: utf8Hint('UN Comtrade') })) {
      for (const record of records) {
        if (record.unterminated) out.unterminatedLine = record.line;
        if (!columns) {
          columns = locateColumns(record.fields);
          width = record.fields.length;
          continue;
        }
        if (record.fields.length !== width) {
          out.problems.push(columnCountProblem(record.line, width, record.fields.length));
          continue;
        }
        readRow(record.line, record.fields, columns, caches, out);
      }
      yield out.take();
    }
    if (!columns) throw missingColumnsError('UN Comtrade', [...alwaysRequired], []);
  };
}

function locateColumns(header: string[]): Partial<Record<ComtradeColumn, number>> {
  const index = headerIndex(header);
  const columns: Partial<Record<ComtradeColumn, number>> = {};
  for (const name of columnNames) {
    const at = index.get(headerKey(name));
    if (at !== undefined) columns[name] = at;
  }
  const missing: string[] = alwaysRequired.filter((name) => columns[name] === undefined);
  if (columns.reporterISO === undefined && columns.reporterCode === undefined)
    missing.push('reporterISO or reporterCode');
  if (columns.partnerISO === undefined && columns.partnerCode === undefined) missing.push('partnerISO or partnerCode');
  if (missing.length > 0) throw missingColumnsError('UN Comtrade', missing, header);
  return columns;
}

const flowPattern = /^[A-Z]{1,4}$/;

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
    (partnerCode !== '' && isZeroCode(partnerCode)) ||
    cell('partnerISO').toUpperCase() === 'W00' ||
    cell('cmdCode').toUpperCase() === 'TOTAL' ||
    !isZeroCode(cell('partner2Code')) ||
    !['', 'C00'].includes(cell('customsCode').toUpperCase()) ||
    !isZeroCode(cell('motCode')) ||
    unallocatedPartners.has(partnerCode.replace(/^0+/, ''));
  if (isAggregate) {
    out.skipped += 1;
    return;
  }

  const period = caches.periods.read(row, cell('period'));
  const reporter = readCountry(row, columns, cell, 'reporterISO', 'reporterCode');
  const partner = readCountry(row, columns, cell, 'partnerISO', 'partnerCode');
  const hsRevision = readHsRevision(row, 'classificationCode', cell('classificationCode'));
  const hsCode = caches.hsCodes(hsRevision).read(row, cell('cmdCode'));
  const valueCents = readValue(row, 'primaryValue', cell('primaryValue'), 2);
  const noUnit = cell('qtyUnitCode') === '-1';
  const quantity = noUnit ? null : readQuantity(row, 'qty', cell('qty'));
  const unit = noUnit || quantity === null ? null : cell('qtyUnitAbbr') || null;

  if (row.problems.length > 0) {
    out.problems.push(...row.problems);
    return;
  }
  out.rows.push({
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
  });
}

/**
 * Partner codes UN Comtrade uses for trade it cannot assign to a country (areas n.e.s., bunkers, free
 * zones, special categories): real trade, but of no partner Accord can show, so skipped and counted.
 */
const unallocatedPartners: ReadonlySet<string> = new Set([
  '473',
  '492',
  '527',
  '568',
  '577',
  '636',
  '637',
  '837',
  '838',
  '839',
  '879',
  '899',
]);

/** The ISO alpha-3 column when the file has it and it names a country, else the numeric code. */
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
  // Comtrade reports Taiwan as 490 "Other Asia, nes" (ISO alpha-3 S19).
  if (code.replace(/^0+/, '') === '490') return 'TW';
  const fromCode = countryOfNumeric(code);
  if (fromCode) return fromCode;
  if (columns[isoColumn] !== undefined) {
    const also = columns[codeColumn] !== undefined ? ` (nor is ${codeColumn} ${code || '(empty)'})` : '';
    return row.reject(isoColumn, iso, `not an ISO 3166 country code${also}`);
  }
  return row.reject(codeColumn, code, 'not a UN M49 country code');
}
