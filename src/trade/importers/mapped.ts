import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { z } from 'zod';
import { AccordError } from '../../core/errors.ts';
import {
  flowFlags,
  hsRevision,
  type FlowDirection,
  type FlowFlag,
  type FlowRow,
  type HsRevision,
  type ImportNote,
} from '../model.ts';
import {
  BatchBuilder,
  RowCheck,
  binaryFileError,
  columnCountProblem,
  countryOfAlpha3,
  isStatisticalTerritory,
  isWorldPartner,
  territoryOfNumeric,
  csvRecords,
  decompressed,
  headerIndex,
  headerKey,
  headerList,
  notUtf8Error,
  periodOf,
  peek,
  sniffBytes,
  readHsCode,
  readHsRevision,
  readQuantity,
  readValue,
  rowsPerBatch,
  type FlowParser,
  type HsCodeCheck,
} from './common.ts';
import { HsLevels } from './hs-levels.ts';
import { notUtf8Byte, sniffText, toUtf8, type TextEncoding } from './text-encoding.ts';

/** A header as the file writes it; YAML reads a header such as 2017 as a number. */
const header = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().min(1, 'a header name is needed').max(300));

const flowValueList = z.array(z.union([z.string(), z.number()]).transform((value) => String(value))).min(1);

export const periodFormats = ['auto', 'YYYY-MM', 'YYYYMM', 'YYYY', 'MM.YYYY', 'YYYY.MM'] as const;

/** How the columns of a national customs table (or any table) map onto trade flows. */
export const tradeMapping = z
  .object({
    /** Sheet name, or its 1-based position among the tabs; the first sheet by default. XLSX only. */
    sheet: z.union([z.string().trim().min(1), z.number().int().positive()]).optional(),
    /** 1-based row (line) of the header; rows above it (titles, notes) are ignored. */
    headerRow: z.number().int().positive().max(1000).default(1),
    /**
     * Character set of a CSV file; customs offices often export windows-1251. Unsaid, a file that is not
     * UTF-8 but reads as Cyrillic in windows-1251 is read so, and the report says it was.
     */
    encoding: z.enum(['utf-8', 'windows-1251']).optional(),
    columns: z
      .object({
        period: header,
        reporter: header.optional(),
        partner: header,
        flow: header.optional(),
        hsCode: header,
        hsRevision: header.optional(),
        value: header,
        quantity: header.optional(),
        unit: header.optional(),
        /** What the source marks a figure as (confidential, estimated, re-export); an empty cell marks nothing. */
        flag: header.optional(),
      })
      .strict(),
    constants: z
      .object({
        reporter: z.string().trim().toUpperCase().optional(),
        flow: z.enum(['X', 'M']).optional(),
        hsRevision: hsRevision.optional(),
        unit: z.string().trim().min(1).max(40).optional(),
      })
      .strict()
      .default({}),
    flowValues: z.object({ X: flowValueList, M: flowValueList }).strict().optional(),
    /** The words of the flag column for each flag, in place of the usual ones (see `defaultFlagValues`). */
    flagValues: z
      .object({ confidential: flowValueList, estimated: flowValueList, 're-export': flowValueList })
      .partial()
      .strict()
      .refine((values) => Object.keys(values).length > 0, 'name the words of at least one flag')
      .optional(),
    /** The file's value unit in US dollars: dollars, thousands or millions. */
    valueScale: z.union([z.literal(1), z.literal(1000), z.literal(1_000_000)]).default(1),
    periodFormat: z.enum(periodFormats).default('auto'),
  })
  .strict()
  .superRefine(
    (mapping, ctx) => {
      if (!mapping.columns.reporter && !mapping.constants.reporter) {
        ctx.addIssue({
          code: 'custom',
          path: ['constants', 'reporter'],
          message: 'the reporter is needed: name its column in columns.reporter or give constants.reporter',
        });
      }
      if (!mapping.columns.flow && !mapping.constants.flow) {
        ctx.addIssue({
          code: 'custom',
          path: ['constants', 'flow'],
          message: 'the flow is needed: name its column in columns.flow or give constants.flow (X or M)',
        });
      }
    },
    // Reported together with mistakes elsewhere in the mapping, as long as columns and constants were read.
    {
      when: (payload) =>
        payload.issues.every((issue) => issue.path?.[0] !== 'columns' && issue.path?.[0] !== 'constants'),
    },
  );
export type TradeMapping = z.output<typeof tradeMapping>;

export interface MappedOptions {
  mapping: TradeMapping;
  /** Every territory code Accord knows: reporters and partners must be among them. */
  territories: ReadonlySet<string>;
  /** The revision when the mapping states none. */
  hsRevision?: HsRevision;
  checkHsCode?: HsCodeCheck;
}

/** Words customs tables use, and UN Comtrade's flow codes: 1 import, 2 export (3 re-export, 4 re-import). */
const defaultFlowValues: Record<FlowDirection, string[]> = {
  X: ['export', 'exports', 'экспорт', 'эк', 'x', '2'],
  M: ['import', 'imports', 'импорт', 'им', 'm', '1'],
};

/** Words customs tables and statistics offices use to mark a figure, in English and Russian, and their letters. */
const defaultFlagValues: Record<FlowFlag, string[]> = {
  confidential: ['confidential', 'c', 'conf', 'конфиденциально', 'конфиденциальные данные', 'конф', 'к'],
  estimated: ['estimated', 'estimate', 'e', 'est', 'оценка', 'оценочно', 'оценочные данные', 'о'],
  're-export': ['re-export', 're-exports', 'reexport', 'r', 'реэкспорт'],
};

/**
 * Comtrade's re-exports (3) and re-imports (4) are already in its exports and imports: rows of them are
 * skipped and counted, as the Comtrade importer does, unless the mapping gives its own flow values.
 */
const comtradeSkippedFlows = ['3', '4'];

/** What a customs table writes in its code column for all commodities together. */
const totalCodes: ReadonlySet<string> = new Set(['total', 'all', 'всего', 'итого'].map(headerKey));

type Field = keyof TradeMapping['columns'];

/**
 * Any CSV or XLSX table described by a mapping: which header holds the period, partner, HS code and
 * value, and what the whole file shares (its reporter, flow, revision). The mapping is checked against
 * the header before any row is read; then every bad cell is reported with its row and header.
 */
export function parseMapped(options: MappedOptions): FlowParser {
  const { mapping, territories } = options;
  const constantRevision = mapping.constants.hsRevision ?? options.hsRevision;
  if (!mapping.columns.hsRevision && !constantRevision) {
    throw mappingError([
      {
        path: 'mapping.constants.hsRevision',
        message:
          'the HS revision is needed: give constants.hsRevision (H0..H6) or name its column in columns.hsRevision',
      },
    ]);
  }
  const constantReporter = mapping.constants.reporter && territoryOf(mapping.constants.reporter, territories);
  if (mapping.constants.reporter && !constantReporter) {
    throw mappingError([
      {
        path: 'mapping.constants.reporter',
        message: `unknown territory code ${mapping.constants.reporter}: expected ${territoryCodesRead}`,
      },
    ]);
  }
  const flows = new Map<string, FlowDirection | 'skip'>();
  for (const flow of ['X', 'M'] as const) {
    for (const value of mapping.flowValues?.[flow] ?? defaultFlowValues[flow]) flows.set(headerKey(value), flow);
  }
  const flags = new Map<string, FlowFlag>();
  for (const [flag, values] of Object.entries(mapping.flagValues ?? defaultFlagValues) as Array<[FlowFlag, string[]]>) {
    for (const value of values) flags.set(headerKey(value), flag);
  }
  const comtradeCodes = mapping.flowValues === undefined ? new ComtradeFlowCodes() : undefined;
  if (comtradeCodes) for (const value of comtradeSkippedFlows) flows.set(value, 'skip');
  const valueShift = 2 + Math.round(Math.log10(mapping.valueScale));

  return async function* (input) {
    // A gzipped CSV is read as it is, as the other formats are.
    const { head, stream } = await peek(await decompressed(input), sniffBytes);
    const isXlsx = head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw new AccordError(
        'VALIDATION_FAILED',
        'the file is an Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and import that',
        { problems: [{ path: 'file', message: 'XLS workbooks are not read; XLSX and CSV are' }] },
      );
    }
    const out = new BatchBuilder();
    const rows = isXlsx ? sheetRows(stream, mapping.sheet) : csvRows(stream, head, mapping, out);

    let columns: Partial<Record<Field, { at: number; name: string }>> | undefined;
    let width = 0;
    const levels = new HsLevels();
    for await (const records of rows) {
      for (const record of records) {
        if (record.unterminated) out.unterminatedLine = record.line;
        if (record.line < mapping.headerRow) continue;
        if (!columns) {
          if (record.line > mapping.headerRow) {
            throw mappingError([
              { path: 'mapping.headerRow', message: `row ${mapping.headerRow} of the file is empty` },
            ]);
          }
          columns = locateColumns(mapping, record.fields);
          width = record.fields.length;
          continue;
        }
        if (!isXlsx && record.fields.length !== width) {
          out.problems.push(columnCountProblem(record.line, width, record.fields.length));
          continue;
        }
        const cell = (field: Field) => {
          const column = columns![field];
          return column ? (record.fields[column.at] ?? '').trim() : '';
        };
        const name = (field: Field) => columns![field]?.name ?? field;
        if ((Object.keys(columns) as Field[]).every((field) => cell(field) === '')) {
          out.skipped += 1;
          continue;
        }
        if (isWorldPartner(cell('partner'))) {
          out.skipped += 1;
          continue;
        }
        comtradeCodes?.count(cell('flow'));
        if (columns.flow && flows.get(headerKey(cell('flow'))) === 'skip') {
          out.skipped += 1;
          continue;
        }
        const row = new RowCheck(record.line);
        const period = readPeriod(row, name('period'), cell('period'), mapping.periodFormat);
        const reporter = columns.reporter
          ? readTerritory(row, name('reporter'), cell('reporter'), territories)
          : constantReporter!;
        const partner = readTerritory(row, name('partner'), cell('partner'), territories);
        const flow = columns.flow ? readFlow(row, name('flow'), cell('flow'), flows) : mapping.constants.flow!;
        const revision = columns.hsRevision
          ? readHsRevision(row, name('hsRevision'), cell('hsRevision'))
          : constantRevision!;
        const valueCents = readValue(row, name('value'), cell('value'), valueShift);
        if (totalCodes.has(headerKey(cell('hsCode')))) {
          // All commodities: not imported (its commodities are), but a check of them when its cells read well.
          out.skipped += 1;
          if (row.problems.length === 0) {
            levels.total({
              line: record.line,
              period: period!,
              reporter: reporter!,
              partner: partner!,
              flow: flow!,
              hsRevision: revision!,
              valueCents: valueCents!,
            });
          } else {
            levels.unreadTotal(row.problems[0]!);
          }
          continue;
        }
        const hsCode = readHsCode(row, name('hsCode'), cell('hsCode'), revision, options.checkHsCode);
        const quantity = columns.quantity ? readQuantity(row, name('quantity'), cell('quantity')) : null;
        const unit = (columns.unit ? cell('unit') : '') || mapping.constants.unit || null;
        const flag = columns.flag ? readFlag(row, name('flag'), cell('flag'), flags) : null;
        if (row.problems.length > 0) {
          out.problems.push(...row.problems);
        } else {
          const flowRow: FlowRow = {
            line: record.line,
            period: period!,
            reporter: reporter!,
            partner: partner!,
            flow: flow!,
            hsCode: hsCode!,
            hsRevision: revision!,
            valueCents: valueCents!,
            quantity: quantity ?? null,
            unit: quantity === null || quantity === undefined ? null : unit,
            flag,
          };
          if (levels.take(flowRow)) out.rows.push(flowRow);
        }
        if (out.size >= rowsPerBatch) yield out.take();
      }
    }
    if (!columns) {
      throw mappingError([
        { path: 'mapping.headerRow', message: `the file has no row ${mapping.headerRow} to read headers from` },
      ]);
    }
    out.notes.push(...(comtradeCodes?.notes(columns.flow?.name ?? 'flow') ?? []));
    levels.finishInto(out);
    yield out.take();
  };
}

function mappingError(problems: Array<{ path: string; message: string }>, context = ''): AccordError {
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  return new AccordError(
    'VALIDATION_FAILED',
    `the mapping does not fit the file: ${problems[0]!.message}${more}${context}`,
    { problems },
  );
}

function locateColumns(
  mapping: TradeMapping,
  headerFields: string[],
): Partial<Record<Field, { at: number; name: string }>> {
  const index = headerIndex(headerFields);
  const columns: Partial<Record<Field, { at: number; name: string }>> = {};
  const problems: Array<{ path: string; message: string }> = [];
  for (const [field, wanted] of Object.entries(mapping.columns) as Array<[Field, string | undefined]>) {
    if (wanted === undefined) continue;
    const at = index.get(headerKey(wanted));
    if (at === undefined) {
      problems.push({ path: `mapping.columns.${field}`, message: `the file has no column "${wanted}"` });
    } else {
      columns[field] = { at, name: headerFields[at]!.trim() };
    }
  }
  if (problems.length > 0) {
    throw mappingError(problems, `; its columns in row ${mapping.headerRow}: ${headerList(headerFields)}`);
  }
  return columns;
}

const periodPatterns: Record<Exclude<(typeof periodFormats)[number], 'auto'>, RegExp> = {
  'YYYY-MM': /^(?<year>\d{4})-(?<month>\d{1,2})$/,
  YYYYMM: /^(?<year>\d{4})(?<month>\d{2})$/,
  YYYY: /^(?<year>\d{4})$/,
  'MM.YYYY': /^(?<month>\d{1,2})\.(?<year>\d{4})$/,
  'YYYY.MM': /^(?<year>\d{4})\.(?<month>\d{1,2})$/,
};
/** A date cell of a spreadsheet names its month. */
const sheetDatePattern = /^(?<year>\d{4})-(?<month>\d{2})-\d{2}$/;

function readPeriod(row: RowCheck, column: string, text: string, format: TradeMapping['periodFormat']): number | null {
  const patterns = format === 'auto' ? [...Object.values(periodPatterns), sheetDatePattern] : [periodPatterns[format]];
  for (const pattern of patterns) {
    const groups = pattern.exec(text)?.groups;
    if (!groups) continue;
    const month = groups.month === undefined ? 0 : Number(groups.month);
    if (groups.month !== undefined && month === 0) return row.reject(column, text, 'the month must be 01 to 12');
    const period = periodOf(Number(groups.year), month);
    return typeof period === 'number' ? period : row.reject(column, text, period);
  }
  const expected = format === 'auto' ? 'YYYY-MM, YYYYMM, YYYY, MM.YYYY or YYYY.MM' : format;
  return row.reject(column, text, `not a period: expected ${expected}`);
}

const territoryCodesRead = 'ISO 3166-1 alpha-2 (BY) or alpha-3 (BLR), UN M49 (112) or ISO 3166-2 (RU-KRS)';

function readTerritory(row: RowCheck, column: string, text: string, territories: ReadonlySet<string>): string | null {
  if (text === '') return row.reject(column, text, 'the territory is empty');
  return (
    territoryOf(text, territories) ?? row.reject(column, text, `unknown territory code: expected ${territoryCodesRead}`)
  );
}

/**
 * The territory a code names: as Accord knows it, an ISO alpha-3 code, or a UN M49 code (643, 0643) read
 * by the rule every importer follows (490 is Taiwan, a code of no country a statistical territory).
 */
function territoryOf(text: string, territories: ReadonlySet<string>): string | undefined {
  const code = text.toUpperCase();
  if (territories.has(code)) return code;
  const country = /^\d+$/.test(code) ? territoryOfNumeric(code.replace(/^0+(?=\d{1,3}$)/, '')) : countryOfAlpha3(code);
  if (country && isStatisticalTerritory(country)) return country;
  return country && territories.has(country) ? country : undefined;
}

/**
 * Counts the rows whose flow is one of UN Comtrade's numeric codes, read by the default flow values, so the
 * report says how they were read: a file that means 1 as exports would otherwise be turned round unseen.
 */
const comtradeFlowNames: Record<string, string> = {
  '1': 'as imports',
  '2': 'as exports',
  '3': 'as re-exports, skipped',
  '4': 'as re-imports, skipped',
};

class ComtradeFlowCodes {
  private readonly rows = new Map<string, number>();

  count(text: string): void {
    if (Object.hasOwn(comtradeFlowNames, text)) this.rows.set(text, (this.rows.get(text) ?? 0) + 1);
  }

  notes(column: string): ImportNote[] {
    if (this.rows.size === 0) return [];
    const read = Object.entries(comtradeFlowNames)
      .filter(([code]) => this.rows.has(code))
      .map(([code, meaning]) => {
        const rows = this.rows.get(code)!;
        return `${code} ${meaning} (${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'})`;
      });
    return [
      {
        code: 'flow-codes',
        message:
          `Column "${column}" holds UN Comtrade's flow codes, read as Comtrade means them: ${read.join(', ')}; ` +
          'if the file means otherwise, give flowValues in the mapping.',
      },
    ];
  }
}

function readFlow(
  row: RowCheck,
  column: string,
  text: string,
  flows: Map<string, FlowDirection | 'skip'>,
): FlowDirection | null {
  const flow = flows.get(headerKey(text));
  if (flow && flow !== 'skip') return flow;
  const known = (direction: FlowDirection) =>
    [...flows]
      .filter(([, f]) => f === direction)
      .map(([value]) => value)
      .join('/');
  return row.reject(column, text, `unknown flow: expected ${known('X')} for exports or ${known('M')} for imports`);
}

function readFlag(row: RowCheck, column: string, text: string, flags: Map<string, FlowFlag>): FlowFlag | null {
  if (text === '') return null;
  const flag = flags.get(headerKey(text));
  if (flag) return flag;
  const known = flowFlags
    .map((f) => {
      const words = [...flags].filter(([, g]) => g === f).map(([word]) => word);
      return words.length === 0 ? null : `${words.join('/')} for ${f}`;
    })
    .filter((w) => w !== null)
    .join(', ');
  return row.reject(column, text, `unknown flag: expected ${known}, or nothing`);
}

interface SheetRecord {
  line: number;
  fields: string[];
  unterminated?: true;
}

/**
 * The rows of a CSV file in the mapping's character set. UTF-16 is read whatever the mapping says (its
 * byte order mark or zero bytes leave no doubt); without `encoding`, a file that is not UTF-8 but reads
 * as Cyrillic in Windows-1251 is read so, with a note in the report. A binary file is refused as such.
 */
async function* csvRows(
  stream: Readable,
  head: Buffer,
  mapping: TradeMapping,
  out: BatchBuilder,
): AsyncGenerator<SheetRecord[]> {
  const sniffed = sniffText(head);
  if (sniffed.kind === 'binary') throw binaryFileError(sniffed.what);
  const setIt = 'or set encoding: windows-1251 in the mapping if it is that';
  let encoding: TextEncoding = mapping.encoding ?? 'utf-8';
  let notUtf8Hint = `save it as UTF-8, ${setIt}`;
  if (sniffed.kind === 'text' && sniffed.encoding !== 'utf-8') {
    encoding = sniffed.encoding;
  } else if (sniffed.kind === 'not-utf-8' && sniffed.looksLike === 'windows-1251') {
    notUtf8Hint = 'it looks like Windows-1251 (Cyrillic): set encoding: windows-1251 in the mapping';
    if (mapping.encoding === undefined) {
      encoding = 'windows-1251';
      out.notes.push({
        code: 'encoding-guessed',
        message:
          'The file was read as Windows-1251: it is not UTF-8 and reads as Cyrillic in Windows-1251; set encoding in the mapping to say which it is.',
      });
    }
  } else if (sniffed.kind === 'not-utf-8' && mapping.encoding === undefined) {
    throw notUtf8Error(sniffed.line, `its character set could not be told; ${notUtf8Hint}`, notUtf8Byte(sniffed.byte));
  }
  const decoded = encoding === 'utf-8' ? stream : stream.pipe(toUtf8(encoding));
  const headText = new TextDecoder(encoding).decode(head);
  // Title lines above the header would mislead separator detection; judge by the header line itself.
  const headerLine = headText.split('\n')[mapping.headerRow - 1];
  yield* csvRecords(decoded, {
    delimiter: headerLine === undefined ? undefined : detectDelimiter(headerLine),
    notUtf8Hint,
  });
}

function detectDelimiter(line: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
}

/**
 * Rows of one sheet, streamed: only the shared strings are held in memory, whatever the number of rows.
 * The other sheets are passed over unread.
 */
/** A file that starts like a workbook (a zip) but is not a whole one is refused, not failed as the server's fault. */
async function* sheetRows(stream: Readable, sheet: string | number | undefined): AsyncGenerator<SheetRecord[]> {
  try {
    yield* readSheetRows(stream, sheet);
  } catch (error) {
    if (error instanceof AccordError) throw error;
    const reason = (error as Error).message;
    throw new AccordError('VALIDATION_FAILED', `the file starts as an XLSX workbook but cannot be read: ${reason}`, {
      problems: [{ path: 'file', message: `not a whole XLSX workbook (${reason})` }],
    });
  }
}

async function* readSheetRows(stream: Readable, sheet: string | number | undefined): AsyncGenerator<SheetRecord[]> {
  // Loaded with the first workbook: most imports are CSV, and every process that can import need not pay for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const tabs = () =>
    ((workbook as unknown as { model?: { sheets?: Array<{ name: string }> } }).model?.sheets ?? []).map((s) => s.name);
  const seen: string[] = [];
  let found = false;
  for await (const worksheet of workbook as AsyncIterable<SheetReader>) {
    const name = worksheet.name ?? `sheet ${seen.length + 1}`;
    seen.push(name);
    if (found || !isWanted(name, sheet, tabs(), seen.length)) {
      // A sheet stored before the shared strings is read from a temp file that ExcelJS deletes as soon as we
      // move on; a sheet left unread would then open a deleted file and throw outside any handler.
      for await (const _row of worksheet) continue;
      continue;
    }
    found = true;
    let batch: SheetRecord[] = [];
    for await (const row of worksheet) {
      const values = row.values as unknown[];
      const fields: string[] = [];
      for (let c = 1; c < values.length; c += 1) fields.push(cellText(values[c]));
      batch.push({ line: row.number, fields });
      if (batch.length >= rowsPerBatch) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (!found) {
    throw mappingError([
      {
        path: 'mapping.sheet',
        message: `the workbook has no sheet ${typeof sheet === 'number' ? `number ${sheet}` : `"${sheet}"`} (its sheets: ${(tabs().length > 0 ? tabs() : seen).join(', ')})`,
      },
    ]);
  }
}

function isWanted(name: string, sheet: string | number | undefined, tabs: string[], position: number): boolean {
  if (sheet === undefined) return tabs.length > 0 ? tabs[0] === name : position === 1;
  if (typeof sheet === 'number') return tabs.length > 0 ? tabs[sheet - 1] === name : position === sheet;
  return headerKey(sheet) === headerKey(name);
}

/** A cell as the text a person sees: formulas by their result, dates as YYYY-MM-DD, rich text joined. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v || 'formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}
