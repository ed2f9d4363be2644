import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';
import { canvasText, recordCanvasText } from './support/pages.ts';

// Demo projects, each at the stage the 5 December 2017 talks left it.
const housing = 'Housing construction by Mozyr Housing Construction Factory'; // agreed
const hightech = 'Joint high-tech production with Planar and Minsk Motor Plant'; // proposed
const seeds = 'Supplies of elite grain and vegetable seeds and mineral fertilizers'; // idea
const farm = 'Belarusian farm machinery and turnkey agricultural complexes for Kursk Oblast'; // proposed

const column = (page: Page, stage: string) => page.getByRole('region', { name: stage, exact: true });
const card = (page: Page, title: string) => page.getByRole('article', { name: title });
const cardIn = (page: Page, stage: string, title: string) => column(page, stage).getByRole('article', { name: title });

async function openCooperation(page: Page, language: 'en' | 'ru' = 'en') {
  // Tall enough for the whole board: a drag, like a person's, needs both columns on screen.
  await page.setViewportSize({ width: 1366, height: 1600 });
  await page.goto('/partners/RU-KRS?tab=cooperation');
  const heading = language === 'en' ? 'Projects by stage' : 'Проекты по стадиям';
  await page.getByRole('heading', { name: heading }).waitFor();
  await page.locator('article[data-project]').first().waitFor();
}

describeInBrowser('the cooperation tab and the timeline', (ctx) => {
  it('moves a project to its next stage by drag and drop, and the move survives a reload', async () => {
    const page = await ctx.page();
    await openCooperation(page);
    await cardIn(page, 'Agreed', housing).waitFor();
    await card(page, housing).dragTo(column(page, 'In execution'));
    await cardIn(page, 'In execution', housing).waitFor();
    await expect.poll(() => cardIn(page, 'Agreed', housing).count()).toBe(0);
    await page.getByText(`“${housing}” moved to “In execution”.`).waitFor();

    await page.reload();
    await cardIn(page, 'In execution', housing).waitFor();
    const stored = await fetch(`${ctx.url}/api/projects?partner=RU-KRS&stage=in_execution&limit=50`);
    const titles = ((await stored.json()) as { items: { titleEn: string }[] }).items.map((p) => p.titleEn);
    expect(titles).toContain(housing);
  });

  it('moves a project with the keyboard through its "Move to…" menu, which offers only allowed stages', async () => {
    const page = await ctx.page();
    await openCooperation(page);
    const moveButton = card(page, hightech).getByRole('button', { name: /Move to…/ });
    await moveButton.focus();
    await page.keyboard.press('Enter');
    const items = page.getByRole('menuitem');
    await items.first().waitFor();
    expect(await items.allInnerTexts()).toEqual(['Negotiating', 'Agreed', 'Stalled', 'Cancelled']);
    await page.getByRole('menuitem', { name: 'Negotiating' }).focus();
    await page.keyboard.press('Enter');
    await cardIn(page, 'Negotiating', hightech).waitFor();
    // Focus follows the card to its new column.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('article')?.textContent ?? ''))
      .toContain(hightech);
    await page.reload();
    await cardIn(page, 'Negotiating', hightech).waitFor();
  });

  it('marks the columns a card cannot move to while dragging, and refuses an impossible move with the reason', async () => {
    const page = await ctx.page();
    await openCooperation(page);
    const seedsCard = cardIn(page, 'Idea', seeds);
    await seedsCard.hover();
    await page.mouse.down();
    const completed = column(page, 'Completed');
    const box = await completed.boundingBox();
    if (!box) throw new Error('the Completed column is not on the page');
    await page.mouse.move(box.x + box.width / 2, box.y + 40, { steps: 5 });
    await expect.poll(() => completed.getAttribute('data-drop')).toBe('refused');
    expect(await column(page, 'Proposed').getAttribute('data-drop')).toBe('allowed');
    await completed.getByText('Not allowed from Idea').waitFor();
    await saveScreenshot(page, 'cooperation-dragging');
    await page.mouse.up();

    const alert = card(page, seeds).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain(
      'Cannot move from “Idea” to “Completed”. From “Idea” it can go to: Proposed, Cancelled.',
    );
    expect(await cardIn(page, 'Idea', seeds).count()).toBe(1);
    expect(await completed.getByRole('article').count()).toBe(0);
    await saveScreenshot(page, 'cooperation-refused');
    await page.reload();
    await cardIn(page, 'Idea', seeds).waitFor();
  });

  it('refuses a move made on a stale card and shows the project as it now is', async () => {
    const page = await ctx.page();
    await openCooperation(page);
    await cardIn(page, 'Proposed', farm).waitFor();
    // Someone else edits the project after the board was read.
    const list = await fetch(`${ctx.url}/api/projects?partner=RU-KRS&limit=50`);
    const project = ((await list.json()) as { items: { id: string; titleEn: string; version: number }[] }).items.find(
      (p) => p.titleEn === farm,
    )!;
    const patched = await fetch(`${ctx.url}/api/projects/${project.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ description: 'Changed elsewhere', version: project.version }),
    });
    expect(patched.status).toBe(200);

    await card(page, farm)
      .getByRole('button', { name: /Move to…/ })
      .click();
    await page.getByRole('menuitem', { name: 'Negotiating' }).click();
    const alert = card(page, farm).getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Someone else changed this project in the meantime');
    expect(await cardIn(page, 'Proposed', farm).count()).toBe(1);
    // The board re-read the project, so the same move now goes through.
    await card(page, farm)
      .getByRole('button', { name: /Move to…/ })
      .click();
    await page.getByRole('menuitem', { name: 'Negotiating' }).click();
    await cardIn(page, 'Negotiating', farm).waitFor();
  });

  it('lists meetings, highlights overdue commitments, shows both sides and the network, and passes axe', async () => {
    const page = await ctx.page();
    await openCooperation(page);
    const meetings = page.getByRole('region', { name: 'Meetings' });
    await meetings
      .getByRole('link', { name: 'Talks of the President of Belarus with the Governor of Kursk Oblast', exact: true })
      .waitFor();
    await meetings.getByText('5 December 2017').waitFor();

    const house = page.getByRole('row', { name: /Build a residential house in Kursk Oblast in 2018/ });
    await house.waitFor();
    expect(await house.getAttribute('data-overdue')).toBe('true');
    await house.getByText('Overdue', { exact: true }).waitFor();
    const kept = page.getByRole('row', { name: /Keep supplying BelAZ mining equipment/ });
    expect(await kept.getAttribute('data-overdue')).toBeNull();
    // The filter is a radio group: arrow keys move the choice.
    await page.getByRole('radio', { name: 'All' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: 'Overdue' }).isChecked()).toBe(true);
    await expect.poll(() => kept.count()).toBe(0);
    await house.waitFor();
    await page.getByRole('radio', { name: 'Overdue' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await kept.waitFor();

    const add = page.getByRole('link', { name: 'Add a commitment' });
    expect(await add.getAttribute('href')).toMatch(/^\/records\/statements\/new\?.*partner=RU-KRS/);

    const organizations = page.getByRole('region', { name: 'Organizations on both sides' });
    const home = organizations.getByRole('heading', { name: 'Home side: Belarus' });
    await home.waitFor();
    await organizations.getByRole('link', { name: 'BelAZ' }).waitFor();
    await organizations.getByRole('link', { name: 'Mikhailovsky GOK' }).waitFor();
    await organizations.getByText('Also known as: БелАЗ').waitFor();

    const network = page.getByRole('region', { name: 'Distribution network' });
    await network.getByRole('link', { name: 'Dealer network for Belarusian products in Kursk Oblast' }).waitFor();
    await network.getByText('Machine-building products').first().waitFor();
    const map = network.getByRole('img', { name: 'Outlets by territory in Kursk Oblast' });
    await map.waitFor();
    await expect.poll(() => map.locator('canvas').count()).toBeGreaterThan(0);

    await expectAccessible(page, 'the cooperation tab');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'cooperation-tab');
  });

  it('maps the Kursk network inside all of Russia’s regions, with a legend, pins by kind and an approximate one', async () => {
    const page = await ctx.page();
    await recordCanvasText(page);
    const russia = page.waitForResponse((r) => r.url().endsWith('/api/geo/countries/RU/regions'), {
      timeout: 30_000,
    });
    await openCooperation(page);
    expect((await russia).status()).toBe(200);
    const network = page.getByRole('region', { name: 'Distribution network' });
    const map = network.getByTestId('region-map');
    await map.scrollIntoViewIfNeeded();
    const label = (await map.getAttribute('aria-label')) ?? '';
    const regions = /(\d+) regions drawn; partner: Kursk Oblast\./.exec(label);
    expect(Number(regions?.[1]), label).toBeGreaterThanOrEqual(80);
    expect(label).toContain('2 pins, 1 of them at an approximate location.');

    const legend = network.getByRole('list', { name: 'Map legend' });
    expect(await legend.getByRole('listitem').allInnerTexts()).toEqual([
      'Partner region',
      'Other regions',
      'Belarus',
      'Dealer',
      'Distribution centre',
      "Approximate location (the region's centre)",
    ]);
    // A kind keeps its symbol; the approximate pin is hollow with a dashed edge.
    const symbols = await legend
      .locator('svg')
      .evaluateAll((marks) =>
        marks.map((mark) => [
          mark.getAttribute('data-symbol'),
          mark.querySelector('path')?.getAttribute('stroke-dasharray'),
        ]),
      );
    expect(symbols).toEqual([
      ['circle', null],
      ['triangle', null],
      ['circle', '2 1.5'],
    ]);
    const drawn = await canvasText(page, 'region-map');
    expect(drawn).toEqual(expect.arrayContaining(['Kursk Oblast', 'Belarus']));

    const russian = await ctx.page({ language: 'ru' });
    await russian.goto('/partners/RU-KRS?tab=cooperation');
    const legendRu = russian.getByRole('list', { name: 'Условные обозначения карты' });
    await legendRu.waitFor({ timeout: 30_000 });
    expect(await legendRu.getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining(['Регион-партнёр', 'Другие регионы', 'Местоположение приблизительное (центр региона)']),
    );
    await saveScreenshot(page, 'cooperation-network-map');
  });

  it('shows the timeline newest first with the 2017-12-05 talks, filterable by kind', async () => {
    const page = await ctx.page();
    await page.goto('/partners/RU-KRS?tab=timeline');
    const day = page.getByRole('heading', { name: '5 December 2017' });
    await day.waitFor();
    const talks = page.getByRole('link', {
      name: 'Talks of the President of Belarus with the Governor of Kursk Oblast',
    });
    await talks.waitFor();
    expect(await talks.getAttribute('href')).toMatch(/^\/records\/meetings\//);
    const dates = await page.locator('ol time').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('datetime')));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(dates).toContain('2017-12-05');

    const due = page.locator('[data-event="statement_due"]', { hasText: 'Build a residential house' });
    await due.getByText('Overdue', { exact: true }).waitFor();

    await page.getByRole('checkbox', { name: 'Meetings' }).uncheck();
    await expect.poll(() => talks.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Meetings' }).check();
    await talks.waitFor();

    await expectAccessible(page, 'the timeline tab');
    await saveScreenshot(page, 'timeline-tab');
  });

  it('speaks Russian on both tabs', async () => {
    const page = await ctx.page({ language: 'ru' });
    await openCooperation(page, 'ru');
    await column(page, 'Идея').waitFor();
    await page.getByRole('heading', { name: 'Заявления и обязательства' }).waitFor();
    await page.getByText('Просрочено', { exact: true }).first().waitFor();
    await expectAccessible(page, 'the cooperation tab in Russian');
    await page.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(page, 'cooperation-tab-ru');
    await page.goto('/partners/RU-KRS?tab=timeline');
    await page.getByRole('heading', { name: '5 декабря 2017 г.' }).waitFor();
    await expectAccessible(page, 'the timeline in Russian');
    await saveScreenshot(page, 'timeline-tab-ru');
    // The refused moves above answered 409, which the browser logs; nothing else may have gone wrong.
    expect(ctx.pageErrors.filter((error) => !error.includes('status of 409'))).toEqual([]);
  });
});
