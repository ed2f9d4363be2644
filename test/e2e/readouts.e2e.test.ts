import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser, expectAccessible, saveScreenshot } from './support/browser.ts';
import { input, latinWords } from './support/pages.ts';

// A readout written for this test: a later meeting of the demo's partners, its figures made up.
const title = 'Belarusian Prime Minister and the Kursk Governor meet in Minsk';
const readoutText = `Minsk, 22 May 2018

The Prime Minister of Belarus Andrei Kobyakov held talks in Minsk with the Governor of Kursk Oblast Alexander Mikhailov.

The sides discussed further deliveries of BelAZ mining dump trucks to the Mikhailovsky mining and processing plant and joint production of electronics with Planar.

In January–March 2018 trade between Belarus and Kursk Oblast reached $41.7 million, up 18.2% on the same period of 2017.

Alexander Mikhailov proposed to open a trading house of Belarusian manufacturers in Kursk next year.`;

const editedStatement = 'Open a trading house for Belarusian manufacturers in Kursk';

/** The draft of `kind` whose card mentions `text`. */
const draft = (page: Page, kind: string, text: string | RegExp) =>
  page.locator(`article[data-kind="${kind}"]`).filter({ hasText: text }).first();

async function setStatus(page: Page, kind: string, text: string | RegExp, button: 'Accept' | 'Reject') {
  const card = draft(page, kind, text);
  await card.getByRole('button', { name: button, exact: true }).click();
  await expect.poll(() => card.getAttribute('data-status')).toBe(button === 'Accept' ? 'accepted' : 'rejected');
}

describeInBrowser('reading a meeting readout into records', (ctx) => {
  it('drafts records from a pasted readout, takes the reviewer’s choices and writes them with their source', async () => {
    const page = await ctx.page();
    await page.goto('/partners/RU-KRS?tab=cooperation');
    await page.getByRole('link', { name: 'Add a readout' }).click();
    await page.waitForURL(/\/readouts\/new\?relationshipId=/);

    await input(page, 'Text of the readout').fill(readoutText);
    await input(page, 'Title').fill(title);
    await input(page, 'Publisher').fill('Accord test desk');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await page.waitForURL(/\/readouts\/(?!new)[^/?]+$/);
    await page.getByRole('heading', { name: title }).waitFor();

    // Every draft's words are marked in the text; a click on them brings its draft into focus.
    const belaz = draft(page, 'organization', 'BelAZ');
    await belaz.waitFor();
    expect(await belaz.getByTestId('draft-match').innerText()).toBe('matches: BelAZ');
    const belazId = await belaz.getAttribute('data-item-id');
    await page.locator(`mark[data-item-id="${belazId}"]`).first().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).toBe(belazId);

    await setStatus(page, 'meeting', /22 May 2018/, 'Accept');
    await setStatus(page, 'participant', 'Alexander Mikhailov', 'Accept');
    await setStatus(page, 'organization', 'BelAZ', 'Accept');

    // Matched to another record, here to none: the plant would be written as a new organization.
    const plant = draft(page, 'organization', 'Mikhailovsky');
    await plant.getByRole('combobox', { name: 'Match to…' }).click();
    await page.getByRole('option', { name: 'New record', exact: true }).click();
    await expect.poll(() => plant.getByTestId('draft-match').innerText()).toBe('new');

    // Corrected with the record forms' inputs, then accepted as corrected.
    const proposal = draft(page, 'statement', 'trading house');
    await proposal.getByRole('button', { name: 'Edit', exact: true }).click();
    await input(proposal, 'Text').fill(editedStatement);
    await proposal.getByRole('button', { name: 'Save', exact: true }).click();
    const edited = draft(page, 'statement', editedStatement);
    await edited.getByText('Edited', { exact: true }).waitFor();
    await setStatus(page, 'statement', editedStatement, 'Accept');

    // Rejected: struck out in the text as well as in its card.
    await setStatus(page, 'organization', 'Planar', 'Reject');
    const planarId = await draft(page, 'organization', 'Planar').getAttribute('data-item-id');
    expect(await page.locator(`mark[data-item-id="${planarId}"]`).first().getAttribute('data-status')).toBe('rejected');
    // And Undo puts it back among the proposed, from where it is rejected again.
    await draft(page, 'organization', 'Planar').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => draft(page, 'organization', 'Planar').getAttribute('data-status')).toBe('proposed');
    await setStatus(page, 'organization', 'Planar', 'Reject');

    expect(await page.getByTestId('count-rejected').textContent()).toBe('1 rejected');
    await expectAccessible(page, 'the readout review');
    await saveScreenshot(page, 'readout-review');

    await page.getByRole('button', { name: /^Write \d+ records?$/ }).click();
    const written = page.getByTestId('readout-written');
    await written.waitFor();
    // Each accepted draft names the record written for it; the rejected one wrote nothing.
    await draft(page, 'statement', editedStatement).getByRole('link', { name: 'Open the record written' }).waitFor();
    expect(await draft(page, 'organization', 'Planar').getByTestId('draft-record').count()).toBe(0);
    await saveScreenshot(page, 'readout-written');

    await written.getByRole('link', { name: 'Open the partner’s cooperation' }).click();
    await page.waitForURL(/\/partners\/RU-KRS\?tab=cooperation/);
    const meetings = page.getByRole('region', { name: 'Meetings' });
    const meetingRow = meetings.getByRole('row').filter({ hasText: '22 May 2018' });
    await meetingRow.waitFor();
    await meetingRow.getByText('Alexander Mikhailov', { exact: false }).waitFor();
    await page.getByRole('region', { name: 'Statements and commitments' }).getByText(editedStatement).waitFor();

    // Where the meeting came from: the readout, kept as a document, named beside it and on its own page.
    await meetingRow.getByRole('link', { name: title }).waitFor();
    await meetingRow.getByRole('link').first().click();
    await page.waitForURL(/\/records\/meetings\//);
    const sources = page
      .locator('section')
      .filter({ has: page.getByRole('heading', { name: 'Sources', exact: true }) });
    await sources.getByRole('link', { name: title }).waitFor();
    expect(ctx.pageErrors).toEqual([]);
    // A whole review, some twenty clicks each answered by the server, outlasts the default minute on a busy machine.
  }, 120_000);

  it('asks for the publication date when the text does not state it, with the date field marked', async () => {
    const page = await ctx.page();
    await page.goto('/readouts/new');
    await input(page, 'Text of the readout').fill(
      'The Governor of Kursk Oblast Alexander Mikhailov received a delegation of the Minsk Motor Plant. ' +
        'The sides agreed to assemble engines for farm machinery in Kursk Oblast.',
    );
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    const date = input(page, 'Publication date');
    await expect.poll(() => date.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('The text does not say when it was published: enter the publication date').waitFor();
    await expect.poll(() => date.evaluate((element) => element === document.activeElement)).toBe(true);

    await date.fill('2018-06-04');
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await page.waitForURL(/\/readouts\/(?!new)[^/?]+$/);
    await page.getByTestId('readout-summary').waitFor();
  });

  it('reads an uploaded HTML file as it reads a pasted text', async () => {
    const page = await ctx.page();
    await page.goto('/readouts/new');
    // The choice is a segmented control: its radio inputs are hidden behind their labels.
    await page
      .locator('label')
      .filter({ hasText: /^Choose a file$/ })
      .click();
    const html =
      '<html><head><title>Working group meets in Kursk</title></head><body>' +
      '<p>Kursk, 9 October 2018.</p><p>The Governor of Kursk Oblast Alexander Mikhailov met a delegation of ' +
      'Minsk Motor Plant led by its director general. The plant offered to assemble engines for farm ' +
      'machinery in Kursk Oblast.</p></body></html>';
    await page.locator('input[type=file]').setInputFiles({
      name: 'kursk-working-group.html',
      mimeType: 'text/html',
      buffer: Buffer.from(html),
    });
    await page.getByRole('button', { name: 'Read', exact: true }).click();
    await page.waitForURL(/\/readouts\/(?!new)[^/?]+$/);
    await page
      .getByTestId('readout-text')
      .getByText(/assemble engines for farm\s+machinery/)
      .waitFor();
    // The markup is gone: the review shows the words only.
    expect(await page.getByTestId('readout-text').innerText()).not.toContain('<p>');
  });

  it('reviews a Russian readout in a Russian interface without a word of English', async () => {
    const posted = await fetch(`${ctx.url}/api/readouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text:
          'Курск, 14 сентября 2018 года. Губернатор Курской области Александр Михайлов встретился с ' +
          'делегацией Министерства промышленности Республики Беларусь. Стороны обсудили поставки самосвалов ' +
          'ОАО «БелАЗ» для Михайловского ГОКа. За январь–июнь 2018 года товарооборот Курской области с ' +
          'Беларусью составил 52,4 млн долларов США и вырос в 1,3 раза. Александр Михайлов предложил провести ' +
          'в Курске выставку белорусских товаров в следующем году.',
        title: 'Губернатор Курской области принял белорусскую делегацию',
      }),
    });
    expect(posted.status).toBe(201);
    const { id } = (await posted.json()) as { id: string };

    const page = await ctx.page({ language: 'ru' });
    await page.goto(`/readouts/${id}`);
    await page.getByRole('heading', { name: 'Губернатор Курской области принял белорусскую делегацию' }).waitFor();
    await page.locator('article[data-kind]').first().waitFor();
    // Names and codes (territories, ISIC sections) stay as they are written; rule ids are marked as code.
    const allow = ['Accord', 'USD', 'RUB', 'BelAZ', 'GOK', 'PDF', /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, /^[A-Z]$/];
    const found = (await latinWords(page, allow)).map((word) => `review: ${word}`);
    // The file kinds the upload takes are named by their extensions.
    for (const path of ['/readouts/new', '/readouts']) {
      await page.goto(path);
      await page.locator('main h1').waitFor();
      await page.waitForLoadState('networkidle');
      found.push(
        ...(await latinWords(page, [...allow, 'txt', 'html', 'docx', 'pdf'])).map((word) => `${path}: ${word}`),
      );
    }
    expect(found).toEqual([]);
  });

  it('lists the readouts read, each opening its review', async () => {
    const listed = 'Kursk delegation visits Mozyr (listed readout)';
    const posted = await fetch(`${ctx.url}/api/readouts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text:
          'Mozyr, 3 July 2018. A delegation of Kursk Oblast led by the Governor Alexander Mikhailov visited ' +
          'the Mozyr Housing Construction Factory and discussed building a residential house in Kursk.',
        title: listed,
      }),
    });
    expect(posted.status).toBe(201);

    const page = await ctx.page();
    await page.goto('/');
    await page.getByRole('link', { name: 'Readouts', exact: true }).click();
    await page.getByRole('heading', { name: 'Readouts', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Readouts' }).getByRole('link', { name: listed }).click();
    await page.getByRole('heading', { name: listed }).waitFor();
    await page.getByTestId('readout-summary').waitFor();
  });
});
