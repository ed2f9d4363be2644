import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The visible text of the element a test id marks, once it is there, with its whitespace collapsed. */
export async function textOf(page: Page, testId: string): Promise<string> {
  const locator = page.getByTestId(testId).first();
  await locator.waitFor();
  return (await locator.innerText()).replace(/\s+/g, ' ');
}

/** Picks `option` in the select whose accessible name is `label`. */
export async function chooseOption(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The input labelled `label` (a required one's label ends in an asterisk), not the list it opens. */
export function input(scope: Page | Locator, label: string): Locator {
  const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
  return scope.getByLabel(name).and(scope.locator('input, textarea'));
}

/** Sets an English trade tab to January–`month` of `year` and waits until it says so. */
export async function chooseCumulativePeriod(page: Page, year: number, month: string): Promise<void> {
  await chooseOption(page, 'Year', String(year));
  await chooseOption(page, 'From January to', month);
  await expect
    .poll(() => textOf(page, 'trade-period'))
    .toBe(`January–${month} ${year}, compared with January–${month} ${year - 1}`);
}

/**
 * The words in Latin letters among the visible text (placeholders included), each with the text it stands
 * in, except the `allow`ed names and codes (a string matches a whole word, a pattern tests it) and the text
 * inside elements whose `lang` is not Russian, which is how the pages mark what a user typed in one
 * language only. `skip` leaves out further elements by CSS selector; `content` lists record texts to leave
 * out wherever they stand, whole or in part (a search snippet, a title inside a sentence).
 */
export async function latinWords(
  page: Page,
  allow: ReadonlyArray<string | RegExp>,
  options: { skip?: readonly string[]; content?: readonly string[] } = {},
): Promise<string[]> {
  const texts = await page.evaluate(
    (skipSelector: string) => {
      const found: string[] = [];
      const excluded = (element: Element): boolean => {
        const marked = element.closest('[lang]');
        if (marked && !marked.getAttribute('lang')!.toLowerCase().startsWith('ru')) return true;
        return skipSelector !== '' && element.closest(skipSelector) !== null;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!parent || !text || parent.closest('script, style, noscript, template')) continue;
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
        if (!excluded(parent)) found.push(text);
      }
      for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
        if (field.placeholder && field.checkVisibility() && !excluded(field)) found.push(field.placeholder);
      }
      return found;
    },
    (options.skip ?? []).join(', '),
  );
  const content = [...(options.content ?? [])].sort((a, b) => b.length - a.length);
  const allowed = (word: string) =>
    allow.some((entry) => (typeof entry === 'string' ? entry === word : entry.test(word)));
  const words: string[] = [];
  for (const text of texts) {
    // A snippet cut from a record's text (a search hit) is long enough not to match by chance.
    const bare = text.replace(/^…|…$/g, '').trim();
    if (bare.length >= 20 && content.some((known) => known.includes(bare))) continue;
    const rest = content.reduce((left, known) => left.split(known).join(' '), text);
    for (const [word] of rest.matchAll(/[\p{L}\d][\p{L}\d'’-]*/gu)) {
      if (!/\p{Script=Latin}/u.test(word) || allowed(word)) continue;
      const entry = `${word} in "${text.length > 80 ? `${text.slice(0, 77)}…` : text}"`;
      if (!words.includes(entry)) words.push(entry);
    }
  }
  return words;
}

/** The text of every badge on the page that is cut off rather than shown whole. */
export async function truncatedBadges(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.mantine-Badge-root, .mantine-Badge-label')]
      .filter((badge) => badge.checkVisibility() && badge.scrollWidth > badge.clientWidth + 1)
      .map((badge) => badge.innerText),
  );
}

/**
 * Keeps, for every chart (a canvas inside an element with a test id), the texts its last frame drew, so a
 * test can read what a person sees on a canvas. Call before the page loads.
 */
export async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const frames = new Map<string, { texts: string[]; at: number }>();
    const chartOf = (canvas: HTMLCanvasElement) =>
      canvas.closest('[data-testid]')?.getAttribute('data-testid') ?? '(none)';
    const context = CanvasRenderingContext2D.prototype;
    const { clearRect, fillText } = context;
    // ECharts clears the whole canvas before drawing each frame.
    context.clearRect = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof clearRect>) {
      frames.set(chartOf(this.canvas), { texts: [], at: performance.now() });
      return clearRect.apply(this, args);
    };
    context.fillText = function (this: CanvasRenderingContext2D, ...args: Parameters<typeof fillText>) {
      const chart = chartOf(this.canvas);
      const frame = frames.get(chart) ?? { texts: [], at: 0 };
      frames.set(chart, { texts: [...frame.texts, args[0]], at: performance.now() });
      return fillText.apply(this, args);
    };
    (window as unknown as { __canvasText: (chart: string) => { texts: string[]; at: number } | null }).__canvasText = (
      chart,
    ) => frames.get(chart) ?? null;
  });
}

/** The texts the chart marked `testId` drew in its last frame, once it has stopped drawing for a moment. */
export async function canvasText(page: Page, testId: string): Promise<string[]> {
  const settled = await page.waitForFunction(
    (id) => {
      const frame = (
        window as unknown as { __canvasText: (chart: string) => { texts: string[]; at: number } | null }
      ).__canvasText(id);
      return frame && frame.texts.length > 0 && performance.now() - frame.at > 500 ? frame.texts : null;
    },
    testId,
    { polling: 100 },
  );
  return (await settled.jsonValue()) as string[];
}
