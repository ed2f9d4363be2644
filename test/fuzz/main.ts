// `npm run fuzz -- --requests 10000 [--seed N] [--engines sqlite,postgres]`: the long run of the generated
// requests of test/http/fuzz.test.ts, on a fresh database of each engine with the demo loaded.
import { parseArgs } from 'node:util';
import { createTestDatabase, probePostgres, type Engine } from '../support/databases.ts';
import { formatReport } from './run.ts';
import { fuzzDemoServer } from './serve.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    engines: { type: 'string', default: 'sqlite,postgres' },
  },
});
const requests = Number(values.requests);
if (!Number.isInteger(requests) || requests < 1)
  throw new Error(`--requests takes a whole number, not ${values.requests}`);
let failed = false;
for (const engine of values.engines.split(',') as Engine[]) {
  if (engine === 'postgres') {
    const problem = await probePostgres();
    if (problem) {
      process.stdout.write(`[fuzz postgres] skipped: ${problem}\n`);
      failed ||= process.env.CI === 'true';
      continue;
    }
  }
  const database = await createTestDatabase(engine);
  try {
    const report = await fuzzDemoServer(database, { requests, seed: values.seed ? Number(values.seed) : undefined });
    process.stdout.write(`${formatReport(engine, report)}\n`);
    failed ||= report.failure !== null || !report.serverAlive;
  } finally {
    await database.drop();
  }
}
process.exitCode = failed ? 1 : 0;
