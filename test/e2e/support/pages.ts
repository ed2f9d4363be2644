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
