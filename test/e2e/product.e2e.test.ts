import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';
import { chooseOption, textOf } from './support/pages.ts';

describeInBrowser('the page of one product', (ctx) => {
  it('opens from an HS code of the structure table and lists the product’s partners with a chart', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS?period=2017-01..2017-09&level=heading');
    const structure = page.getByTestId('structure-table');
    await structure.getByRole('link', { name: '8704', exact: true }).click();

    await expect.poll(() => new URL(page.url()).pathname).toBe('/trade/products/8704');
    const address = new URL(page.url()).searchParams;
    expect([address.get('year'), address.get('reporter')]).toEqual(['2017', 'BY']);
    await page.getByRole('heading', { level: 1, name: /Vehicles other than railway/ }).waitFor();
    expect(await textOf(page, 'product-subtitle')).toBe('Exports and imports of Belarus by partner, 2017');
    expect((await textOf(page, 'product-dataset')).toLowerCase()).toContain('illustrative data');

    // The demo's Belarus sells goods vehicles to Kursk Oblast alone, and buys none from it.
    const exports = await textOf(page, 'product-exports-table');
    expect(exports).toMatch(/1 Kursk Oblast USD [\d.]+ million 100(\.0)?%/);
    await page.getByTestId('product-exports-chart').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Imports by partner' }).waitFor();
    expect(await page.getByText('No trade of this product this way in 2017.').count()).toBe(1);

    // Another year is a choice away, and kept in the address.
    await chooseOption(page, 'Year', '2016');
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2016');
    await expect.poll(() => textOf(page, 'product-subtitle')).toContain('2016');

    await expectAccessible(page, 'the page of HS 8704');
    await saveScreenshot(page, 'product-8704');

    // Belarus is the demo's only reporter, and it imports no goods vehicles: the world has no importer to list.
    await page.getByRole('link', { name: 'Show the largest importers of the world' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('reporter')).toBeNull();
    await page.getByText('No dataset holds this trade in 2016.').waitFor();
    // The browser logs the answer that there is no such trade (404) as a failed request; nothing else may fail.
    expect(ctx.pageErrors.filter((error) => !error.includes('status of 404'))).toEqual([]);
  });
});
