import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.ts';
import { textOf } from './support/pages.ts';

describeInBrowser(
  'an empty workspace',
  (ctx) => {
    it('offers the upload page and the demo, not a command to run, and loads the demo in one click', async () => {
      const page = await ctx.page({ language: 'ru' });
      await page.goto('/');
      const offer = await textOf(page, 'no-data');
      expect(offer).toContain('Партнёры пока не внесены');
      expect(offer).not.toMatch(/accord|npm|команд/i);
      expect(await page.getByRole('link', { name: 'Загрузить торговые данные' }).getAttribute('href')).toBe(
        '/trade-data',
      );

      await page.getByRole('button', { name: 'Загрузить демонстрационные данные' }).click();
      await page.getByRole('link', { name: 'Курская область' }).first().waitFor();
      expect(await page.getByTestId('no-data').count()).toBe(0);
      expect(ctx.pageErrors).toEqual([]);
    });
  },
  { workspace: 'empty' },
);
