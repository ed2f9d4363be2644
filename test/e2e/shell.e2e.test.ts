import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';

describeInBrowser('the workspace shell', (ctx) => {
  it('opens at the printed address, switches language and remembers it', async () => {
    const page = await ctx.page();
    await page.goto('/');
    await expect.poll(() => page.getByRole('link', { name: 'Partners' }).count()).toBeGreaterThan(0);
    await page.getByText('RU', { exact: true }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Партнёры' }).count()).toBeGreaterThan(0);
    await page.reload();
    await expect.poll(() => page.getByRole('link', { name: 'Партнёры' }).count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await saveScreenshot(page, 'shell-ru');
  });

  it('answers an unknown page inside the workspace and an unknown API path with problem+json', async () => {
    const page = await ctx.page();
    await page.goto('/no/such/page');
    await expect.poll(() => page.getByRole('heading', { name: 'Page not found' }).count()).toBe(1);
    await expectAccessible(page, 'the not-found page');
    const response = await fetch(`${ctx.url}/api/no-such-thing`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('says a record that does not exist is not found, in either language, instead of reporting a failure', async () => {
    const page = await ctx.page();
    await page.goto('/records/meetings/01890000-0000-7000-8000-000000000000');
    await page.getByText('What this page shows does not exist', { exact: false }).waitFor();
    expect(await page.getByText('Something went wrong').count()).toBe(0);
    await expectAccessible(page, 'a record that does not exist');
    const russian = await ctx.page({ language: 'ru' });
    await russian.goto('/records/statements/01890000-0000-7000-8000-000000000000');
    await russian.getByText('Не найдено', { exact: true }).waitFor();
  });
});
