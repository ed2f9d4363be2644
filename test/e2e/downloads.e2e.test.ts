import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.ts';
import { textOf } from './support/pages.ts';

/** Clicks a table's Download menu and one of its formats (the nth, in a menu of two tables). */
async function download(
  page: Page,
  table: string,
  format: RegExp,
  nth = 0,
): Promise<{ file: Download; bytes: Buffer }> {
  await page.getByRole('button', { name: table }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: format }).nth(nth).click();
  const file = await saved;
  const path = await file.path();
  return { file, bytes: fs.readFileSync(path) };
}

describeInBrowser('downloading and printing the tables of a partner', (ctx) => {
  it('downloads the Kursk structure for January–September 2017 as the workbook of the figures on screen', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS?period=2017-01..2017-09');
    await expect.poll(() => textOf(page, 'structure-table')).toContain('Rubber and articles thereof');
    const onScreen = (await page.getByTestId('structure-table').locator('tfoot td').first().innerText()).trim();

    const { file, bytes } = await download(page, 'Download Commodity structure', /Excel/);
    expect(file.suggestedFilename()).toBe('accord_structure_BY_RU-KRS_2017-01_2017-09_chapter_exports.xlsx');
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as the older, ArrayBuffer-only Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const about = new Map<unknown, unknown>();
    sheet.eachRow((row) => about.set(row.getCell(1).value, row.getCell(2).value));
    expect(about.get('Period')).toBe('January–September 2017 (2017-01..2017-09)');
    expect(String(about.get('Currency and unit'))).toContain('USD');
    expect(String(about.get('Source'))).toContain('Illustrative');

    let total: ExcelJS.Cell | undefined;
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'Total') total = row.getCell(3);
    });
    expect(total?.type).toBe(ExcelJS.ValueType.Number);
    // The screen rounds to a tenth of a million: "USD 54.1 million".
    const millions = Number(/USD ([\d.]+) million/.exec(onScreen)?.[1]);
    expect(Math.round((total!.value as number) / 1e5) / 10).toBe(millions);
  });

  it('downloads the statements of Kursk Oblast as CSV in Russian, with due dates and status', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto('/partners/RU-KRS?tab=cooperation');
    await page.getByRole('heading', { name: 'Заявления и обязательства' }).waitFor();
    const { file, bytes } = await download(page, 'Скачать: Заявления и обязательства', /CSV/);
    expect(file.suggestedFilename()).toMatch(/^accord_statements_RU-KRS_\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('Заявления и обязательства: Курская область');
    expect(text).toContain('Срок,Статус,Просрочено');
    expect(text).toMatch(/,2018-12-31,(Открыто|Выполняется|Выполнено|Снято),(да|нет)\r\n/);
  });

  it('downloads the partners overview and the ranking of every trade partner from the partners page', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/?period=2017-01..2017-09');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const overview = await download(page, 'Download Partners', /Excel/);
    expect(overview.file.suggestedFilename()).toMatch(/^accord_partners_2017-01_2017-09_\d{4}-\d{2}-\d{2}\.xlsx$/);

    const ranking = await download(page, 'Download Partners', /CSV/, 1);
    expect(ranking.file.suggestedFilename()).toBe('accord_ranking_BY_2017-01_2017-09_turnover.csv');
    const lines = ranking.bytes.toString('utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFFPartners of Belarus ranked by turnover');
    expect(lines.some((line) => /^1,RU-KRS,Kursk Oblast,no,[\d.]+,/.test(line))).toBe(true);
  });

  it('prints the Kursk trade page without the app shell, with its charts, on more than one page', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS?period=2017-01..2017-09');
    await page.getByTestId('structure-treemap').locator('canvas').waitFor();
    await page.getByTestId('series-chart').locator('canvas').waitFor();
    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    const menus = page.getByTestId('download-menu');
    await menus.first().waitFor();
    expect(await navigation.isVisible()).toBe(true);
    expect(await menus.count()).toBe(2);

    await page.emulateMedia({ media: 'print' });
    expect(await navigation.isVisible()).toBe(false);
    expect(await page.locator('.mantine-AppShell-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Show' }).isVisible()).toBe(false);
    for (const menu of await menus.all()) expect(await menu.isVisible()).toBe(false);
    // A4 less Chromium's default margins is about 720 CSS pixels wide: charts and tables fit inside.
    await page.setViewportSize({ width: 720, height: 1000 });
    for (const id of ['structure-treemap', 'series-chart', 'structure-table', 'official-figures']) {
      const box = await page.getByTestId(id).boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.width, id).toBeGreaterThan(300);
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(720);
      expect(box!.height, id).toBeGreaterThan(100);
    }

    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });
});
