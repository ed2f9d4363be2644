import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';
import { canvasText, chooseCumulativePeriod, recordCanvasText, textOf } from './support/pages.ts';
import type { TradeStructure } from '../../web/src/pages/partner/trade/queries.ts';

describeInBrowser('the trade tab of a partner', (ctx) => {
  it('reads turnover, growth and the main exports of Kursk Oblast for January–September 2017', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS');
    await page.getByRole('heading', { level: 1, name: 'Kursk Oblast' }).waitFor();

    // The header: the relationship, its agreements (in force or not), links to the partner's records.
    await expect.poll(() => textOf(page, 'partner-agreements')).toContain('Rosatom');
    expect((await textOf(page, 'partner-agreements')).toLowerCase()).toContain('in force');
    expect(await page.getByRole('link', { name: 'Meetings' }).last().getAttribute('href')).toContain('partner=RU-KRS');

    // With no period in the address the tab opens on the latest cumulative period the data hold.
    await expect.poll(() => textOf(page, 'trade-period')).toMatch(/^January–\w+ \d{4}, compared with January–/);

    await chooseCumulativePeriod(page, 2017, 'September');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2017-01..2017-09');

    const turnover = await textOf(page, 'summary-turnover');
    expect(turnover).toContain('USD 96.3 million');
    expect(turnover).toContain('+40.5%');
    expect(await textOf(page, 'summary-exports')).toMatch(/USD [\d.]+ million/);
    // Kursk Oblast is Belarus's only partner in the demo's dataset: a rank "1 of 1" would say nothing.
    expect(await textOf(page, 'summary-share')).not.toMatch(/rank|of 1\b/i);
    expect(await page.getByTestId('summary-rank').count()).toBe(0);
    expect((await textOf(page, 'trade-dataset')).toLowerCase()).toContain('illustrative data');
    expect(await textOf(page, 'trade-dataset')).toContain('USD');

    // The main exports by HS chapter (the default level), then by heading; the level is kept in the address.
    await expect.poll(() => textOf(page, 'structure-table')).toContain('Rubber and articles thereof');
    const chapters = await textOf(page, 'structure-table');
    for (const title of ['Fertilisers', 'Man-made filaments', 'Vehicles other than railway', 'Footwear']) {
      expect(chapters).toContain(title);
    }
    await page.locator('label', { hasText: /^heading$/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('level')).toBe('heading');
    await expect.poll(() => textOf(page, 'structure-table')).toMatch(/4011 .*Rubber/);
    const headings = await textOf(page, 'structure-table');
    for (const code of ['3104', '5402', '8704', '6403']) expect(headings).toContain(code);
    await page.getByTestId('structure-treemap').waitFor();
    await page.getByTestId('series-chart').waitFor();

    // The official figure from the readout beside the computed one, with its source document.
    const official = await textOf(page, 'official-figures');
    expect(official).toContain('Turnover, January–September 2017');
    expect(await textOf(page, 'official-value')).toBe('USD 96.3 million +40.5%');
    expect(await textOf(page, 'computed-value')).toContain('USD 96.3 million +40.5%');
    expect(official).toContain('Negotiations with Kursk Oblast Governor Alexander Mikhailov');
    expect(official).toContain('paragraph 10');

    await expect.poll(() => textOf(page, 'trade-signals')).toContain('recovery');
    await expectAccessible(page, 'the trade tab of Kursk Oblast');
    await saveScreenshot(page, 'trade-en');
  });

  it('wraps the treemap’s labels inside their areas or leaves them out, never cut off, at 1366 and 800 px', async () => {
    for (const width of [1366, 800]) {
      const page = await ctx.page({ language: 'en' });
      await page.setViewportSize({ width, height: 900 });
      await recordCanvasText(page);
      const answer = page.waitForResponse((r) => r.url().includes('/api/trade/structure'));
      await page.goto('/partners/RU-KRS?period=2017-01..2017-09&level=heading');
      const structure = (await (await answer).json()) as TradeStructure;
      const direction = structure.direction as 'exports' | 'imports' | 'turnover';
      const names = [...structure.lines, ...(structure.other ? [structure.other] : [])]
        .filter((line) => line.current[`${direction}Cents`] > 0)
        .map((line) => (line.code === 'other' ? (line.titleEn ?? line.code) : `${line.code} ${line.titleEn}`));
      await page.getByTestId('structure-treemap').scrollIntoViewIfNeeded();
      const drawn = await canvasText(page, 'structure-treemap');

      expect(
        drawn.filter((text) => text.includes('…')),
        `${width} px`,
      ).toEqual([]);
      // A label is drawn line after line; read in order, its lines must give the whole name.
      const squash = (text: string) => text.replace(/\s+/g, '');
      const shown = names.filter((name) => {
        const whole = squash(name);
        const start = drawn.findIndex((text) => squash(text) !== '' && whole.startsWith(squash(text)));
        if (start === -1) return false;
        let read = '';
        for (let i = start; i < drawn.length && whole.startsWith(read + squash(drawn[i]!)); i++)
          read += squash(drawn[i]!);
        expect(read, `${name} at ${width} px`).toBe(whole);
        return true;
      });
      expect(shown.length, `${width} px`).toBeGreaterThan(2);
      await saveScreenshot(page, `trade-treemap-${width}`);
    }
  });

  it('shows any range of months typed in and refuses one that ends before it starts', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS?period=2017-01..2017-09');
    await textOf(page, 'summary-turnover');

    await page.getByRole('textbox', { name: 'From month' }).fill('2016-10');
    await page.getByRole('textbox', { name: 'To month' }).fill('2017-03');
    // From the keyboard: Enter in the field applies the range.
    await page.getByRole('textbox', { name: 'To month' }).press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('period')).toBe('2016-10..2017-03');
    await expect
      .poll(() => textOf(page, 'trade-period'))
      .toBe('October 2016 – March 2017, compared with October 2015 – March 2016');

    await page.getByRole('textbox', { name: 'From month' }).fill('2017-09');
    await page.getByRole('textbox', { name: 'To month' }).fill('2017-01');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('The end of the period is before its start.').waitFor();
    await page.getByRole('textbox', { name: 'From month' }).fill('2017-13');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Write the month as YYYY-MM, e.g. 2017-09.').waitFor();
    expect(new URL(page.url()).searchParams.get('period')).toBe('2016-10..2017-03');
    await expectAccessible(page, 'the period picker with errors');
    await saveScreenshot(page, 'trade-period-errors');
  });

  it('explains a period in the address that cannot be used', async () => {
    const page = await ctx.page({ language: 'en' });
    await page.goto('/partners/RU-KRS?period=2017-09..2017-01');
    await page.getByRole('alert').filter({ hasText: 'ends before it starts' }).waitFor();
    expect(await page.getByTestId('summary-turnover').count()).toBe(0);
    expect(await page.getByRole('textbox', { name: 'From month' }).inputValue()).toBe('2017-09');
    await expectAccessible(page, 'the trade tab with a bad period');
    await saveScreenshot(page, 'trade-bad-period');

    await page.goto('/partners/RU-KRS?period=September-2017');
    await page.getByRole('alert').filter({ hasText: 'is not a range of months' }).waitFor();
  });

  it('reads the figures in Russian', async () => {
    const page = await ctx.page({ language: 'ru' });
    await page.goto('/partners/RU-KRS?period=2017-01..2017-09');
    await page.getByRole('heading', { level: 1, name: 'Курская область' }).waitFor();
    const turnover = await textOf(page, 'summary-turnover');
    expect(turnover).toContain('Товарооборот');
    expect(turnover).toContain('96,3 млн долл. США');
    expect(turnover).toContain('+40,5 %');
    expect(await textOf(page, 'trade-period')).toBe(
      'январь–сентябрь 2017 г. в сравнении с периодом январь–сентябрь 2016 г.',
    );
    expect((await textOf(page, 'trade-dataset')).toLowerCase()).toContain('условные данные');
    await expect.poll(() => textOf(page, 'structure-table')).toContain('Удобрения');
    expect(await textOf(page, 'official-value')).toBe('96,3 млн долл. США +40,5 %');
    await page.getByTestId('series-chart').waitFor();
    await expectAccessible(page, 'the trade tab in Russian');
    await saveScreenshot(page, 'trade-ru');
    expect(ctx.pageErrors).toEqual([]);
  });
});
