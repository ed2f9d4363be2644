import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';

/** The desk officer prepares the talks of 5 December 2017 from the partner page, in the Russian interface. */
describeInBrowser('a briefing from the partner page and a meeting', (ctx) => {
  it('previews the Russian briefing, saves it and lists it on the partner page with a download', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto('/partners/RU-KRS?asOf=2017-12-04');
    await page.getByText('Сохранённых справок пока нет.').waitFor();
    await page.getByTestId('briefing-open').click();
    const drawer = page.getByRole('dialog', { name: 'Справка' });
    await drawer.waitFor();
    expect(await drawer.getByLabel('По состоянию на').inputValue()).toBe('2017-12-04');

    const preview = page.frameLocator('[data-testid="briefing-preview"]').locator('body');
    await expect.poll(() => preview.innerText().catch(() => ''), { timeout: 30_000 }).toContain('Справка');
    const text = await preview.innerText();
    expect(text).toContain('96,3');
    expect(await page.getByTestId('briefing-preview').getAttribute('sandbox')).toBe('');
    await expectAccessible(page, 'the briefing drawer');
    await saveScreenshot(page, 'briefing-drawer-ru');

    await drawer.getByLabel('Автор (необязательно)').fill('Иванова');
    await page.getByTestId('briefing-save').click();
    await page.getByTestId('briefing-saved').waitFor();
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    const list = page.getByTestId('saved-briefings');
    await list.waitFor();
    const row = list.locator('tbody tr');
    expect(await row.count()).toBe(1);
    await saveScreenshot(page, 'partner-saved-briefings-ru');
    const cells = await row.first().innerText();
    expect(cells).toContain('4 декабря 2017');
    expect(cells).toContain('Иванова');
    expect(cells).toContain('Word');
    const href = await row.first().getByRole('link').getAttribute('href');
    const file = await fetch(`${ctx.url}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(ctx.pageErrors).toEqual([]);
  });

  it('opens the briefing for a meeting as of the day before it', async () => {
    const meetings = (await (await fetch(`${ctx.url}/api/meetings?limit=200`)).json()) as {
      items: Array<{ id: string; heldOn: string }>;
    };
    const talks = meetings.items.find((m) => m.heldOn === '2017-12-05')!;
    const page = await ctx.page({ language: 'en' });
    await page.goto(`/records/meetings/${talks.id}`);
    await page.getByTestId('briefing-open').click();
    const drawer = page.getByRole('dialog', { name: 'Briefing' });
    await drawer.waitFor();
    expect(await drawer.getByLabel('As of').inputValue()).toBe('2017-12-04');
    const download = drawer.getByTestId('briefing-download');
    await drawer.getByText('PDF', { exact: true }).click();
    const href = await download.getAttribute('href');
    expect(href).toContain(`meetingId=${talks.id}`);
    expect(href).toContain('format=pdf');
    expect(href).toContain('asOf=2017-12-04');
    const preview = page.frameLocator('[data-testid="briefing-preview"]').locator('body');
    await expect.poll(() => preview.innerText().catch(() => ''), { timeout: 30_000 }).toContain('96.3');
  });
});
