import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { formatDate } from '../../web/src/i18n/format.ts';
import { describeInBrowser } from './support/browser.ts';

const house = /Build a residential house in Kursk Oblast in 2018/;

interface Overview {
  asOf: string;
  partners: Array<{ partner: { code: string }; openCommitments: number; overdueCommitments: number }>;
}

/** The number in "3 commitments overdue" above the partner page's statements, 0 when absent. */
async function overdueOnPartnerPage(page: Page): Promise<number> {
  const summary = page.getByText(/^\d+ commitments? overdue$/);
  if ((await summary.count()) === 0) return 0;
  return Number((await summary.innerText()).split(' ')[0]);
}

describeInBrowser('records as known on a day', (ctx) => {
  const kurskOn = async (asOf?: string) => {
    const response = await fetch(`${ctx.url}/api/partners/overview${asOf ? `?asOf=${asOf}` : ''}`);
    const overview = (await response.json()) as Overview;
    return { asOf: overview.asOf, ...overview.partners.find((p) => p.partner.code === 'RU-KRS')! };
  };

  it('on the Kursk page, 4 December 2017 has none of what the 5 December meeting said, and the overview agrees', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS?tab=cooperation');
    const picker = page.getByTestId('as-of');
    const today = await kurskOn();
    await picker.getByText(`Figures as of ${formatDate(today.asOf, 'en')}`).waitFor();
    const houseRow = page.getByRole('row', { name: house });
    await houseRow.waitFor();
    expect(await overdueOnPartnerPage(page)).toBe(today.overdueCommitments);

    await picker.getByLabel('Show as of another day').fill('2017-12-04');
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2017-12-04');
    await picker.getByText('Figures as of 4 December 2017').waitFor();
    await expect.poll(() => houseRow.count()).toBe(0);
    // What the file held before the talks: the 2016 working group and its commitment still open, now late.
    await page
      .getByText(/Working group on Belarus – Kursk Oblast cooperation/)
      .first()
      .waitFor();
    await expect.poll(() => page.getByText(/Talks of the President of Belarus/).count()).toBe(0);
    await page.getByRole('row', { name: /Name the Kursk enterprises ready to start joint production/ }).waitFor();
    const before = await kurskOn('2017-12-04');
    expect(before).toMatchObject({ openCommitments: 1, overdueCommitments: 1 });
    expect(await overdueOnPartnerPage(page)).toBe(before.overdueCommitments);

    // The day survives a reload, and the overview for that day counts as the partner page does.
    await page.reload();
    await page.getByTestId('as-of').getByText('Figures as of 4 December 2017').waitFor();
    await page.goto('/?asOf=2017-12-04');
    await page.getByTestId('as-of').getByText('Figures as of 4 December 2017').waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Kursk Oblast' }) });
    await row.waitFor();
    expect(await row.getByTitle(/overdue/).count()).toBeGreaterThan(0);
    await row.getByRole('link', { name: 'Kursk Oblast' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('asOf')).toBe('2017-12-04');

    // The day after the meeting, its commitments are there, none of them late yet.
    await page.goto('/partners/RU-KRS?tab=cooperation&asOf=2017-12-06');
    await houseRow.waitFor();
    expect(await houseRow.getAttribute('data-overdue')).toBeNull();
    const after = await kurskOn('2017-12-06');
    expect(after.openCommitments).toBeGreaterThan(0);
    expect(await overdueOnPartnerPage(page)).toBe(after.overdueCommitments);

    await page.getByTestId('as-of').getByRole('button', { name: 'Today' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.has('asOf')).toBe(false);
    await expect.poll(() => houseRow.getAttribute('data-overdue')).toBe('true');
    expect(ctx.pageErrors).toEqual([]);
  });

  it('says the day in Russian on the overview and the partner page', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto('/?asOf=2017-12-04');
    await page.getByTestId('as-of').getByText('Данные на 4 декабря 2017 г.').waitFor();
    await page.goto('/partners/RU-KRS?tab=cooperation&asOf=2017-12-04');
    await page.getByTestId('as-of').getByText('Данные на 4 декабря 2017 г.').waitFor();
    await page.getByTestId('as-of').getByLabel('Показать на другую дату').waitFor();
    await page.getByTestId('as-of').getByRole('button', { name: 'Сегодня' }).waitFor();
  });
});
