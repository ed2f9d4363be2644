import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/trade', name);

/** Picks an option of the select labelled `label`; a required field's name ends with its asterisk. */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const name = new RegExp(`^${label.replace(/[()]/g, '\\$&')}( \\*)?$`);
  await page.getByRole('combobox', { name }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describeInBrowser('trade data', (ctx) => {
  it('names each missing field next to it when the form is sent empty', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/trade-data');
    await page.getByRole('heading', { level: 1, name: 'Trade data' }).waitFor();
    // The demo's illustrative dataset is listed and says it is illustrative.
    const datasets = page.getByRole('table', { name: /Trade datasets/ });
    await datasets.getByText('Illustrative data').first().waitFor();

    await page.getByRole('textbox', { name: 'Dataset name' }).fill('');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    for (const message of ['Choose the file to import', 'Choose the format of the file', 'Give the dataset a name']) {
      await page.getByText(message).waitFor();
    }
    // Each message is tied to its field for screen readers.
    const fileField = page.getByRole('button', { name: /^File/ });
    expect(await fileField.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await fileField.getAttribute('aria-describedby')) ?? '';
    const descriptions = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? null),
      describedBy.split(' '),
    );
    expect(descriptions).toContain('Choose the file to import');
    await saveScreenshot(page, 'trade-data-errors');
    await expectAccessible(page, 'the trade data page with form errors');
  });

  it('imports a Comtrade file with a progress bar and lists the new dataset with the file hash', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/trade-data');
    await page.locator('input[type="file"]').first().setInputFiles(fixture('comtrade-belarus.csv'));
    await page.getByRole('radio', { name: 'UN Comtrade CSV' }).check();
    await page.getByRole('textbox', { name: 'Dataset name' }).fill('Comtrade Belarus 2017 (browser test)');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor();
    await page.getByText('The file was imported').waitFor();
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-valuenow')).toBe('100');
    await page.getByText(/^\d+ rows imported/).waitFor();
    // No HS 2017 nomenclature is loaded in this database: the report says what could not be checked.
    await page.getByText('Notes on the file').waitFor();
    await page.getByText(/rows of HS 2017 \(H5\) were checked only to the chapter/).waitFor();

    const row = page.getByRole('row', { name: /Comtrade Belarus 2017 \(browser test\)/ });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(0).textContent()).toBe('UN Comtrade');
    await page.getByRole('link', { name: 'See “Comtrade Belarus 2017 (browser test)” in the list' }).click();
    const importsButton = page.getByRole('button', { name: 'Imports of Comtrade Belarus 2017 (browser test)' });
    await importsButton.click();
    expect(await importsButton.getAttribute('aria-expanded')).toBe('true');
    const hash = crypto
      .createHash('sha256')
      .update(fs.readFileSync(fixture('comtrade-belarus.csv')))
      .digest('hex');
    await page.getByText(hash).waitFor();
    await saveScreenshot(page, 'trade-data-imported');
    await expectAccessible(page, 'the trade data page after an import');

    await importsButton.click();
    await page.getByText(hash).waitFor({ state: 'detached' });

    // Deleting asks first; cancelling keeps the dataset, confirming removes it.
    await page.getByRole('button', { name: 'Delete Comtrade Belarus 2017 (browser test)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete “Comtrade Belarus 2017 (browser test)”?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor();
    await page.getByRole('button', { name: 'Delete Comtrade Belarus 2017 (browser test)' }).click();
    await dialog.getByRole('button', { name: 'Delete the dataset' }).click();
    await row.waitFor({ state: 'detached' });
  });

  it('imports a customs table with a YAML mapping read from a file, in Russian', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto('/trade-data');
    await page.locator('input[type="file"]').first().setInputFiles(fixture('kursk-customs.csv'));
    await page.getByRole('radio', { name: 'Другой CSV или XLSX с описанием столбцов' }).check();
    await page.getByRole('textbox', { name: 'Название набора данных' }).fill('Курская таможня (тест)');
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByText('Для файла этого формата нужно описание столбцов').waitFor();
    // Nothing says what kind of data a table of one's own is: the form asks rather than assume.
    await page.getByText('Выберите вид данных', { exact: false }).waitFor();
    await page.getByRole('combobox', { name: /^Вид данных/ }).click();
    await page.getByRole('option', { name: 'Официальные таможенные данные', exact: true }).click();

    await page.locator('input[type="file"]').nth(1).setInputFiles(fixture('kursk-mapping.yaml'));
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Описание столбцов (YAML или JSON)' }).inputValue())
      .toContain('reporter: RU-KRS');
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByText('Файл импортирован').waitFor();
    const row = page.getByRole('row', { name: /Курская таможня \(тест\)/ });
    await row.waitFor();
    expect(await row.getByRole('cell').allTextContents()).toContain('загруженный файл');
    await saveScreenshot(page, 'trade-data-mapped-ru');
    await expectAccessible(page, 'a mapped import in Russian');
  });

  it('writes a mapping from columns picked in the file header, refusing to write one with columns missing', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/trade-data');
    await page.locator('input[type="file"]').first().setInputFiles(fixture('kursk-customs.csv'));
    await page.getByRole('radio', { name: 'Other CSV or XLSX with a column mapping' }).check();
    await page.getByRole('textbox', { name: 'Dataset name' }).fill('Kursk customs (picked columns)');
    await page.getByRole('button', { name: 'Choose the columns from the file' }).click();
    // Line 1 is the table's title, a single cell; the headers are on line 3.
    await page.getByRole('textbox', { name: 'Header line' }).fill('3');
    await page.getByText('6 columns found.', { exact: false }).waitFor();

    await page.getByRole('button', { name: 'Write the mapping' }).click();
    await expect.poll(() => page.getByText('Choose the column', { exact: true }).count()).toBe(4);
    await page.getByText("Give the reporter's code or choose its column").waitFor();
    await saveScreenshot(page, 'trade-data-columns');
    await expectAccessible(page, 'the column picker with its messages');

    const pick = (label: string, option: string) => choose(page, label, option);
    await pick('Period', 'Период');
    await pick('Partner country or region', 'Страна');
    await pick('HS code', 'Код ТН ВЭД');
    await pick('Value', 'Стоимость, тыс. долл. США');
    await pick('Flow: export or import (if a column)', 'Направление');
    await pick('Values are in', 'thousands of US dollars');
    await page.getByRole('textbox', { name: 'Reporter code' }).fill('ru-krs');
    await page.getByRole('button', { name: 'Write the mapping' }).click();

    const mapping = page.getByRole('textbox', { name: 'Column mapping (YAML or JSON)' });
    await expect
      .poll(async () => JSON.parse((await mapping.inputValue()) || '{}'))
      .toMatchObject({
        headerRow: 3,
        columns: { period: 'Период', partner: 'Страна', value: 'Стоимость, тыс. долл. США' },
        constants: { reporter: 'RU-KRS' },
        valueScale: 1000,
      });
    await pick('HS revision', 'H5 — HS 2017');
    await pick('Kind of data', 'Official customs data');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('The file was imported').waitFor();
    await page.getByRole('row', { name: /Kursk customs \(picked columns\)/ }).waitFor();
  });

  it('reads the headers of a table saved in Windows-1251 without being told, and imports it', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/trade-data');
    await page.locator('input[type="file"]').first().setInputFiles(fixture('real/encodings-customs-1251.csv'));
    await page.getByRole('radio', { name: 'Other CSV or XLSX with a column mapping' }).check();
    await page.getByRole('textbox', { name: 'Dataset name' }).fill('Smolensk customs (Windows-1251)');
    await page.getByRole('button', { name: 'Choose the columns from the file' }).click();
    await page.getByRole('textbox', { name: 'Header line' }).fill('3');
    await page.getByText('5 columns found.', { exact: false }).waitFor();
    const pick = (label: string, option: string) => choose(page, label, option);
    await pick('Period', 'Период');
    await pick('Partner country or region', 'Страна');
    await pick('HS code', 'Код ТН ВЭД');
    await pick('Value', 'Стоимость, долл. США');
    await pick('Flow: export or import (if a column)', 'Направление');
    await page.getByRole('textbox', { name: 'Reporter code' }).fill('RU-SMO');
    await page.getByRole('button', { name: 'Write the mapping' }).click();
    await pick('HS revision', 'H5 — HS 2017');
    await pick('Kind of data', 'Official customs data');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByText('The file was imported').waitFor();
    await page.getByText(/The file was read as Windows-1251/).waitFor();
  });

  it('shows each rejected row with line, column and reason and offers the full report for download', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/trade-data');
    await page.locator('input[type="file"]').first().setInputFiles(fixture('comtrade-bad.csv'));
    await page.getByRole('radio', { name: 'UN Comtrade CSV' }).check();
    await page.getByRole('textbox', { name: 'Dataset name' }).fill('Comtrade with bad rows');
    await page.getByRole('button', { name: 'Import', exact: true }).click();

    await page.getByText('Nothing was imported', { exact: true }).waitFor();
    await page.getByText(/^\d+ rows of the file could not be read, so nothing was imported/).waitFor();
    const table = page.getByRole('table', { name: /Rows that could not be read/ });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Line', 'Column', 'Reason']);
    const lines = await table.locator('tbody tr td:first-child').allTextContents();
    // The first four data lines hold an unknown reporter, a month 13, an 8-digit code and a value "n/a".
    expect(lines.slice(0, 4)).toEqual(['2', '3', '4', '5']);
    for (const reason of await table.locator('tbody tr td:nth-child(3)').allTextContents()) {
      expect(reason.length).toBeGreaterThan(5);
    }

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the full report of rejected rows (CSV)' }).click(),
    ]);
    const file = await download.path();
    const report = fs.readFileSync(file, 'utf8').trim().split('\n');
    expect(report[0]).toBe('line,column,value,reason');
    expect(report.length - 1).toBe(lines.length);
    expect(report.slice(1).map((line) => line.split(',')[0])).toEqual(lines);
    expect(download.suggestedFilename()).toMatch(/^rejected-rows-.+\.csv$/);

    // Nothing of the refused file became a dataset.
    expect(await page.getByRole('row', { name: /Comtrade with bad rows/ }).count()).toBe(0);
    await saveScreenshot(page, 'trade-data-rejected');
    await expectAccessible(page, 'the rejected rows of a failed import');
    expect(ctx.pageErrors).toEqual([]);
  });
});
