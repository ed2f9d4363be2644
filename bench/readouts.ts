/**
 * Readout benchmark: the one-time load of the extraction engine (dictionaries and gazetteers), printed apart,
 * then the time to extract each readout of a corpus folder brought to about the same length (5,000 characters
 * by default: a short one repeated, a long one cut at a sentence), matched against the demo workspace.
 * Targets (issue 18): load ≤ 2 s; extraction ≤ 100 ms per 5,000 characters once loaded.
 * Run: npm run bench:readouts -- [--dir test/fixtures/readouts/dev] [--chars 5000] [--runs 5] [--registry demo|empty]
 * Prints figures; asserts nothing. Run it in a fresh process: the load is only cold once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { extractDraft, loadEngine } from '../src/readouts/extract.ts';
import { parseReadout } from '../src/readouts/eval/gold.ts';
import { emptyRegistry } from '../src/readouts/registry.ts';
import { demoRegistry } from '../src/readouts/eval/workspace.ts';
import { detectLanguage } from '../src/readouts/text/language.ts';

const { values: args } = parseArgs({
  options: {
    dir: { type: 'string', default: 'test/fixtures/readouts/dev' },
    chars: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '5' },
    registry: { type: 'string', default: 'demo' },
  },
});
const chars = Number(args.chars);
const runs = Number(args.runs);
const command = `npm run bench:readouts -- --dir ${args.dir} --chars ${chars} --runs ${runs} --registry ${args.registry}`;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The text repeated, paragraph by paragraph, until it is long enough, then cut after the last sentence that fits. */
function toLength(text: string, length: number): string {
  const paragraphs = text.split(/\n\s*\n/u);
  let grown = text;
  for (let i = 0; grown.length < length; i++) grown += `\n\n${paragraphs[i % paragraphs.length]}`;
  if (grown.length === length) return grown;
  const cut = grown.slice(0, length);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('.\n'));
  return end > length / 2 ? cut.slice(0, end + 1) : cut;
}

const files = fs
  .readdirSync(args.dir)
  .filter((file) => file.endsWith('.txt'))
  .sort();
const readouts = files.map((file) => {
  const readout = parseReadout(fs.readFileSync(path.join(args.dir, file), 'utf8'), file);
  const text = toLength(readout.text, chars);
  return { name: path.basename(file, '.txt'), date: readout.date, text, language: detectLanguage(text) ?? 'en' };
});
const registry = args.registry === 'empty' ? emptyRegistry : await demoRegistry();

let started = performance.now();
await loadEngine();
const load = performance.now() - started;

// The first extraction also builds the registry's gazetteers and looks each word up for the first time: timed apart too.
const [first] = readouts;
if (!first) throw new Error(`${args.dir} holds no NAME.txt readouts`);
const extract = (r: (typeof readouts)[number]) =>
  extractDraft(
    { text: r.text, language: r.language, documentDate: r.date, publisher: null, relationshipId: null },
    registry,
  );
started = performance.now();
await extract(first);
const warmUp = performance.now() - started;

process.stdout.write(`${command}\n`);
process.stdout.write(`node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}\n`);
process.stdout.write(
  `engine load (dictionaries, territory, commodity and sector gazetteers): ${ms(load)} (target ≤ 2000 ms)\n`,
);
process.stdout.write(`first extraction (registry gazetteers, first word look-ups): ${ms(warmUp)}\n`);
process.stdout.write(
  `${readouts.length} readouts of ${args.dir}, each brought to about ${chars} characters, median of ${runs} runs:\n`,
);

const medians: number[] = [];
for (const readout of readouts) {
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < runs; run++) {
    started = performance.now();
    items = (await extract(readout)).items.length;
    times.push(performance.now() - started);
  }
  const median = quantile(times, 0.5);
  medians.push(median);
  process.stdout.write(
    `  ${readout.name.padEnd(32)} ${readout.language}  ${String(readout.text.length).padStart(5)} chars  ${String(items).padStart(3)} items  ${ms(median).padStart(9)}\n`,
  );
}
process.stdout.write(
  `extraction per readout: median ${ms(quantile(medians, 0.5))}, p95 ${ms(quantile(medians, 0.95))}, ` +
    `max ${ms(Math.max(...medians))} (target ≤ 100 ms)\n`,
);
