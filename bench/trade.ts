/**
 * Trade monitor benchmark: Accord's ingest and partner profile against DuckDB on the same BACI-like CSV.
 * Run: npm run bench -- --rows 1000000 [--engines sqlite,postgres] [--pairs BY-RU,CN-US] [--runs 11] [--warmup 5]
 * Prints figures; asserts nothing. Generated files are cached in bench/.data/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/connection.ts';
import { prepareDatabase } from '../src/db/setup.ts';
import { partnerRanking } from '../src/trade/analytics/insights.ts';
import { tradeSeries, tradeStructure, tradeSummary } from '../src/trade/analytics/service.ts';
import { tradeStoreFile } from '../src/trade/facts/duckdb.ts';
import { importTradeFile } from '../src/trade/importers/service.ts';
import { productTrade } from '../src/trade/products/service.ts';
import { benchTerritories, generateBaciLike, writeCountryTable } from './generate-baci.ts';

// The bench's databases keep their trade beside them, never in a store the environment names.
delete process.env.ACCORD_TRADE_DATABASE;

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    pairs: { type: 'string', default: 'BY-RU,CN-US' },
    runs: { type: 'string', default: '11' },
    warmup: { type: 'string', default: '5' },
    postgres: {
      type: 'string',
      default: process.env.ACCORD_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
const warmup = Number(args.warmup);
const engines = args.engines.split(',');
const pairs = args.pairs.split(',').map((p) => p.split('-') as [string, string]);
const current = { from: 201701, to: 201709 };
const previous = { from: 201601, to: 201609 };
const series = { from: 201301, to: 201712 };

const dataDir = path.join(path.dirname(new URL(import.meta.url).pathname), '.data');
fs.mkdirSync(dataDir, { recursive: true });
const csv = path.join(dataDir, `baci-like-${rows}.csv`);
const countries = path.join(dataDir, 'country-codes.csv');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await work();
  return { ms: performance.now() - start, result };
}

/** The median of `runs` timed runs after `warmup` untimed ones, so both sides are measured warm. */
async function medianOf(work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i += 1) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) times.push((await timed(work)).ms);
  return median(times);
}

const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  process.stdout.write(`${line}\n`);
};

if (!fs.existsSync(csv)) {
  process.stderr.write(`generating ${rows} rows into ${csv}…\n`);
  const g = await timed(() => generateBaciLike(csv, { rows }));
  process.stderr.write(
    `generated ${g.result.rows} rows, ${(g.result.bytes / 1e6).toFixed(0)} MB in ${(g.ms / 1000).toFixed(1)} s\n`,
  );
}
writeCountryTable(countries);
const numeric = new Map(
  [...benchTerritories().countries, ...benchTerritories().regions].map((t) => [t.code, t.numeric]),
);
const sizeMb = fs.statSync(csv).size / 1e6;
report(
  `rows ${rows.toLocaleString('en-US')}, CSV ${sizeMb.toFixed(0)} MB, ${os.cpus().length} cores, node ${process.version}`,
);

/** The process's peak memory since `resetPeak` (Linux), DuckDB's included: it runs in this process. */
function resetPeak(): void {
  fs.writeFileSync('/proc/self/clear_refs', '5');
}
function peakMb(): number {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

// DuckDB: its own CREATE TABLE AS read_csv into a file-backed database, then the same answers by SQL over
// the raw rows.
const duckFile = path.join(dataDir, 'duckdb-baseline.duckdb');
const removeDuckFile = () => [duckFile, `${duckFile}.wal`].forEach((f) => fs.rmSync(f, { force: true }));
removeDuckFile();
const duckInstance = await DuckDBInstance.create(duckFile);
const duck = await duckInstance.connect();
const duckLoad = await timed(() => duck.run(`create table flows as select * from read_csv('${csv}')`));
const duckRowsPerSecond = rows / (duckLoad.ms / 1000);
report(
  `DuckDB CREATE TABLE AS read_csv (file-backed): ${(duckLoad.ms / 1000).toFixed(2)} s, ${Math.round(duckRowsPerSecond).toLocaleString('en-US')} rows/s`,
);

async function duckProfile(home: number, partner: number): Promise<void> {
  const between = (r: { from: number; to: number }) => `t between ${r.from} and ${r.to}`;
  const pair = `((i = ${home} and j = ${partner}) or (i = ${partner} and j = ${home}))`;
  await duck.runAndReadAll(`select
      sum(v) filter (where i = ${home} and ${between(current)}), sum(v) filter (where i = ${partner} and ${between(current)}),
      sum(v) filter (where i = ${home} and ${between(previous)}), sum(v) filter (where i = ${partner} and ${between(previous)})
    from flows where ${pair} and (${between(current)} or ${between(previous)})`);
  await duck.runAndReadAll(`select substr(lpad(cast(k as varchar), 6, '0'), 1, 4) as code, sum(v) filter (where ${between(current)}) as cur,
      sum(v) filter (where ${between(previous)}) as prev
    from flows where ${pair} and (${between(current)} or ${between(previous)}) group by code order by cur desc nulls last limit 20`);
  await duck.runAndReadAll(`select t, sum(v) filter (where i = ${home}), sum(v) filter (where i = ${partner})
    from flows where ${pair} and ${between(series)} group by t order by t`);
  await duck.runAndReadAll(`select partner, sum(v) filter (where ${between(current)}) as cur, sum(v) filter (where ${between(previous)}) as prev
    from (select j as partner, t, v from flows where i = ${home} union all select i as partner, t, v from flows where j = ${home}) s
    where ${between(current)} or ${between(previous)} group by partner order by cur desc nulls last`);
}

async function accordProfile(database: Database, home: string, partner: string): Promise<void> {
  const q = { home, partner, range: current };
  await tradeSummary(database.db, q);
  await tradeStructure(database.db, { ...q, level: 'heading', top: 20 });
  await tradeSeries(database.db, { home, partner, range: series, granularity: 'month' });
  await partnerRanking(database.db, { home, range: current, by: 'turnover' });
}

const table: string[][] = [];
const duckProfiles = new Map<string, number>();
for (const [home, partner] of pairs) {
  duckProfiles.set(`${home}-${partner}`, await medianOf(() => duckProfile(numeric.get(home)!, numeric.get(partner)!)));
}

// Each side runs alone: DuckDB's table and threads are let go before Accord's imports.
duck.closeSync();
duckInstance.closeSync();
removeDuckFile();

for (const engine of engines) {
  let database: Database;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const file = path.join(dataDir, `accord-bench-${rows}.sqlite`);
    // The records, and the trade store beside them.
    const files = [file, `${file}-wal`, `${file}-shm`, tradeStoreFile(file), `${tradeStoreFile(file)}.wal`];
    for (const f of files) fs.rmSync(f, { force: true });
    database = await openDatabase({ target: { dialect: 'sqlite', file, display: file }, migrations: 'none' });
    cleanup = async () => {
      await database.close();
      for (const f of files) fs.rmSync(f, { force: true });
    };
  } else {
    const name = `accord_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: args.postgres });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(args.postgres);
    url.pathname = `/${name}`;
    database = await openDatabase({
      target: { dialect: 'postgres', url: url.toString(), display: name },
      migrations: 'none',
    });
    cleanup = async () => {
      await database.close();
      const c = new pg.Client({ connectionString: args.postgres });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  try {
    await prepareDatabase(database.db);
    if (engine === 'postgres') {
      // PostgreSQL's own bulk load of the same file, for scale: no target.
      const copy = await timed(async () => {
        await sql`create table copy_baseline (t integer, i integer, j integer, k text, v double precision, q double precision)`.execute(
          database.db,
        );
        await sql.raw(`copy copy_baseline from '${csv}' with (format csv, header true)`).execute(database.db);
      });
      report(
        `PostgreSQL COPY: ${(copy.ms / 1000).toFixed(2)} s, ${Math.round(rows / (copy.ms / 1000)).toLocaleString('en-US')} rows/s`,
      );
      await sql`drop table copy_baseline`.execute(database.db);
    }
    resetPeak();
    const ingest = await timed(() =>
      importTradeFile(database, {
        format: 'baci',
        file: csv,
        countries,
        hsRevision: 'H5',
        dataset: { name: 'bench', kind: 'baci', source: 'generated' },
      }),
    );
    const rowsPerSecond = rows / (ingest.ms / 1000);
    report(
      `${engine}: import ${(ingest.ms / 1000).toFixed(2)} s, ${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s, peak memory ${peakMb().toFixed(0)} MB`,
    );
    const product = await medianOf(() => productTrade(database.db, { hs: '8704', year: 2017, top: 20 }));
    report(`${engine}: HS 8704 in 2017, top 20 importers from the world: ${product.toFixed(1)} ms`);
    for (const [home, partner] of pairs) {
      const key = `${home}-${partner}`;
      const ms = await medianOf(() => accordProfile(database, home, partner));
      const duckMs = duckProfiles.get(key)!;
      table.push([
        engine,
        Math.round(rowsPerSecond).toLocaleString('en-US'),
        (rowsPerSecond / duckRowsPerSecond).toFixed(2),
        key,
        ms.toFixed(1),
        duckMs.toFixed(1),
        (ms / duckMs).toFixed(2),
      ]);
    }
  } finally {
    await cleanup();
  }
}

report('');
report(
  '| engine | Accord ingest rows/s | × DuckDB CTAS read_csv | pair | Accord profile ms | DuckDB profile ms | Accord / DuckDB |',
);
report('|---|---|---|---|---|---|---|');
for (const row of table) report(`| ${row.join(' | ')} |`);
report('');
report(
  `profile = summary (Jan–Sep 2017 vs 2016, share, rank) + top-20 HS headings + 60-month series + ranking of all partners; medians of ${runs} runs after ${warmup} warm-up runs`,
);
