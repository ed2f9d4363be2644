import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOn } from '../support/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-readout-'));
const database = path.join(dir, 'accord.sqlite');
const accord = cliOn(database, { cwd: dir });

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
    const result = await accord('readout', 'extract', 'missing.txt', '--date', '2020-02-12');
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('missing.txt: no such file');
    expect(result.stdout).toBe('');
  }, 60_000);
});
