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
