import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliOn } from '../support/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-readout-'));
const database = path.join(dir, 'accord.sqlite');
// The same program run in this process, seconds faster a command; the binary itself for one check.
const accord = cliInProcess(database, { cwd: dir });
const binary = cliOn(database, { cwd: dir });

// Written for this test: the text gives the day of the talks but not the year nor when it was published, so the
// command has to be told the date.
const readout = `Talks with the Governor of Kursk Oblast

On 11 February the Prime Minister of Belarus Sergei Rumas held talks in Minsk with the Governor of Kursk Oblast Roman Starovoit.

In 2019 trade between Belarus and Kursk Oblast came to $230 million, 9.1% more than a year earlier.

Roman Starovoit proposed that Belarusian firms assemble farm machinery at a plant in the region.
`;

/** `accord readout` as an analyst runs it on a readout saved to a file, in the demo workspace. */
describe('accord readout', () => {
  beforeAll(async () => {
    const migrated = await accord('migrate');
    expect(migrated.code, migrated.stderr).toBe(0);
    const demo = await accord('demo');
    expect(demo.code, demo.stderr).toBe(0);
    fs.writeFileSync(path.join(dir, 'kursk.txt'), readout);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the draft of a readout file as JSON, then writes it as records', async () => {
    const extracted = await accord('readout', 'extract', 'kursk.txt', '--date', '2020-02-12', '--json');
    expect(extracted.code, extracted.stderr).toBe(0);
    const draft = JSON.parse(extracted.stdout);
    expect(draft).toMatchObject({ status: 'draft', language: 'en', documentDate: '2020-02-12', dateStated: false });
    expect(draft.items.map((i: { kind: string }) => i.kind)).toEqual(
      expect.arrayContaining(['participant', 'trade_figure', 'statement']),
    );
    expect(draft.items).toContainEqual(
      expect.objectContaining({ kind: 'meeting', value: expect.objectContaining({ heldOn: '2020-02-11' }) }),
    );
    expect(draft.items).toContainEqual(
      expect.objectContaining({
        kind: 'participant',
        value: expect.objectContaining({ name: 'Roman Starovoit', side: 'partner' }),
      }),
    );

    const accepted = await accord('readout', 'accept', draft.id, '--all', '--json');
    expect(accepted.code, accepted.stderr).toBe(0);
    const done = JSON.parse(accepted.stdout);
    expect(done).toMatchObject({ id: draft.id, status: 'accepted' });
    expect(done.meetingId).not.toBeNull();
    expect(done.items.filter((i: { recordId: string | null }) => i.recordId !== null).length).toBeGreaterThan(0);

    const shown = await accord('readout', 'show', draft.id);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('accepted');

    const again = await accord('readout', 'accept', draft.id, '--all');
    expect(again.code).not.toBe(0);
  }, 120_000);

  it('says the date is needed when the text states none and none is given', async () => {
    fs.writeFileSync(path.join(dir, 'undated.txt'), readout.replace('On 11 February the', 'The'));
    const result = await accord('readout', 'extract', 'undated.txt');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/states no date/);
    expect(result.stdout).toBe('');
  }, 60_000);

  it('exits non-zero naming a file that is not there', async () => {
    const result = await binary('readout', 'extract', 'missing.txt', '--date', '2020-02-12');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('missing.txt: no such file');
    expect(result.stdout).toBe('');
  }, 60_000);

  it('extracts a commodity from a word the analyst added to the lexicon, until it is removed', async () => {
    const added = await accord('readout', 'lexicon', 'add', 'kale', '--hs', '0704', '--json');
    expect(added.code, added.stderr).toBe(0);
    const kale = JSON.parse(added.stdout);
    expect(kale).toMatchObject({ kind: 'commodity', term: 'kale', language: 'en', code: '0704' });

    const wrongScript = await accord('readout', 'lexicon', 'add', 'брюква', '--hs', '0706', '--lang', 'en');
    expect(wrongScript.code).not.toBe(0);
    expect(wrongScript.stderr).toContain('Cyrillic');
    const neither = await accord('readout', 'lexicon', 'add', 'kale');
    expect(neither.code).not.toBe(0);
    expect(neither.stderr).toContain('--hs');

    const listed = await accord('readout', 'lexicon', 'list');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${kale.id}.*kale.*HS 0704`));

    fs.writeFileSync(
      path.join(dir, 'kale.txt'),
      readout.replace('farm machinery', 'kale').replace('assemble', 'buy').replace('at a plant in', 'grown in'),
    );
    const extracted = await accord('readout', 'extract', 'kale.txt', '--date', '2020-02-12', '--json');
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(JSON.parse(extracted.stdout).items).toContainEqual(
      expect.objectContaining({ kind: 'commodity', value: expect.objectContaining({ hs: '0704' }) }),
    );

    const removed = await accord('readout', 'lexicon', 'remove', kale.id);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await accord('readout', 'lexicon', 'list', '--json')).stdout).not.toContain(kale.id);
    const again = await accord('readout', 'lexicon', 'remove', kale.id);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toContain('does not exist');
  }, 120_000);
});
