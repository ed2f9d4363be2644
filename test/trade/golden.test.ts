import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/engines.ts';
import { demoCases, generatedCases, goldenAnswers, goldenDir, importGenerated } from '../support/trade-golden.ts';

const golden = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(goldenDir, file), 'utf8'));

// The answers the trade store gives today, kept before the store is replaced: every engine must give them.
for (const engine of engines) {
  describe(`the golden trade answers [${engine}]`, () => {
    let demo: TestDatabase;
    let generated: TestDatabase;
    beforeAll(async () => {
      demo = await createTestDatabase(engine);
      generated = await createTestDatabase(engine);
    }, 60_000);
    afterAll(async () => {
      await demo?.drop();
      await generated?.drop();
    });

    it('gives the demo workspace’s summary, structure, series and ranking as written down', async () => {
      await loadDemo(demo);
      expect(await goldenAnswers(demo.db, demoCases)).toEqual(golden('demo.json'));
    });

    it('gives the answers of the generated 450,000-row BACI-like file as written down', async () => {
      await importGenerated(generated);
      expect(await goldenAnswers(generated.db, generatedCases)).toEqual(golden('baci-450000.json'));
    }, 120_000);
  });
}
