import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.ts';
import { input, textOf } from './support/pages.ts';

/** The message the input's description points at: its hint and its error. */
async function messageOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' '),
  );
}

describeInBrowser('a form in Russian', (ctx) => {
  it('says what is wrong with each field in Russian, naming the field as the form does', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto('/records/meetings/new');
    await page.getByRole('heading', { level: 1, name: 'Новая встреча' }).waitFor();
    await input(page, 'Название (на русском)').fill('Переговоры '.repeat(50));
    await input(page, 'Дата').fill('2017-02-30');
    await page.getByRole('button', { name: 'Создать' }).click();

    await expect.poll(() => messageOf(input(page, 'Название (на русском)'))).toContain('Не длиннее 500 знаков');
    await expect.poll(() => messageOf(input(page, 'Дата'))).toContain('Такой даты не существует');
    const summary = await textOf(page, 'form-problems');
    expect(summary).toContain('Название (на русском): Не длиннее 500 знаков');
    expect(summary).toContain('Дата: Такой даты не существует');
    expect(summary).not.toMatch(/Too big|expected|calendar/);
  });
});
