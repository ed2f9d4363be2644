import type ExcelJS from 'exceljs';
import { minorPerMajor, type Cell, type Column, type FigureTable } from './model.ts';

function formatOf(column: Column): string | undefined {
  switch (column.type) {
    case 'money':
      return '#,##0.00';
    case 'number':
      return column.decimals ? `#,##0.${'0'.repeat(column.decimals)}` : '#,##0';
    case 'percent':
      return '0.0%';
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
      return undefined;
  }
}

/**
 * The table as an Excel workbook of one sheet: the title and what the figures are on top, then the table.
 * Every figure is a number cell with a number format (money in major units, percentages as fractions shown
 * with %), every day a date cell, so the sheet can be summed and charted as it is.
 */
export async function tableToXlsx(table: FigureTable, created: Date = new Date()): Promise<Buffer> {
  // Loaded with the first workbook asked for, not by every process that could write one.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Accord';
  workbook.created = created;
  workbook.title = table.title;
  const sheet = workbook.addWorksheet(sheetName(table.title));

  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  for (const about of table.about) {
    const row = sheet.addRow([about.label, about.value]);
    row.getCell(1).font = { bold: true };
  }
  sheet.addRow([]);
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.eachCell((c, i) => {
    c.alignment = {
      wrapText: true,
      vertical: 'top',
      horizontal: table.columns[i - 1]?.type === 'text' ? 'left' : 'right',
    };
    c.border = { bottom: { style: 'thin' } };
  });
  sheet.views = [{ state: 'frozen', ySplit: header.number }];

  const addRow = (cells: Cell[]) => {
    const row = sheet.addRow(table.columns.map((column, i) => value(cells[i] ?? null, column)));
    table.columns.forEach((column, i) => {
      const format = formatOf(column);
      if (format) row.getCell(i + 1).numFmt = format;
    });
    return row;
  };
  for (const cells of table.rows) addRow(cells);
  if (table.footer) {
    const footer = addRow(table.footer);
    footer.font = { bold: true };
    footer.eachCell((c) => (c.border = { top: { style: 'thin' } }));
  }

  table.columns.forEach((column, i) => {
    const longest = Math.max(
      column.header.length,
      ...table.rows.map((r) => (column.type === 'text' ? String(r[i] ?? '').length : 14)),
    );
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(column.type === 'text' ? 12 : 14, longest + 2));
  });

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function value(cell: Cell, column: Column): ExcelJS.CellValue {
  if (cell === null) return null;
  if (typeof cell === 'string') {
    if (column.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
    return cell;
  }
  // Dividing an integer by 100 gives the double nearest the exact decimal, the value Excel itself would store.
  if (column.type === 'money') return cell / minorPerMajor;
  if (column.type === 'percent') return cell / 100;
  return cell;
}

/** Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ]. */
function sheetName(title: string): string {
  return (
    title
      .replace(/[:\\/?*[\]]/g, ' ')
      .slice(0, 31)
      .trim() || 'Table'
  );
}
