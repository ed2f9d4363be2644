import fs from 'node:fs';
import { AccordError } from '../../core/errors.ts';
import type { HsRevision, RowProblem, StatisticalTerritory } from '../model.ts';
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
  isCountryAlpha2,
  isStatisticalTerritory,
  missingColumnsError,
  readCompactPeriod,
  readHsCode,
  readQuantity,
  readValue,
  statisticalTerritory,
  territoryOfNumeric,
  utf8Hint,
  utf8Text,
  type BulkReader,
  type FlowParser,
  type HsCodeCheck,
} from './common.ts';

/** One line of BACI's country table: its own numeric code and the ISO country it stands for, if any. */
export interface BaciCountry {
  alpha2: string | null;
  /** Null when the table has no name column. */
  name: string | null;
}

export interface BaciOptions {
  /** BACI's country table; without it, i and j are read as UN M49 codes. */
  countries?: ReadonlyMap<string, BaciCountry>;
  /** The HS revision of the release (BACI publishes one file set per revision); HS 1992 by default. */
  hsRevision?: HsRevision;
  checkHsCode?: HsCodeCheck;
}

/** BACI values are in thousands of US dollars: 10^3 to dollars, 10^2 to cents. */
const thousandsToCents = 5;

/**
 * CEPII BACI: one line per exporter, importer, product and year (`t,i,j,k,v,q`), already reconciled
 * between both sides' declarations, so each line becomes the exporter's export to the importer.
 */
export function parseBaci(options: BaciOptions = {}): FlowParser {
  return async function* (input) {
    const records = new BaciRecords(options);
    const out = new BatchBuilder();
    const text = await utf8Text(await decompressed(input), 'BACI');
    for await (const batch of csvRecords(text, { notUtf8Hint: utf8Hint('BACI') })) {
      for (const record of batch) {
        if (record.unterminated) out.unterminatedLine = record.line;
        if (!records.started) records.header(record.fields);
        else records.read(record.line, record.fields, out);
      }
      yield { ...out.take(), territories: records.takeTerritories() };
    }
    if (!records.started) throw missingColumnsError('BACI', ['t', 'i', 'j', 'k', 'v'], []);
  };
}

/** Smaller files are read row by row: starting the store's own reader costs more than it saves. */
const bulkFromBytes = 4 * 1024 * 1024;

/**
 * A big plain BACI file read by the trade store itself (DuckDB's CSV reader, PostgreSQL's COPY) when it can: the distinct
 * periods, countries and products are checked here, by the row reader's own checks, and the values by
 * the store. Anything unusual (gzip, quotes in the header, a cell or line the checks refuse) declines,
 * and the file is read row by row instead, which says what is wrong and where.
 */
export function baciBulk(file: string, options: BaciOptions = {}): BulkReader {
  return async (stage, lines) => {
    if (!stage.addBaciFile) return null;
    const head = await readHead(file);
    if (!head || head.bytes < bulkFromBytes || head.bytes0 === 0x1f) return null;
    const header = head.line.split(',').map(headerKey);
    if (head.line.includes('"') || !['t', 'i', 'j', 'k', 'v'].every((c) => header.includes(c))) return null;
    const records = new BaciRecords(options);
    const checked =
      <T>(cache: CellCache<T>) =>
      (text: string): T | null => {
        const row = new RowCheck(0);
        const value = cache.read(row, text);
        return row.problems.length > 0 ? null : value;
      };
    const load = await stage.addBaciFile(
      file,
      header,
      {
        hsRevision: records.hsRevision,
        period: checked(records.periods),
        territory: checked(records.exporters),
        product: checked(records.products),
      },
      lines(),
    );
    if (!load) return null;
    return { ...load, hsRevision: records.hsRevision, territories: records.takeTerritories() };
  };
}

/** The first line of a file, its size and first byte (gzip starts with 0x1f). */
async function readHead(file: string): Promise<{ line: string; bytes: number; bytes0: number } | null> {
  const handle = await fs.promises.open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(buffer, 0, buffer.length, 0);
    const end = buffer.indexOf(0x0a);
    if (end < 0) return null;
    return { line: buffer.subarray(0, end).toString('utf8').replace(/\r$/, ''), bytes: size, bytes0: buffer[0]! };
  } finally {
    await handle.close();
  }
}

/** The checks of BACI's lines; each distinct period, country and code is checked once. */
class BaciRecords {
  columns: Record<'t' | 'i' | 'j' | 'k' | 'v', number> & { q: number | undefined } = {
    t: 0,
    i: 0,
    j: 0,
    k: 0,
    v: 0,
    q: undefined,
  };
  width = 0;
  started = false;
  readonly hsRevision: HsRevision;
  readonly periods: CellCache<number>;
  readonly exporters: CellCache<string>;
  readonly importers: CellCache<string>;
  readonly products: CellCache<string>;
  private readonly territoriesMet = new Set<string>();
  private territoriesNew: StatisticalTerritory[] = [];

  constructor(options: BaciOptions) {
    const hsRevision = options.hsRevision ?? 'H0';
    this.hsRevision = hsRevision;
    this.periods = new CellCache((row, text) => readCompactPeriod(row, 't', text));
    const met = (territory: StatisticalTerritory) => {
      if (this.territoriesMet.has(territory.code)) return;
      this.territoriesMet.add(territory.code);
      this.territoriesNew.push(territory);
    };
    this.exporters = new CellCache((row, text) => readCountry(row, 'i', text, options.countries, met));
    this.importers = new CellCache((row, text) => readCountry(row, 'j', text, options.countries, met));
    // BACI's k is always a six-digit subheading: a shorter code is a broken cell, and would be counted
    // again beside the subheadings it sums.
    this.products = new CellCache((row, text) => readHsCode(row, 'k', text, hsRevision, options.checkHsCode, true));
  }

  /** The statistical territories met since last asked, named as the country table names them. */
  takeTerritories(): StatisticalTerritory[] {
    const taken = this.territoriesNew;
    this.territoriesNew = [];
    return taken;
  }

  /** Takes the header line; a file without the columns BACI needs is refused naming them. */
  header(fields: string[]): void {
    const index = headerIndex(fields);
    const missing = ['t', 'i', 'j', 'k', 'v'].filter((name) => !index.has(name));
    if (missing.length > 0) throw missingColumnsError('BACI', missing, fields);
    this.columns = {
      t: index.get('t')!,
      i: index.get('i')!,
      j: index.get('j')!,
      k: index.get('k')!,
      v: index.get('v')!,
      q: index.get('q'),
    };
    this.width = fields.length;
    this.started = true;
  }

  /** Checks one line: its row, or every bad cell of it, goes to `out`. */
  read(line: number, fields: string[], out: BatchBuilder): void {
    if (fields.length !== this.width) {
      out.problems.push(columnCountProblem(line, this.width, fields.length));
      return;
    }
    const columns = this.columns;
    const row = new RowCheck(line);
    const period = this.periods.read(row, fields[columns.t]!.trim());
    const reporter = this.exporters.read(row, fields[columns.i]!.trim());
    const partner = this.importers.read(row, fields[columns.j]!.trim());
    const hsCode = this.products.read(row, fields[columns.k]!.trim());
    const valueCents = readValue(row, 'v', fields[columns.v]!.trim(), thousandsToCents);
    const q = columns.q === undefined ? '' : fields[columns.q]!.trim();
    const quantity = q.toUpperCase() === 'NA' ? null : readQuantity(row, 'q', q);
    if (row.problems.length > 0) {
      out.problems.push(...row.problems);
      return;
    }
    out.rows.push({
      line,
      period: period!,
      reporter: reporter!,
      partner: partner!,
      flow: 'X',
      hsCode: hsCode!,
      hsRevision: this.hsRevision,
      valueCents: valueCents!,
      quantity: quantity ?? null,
      unit: quantity === null || quantity === undefined ? null : 't',
    });
  }
}

/** A code the table gives no ISO country for is read as any importer reads it (see `territoryOfNumeric`). */
function readCountry(
  row: RowCheck,
  column: string,
  code: string,
  table: ReadonlyMap<string, BaciCountry> | undefined,
  met: (territory: StatisticalTerritory) => void,
): string | null {
  const entry = table?.get(code.replace(/^0+(?=\d)/, ''));
  if (table && !entry) return row.reject(column, code, 'not in the BACI country table');
  if (entry?.alpha2) return entry.alpha2;
  const territory = territoryOfNumeric(code);
  if (!territory) return row.reject(column, code, 'not a UN M49 code of a territory');
  if (isStatisticalTerritory(territory)) met(statisticalTerritory(territory, entry?.name));
  return territory;
}

/**
 * Reads BACI's `country_codes_V202X.csv`. Releases name the ISO columns differently
 * (country_iso2/country_iso3, or iso_2digit_alpha/iso_3digit_alpha); either is accepted. A line with
 * more or fewer fields than the header would shift codes and names between columns: the table is
 * refused, naming every such line.
 */
export async function readBaciCountries(file: string): Promise<Map<string, BaciCountry>> {
  if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new AccordError('NOT_FOUND', `no such file: ${file}`);
  }
  const table = new Map<string, BaciCountry>();
  let columns: { code: number; name?: number; iso2?: number; iso3?: number } | undefined;
  let width = 0;
  const broken: RowProblem[] = [];
  for await (const records of csvRecords(fs.createReadStream(file))) {
    for (const record of records) {
      if (!columns) {
        const index = headerIndex(record.fields);
        const pick = (...names: string[]) => names.map((n) => index.get(n)).find((i) => i !== undefined);
        const code = pick('country_code');
        const iso2 = pick('country_iso2', 'iso_2digit_alpha');
        const iso3 = pick('country_iso3', 'iso_3digit_alpha');
        if (code === undefined || (iso2 === undefined && iso3 === undefined)) {
          const missing = [
            ...(code === undefined ? ['country_code'] : []),
            ...(iso2 === undefined && iso3 === undefined ? ['country_iso2 or country_iso3'] : []),
          ];
          throw new AccordError(
            'VALIDATION_FAILED',
            `${file} is not a BACI country table: it lacks ${missing.join(', ')}`,
            { problems: missing.map((m) => ({ path: 'countries', message: `column ${m} is missing` })) },
          );
        }
        columns = { code, iso2, iso3, name: pick('country_name', 'country_name_full', 'country_name_abbreviation') };
        width = record.fields.length;
        continue;
      }
      if (record.fields.length !== width) {
        broken.push(columnCountProblem(record.line, width, record.fields.length));
        continue;
      }
      const cell = (at: number | undefined) => (at === undefined ? '' : (record.fields[at] ?? '').trim());
      const code = cell(columns.code).replace(/^0+(?=\d)/, '');
      if (code === '') continue;
      const iso2 = cell(columns.iso2).toUpperCase();
      // BACI-like tables built from regional statistics may map a code to an ISO 3166-2 region (RU-KRS).
      const region = /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(iso2);
      const alpha2 = isCountryAlpha2(iso2) || region ? iso2 : (countryOfAlpha3(cell(columns.iso3)) ?? null);
      table.set(code, { alpha2, name: cell(columns.name) || null });
    }
  }
  if (broken.length > 0) {
    const lines = broken.map((p) => p.line);
    const listed =
      lines.length > 10 ? `${lines.slice(0, 10).join(', ')} and ${lines.length - 10} more` : lines.join(', ');
    throw new AccordError(
      'VALIDATION_FAILED',
      `${file} is not a whole BACI country table: ${broken.length === 1 ? `line ${listed} does` : `lines ${listed} do`} not have the header's ${width} fields`,
      { problems: broken.map((p) => ({ path: 'countries', line: p.line, message: p.reason })) },
    );
  }
  return table;
}
