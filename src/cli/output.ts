import { AccordError } from '../core/errors.ts';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: 'left' | 'right';
}

/** A plain-text table sized to its content; long cells are cut so a row stays on one line. */
export function formatTable<T>(rows: T[], columns: Column<T>[], maxCell = 60): string {
  const cells = rows.map((row) =>
    columns.map((c) => {
      const v = c.value(row);
      const text = v === null || v === undefined ? '' : String(v);
      return text.length > maxCell ? `${text.slice(0, maxCell - 1)}…` : text;
    }),
  );
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (columns[i]!.align === 'right' ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

export interface OutputOptions {
  json?: boolean;
}

/** Prints rows as a table for people, or as JSON for scripts with --json. */
export function printRows<T>(rows: T[], columns: Column<T>[], options: OutputOptions, footer?: string): void {
  if (options.json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  process.stdout.write(`${formatTable(rows, columns)}\n`);
  if (footer) process.stdout.write(`${footer}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** The CLI's face of an error: the same message and field list the API gives, and a non-zero exit. */
export function reportError(error: unknown): number {
  if (error instanceof AccordError) {
    process.stderr.write(`error: ${error.message}\n`);
    if (error.problems.length > 1) {
      for (const p of error.problems) {
        const where = p.line !== undefined ? `line ${p.line}${p.column ? `, column ${p.column}` : ''}: ` : '';
        process.stderr.write(`  - ${where}${p.path}: ${p.message}\n`);
      }
    }
    return error.code === 'INTERNAL' ? 70 : 1;
  }
  process.stderr.write(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return 70;
}

export function formatMoney(minor: number | null, currency: string | null): string {
  if (minor === null || currency === null) return '';
  return `${(minor / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })} ${currency}`;
}
