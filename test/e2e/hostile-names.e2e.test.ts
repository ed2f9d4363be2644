import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { importHsFile } from '../../src/trade/hs/service.ts';
import { describeInBrowser } from './support/browser.ts';

// What a colleague with write access (or an imported file) could put into a name: markup that runs script
// wherever a page builds HTML from the name instead of text.
const markup = '<img src=x onerror=window.__hostileRan=1>';

/** Moves the mouse over a chart until its tooltip shows `text`; returns the tooltip's HTML and text. */
async function hoverUntilTooltip(page: Page, testId: string, text: string): Promise<{ html: string; text: string }> {
  const chart = page.getByTestId(testId);
  await chart.waitFor();
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (!box) throw new Error(`${testId} has no box`);
  for (let y = 0.1; y < 1; y += 0.08) {
    for (let x = 0.05; x < 1; x += 0.06) {
      await page.mouse.move(box.x + box.width * x, box.y + box.height * y);
      const found = await chart.evaluate((element, wanted) => {
        const tooltip = [...element.querySelectorAll('div')].find(
          (div) => div.style.zIndex !== '' && (div.textContent ?? '').includes(wanted),
        );
        return tooltip ? { html: tooltip.innerHTML, text: tooltip.textContent ?? '' } : null;
      }, text);
      if (found) return found;
    }
  }
  throw new Error(`no tooltip of ${testId} showed "${text}"`);
}

describeInBrowser('names written with markup', (ctx) => {
  it('shows a territory and an HS heading named with markup as text in chart tooltips, and runs no script', async () => {
    const territory = await (await fetch(`${ctx.url}/api/territories/RU-KRS`)).json();
    const renamed = await fetch(`${ctx.url}/api/territories/RU-KRS`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nameEn: `Kursk ${markup}`, version: territory.version }),
    });
    expect(renamed.status).toBe(200);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hostile-'));
    const nomenclature = path.join(dir, 'hs.csv');
    fs.writeFileSync(
      nomenclature,
      'section,hscode,description,parent,level\n' +
        'VII,40,Rubber and articles thereof,TOTAL,2\n' +
        `VII,4011,"Tyres ${markup}",40,4\n` +
        `VII,401110,"Tyres of motor cars",4011,6\n`,
    );
    await importHsFile(ctx.database.db, nomenclature, { revision: 'H4' });
    fs.rmSync(dir, { recursive: true, force: true });

    const page = await ctx.page({ language: 'en' });
    const response = await page.goto('/?period=2017-01..2017-09');
    const policy = response?.headers()['content-security-policy'] ?? '';
    expect(policy).toMatch(/(^|;)\s*script-src 'self'\s*(;|$)/);

    const map = await hoverUntilTooltip(page, 'region-map', 'Kursk <img');
    expect(map.text).toContain(`Kursk ${markup}`);
    expect(map.html).not.toContain('<img');

    await page.goto('/partners/RU-KRS?period=2017-01..2017-09&level=heading');
    const treemap = await hoverUntilTooltip(page, 'structure-treemap', 'Tyres <img');
    expect(treemap.text).toContain(`4011 Tyres ${markup}`);
    expect(treemap.html).not.toContain('<img');

    expect(await page.evaluate(() => (window as { __hostileRan?: number }).__hostileRan)).toBeUndefined();
    expect(ctx.pageErrors).toEqual([]);
  });
});
