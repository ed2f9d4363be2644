import { expect, it } from 'vitest';
import { fuzzDemoServer } from '../fuzz/serve.ts';
import { formatReport } from '../fuzz/run.ts';
import { describeOnEngines } from '../support/engines.ts';

// About 3,000 requests in the normal run, half on each engine (some fifteen per operation); `npm run fuzz -- --requests 10000` runs the long one.
const requests = Number(process.env.ACCORD_FUZZ_REQUESTS ?? 1500);

describeOnEngines('every API operation under generated requests, valid and hostile', (ctx) => {
  it('never answers 5xx, answers every error as problem+json and keeps running', async () => {
    const report = await fuzzDemoServer(ctx.database, { requests });
    console.log(formatReport(ctx.engine, report));
    expect(report.failure).toBeNull();
    expect(report.serverAlive).toBe(true);
    expect(report.requests).toBeGreaterThanOrEqual(requests);
    // Generated requests reach past validation into many operations, not only their error paths. How many varies
    // with the random seed (about half of 114 operations at 1,500 requests), so the floor sits below that.
    expect(report.operationsReached).toBeGreaterThan(report.operations * 0.4);
  }, 300_000);
});
