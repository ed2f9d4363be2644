import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../../../src/db/connection.ts';
import { prepareDatabase } from '../../../src/db/setup.ts';
import { buildApp } from '../../../src/http/app.ts';
import { tradeStoreFile } from '../../../src/trade/facts/duckdb.ts';

const executablePath = process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium';
const chromiumProblem = fs.existsSync(executablePath) ? null : `no Chromium at ${executablePath}`;
if (chromiumProblem) {
  if (process.env.CI === 'true') throw new Error(`${chromiumProblem}; CI requires it (apt-get install -y chromium)`);
  console.warn(`[accord tests] skipping browser tests: ${chromiumProblem}`);
}

export const screenshotDir = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export interface BrowserContextForTests {
  /** The server's address, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly database: Database;
  /** A fresh page (own cookies and storage); console errors and failed requests are collected. */
  page(options?: { language?: 'en' | 'ru' }): Promise<Page>;
  /** Errors the page printed to its console or threw, for asserting that there were none. */
  readonly pageErrors: string[];
}

/**
 * A suite against a real server on a private copy of the demo database (or, with `workspace: 'empty'`, a
 * database with the reference data only), driven in Debian's Chromium.
 * Skipped with a printed reason where Chromium is missing, except under CI=true.
 */
export function describeInBrowser(
  name: string,
  suite: (ctx: BrowserContextForTests) => void,
  options: { workspace?: 'demo' | 'empty' } = {},
): void {
  const run = chromiumProblem ? describe.skip : describe;
  run(name, () => {
    let browser: Browser | undefined;
    let app: FastifyInstance | undefined;
    let database: Database | undefined;
    let dir: string | undefined;
    let url = '';
    const contexts: BrowserContext[] = [];
    const pageErrors: string[] = [];

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-run-'));
      const file = path.join(dir, 'accord.sqlite');
      const empty = options.workspace === 'empty';
      if (!empty) {
        const demo = inject('demoDatabaseFile');
        fs.copyFileSync(demo, file);
        // The demo's trade facts live in the DuckDB file beside its records.
        for (const suffix of ['', '.wal']) {
          const facts = `${tradeStoreFile(demo)}${suffix}`;
          if (fs.existsSync(facts)) fs.copyFileSync(facts, `${tradeStoreFile(file)}${suffix}`);
        }
      }
      database = await openDatabase({
        target: { dialect: 'sqlite', file, display: file },
        migrations: empty ? 'none' : 'require-current',
      });
      if (empty) await prepareDatabase(database.db);
      app = await buildApp({ db: database.db, database, webRoot: inject('webRoot') });
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      if (!address || typeof address !== 'object') throw new Error('server has no address');
      url = `http://127.0.0.1:${address.port}`;
      browser = await chromium.launch({
        executablePath,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-quic',
          '--no-first-run',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    }, 120_000);

    afterAll(async () => {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser?.close();
      await app?.close();
      await database?.close();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    suite({
      get url() {
        return url;
      },
      get database() {
        if (!database) throw new Error('database not ready');
        return database;
      },
      pageErrors,
      async page(options = {}) {
        if (!browser) throw new Error('browser not ready');
        const language = options.language ?? 'en';
        const context = await browser.newContext({
          baseURL: url,
          locale: language === 'ru' ? 'ru-RU' : 'en-GB',
          viewport: { width: 1366, height: 900 },
        });
        contexts.push(context);
        await context.addInitScript((lang: string) => {
          // A sandboxed frame (the briefing preview) runs this too, but has no storage to reach.
          if (window.origin === 'null') return;
          if (!window.localStorage.getItem('accord.language')) window.localStorage.setItem('accord.language', lang);
        }, language);
        const page = await context.newPage();
        page.setDefaultTimeout(10_000);
        page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
        page.on('console', (message) => {
          if (message.type() === 'error') pageErrors.push(`console: ${message.text()}`);
        });
        return page;
      },
    });
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe (WCAG 2 A and AA rules) on the page as it is now and fails listing every violation. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  // Evaluated through the browser's debugging protocol: the page's content security policy refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; help: string; nodes: { target: unknown[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    );
  });
  expect(violations, `accessibility violations on ${what}`).toEqual([]);
}

/** Saves a full-page screenshot under test-results/screenshots (not committed), for a person to look at. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}
