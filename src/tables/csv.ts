import { minorPerMajor, type Cell, type ColumnType, type FigureTable } from './model.ts';

// Excel reads a file without a byte order mark in the machine's code page, which garbles Cyrillic.
const byteOrderMark = '\uFEFF';

/**
 * The table as CSV (RFC 4180: comma separated, CRLF line ends, quotes doubled): the title and what the
 * figures are in the first lines, an empty line, then the column headers and the rows. Figures are plain
 * numbers with a point for decimals, money in major units written exactly from the minor units.
 */
export function tableToCsv(table: FigureTable): Buffer {
  const lines: string[][] = [[text(table.title)], ...table.about.map((a) => [text(a.label), text(a.value)]), []];
  lines.push(table.columns.map((c) => text(c.header)));
  for (const row of [...table.rows, ...(table.footer ? [table.footer] : [])]) {
    lines.push(table.columns.map((column, i) => cell(row[i] ?? null, column.type)));
  }
  return Buffer.from(byteOrderMark + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n', 'utf8');
}

function cell(value: Cell, type: ColumnType): string {
  if (value === null) return '';
  if (typeof value === 'string') return text(value);
  if (type === 'money') return majorUnits(value);
  // Shares and growth are computed from exact sums; two decimals are more than any reader compares.
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}

/** Integer minor units as an exact decimal of major units: -1234567 → "-12345.67". */
export function majorUnits(minor: number): string {
  const digits = String(minorPerMajor).length - 1;
  const abs = Math.abs(minor);
  const whole = Math.trunc(abs / minorPerMajor);
  const fraction = String(abs % minorPerMajor).padStart(digits, '0');
  return `${minor < 0 ? '-' : ''}${whole}.${fraction}`;
}

// A spreadsheet runs a cell that starts with one of these as a formula; a leading apostrophe keeps it text.
const formulaStart = /^[=+\-@\t\r]/;

function text(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
