import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';

describeInBrowser('search', (ctx) => {
  it('finds an organization from the header box by its English name and, on refining, by its Russian one', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('Planar');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?q=Planar/);
    const organizations = page.getByRole('region', { name: /Organizations/ });
    await organizations.getByRole('link', { name: 'Planar', exact: true }).waitFor();
    await expect.poll(() => organizations.getByText('name: Planar').count()).toBe(1);
    // The project and the talks that mention Planar come after the organization itself.
    await page
      .getByRole('region', { name: /Projects/ })
      .getByRole('link')
      .first()
      .waitFor();
    await saveScreenshot(page, 'search-planar-en');
    await expectAccessible(page, 'search results');

    const box = page.getByRole('textbox', { name: 'Words to find' });
    await box.fill('планар');
    await box.press('Enter');
    await page.waitForURL(/q=%D0%BF%D0%BB%D0%B0%D0%BD%D0%B0%D1%80/);
    await organizations.getByText('name: Планар').waitFor();
    await organizations.getByRole('link', { name: 'Planar', exact: true }).click();
    await page.waitForURL(/\/records\/organizations\//);
  });

  it('finds an organization by an alias, a person by the Russian name and the partner by "Курская", in Russian', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto(`/search?q=${encodeURIComponent('oao planar')}`);
    await page.getByText('другое название: OAO Planar').waitFor();

    await page.goto(`/search?q=${encodeURIComponent('лукашенко')}`);
    const people = page.getByRole('region', { name: /Люди/ });
    await people.getByRole('link', { name: 'Александр Лукашенко' }).waitFor();
    await expect.poll(() => people.getByText('имя: Александр Лукашенко').count()).toBe(1);

    await page.goto(`/search?q=${encodeURIComponent('Курская')}`);
    const partner = page.getByRole('region', { name: /Партнёры/ }).getByRole('link', { name: 'Курская область' });
    await partner.waitFor();
    await saveScreenshot(page, 'search-kursk-ru');
    await expectAccessible(page, 'search results in Russian');
    await partner.click();
    await page.waitForURL(/\/partners\/RU-KRS/);
  });

  it('says when nothing is found and asks for words when there are none', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/search?q=zzqxy');
    await page.getByText('Nothing found for “zzqxy”.', { exact: false }).waitFor();
    await saveScreenshot(page, 'search-none');
    await expectAccessible(page, 'search without results');
    await page.goto('/search');
    await page.getByText('Type a name of a partner').waitFor();
    expect(ctx.pageErrors).toEqual([]);
  });
});
