import type { Command } from 'commander';
import { parseInput } from '../../core/model.ts';
import { hsRevisions } from '../../trade/model.ts';
import { hsImportOptions, hsLookupQuery, hsSearchQuery, type HsCodeDescription } from '../../trade/hs/model.ts';
import { describeHsCode, importHsFile, listHsRevisions, searchHs } from '../../trade/hs/service.ts';
import { withDatabase } from '../context.ts';
import { printJson, printRows } from '../output.ts';

export function registerTradeCommands(program: Command): void {
  registerHsCommands(program);
}

const revisionHelp = `HS revision: ${Object.entries(hsRevisions)
  .map(([code, name]) => `${code} = ${name}`)
  .join(', ')}`;

const count = (n: number) => n.toLocaleString('en-US');

export function registerHsCommands(program: Command): void {
  const hs = program
    .command('hs')
    .description('the Harmonized System nomenclature: sections, chapters, headings and subheadings');

  hs.command('import')
    .description(
      "load an HS revision's headings and subheadings from a UN Comtrade classification file (H6.json) " +
        'or the CSV of the datasets/harmonized-system repository; loading a revision again replaces it',
    )
    .argument('<file>', 'the JSON or CSV file (the format is read from its content)')
    .option('--revision <code>', `${revisionHelp}; taken from a JSON file's name (H6.json), H6 for the CSV`)
    .action(async (file: string, o: { revision?: string }, command: Command) => {
      const options = parseInput(hsImportOptions, { revision: o.revision });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const result = await importHsFile(db, file, options);
        process.stdout.write(
          `Loaded ${result.revision} (${hsRevisions[result.revision]}) from ${file}: ` +
            `${count(result.chapters)} chapters, ${count(result.headings)} headings, ` +
            `${count(result.subheadings)} subheadings; replaced ${count(result.replaced)} rows\n`,
        );
      });
    });

  hs.command('show')
    .description('one section (XVII), chapter (87), heading (8703) or subheading (870323) with its chapter and section')
    .argument('<code>', 'the code')
    .option('--revision <code>', `${revisionHelp}; default the newest loaded`)
    .option('--json', 'print JSON')
    .action(async (code: string, o: { revision?: string; json?: boolean }, command: Command) => {
      const { revision } = parseInput(hsLookupQuery, { revision: o.revision });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const described = await describeHsCode(db, code, revision);
        if (o.json) printJson(described);
        else process.stdout.write(describe(described));
      });
    });

  hs.command('search')
    .description('codes starting with the digits given (8703), or whose titles hold every word given')
    .argument('<text...>', 'digits or words, in English (chapters also in Russian)')
    .option('--revision <code>', `${revisionHelp}; default the newest loaded`)
    .option('--limit <n>', 'rows to show (at most 50)', '50')
    .option('--json', 'print JSON')
    .action(async (text: string[], o: { revision?: string; limit: string; json?: boolean }, command: Command) => {
      const query = parseInput(hsSearchQuery, { q: text.join(' '), revision: o.revision, limit: o.limit });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const hits = await searchHs(db, query.q, query.revision, query.limit);
        printRows(
          hits,
          [
            { header: 'code', value: (h) => h.code },
            { header: 'level', value: (h) => h.level },
            { header: 'title', value: (h) => h.titleEn },
            { header: 'наименование', value: (h) => h.titleRu },
          ],
          { json: o.json === true },
        );
      });
    });

  hs.command('revisions')
    .description('the HS revisions loaded, with how many codes each holds')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        printRows(
          await listHsRevisions(db),
          [
            { header: 'revision', value: (r) => r.revision },
            { header: 'name', value: (r) => r.name },
            { header: 'chapters', value: (r) => count(r.chapters), align: 'right' },
            { header: 'headings', value: (r) => count(r.headings), align: 'right' },
            { header: 'subheadings', value: (r) => count(r.subheadings), align: 'right' },
            { header: 'source', value: (r) => r.source },
          ],
          { json: o.json === true },
        );
      });
    });
}

function describe(d: HsCodeDescription): string {
  const lines = [`${d.code}  ${d.level} (${d.revision}, ${hsRevisions[d.revision]})`, `  ${d.titleEn}`];
  if (d.titleRu) lines.push(`  ${d.titleRu}`);
  if (d.section && d.level !== 'section')
    lines.push(`section ${d.section.roman}: ${d.section.titleEn} / ${d.section.titleRu}`);
  if (d.chapter && d.level !== 'chapter') {
    lines.push(`chapter ${d.chapter.code}: ${d.chapter.titleEn}${d.chapter.titleRu ? ` / ${d.chapter.titleRu}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
