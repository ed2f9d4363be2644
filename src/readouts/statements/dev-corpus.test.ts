import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../text/sentences.ts';
import { findStatements, type StatementCandidate } from './index.ts';

/**
 * The statement rules against the dev corpus, scored as the readout evaluation scores statements (kind and half the
 * gold text's words) but without the speaker, which the engine resolves later. `STATEMENTS_VERBOSE=1` prints misses.
 */
const DEV = fileURLToPath(new URL('../../../test/fixtures/readouts/dev/', import.meta.url));

interface GoldStatement {
  kind: string;
  by: string;
  text: string;
}

const STOP = new Set(
  'the a an of to in on for and or with that this is be by as at from its it their his her our we would will should \
и в во на с со по к о об за из для что как не а но до от при это его её ее их он она они'.split(/\s+/u),
);
const words = (s: string) =>
  (
    s
      .toLowerCase()
      .replaceAll('ё', 'е')
      .match(/[\p{L}\d]+/gu) ?? []
  ).filter((w) => !STOP.has(w) && w.length > 1);
const stem = (w: string) => (w.length > 5 ? w.slice(0, Math.max(5, w.length - 3)) : w);
function overlap(gold: string, found: string): number {
  const wanted = words(gold);
  const offered = words(found).map(stem);
  return (
    wanted.filter((w) => offered.some((o) => o === stem(w) || o.startsWith(stem(w)) || stem(w).startsWith(o))).length /
    Math.max(1, wanted.length)
  );
}

function readout(name: string) {
  const raw = readFileSync(DEV + name, 'utf8');
  const date = /^DATE:\s*(\S+)/u.exec(raw)![1]!;
  const body = raw.slice(raw.indexOf('\n\n') + 2);
  const lang = name.startsWith('ru-') ? ('ru' as const) : ('en' as const);
  return { date, body, lang };
}

function score() {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const notes: string[] = [];
  for (const file of readdirSync(DEV).filter((f) => f.endsWith('.txt'))) {
    const { date, body, lang } = readout(file);
    const gold = (
      JSON.parse(readFileSync(DEV + file.replace(/\.txt$/u, '.gold.json'), 'utf8')) as {
        statements: GoldStatement[];
      }
    ).statements;
    const found = findStatements(body, splitSentences(body, lang), lang, date);
    const used = new Set<StatementCandidate>();
    const textOf = (c: StatementCandidate) => body.slice(c.span.start, c.span.end);
    for (const g of gold) {
      const match = found
        .filter((c) => !used.has(c) && c.kind === g.kind)
        .map((c) => ({ c, o: overlap(g.text, textOf(c)) }))
        .filter((m) => m.o >= 0.5)
        .sort((a, b) => b.o - a.o)[0];
      if (match) {
        used.add(match.c);
        tp++;
        const who = match.c.speaker ? body.slice(match.c.speaker.start, match.c.speaker.end) : '∅';
        notes.push(`  ok   ${file} ${g.kind} [${who}] for ${g.by}`);
      } else {
        fn++;
        notes.push(`  MISS ${file} ${g.kind} ${g.by}: ${g.text}`);
      }
    }
    for (const c of found.filter((x) => !used.has(x))) {
      fp++;
      notes.push(`  EXTRA ${file} ${c.kind} (${c.rule}): ${textOf(c)}`);
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return { tp, fp, fn, precision, recall, f1, notes };
}

describe('statements on the dev corpus', () => {
  it('finds most of what the annotators found, and little else', () => {
    const result = score();
    if (process.env.STATEMENTS_VERBOSE) console.log(result.notes.join('\n'));
    console.log(
      `statements (kind + text, dev): P ${result.precision.toFixed(3)} R ${result.recall.toFixed(3)} ` +
        `F1 ${result.f1.toFixed(3)} (tp ${result.tp}, fp ${result.fp}, fn ${result.fn})`,
    );
    expect(result.f1).toBeGreaterThan(0.75);
  });
});
