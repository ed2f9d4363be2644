import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { rawRequest, type RawAnswer } from '../support/http.ts';
import {
  operationsOf,
  requestsFor,
  type FuzzRequest,
  type OpenApiDocument,
  type RequestKind,
  type Vocabulary,
} from './requests.ts';

export interface FuzzReport {
  requests: number;
  operations: number;
  operationsReached: number;
  /** Operations no request got past validation into: where the generator needs to learn valid values. */
  operationsNotReached: string[];
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  /** The first answer that broke a rule, after fast-check shrank the request; null when none did. */
  failure: string | null;
  serverAlive: boolean;
  seed: number;
  seconds: number;
}

/** Where uploads go on the server: no answer may name it. */
const serverTemp = path.join(os.tmpdir(), 'accord-');

/**
 * Sends `requests` generated requests to the server at `base`, one after the other, and checks each answer:
 * never 5xx, every error problem+json with its status inside, no write from another site and no request for a
 * foreign host taken, no path of the server's temporary files in any answer. Then checks the server still answers.
 */
export async function fuzzServer(
  base: string,
  options: { requests: number; seed?: number; bodyLimit: number },
): Promise<FuzzReport> {
  const started = performance.now();
  const host = new URL(base).host;
  const spec = JSON.parse((await rawRequest(base, { path: '/api/openapi.json' })).body) as OpenApiDocument;
  const operations = operationsOf(spec);
  const vocabulary = await vocabularyOf(base);
  const report: FuzzReport = {
    requests: 0,
    operations: operations.length,
    operationsReached: 0,
    operationsNotReached: [],
    byStatus: {},
    byKind: {},
    failure: null,
    serverAlive: false,
    seed: options.seed ?? Date.now() % 2 ** 31,
    seconds: 0,
  };
  const reached = new Set<string>();
  const jobs: string[] = [];
  const arbitrary = requestsFor(spec, operations, vocabulary, { host, hugeBody: options.bodyLimit + 1024 });
  const outcome = await fc.check(
    fc.asyncProperty(arbitrary, async (request) => {
      const answer = await send(base, request);
      report.requests += 1;
      report.byStatus[answer.status] = (report.byStatus[answer.status] ?? 0) + 1;
      report.byKind[request.kind] = (report.byKind[request.kind] ?? 0) + 1;
      if (answer.status < 400) reached.add(request.operation);
      if (answer.status === 202 && request.operation === 'POST /api/trade/imports')
        jobs.push(JSON.parse(answer.body).id);
      const broken = ruleBroken(request.kind, answer);
      if (broken) throw new Error(broken);
    }),
    { numRuns: options.requests, seed: report.seed, endOnFailure: false },
  );
  if (outcome.failed) {
    report.failure = fc.defaultReportMessage(outcome) ?? 'failed';
  }
  // What the import jobs report is an answer too: it must break no rule either.
  for (const id of jobs) {
    const job = await jobFinished(base, id);
    const broken = job && ruleBroken('valid', job);
    if (broken && !report.failure) report.failure = `import job ${id}: ${broken}`;
  }
  report.serverAlive = (await rawRequest(base, { path: '/api/health' }).catch(() => ({ status: 0 }))).status === 200;
  report.operationsReached = reached.size;
  report.operationsNotReached = operations.map((o) => o.id).filter((id) => !reached.has(id));
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

async function send(base: string, request: FuzzRequest): Promise<RawAnswer> {
  try {
    return await rawRequest(base, request);
  } catch (error) {
    return { status: 0, headers: {}, body: `no answer: ${(error as Error).message}` };
  }
}

function ruleBroken(kind: RequestKind, answer: RawAnswer): string | null {
  if (answer.status === 0) return answer.body;
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.body.slice(0, 500)}`;
  if (answer.body.includes(serverTemp))
    return `the answer names a temporary path of the server: ${answer.body.slice(0, 500)}`;
  if (kind === 'foreign host' && answer.status < 400) return `answered ${answer.status} for a foreign host`;
  if (kind === 'cross-site write' && answer.status < 400) return `took a write from another site (${answer.status})`;
  const type = String(answer.headers['content-type'] ?? '');
  if (answer.status >= 400) {
    if (!type.startsWith('application/problem+json'))
      return `answered ${answer.status} as ${type || 'no content type'}, not problem+json`;
    let problem: { status?: unknown; code?: unknown; title?: unknown; detail?: unknown; problems?: unknown };
    try {
      problem = JSON.parse(answer.body);
    } catch {
      return `answered ${answer.status} with problem+json that is not JSON: ${answer.body.slice(0, 200)}`;
    }
    if (problem.status !== answer.status)
      return `problem+json says status ${String(problem.status)} in a ${answer.status} answer`;
    if (
      typeof problem.code !== 'string' ||
      typeof problem.title !== 'string' ||
      typeof problem.detail !== 'string' ||
      !Array.isArray(problem.problems)
    ) {
      return `problem+json without code, title, detail or problems: ${answer.body.slice(0, 300)}`;
    }
  } else if (type.startsWith('application/json')) {
    try {
      JSON.parse(answer.body);
    } catch {
      return `answered ${answer.status} with JSON that does not parse`;
    }
  }
  return null;
}

/** Ids of the records the server holds, and codes and periods its data use. */
async function vocabularyOf(base: string): Promise<Vocabulary> {
  const ids: Record<string, string[]> = {};
  const collections = [
    'organizations',
    'people',
    'meetings',
    'statements',
    'projects',
    'outlets',
    'documents',
    'relationships',
    'agreements',
    'positions',
  ];
  for (const collection of collections) {
    const answer = await rawRequest(base, { path: `/api/${collection}?limit=50` });
    ids[collection] = (JSON.parse(answer.body).items as Array<{ id: string }>).map((item) => item.id);
  }
  const datasets = JSON.parse((await rawRequest(base, { path: '/api/trade/datasets' })).body) as Array<{ id: string }>;
  ids['trade/datasets'] = datasets.map((dataset) => dataset.id);
  const figures = JSON.parse((await rawRequest(base, { path: '/api/trade/figures' })).body) as Array<{ id: string }>;
  ids['trade/figures'] = figures.map((figure) => figure.id);
  const relationships = JSON.parse((await rawRequest(base, { path: '/api/relationships?limit=50' })).body) as {
    items: Array<{ homeCode: string; partnerCode: string }>;
  };
  return {
    ids,
    territories: ['BY', 'RU', 'RU-KRS', 'RU-BEL', 'DE', 'CN', 'US', 'XK', 'ZZ'],
    homes: [...new Set(relationships.items.map((r) => r.homeCode)), 'ZZ'],
    partners: [...new Set(relationships.items.map((r) => r.partnerCode)), 'DE', 'ZZ'],
    hsCodes: ['40', '4011', '401110', '3104', '8704', '99', '0000'],
    periods: ['2017-01..2017-09', '2017', '2016-01..2017-12', '2013..2017', '2017-09', '2018-01..2018-03'],
    dates: ['2017-12-05', '2017-12-04', '2016-06-01', '2018-03-31', '2026-12-07', '2017-02-29', '1900-01-01'],
  };
}

async function jobFinished(base: string, id: string): Promise<RawAnswer | null> {
  for (let i = 0; i < 3000; i += 1) {
    const answer = await rawRequest(base, { path: `/api/trade/imports/${id}` });
    if (answer.status !== 200 || JSON.parse(answer.body).status !== 'running') return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

export function formatReport(engine: string, report: FuzzReport & { serverErrors?: string[] }): string {
  const statuses = Object.entries(report.byStatus)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([status, count]) => `${status}: ${count}`)
    .join(', ');
  const kinds = Object.entries(report.byKind)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  return [
    `[fuzz ${engine}] ${report.requests} requests in ${report.seconds.toFixed(1)} s (seed ${report.seed}), ${report.operations} operations, ${report.operationsReached} answered 2xx at least once`,
    `[fuzz ${engine}] answers by status: ${statuses}; 5xx: ${Object.entries(report.byStatus)
      .filter(([s]) => Number(s) >= 500)
      .reduce((n, [, c]) => n + c, 0)}`,
    `[fuzz ${engine}] requests by kind: ${kinds}`,
    `[fuzz ${engine}] never past validation: ${report.operationsNotReached.join(', ') || 'none'}`,
    `[fuzz ${engine}] server alive afterwards: ${report.serverAlive ? 'yes' : 'NO'}; rules broken: ${report.failure ? 'yes' : 'none'}`,
    ...(report.failure ? [report.failure] : []),
    ...(report.serverErrors ?? []).slice(0, 5).map((line) => `[fuzz ${engine}] server log: ${line.trim()}`),
  ].join('\n');
}
