import type { Readable } from 'node:stream';
import { AccordError } from '../../core/errors.ts';
import type { CsvRecord } from './csv.ts';
import { rowsPerBatch } from './common.ts';

/**
 * The largest UN Comtrade JSON read. The document is parsed whole, which takes some four times its size in
 * memory (a 195 MB answer of 216,000 records peaked at 830 MB); bulk data comes as CSV, which is streamed
 * and read at any size.
 */
export const maxComtradeJsonBytes = 200 * 1024 * 1024;

/**
 * The records of a UN Comtrade API response (`{"data": [{...}, ...]}`, or the list alone) as CSV-like
 * records: first the field names of the first record as a header, then each record's values in that
 * order, numbered from 1 in the order of `data`, so the CSV reader's checks read them unchanged.
 */
export async function* comtradeJsonRecords(input: Readable): AsyncGenerator<CsvRecord[]> {
  const data = recordsOf(parseDocument(await readCapped(input)));
  const first = data[0];
  if (first === undefined) {
    throw new AccordError('VALIDATION_FAILED', 'the UN Comtrade response holds no records: its "data" list is empty', {
      problems: [{ path: 'data', message: 'no records' }],
    });
  }
  const header = Object.keys(objectAt(first, 0));
  let batch: CsvRecord[] = [{ line: 0, fields: header }];
  for (let i = 0; i < data.length; i += 1) {
    const record = objectAt(data[i], i);
    batch.push({ line: i + 1, fields: header.map((name) => cellText(record[name])) });
    if (batch.length >= rowsPerBatch) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** How a rejected row of a JSON file is found: by its place in `data`, as a JSON tool numbers it. */
export function recordReason(record: number, reason: string): string {
  return `record ${record} (data[${record - 1}]): ${reason}`;
}

async function readCapped(input: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += bytes.length;
    if (size > maxComtradeJsonBytes) {
      input.destroy();
      throw new AccordError(
        'PAYLOAD_TOO_LARGE',
        `the UN Comtrade JSON is larger than ${maxComtradeJsonBytes / 1024 / 1024} MB, the most read as JSON: ` +
          'ask the API for fewer periods or reporters at a time, or download the data as CSV, which is read at any size',
      );
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

function parseDocument(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AccordError(
      'VALIDATION_FAILED',
      `the file starts as JSON but is not valid JSON: ${(error as Error).message}`,
      {
        problems: [{ path: 'file', message: (error as Error).message }],
      },
    );
  }
}

function recordsOf(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (isObject(document) && Array.isArray(document.data)) return document.data;
  // The API answers a refused or failed query with a message instead of data.
  const said = isObject(document)
    ? [document.error, document.message].find((m) => typeof m === 'string' && m !== '')
    : undefined;
  const keys = isObject(document) ? Object.keys(document).join(', ') || 'none' : 'none';
  throw new AccordError(
    'VALIDATION_FAILED',
    said !== undefined
      ? `the file is a UN Comtrade API answer without data: ${String(said)}`
      : `the JSON has no "data" list of records, as a UN Comtrade API response has ({"data": [{"period": "2017", ...}]}); its keys: ${keys}`,
    { problems: [{ path: 'data', message: 'missing' }] },
  );
}

function objectAt(value: unknown, index: number): Record<string, unknown> {
  if (isObject(value)) return value;
  throw new AccordError(
    'VALIDATION_FAILED',
    recordReason(index + 1, `not an object of fields such as {"period": "2017", "flowCode": "X", ...}`),
    { problems: [{ path: `data.${index}`, message: 'not an object' }] },
  );
}

/** A value as the CSV download writes it, so both read alike. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
