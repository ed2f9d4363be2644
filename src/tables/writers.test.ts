import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { majorUnits, tableToCsv } from './csv.ts';
import type { FigureTable } from './model.ts';
import { tableToXlsx } from './xlsx.ts';

function buildTable(overrides: Partial<FigureTable> = {}): FigureTable {
  return {
    title: 'Товарная структура: экспорт',
    about: [
      { label: 'Период', value: 'январь–сентябрь 2017' },
      { label: 'Валюта', value: 'USD' },
    ],
    columns: [
      { header: 'Код', type: 'text' },
      { header: 'Товар', type: 'text' },
      { header: 'Стоимость', type: 'money' },
      { header: 'Доля, %', type: 'percent' },
      { header: 'Строк', type: 'number' },
      { header: 'Вклад, п. п.', type: 'number', decimals: 1 },
      { header: 'Срок', type: 'date' },
    ],
    rows: [
      ['40', 'Каучук, резина и изделия из них', 1_234_567, 12.5, 3, 2.345678, '2018-03-31'],
      ['31', '=HYPERLINK("http://x")', -5, null, 0, -0.04, null],
    ],
    footer: ['', 'Всего', 96_300_000_01, 100, 3, 40.5, null],
    ...overrides,
  };
}

describe('the CSV writer', () => {
  it('starts with a byte order mark so Excel reads Cyrillic as written', () => {
    const bytes = tableToCsv(buildTable());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Каучук, резина');
  });

  it('writes the title and what the figures are, then the headers and the rows with exact money', () => {
    const lines = tableToCsv(buildTable()).toString('utf8').slice(1).split('\r\n');
    expect(lines.slice(0, 5)).toEqual([
      'Товарная структура: экспорт',
      'Период,январь–сентябрь 2017',
      'Валюта,USD',
      '',
      'Код,Товар,Стоимость,"Доля, %",Строк,"Вклад, п. п.",Срок',
    ]);
    expect(lines[5]).toBe('40,"Каучук, резина и изделия из них",12345.67,12.5,3,2.35,2018-03-31');
    expect(lines[7]).toBe(',Всего,96300000.01,100,3,40.5,');
    expect(lines.at(-1)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks, doubling the quotes', () => {
    const table = buildTable({ rows: [['1', 'He said "yes",\nthen left', 0, 0, 0, 0, null]], footer: undefined });
    const text = tableToCsv(table).toString('utf8');
    expect(text).toContain('1,"He said ""yes"",\nthen left",0.00,0,0,0,\r\n');
  });

  it('keeps a text cell that starts like a formula as text, but not a negative figure', () => {
    const text = tableToCsv(buildTable()).toString('utf8');
    expect(text).toContain(`31,"'=HYPERLINK(""http://x"")",-0.05,,0,-0.04,`);
    for (const start of ['+', '-', '@', '=']) {
      const one = buildTable({ title: `${start}cmd`, about: [{ label: 'x', value: `${start}1` }], rows: [] });
      const lines = tableToCsv(one).toString('utf8').slice(1).split('\r\n');
      expect(lines[0]).toBe(`'${start}cmd`);
      expect(lines[1]).toBe(`x,'${start}1`);
    }
  });

  it('writes minor units as major units exactly, whatever their size or sign', () => {
    expect(majorUnits(0)).toBe('0.00');
    expect(majorUnits(7)).toBe('0.07');
    expect(majorUnits(-1234567)).toBe('-12345.67');
    expect(majorUnits(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });
});

describe('the XLSX writer', () => {
  async function readBack(table: FigureTable) {
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the older, ArrayBuffer-only Buffer.
    await workbook.xlsx.load((await tableToXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no sheet');
    return sheet;
  }

  it('writes the title and what the figures are above the table', async () => {
    const sheet = await readBack(buildTable());
    expect(sheet.getCell('A1').value).toBe('Товарная структура: экспорт');
    expect(sheet.getCell('A2').value).toBe('Период');
    expect(sheet.getCell('B2').value).toBe('январь–сентябрь 2017');
    expect(sheet.getCell('B3').value).toBe('USD');
    expect(sheet.getRow(5).values).toEqual([
      undefined,
      'Код',
      'Товар',
      'Стоимость',
      'Доля, %',
      'Строк',
      'Вклад, п. п.',
      'Срок',
    ]);
  });

  it('writes figures as number cells with a number format, money in major units, days as dates', async () => {
    const sheet = await readBack(buildTable());
    const row = sheet.getRow(6);
    expect(row.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(3).value).toBe(12345.67);
    expect(row.getCell(3).numFmt).toBe('#,##0.00');
    expect(row.getCell(4).value).toBe(0.125);
    expect(row.getCell(4).numFmt).toBe('0.0%');
    expect(row.getCell(5).value).toBe(3);
    expect(row.getCell(5).numFmt).toBe('#,##0');
    expect(row.getCell(6).value).toBe(2.345678);
    expect(row.getCell(6).numFmt).toBe('#,##0.0');
    expect(row.getCell(7).type).toBe(ExcelJS.ValueType.Date);
    expect((row.getCell(7).value as Date).toISOString()).toBe('2018-03-31T00:00:00.000Z');
    expect(sheet.getRow(7).getCell(3).value).toBe(-0.05);
    expect(sheet.getRow(7).getCell(4).value).toBe(null);
    expect(sheet.getRow(8).getCell(3).value).toBe(96300000.01);
  });

  it('keeps a text cell that starts like a formula as text, never a formula', async () => {
    const cell = (await readBack(buildTable())).getRow(7).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x")');
  });

  it('names the sheet from the title within what Excel accepts', async () => {
    const sheet = await readBack(buildTable({ title: 'Partners: ranking by turnover [all] / every year of data' }));
    expect(sheet.name).toBe('Partners  ranking by turnover');
    expect(sheet.name.length).toBeLessThanOrEqual(31);
  });
});
