import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess, cliOn } from '../support/cli.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-brief-'));
const database = path.join(dir, 'accord.sqlite');
// The same program run in this process, seconds faster a command; the binary itself where its standard
// output is the point.
const accord = cliInProcess(database, { cwd: dir });
const binary = cliOn(database, { cwd: dir });

/** `accord brief` as a desk officer runs it the day before the talks of 5 December 2017. */
describe('accord brief', () => {
  beforeAll(async () => {
    expect((await accord('migrate')).code).toBe(0);
    const demo = await accord('demo');
    expect(demo.code, demo.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the Russian briefing as of 4 December 2017 where told, and says where', async () => {
    const target = path.join(dir, 'справка.md');
    const result = await accord(
      'brief',
      'BY',
      'RU-KRS',
      '--as-of',
      '2017-12-04',
      '--format',
      'md',
      '--lang',
      'ru',
      '-o',
      target,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`Wrote ${target}`);
    const text = fs.readFileSync(target, 'utf8');
    expect(text).toContain('Справка');
    expect(text).toContain('96,3');
  });

  it('writes the file to standard output with -o -, saying nothing there but the file', async () => {
    const result = await binary(
      'brief',
      'BY',
      'RU-KRS',
      '--as-of',
      '2017-12-04',
      '--format',
      'html',
      '--lang',
      'en',
      '-o',
      '-',
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^<!doctype html>/i);
    expect(result.stdout).toContain('96.3');
    expect(result.stdout).not.toContain('Wrote');
  });

  it('names the file itself in the current directory when not told where', async () => {
    const before = new Set(fs.readdirSync(dir));
    const result = await accord('brief', 'BY', 'RU-KRS', '--as-of', '2017-12-04', '--format', 'docx', '--lang', 'ru');
    expect(result.code, result.stderr).toBe(0);
    const made = fs.readdirSync(dir).filter((name) => !before.has(name));
    expect(made).toHaveLength(1);
    expect(made[0]).toMatch(/\.docx$/);
    expect(result.stdout).toContain(path.join(dir, made[0]!));
    expect(fs.readFileSync(path.join(dir, made[0]!)).subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps the briefing with --save, under the author given, and prints its id', async () => {
    const target = path.join(dir, 'kept.pdf');
    const result = await accord(
      'brief',
      'BY',
      'RU-KRS',
      '--as-of',
      '2017-12-04',
      '--format',
      'pdf',
      '--lang',
      'ru',
      '--marking',
      'Для служебного пользования',
      '--save',
      '--author',
      'Иванова',
      '-o',
      target,
    );
    expect(result.code, result.stderr).toBe(0);
    const id = /Saved as document (\S+)/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-');
    const documents = await accord('documents', '--kind', 'briefing', '--json');
    expect(documents.code, documents.stderr).toBe(0);
    const kept = JSON.parse(documents.stdout) as Array<{ id: string; language: string }>;
    expect(kept).toEqual([expect.objectContaining({ id, language: 'ru' })]);
  });

  it('refuses a pair with no relationship, and a format or language it does not write, naming the valid ones', async () => {
    const unknown = await accord('brief', 'BY', 'DE', '--format', 'md', '--lang', 'en');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('no relationship of BY with DE');
    const format = await accord('brief', 'BY', 'RU-KRS', '--format', 'odt', '--lang', 'en');
    expect(format.code).not.toBe(0);
    expect(format.stderr).toMatch(/format.*docx.*pdf.*html.*md/);
    const lang = await accord('brief', 'BY', 'RU-KRS', '--format', 'md', '--lang', 'de');
    expect(lang.code).not.toBe(0);
    expect(lang.stderr).toMatch(/lang.*en.*ru/);
    const code = await accord('brief', 'Belarus', 'RU-KRS', '--format', 'md', '--lang', 'en');
    expect(code.stderr).toContain('home');
  });
});
