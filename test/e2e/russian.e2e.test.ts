import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.ts';
import { latinWords, truncatedBadges } from './support/pages.ts';

// Names and codes that stay in Latin letters in a Russian text.
const allow: Array<string | RegExp> = [
  'Accord',
  'EN',
  'RU',
  'USD',
  'EUR',
  'RUB',
  'HS',
  'ISO',
  'BelAZ',
  'GOK',
  'CSV',
  'XLSX',
  'YAML',
  'JSON',
  'gzip',
  'UN',
  'Comtrade',
  'API',
  'CEPII',
  'BACI',
  'M49',
  'UTF-8',
  'SHA-256',
  'http',
  'https',
  /^[IVXL]+$/, // HS sections
  /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, // ISO 3166 codes: BY, RU-KRS
  /^[A-Za-z]$/, // sector sections (C, F) and the one-letter columns of a BACI file
];

describeInBrowser('the story in Russian', (ctx) => {
  it('shows no word in Latin letters but names and codes, and no badge cut off', async () => {
    const get = async (path: string) => (await fetch(`${ctx.url}${path}`)).json() as Promise<unknown>;
    type Listed = { items: Array<{ id: string; titleEn?: string; kind?: string }> };
    const projects = (await get('/api/projects?limit=200')) as Listed;
    const meetings = (await get('/api/meetings?limit=200')) as Listed;
    const statements = (await get('/api/statements?limit=200')) as Listed;
    const project = projects.items.find((p) => p.titleEn?.startsWith('BelAZ')) ?? projects.items[0]!;
    const commitment = statements.items.find((s) => s.kind === 'commitment') ?? statements.items[0]!;

    const page = await ctx.page({ language: 'ru' });
    const story = [
      '/',
      '/partners/RU-KRS?tab=trade&period=2017-01..2017-09',
      '/partners/RU-KRS?tab=trade&period=2017-01..2017-09&level=section',
      '/trade/products/8704?year=2017&reporter=BY',
      '/trade/products/8704?year=2017',
      '/partners/RU-KRS?tab=cooperation',
      '/partners/RU-KRS?tab=timeline',
      `/records/projects/${project.id}`,
      `/records/meetings/${meetings.items[0]!.id}`,
      `/records/statements/${commitment.id}`,
      '/records/statements',
      '/search?q=Курск',
      '/records/documents',
      '/trade-data',
    ];
    const found: string[] = [];
    const cut: string[] = [];
    for (const path of story) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const loading = page.getByText(/^(Загрузка|Загружаются).*…$/);
      await expect
        .poll(() => loading.evaluateAll((shown) => shown.filter((element) => element.checkVisibility()).length), {
          message: `${path} is still loading`,
          timeout: 20_000,
        })
        .toBe(0);
      found.push(...(await latinWords(page, allow)).map((word) => `${path}: ${word}`));
      cut.push(...(await truncatedBadges(page)).map((badge) => `${path}: ${badge}`));
    }
    expect(found).toEqual([]);
    expect(cut).toEqual([]);
  });
});
