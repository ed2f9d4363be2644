/**
 * `npm run eval:readouts -- DIR [--registry demo|empty]`: extracts every NAME.txt of DIR and scores
 * it against NAME.gold.json, printing precision, recall and F1 per field and every miss.
 * The registry the engine matches against is the demo workspace's (people, organizations, relationships) by
 * default, or an empty one.
 */
import { Command } from 'commander';
import { extractDraft, loadEngine } from '../extract.ts';
import { emptyRegistry } from '../registry.ts';
import { detectLanguage } from '../text/language.ts';
import { draftToGold } from './predict.ts';
import { readCorpus } from './gold.ts';
import { formatReport, scoreReadouts } from './score.ts';
import { demoRegistry } from './workspace.ts';

const program = new Command('eval:readouts')
  .argument('<dir>', 'a folder of NAME.txt readouts with NAME.gold.json beside each')
  .option('--registry <which>', 'demo or empty', 'demo')
  .action(async (dir: string, options: { registry: string }) => {
    const cases = await readCorpus(dir);
    const registry = options.registry === 'empty' ? emptyRegistry : await demoRegistry();
    await loadEngine();
    const scored = [];
    for (const c of cases) {
      const language = detectLanguage(c.readout.text) ?? 'en';
      const draft = await extractDraft(
        {
          text: c.readout.text,
          language,
          documentDate: c.readout.date,
          publisher: c.readout.source,
          relationshipId: null,
        },
        registry,
      );
      scored.push({ name: c.name, gold: c.gold, predicted: draftToGold(draft) });
    }
    const report = scoreReadouts(scored);
    process.stdout.write(`${cases.length} readouts in ${dir}, registry: ${options.registry}\n`);
    process.stdout.write(`${formatReport(report)}\n`);
  });

await program.parseAsync(process.argv);
