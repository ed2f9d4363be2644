import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import { buildApp } from '../../src/http/app.ts';
import { describeOnEngines } from '../support/engines.ts';

interface Sheet {
  /** The rows as values, blank cells as null. */
  rows: unknown[][];
  cell: (row: number, column: number) => ExcelJS.Cell;
  /** The value beside a header row's label. */
  about: (label: string) => unknown;
}

async function readXlsx(body: Buffer): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as the older, ArrayBuffer-only Buffer.
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value ?? null);
  });
  return {
    rows,
    cell: (row, column) => sheet.getRow(row).getCell(column),
    about: (label) => rows.find((r) => r[0] === label)?.[1],
  };
}

/** CSV fields of a simple file (no quoted line breaks), after the byte order mark. */
function csvRows(text: string): string[][] {
  return text
    .slice(1)
    .split('\r\n')
    .map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)].map((m) => m[1]!.replace(/^"|"$/g, '')))
    .map((fields) => fields.slice(0, -1));
}

describeOnEngines('downloading tables of figures', (ctx) => {
  let app: FastifyInstance;
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const response = await app.inject({ method: 'GET', url, headers });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 500)}`).toBe(200);
    return response;
  };
  const kursk = 'home=BY&partner=RU-KRS&period=2017-01..2017-09';

  beforeAll(async () => {
    await loadDemo(ctx.database);
    app = await buildApp({ db: ctx.db, webRoot: false });
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('gives the Kursk structure for January–September 2017 as XLSX with the turnover shown on screen', async () => {
    const query = `${kursk}&level=chapter&direction=turnover&top=15`;
    const screen = (await get(`/api/trade/structure?${query}`)).json();
    const summary = (await get(`/api/trade/summary?${kursk}`)).json();
    const response = await get(`/api/trade/structure.xlsx?${query}&lang=en`);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="accord_structure_BY_RU-KRS_2017-01_2017-09_chapter_turnover.xlsx"',
    );

    const sheet = await readXlsx(response.rawPayload);
    expect(sheet.rows[0]![0]).toBe('Turnover by HS chapter: Belarus — Kursk Oblast');
    expect(sheet.about('Period')).toBe('January–September 2017 (2017-01..2017-09)');
    expect(sheet.about('Compared with')).toBe('January–September 2016 (2016-01..2016-09)');
    expect(sheet.about('Currency and unit')).toContain('USD');
    expect(sheet.about('Source')).toContain(screen.dataset.name);
    expect(sheet.about('Source')).toContain('illustrative');

    const totalRow = sheet.rows.findIndex((r) => r[1] === 'Total') + 1;
    const total = sheet.cell(totalRow, 3);
    expect(total.type).toBe(ExcelJS.ValueType.Number);
    expect(total.value).toBe(screen.total.current / 100);
    expect(total.value).toBe(summary.current.turnoverCents / 100);
    expect(Math.round((total.value as number) / 1e5) / 10).toBe(96.3);

    const lines = sheet.rows.slice(sheet.rows.findIndex((r) => r[0] === 'HS code') + 1, totalRow - 1);
    expect(lines).toHaveLength(screen.lines.length + (screen.other ? 1 : 0));
    expect(lines[0]).toEqual([
      screen.lines[0].code,
      screen.lines[0].titleEn,
      screen.lines[0].current.turnoverCents / 100,
      screen.lines[0].previous.turnoverCents / 100,
      screen.lines[0].sharePercent / 100,
      screen.lines[0].growthPercent === null ? null : screen.lines[0].growthPercent / 100,
      screen.lines[0].contributionPp,
    ]);
  });

  it('writes the headers in Russian when asked by lang or by Accept-Language', async () => {
    for (const [url, headers] of [
      [`/api/trade/structure.csv?${kursk}&lang=ru`, {}],
      [`/api/trade/structure.csv?${kursk}`, { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' }],
    ] as const) {
      const rows = csvRows((await get(url, headers)).body);
      expect(rows[0]![0]).toBe('Товарооборот, группы ТН ВЭД: Беларусь — Курская область');
      expect(rows[1]).toEqual(['Период', 'Январь–сентябрь 2017 (2017-01..2017-09)']);
      expect(rows.some((r) => r[0] === 'Код ТН ВЭД' && r[1] === 'Товар')).toBe(true);
    }
    const english = csvRows(
      (await get(`/api/trade/structure.csv?${kursk}`, { 'accept-language': 'de, en;q=0.5' })).body,
    );
    expect(english[1]![0]).toBe('Period');
  });

  it('lists every Kursk commitment in CSV with its due date and status', async () => {
    const commitments = (await get('/api/commitments?partner=RU-KRS&asOf=2019-01-01&limit=200')).json().items as Array<{
      textEn: string;
      dueOn: string | null;
      status: string;
      overdue: boolean;
    }>;
    expect(commitments.length).toBeGreaterThan(0);
    const response = await get('/api/commitments.csv?partner=RU-KRS&asOf=2019-01-01&lang=en');
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="accord_commitments_RU-KRS_2019-01-01.csv"',
    );
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = csvRows(response.body);
    expect(rows[0]).toEqual(['Commitments: Kursk Oblast']);
    expect(rows).toContainEqual(['As of', '2019-01-01']);
    const header = rows.findIndex((r) => r.includes('Due date'));
    const [due, status, overdue, text] = ['Due date', 'Status', 'Overdue', 'What was said'].map((h) =>
      rows[header]!.indexOf(h),
    );
    const body = rows.slice(header + 1).filter((r) => r.length > 1);
    expect(body).toHaveLength(commitments.length);
    const statusWords: Record<string, string> = {
      open: 'Open',
      in_progress: 'In progress',
      fulfilled: 'Fulfilled',
      dropped: 'Dropped',
    };
    for (const c of commitments) {
      const row = body.find((r) => r[text!] === c.textEn.replaceAll('"', '""'));
      expect(row, c.textEn).toBeDefined();
      expect(row![due!]).toBe(c.dueOn ?? '');
      expect(row![status!]).toBe(statusWords[c.status]);
      expect(row![overdue!]).toBe(c.overdue ? 'yes' : 'no');
    }
    expect(commitments.some((c) => c.overdue)).toBe(true);
  });

  it('gives the series, the ranking, the overview and the projects with figures as numbers', async () => {
    const series = (await get(`/api/trade/series?${kursk}&granularity=quarter`)).json();
    const seriesSheet = await readXlsx((await get(`/api/trade/series.xlsx?${kursk}&granularity=quarter`)).rawPayload);
    const q3 = seriesSheet.rows.find((r) => r[0] === '2017-Q3')!;
    const point = series.points.find((p: { label: string }) => p.label === '2017-Q3');
    expect(q3.slice(1, 4)).toEqual([
      point.totals.exportsCents / 100,
      point.totals.importsCents / 100,
      point.totals.turnoverCents / 100,
    ]);

    const ranking = (await get('/api/trade/ranking?home=BY&period=2017-01..2017-09')).json();
    const rankingSheet = await readXlsx(
      (await get('/api/trade/ranking.xlsx?home=BY&period=2017-01..2017-09')).rawPayload,
    );
    const first = rankingSheet.rows.find((r) => r[0] === 1)!;
    expect(first[1]).toBe(ranking.lines[0].partner);
    expect(first[6]).toBe(ranking.lines[0].current.turnoverCents / 100);

    const overview = (await get('/api/partners/overview?period=2017-01..2017-09&asOf=2017-12-31')).json();
    const overviewSheet = await readXlsx(
      (await get('/api/partners/overview.xlsx?period=2017-01..2017-09&asOf=2017-12-31')).rawPayload,
    );
    expect(overviewSheet.about('As of')).toBe('2017-12-31');
    const krs = overviewSheet.rows.find((r) => r[0] === 'RU-KRS')!;
    const krsScreen = overview.partners.find((p: { partner: { code: string } }) => p.partner.code === 'RU-KRS');
    expect(krs[1]).toBe('Kursk Oblast');
    expect(krs[2]).toBe(krsScreen.agreementsInForce);
    expect(krs[8]).toBe(krsScreen.trade.turnoverCents / 100);

    const projects = (await get('/api/projects?partner=RU-KRS&limit=200')).json().items as Array<{
      titleEn: string;
      valueMinor: number | null;
    }>;
    const projectsSheet = await readXlsx((await get('/api/projects.xlsx?partner=RU-KRS')).rawPayload);
    for (const p of projects) {
      const row = projectsSheet.rows.find((r) => r[0] === p.titleEn);
      expect(row, p.titleEn).toBeDefined();
      expect(row![4]).toBe(p.valueMinor === null ? null : p.valueMinor / 100);
    }
  });

  it('refuses an unknown format or a bad period with problem+json, as the table itself does', async () => {
    const pdf = await app.inject({ method: 'GET', url: `/api/trade/structure.pdf?${kursk}` });
    expect(pdf.statusCode).toBe(422);
    expect(pdf.headers['content-type']).toContain('application/problem+json');
    const period = await app.inject({
      method: 'GET',
      url: '/api/trade/series.csv?home=BY&partner=RU-KRS&period=2017-13',
    });
    expect(period.statusCode).toBe(422);
    expect(period.json().errors?.[0]?.path ?? period.body).toContain('period');
  });

  it('documents the downloads in the OpenAPI document', async () => {
    const paths = Object.keys((await get('/api/openapi.json')).json().paths);
    for (const path of [
      '/api/trade/structure.{format}',
      '/api/trade/series.{format}',
      '/api/trade/ranking.{format}',
      '/api/partners/overview.{format}',
      '/api/commitments.{format}',
      '/api/statements.{format}',
      '/api/projects.{format}',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
