/**
 * How fast the partner page is usable: the time from navigation until the trade tab's summary figures and
 * its structure table are on screen, in Debian's Chromium against the demo data; and the size of the
 * production bundle, first page against the lazily loaded chunks.
 * Run: npm run bench:web -- [--runs 10] [--port 4210] [--partner RU-KRS]
 * Prints figures; asserts nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { openDatabase } from '../src/db/connection.ts';
import { buildApp } from '../src/http/app.ts';
import { tradeStoreFile } from '../src/trade/facts/duckdb.ts';
import { buildWebInto, writeDemoDatabase } from '../test/support/demo-site.ts';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    port: { type: 'string', default: '4210' },
    partner: { type: 'string', default: 'RU-KRS' },
    chromium: { type: 'string', default: process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium' },
  },
});
const runs = Number(args.runs);
const partnerPath = `/partners/${encodeURIComponent(args.partner)}`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

// ---- build and bundle sizes ----
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-web-'));
const webRoot = path.join(dir, 'web');
process.stdout.write('Building the web workspace…\n');
buildWebInto(webRoot);

interface Asset {
  name: string;
  raw: number;
  gzip: number;
}

function asset(file: string): Asset {
  const content = fs.readFileSync(path.join(webRoot, file));
  return { name: file, raw: content.length, gzip: gzipSync(content, { level: 9 }).length };
}

// What index.html names (its script, stylesheets and module preloads) is what the first page loads.
const indexHtml = fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
const firstPageFiles = new Set(
  [...indexHtml.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!),
);
const allFiles = fs
  .readdirSync(path.join(webRoot, 'assets'))
  .filter((name) => /\.(js|css)$/.test(name))
  .map((name) => `assets/${name}`);
const firstPage = allFiles.filter((file) => firstPageFiles.has(file)).map(asset);
const lazy = allFiles.filter((file) => !firstPageFiles.has(file)).map(asset);
const sum = (assets: Asset[], ext: string) => {
  const chosen = assets.filter((a) => a.name.endsWith(ext));
  return { raw: chosen.reduce((t, a) => t + a.raw, 0), gzip: chosen.reduce((t, a) => t + a.gzip, 0), n: chosen.length };
};

// The bench's databases keep their trade beside them, never in a store the environment names.
delete process.env.ACCORD_TRADE_DATABASE;

// ---- server on a private copy of the demo ----
const file = path.join(dir, 'accord.sqlite');
await writeDemoDatabase(file);
const copy = path.join(dir, 'bench.sqlite');
fs.copyFileSync(file, copy);
// The demo's trade lives in the trade store beside the records.
fs.copyFileSync(tradeStoreFile(file), tradeStoreFile(copy));
const database = await openDatabase({
  target: { dialect: 'sqlite', file: copy, display: copy },
  migrations: 'require-current',
});
const app = await buildApp({ db: database.db, database, webRoot });
await app.listen({ host: '127.0.0.1', port: Number(args.port) });
const baseURL = `http://127.0.0.1:${args.port}`;

const browser: Browser = await chromium.launch({
  executablePath: args.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

// Every page records, once per animation frame, when the summary figures, the structure table and the
// treemap first appear, counted from `t0` (navigation start for a load, the click for a client navigation).
// Plain text rather than a function: tsx would wrap the function's inner functions in a helper the page
// does not have.
const watchForFigures = `
  window.__bench = { t0: 0, marks: {} };
  const watched = {
    summary: '[data-testid="summary-turnover"]',
    structure: '[data-testid="structure-table"] tbody tr',
    treemap: '[data-testid="structure-treemap"] canvas',
  };
  const shown = (selector) => {
    const element = document.querySelector(selector);
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const frame = () => {
    const now = performance.now();
    for (const [name, selector] of Object.entries(watched)) {
      if (window.__bench.marks[name] === undefined && shown(selector)) window.__bench.marks[name] = now - window.__bench.t0;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`;

async function marksOf(page: Page): Promise<Record<string, number>> {
  const shown = page.waitForFunction(
    () => {
      const marks = (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks;
      return marks.summary !== undefined && marks.structure !== undefined && marks.treemap !== undefined;
    },
    undefined,
    { timeout: 30_000 },
  );
  await shown.catch(async (error: Error) => {
    await page.screenshot({ path: path.join(os.tmpdir(), 'accord-bench-failure.png'), fullPage: true });
    const seen = await page.evaluate(() => ({
      url: window.location.href,
      heading: document.querySelector('h1')?.textContent,
      marks: (window as unknown as { __bench?: { marks: object } }).__bench?.marks,
    }));
    throw new Error(`the figures did not appear: ${error.message}; page: ${JSON.stringify(seen)}`);
  });
  return page.evaluate(() => (window as unknown as { __bench: { marks: Record<string, number> } }).__bench.marks);
}

async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', viewport: { width: 1366, height: 900 } });
  await context.addInitScript({ content: watchForFigures });
  return context.newPage();
}

/** Open the overview, then go to the partner page the way a reader does: by its link, or by history when the
 * overview shows no link to it yet. */
async function clientNavigation(): Promise<{ marks: Record<string, number>; how: string }> {
  const page = await freshPage();
  await page.goto('/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const link = page.locator(`a[href^="${partnerPath}"]`).first();
  const how = (await link.count()) > 0 ? 'link on the overview' : 'history.pushState, no link on the overview yet';
  if (how.startsWith('link')) await link.hover();
  await page.evaluate(
    ({ target, byLink }) => {
      (window as unknown as { __bench: { t0: number; marks: object } }).__bench = {
        t0: performance.now(),
        marks: {},
      };
      if (byLink) {
        document.querySelector<HTMLAnchorElement>(`a[href^="${target}"]`)!.click();
      } else {
        // The router watches pushState (it wraps it), as it does its own links.
        const index = (window.history.state as { __TSR_index?: number } | null)?.__TSR_index ?? 0;
        window.history.pushState({ __TSR_index: index + 1 }, '', target);
      }
    },
    { target: partnerPath, byLink: how.startsWith('link') },
  );
  const marks = await marksOf(page);
  await page.context().close();
  return { marks, how };
}

interface Fetched {
  name: string;
  start: number;
  end: number;
}

async function coldLoad(): Promise<{
  marks: Record<string, number>;
  files: Set<string>;
  requests: number;
  fetched: Fetched[];
}> {
  const page = await freshPage();
  const files = new Set<string>();
  let requests = 0;
  page.on('request', (request) => {
    requests += 1;
    const pathname = new URL(request.url()).pathname;
    if (/\.(js|css)$/.test(pathname)) files.add(pathname.replace(/^\//, ''));
  });
  await page.goto(partnerPath, { waitUntil: 'commit' });
  const marks = await marksOf(page);
  await page.waitForLoadState('networkidle');
  const fetched = await page.evaluate(() =>
    performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name.replace(window.location.origin, ''),
      start: entry.startTime,
      end: (entry as PerformanceResourceTiming).responseEnd,
    })),
  );
  await page.context().close();
  return { marks, files, requests, fetched };
}

// One of each first, so the server and the disk cache of the build are warm before anything counts.
await clientNavigation();
await coldLoad();

const navigations: Array<Record<string, number>> = [];
let how = '';
for (let i = 0; i < runs; i += 1) {
  const result = await clientNavigation();
  navigations.push(result.marks);
  how = result.how;
}
const loads: Array<Record<string, number>> = [];
let loadFiles = new Set<string>();
let loadRequests = 0;
let waterfall: Fetched[] = [];
for (let i = 0; i < runs; i += 1) {
  const result = await coldLoad();
  loads.push(result.marks);
  loadFiles = result.files;
  loadRequests = result.requests;
  waterfall = result.fetched;
}

const chromiumVersion = browser.version();
await browser.close();
await app.close();
await database.close();

// ---- report ----
const row = (label: string, samples: Array<Record<string, number>>) => {
  const of = (name: string) => `${median(samples.map((s) => s[name]!)).toFixed(0)} ms`.padStart(8);
  const worst = Math.max(...samples.map((s) => Math.max(s.summary!, s.structure!)));
  return `${label.padEnd(44)}${of('summary')}${of('structure')}${of('treemap')}   (slowest of ${samples.length}: ${worst.toFixed(0)} ms)`;
};
const cpu = os.cpus();
console.log(`\nCommand: node --import tsx bench/partner-page.ts --runs ${runs}`);
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}; Chromium ${chromiumVersion} at ${args.chromium}`,
);
console.log(`\nPartner page ${partnerPath}, demo data, medians of ${runs} runs (time until shown):`);
console.log(`${''.padEnd(44)}${'summary'.padStart(8)}${'table'.padStart(8)}${'treemap'.padStart(8)}`);
console.log(row(`overview → partner page (${how})`, navigations));
console.log(row('cold load of the partner page (empty cache)', loads));
const loaded = allFiles.filter((f) => loadFiles.has(f)).map(asset);
console.log(
  `  a cold load made ${loadRequests} requests; its JS and CSS: ${loaded.length} files, ` +
    `${kib(loaded.reduce((t, a) => t + a.raw, 0))} raw / ${kib(loaded.reduce((t, a) => t + a.gzip, 0))} gzip`,
);

console.log('  what the last cold load fetched (ms from navigation start to response end):');
for (const entry of waterfall) {
  const name = entry.name.length > 90 ? `${entry.name.slice(0, 87)}…` : entry.name;
  console.log(`    ${entry.start.toFixed(0).padStart(5)} → ${entry.end.toFixed(0).padStart(5)}  ${name}`);
}

const js1 = sum(firstPage, '.js');
const css1 = sum(firstPage, '.css');
const jsLazy = sum(lazy, '.js');
const cssLazy = sum(lazy, '.css');
console.log('\nProduction bundle (raw / gzip):');
console.log(`  first page JS   ${js1.n} file(s)  ${kib(js1.raw)} / ${kib(js1.gzip)}`);
console.log(`  first page CSS  ${css1.n} file(s)  ${kib(css1.raw)} / ${kib(css1.gzip)}`);
console.log(`  lazy JS chunks  ${jsLazy.n} file(s)  ${kib(jsLazy.raw)} / ${kib(jsLazy.gzip)}`);
console.log(`  lazy CSS        ${cssLazy.n} file(s)  ${kib(cssLazy.raw)} / ${kib(cssLazy.gzip)}`);
console.log('  largest lazy chunks:');
for (const chunk of [...lazy].sort((a, b) => b.raw - a.raw).slice(0, 6)) {
  console.log(`    ${chunk.name.padEnd(48)} ${kib(chunk.raw).padStart(11)} / ${kib(chunk.gzip).padStart(10)}`);
}

fs.rmSync(dir, { recursive: true, force: true });
