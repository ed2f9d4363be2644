import { expect, it } from 'vitest';
import { describeInBrowser, saveScreenshot } from './support/browser.ts';
import { chooseCumulativePeriod, input, textOf } from './support/pages.ts';

// The walk PRODUCT.md's reference story asks for, in one go and with the mouse: the desk officer preparing
// the next round with Kursk Oblast reads the trade figures, moves a project on, records a commitment and
// finds it overdue once its date has passed, then reads the same page in Russian.

function isoDay(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describeInBrowser('the reference story, walked in the browser', (ctx) => {
  it('from the partners overview to a commitment overdue, and the same figures in Russian', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.setViewportSize({ width: 1366, height: 1600 });

    // Open Kursk Oblast from the overview.
    await page.goto('/');
    await page.getByRole('link', { name: 'Kursk Oblast' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Kursk Oblast' }).waitFor();

    // Turnover and growth for January–September 2017, and the main exports.
    await chooseCumulativePeriod(page, 2017, 'September');
    const turnover = await textOf(page, 'summary-turnover');
    expect(turnover).toContain('USD 96.3 million');
    expect(turnover).toContain('+40.5%');
    await page.locator('label', { hasText: /^Exports$/ }).click();
    await expect.poll(() => textOf(page, 'structure-table')).toMatch(/^Exports by HS/);
    await expect.poll(() => textOf(page, 'structure-table')).toContain('Rubber and articles thereof');
    const exports = await textOf(page, 'structure-table');
    for (const product of ['Fertilisers', 'Man-made filaments', 'Vehicles other than railway', 'Footwear']) {
      expect(exports).toContain(product);
    }
    await saveScreenshot(page, 'story-1-trade');

    // Move a project on to its next stage.
    await page.getByRole('tab', { name: 'Cooperation' }).click();
    const seeds = 'Supplies of elite grain and vegetable seeds and mineral fertilizers';
    const board = (stage: string) => page.getByRole('region', { name: stage, exact: true });
    await board('Idea').getByRole('article', { name: seeds }).waitFor();
    await page
      .getByRole('article', { name: seeds })
      .getByRole('button', { name: /Move to…/ })
      .click();
    await page.getByRole('menuitem', { name: 'Proposed' }).click();
    await board('Proposed').getByRole('article', { name: seeds }).waitFor();
    await saveScreenshot(page, 'story-2-board');

    // Record a commitment due tomorrow: open, not overdue.
    await page.getByRole('link', { name: 'Add a commitment' }).click();
    await page.getByRole('heading', { level: 1, name: 'New statement' }).waitFor();
    await input(page, 'Type').click();
    await page.getByRole('option', { name: 'Commitment', exact: true }).click();
    await input(page, 'What was said (English)').fill('Send the oblast the terms for a seed-processing line.');
    await input(page, 'Due date').fill(isoDay(1));
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: /seed-processing line/ }).waitFor();
    const statementId = page.url().split('/').pop()!;
    expect(await page.getByText('Overdue', { exact: true }).count()).toBe(0);

    // After its date has passed without it being fulfilled, it is overdue: here its date moves to yesterday,
    // as if the due day had come and gone (overdue is judged by the server on today's date).
    const current = (await (await fetch(`${ctx.url}/api/statements/${statementId}`)).json()) as { version: number };
    const changed = await fetch(`${ctx.url}/api/statements/${statementId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ dueOn: isoDay(-1), version: current.version }),
    });
    expect(changed.status).toBe(200);
    await page.goto('/partners/RU-KRS?tab=cooperation&period=2017-01..2017-09');
    const row = page.getByRole('row', { name: /seed-processing line/ });
    await expect.poll(() => row.innerText()).toContain('Overdue');
    await saveScreenshot(page, 'story-3-overdue');

    // The same figures in Russian, formatted the Russian way.
    await page.getByText('RU', { exact: true }).click();
    await page.getByRole('tab', { name: 'Торговля' }).click();
    await expect.poll(() => textOf(page, 'summary-turnover')).toContain('96,3 млн долл. США');
    expect(await textOf(page, 'summary-turnover')).toContain('+40,5 %');
    await saveScreenshot(page, 'story-4-russian');
    expect(ctx.pageErrors).toEqual([]);
  });
});
