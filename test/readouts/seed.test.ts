import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import type { Readout, ReadoutItem } from '../../src/readouts/model.ts';
import { submitReadout } from '../../src/readouts/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/databases.ts';

// The seed article is evaluation data kept beside the repository, never inside it: its text is read, not copied.
const root = fileURLToPath(new URL('../..', import.meta.url));
const seed = path.resolve(root, '../shared/seeds/000_69ca2f47ea92f77d.txt');
const skipReason = fs.existsSync(seed) ? null : `${path.relative(root, seed)} is absent`;
if (skipReason) console.warn(`[accord tests] skipping the seed readout: ${skipReason}`);

type Of<K extends ReadoutItem['kind']> = Extract<ReadoutItem, { kind: K }>;
const simple = (name: string) =>
  name
    .toLowerCase()
    .replace(/["'«»“”„]/gu, '')
    .replace(/\s+/gu, ' ');

/** The Belarusian president's press service on the talks with the Governor of Kursk Oblast, 5 December 2017. */
describe.skipIf(skipReason !== null)('the seed readout, read against the demo workspace', () => {
  let database: TestDatabase;
  let readout: Readout;
  const items = <K extends ReadoutItem['kind']>(kind: K) => readout.items.filter((i): i is Of<K> => i.kind === kind);
  const participant = (surname: string) => items('participant').find((p) => p.value.name.includes(surname));

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    await loadDemo(database);
    ({ readout } = await submitReadout(database.db, {
      text: fs.readFileSync(seed, 'utf8'),
      documentDate: '2017-12-05',
      publisher: 'Press Service of the President of the Republic of Belarus',
    }));
  }, 120_000);
  afterAll(async () => {
    await database?.drop();
  });

  it('finds the talks of 5 December 2017', () => {
    expect(items('meeting').map((m) => m.value.heldOn)).toContain('2017-12-05');
  });

  it('finds Lukashenko on the home side and Mikhailov on the partner side, each with a role', () => {
    expect(participant('Lukashenko')?.value).toMatchObject({ side: 'home', role: expect.stringMatching(/\S/) });
    expect(participant('Mikhailov')?.value).toMatchObject({ side: 'partner', role: expect.stringMatching(/\S/) });
  });

  it('reads the turnover of January–September 2017: 96.3 million dollars, up 40.5 %', () => {
    expect(items('trade_figure').map((f) => f.value)).toContainEqual(
      expect.objectContaining({
        measure: 'turnover',
        reporter: 'BY',
        partner: 'RU-KRS',
        periodFrom: '2017-01',
        periodTo: '2017-09',
        amount: '96300000',
        currency: 'USD',
        growthPercent: '40.5',
      }),
    );
  });

  it('maps the five exports to their HS headings', () => {
    const codes = items('commodity').map((c) => c.value.hs);
    const has = (...prefixes: string[]) => codes.some((code) => prefixes.some((p) => code.startsWith(p)));
    expect({
      tyres: has('4011'),
      potash: has('3104'),
      fibres: has('54', '55'),
      lorries: has('8704'),
      footwear: has('64'),
    }).toEqual({ tyres: true, potash: true, fibres: true, lorries: true, footwear: true });
  });

  it('names the enterprises: BelAZ, Mikhailovsky, Planar, Minsk Motor Plant, Mozyr, Rosatom', () => {
    const names = items('organization').flatMap((o) => [simple(o.value.name), simple(o.match?.label ?? '')]);
    const named = (word: string) => names.some((name) => name.includes(word));
    expect({
      belaz: named('belaz'),
      mikhailovsky: named('mikhailovs'),
      planar: named('planar'),
      minskMotor: named('minsk motor'),
      mozyr: named('mozyr'),
      rosatom: named('rosatom'),
    }).toEqual({ belaz: true, mikhailovsky: true, planar: true, minskMotor: true, mozyr: true, rosatom: true });
  });

  it('drafts the contract for houses in 2018 as a statement', () => {
    const houses = items('statement').filter((s) => /hous/i.test(s.value.text) && /contract/i.test(s.value.text));
    expect(houses.map((s) => s.value.text)).not.toEqual([]);
    expect(houses.some((s) => s.value.text.includes('2018') || Boolean(s.value.dueTo?.startsWith('2018')))).toBe(true);
  });

  it('drafts the nuclear plant prospect with a due range in 2018–2019', () => {
    const nuclear = items('statement').filter((s) => /nuclear/i.test(s.value.text));
    expect(nuclear.map((s) => [s.value.dueFrom, s.value.dueTo])).toContainEqual([
      expect.stringMatching(/^2018-/),
      expect.stringMatching(/^2019-/),
    ]);
  });
});
