import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { briefingFormats, briefingLanguages } from '../../briefing/model.ts';
import { downloadBriefing, saveBriefing } from '../../briefing/saved.ts';
import { parseInput, territoryCode } from '../../core/model.ts';
import { documentFile } from '../../documents/service.ts';
import { getRelationshipOfPair } from '../../registry/relationships/service.ts';
import { withDatabase } from '../context.ts';

interface BriefOptions {
  asOf?: string;
  meeting?: string;
  format: string;
  lang: string;
  output?: string;
  marking?: string;
  save?: boolean;
  author?: string;
}

/** Who runs the command, as the system knows them: the author of a saved briefing until there are accounts. */
function userName(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return null;
  }
}

const pair = z.object({ home: territoryCode, partner: territoryCode });

export function registerBriefingCommands(program: Command): void {
  program
    .command('brief')
    .description(
      'a briefing on a partner as Accord knew it on a day, as a file: Word, PDF, HTML or Markdown, in Russian or English',
    )
    .argument('<home>', 'home territory, e.g. BY')
    .argument('<partner>', 'partner territory, e.g. RU-KRS')
    .requiredOption('--format <format>', briefingFormats.join(', '))
    .requiredOption('--lang <lang>', briefingLanguages.join(', '))
    .option('--as-of <date>', 'the day it is as of, YYYY-MM-DD (default: the day before --meeting, else today)')
    .option('--meeting <id>', 'the meeting it prepares (see accord meetings)')
    .option('--marking <text>', 'a line on every page, such as «Для служебного пользования»')
    .option('-o, --output <file>', 'where to write it, - for standard output (default: its own name, here)')
    .option('--save', 'also keep it in Accord as a document of kind briefing, and print its id')
    .option('--author <name>', 'who produced it, kept with --save (default: your user name)')
    .action(async (home: string, partner: string, o: BriefOptions, command: Command) => {
      const codes = parseInput(pair, { home, partner });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const relationship = await getRelationshipOfPair(db, codes.home, codes.partner);
        const request = {
          relationshipId: relationship.id,
          asOf: o.asOf,
          meetingId: o.meeting,
          format: o.format as (typeof briefingFormats)[number],
          lang: o.lang as (typeof briefingLanguages)[number],
          marking: o.marking,
        };
        let file: { bytes: Buffer; fileName: string };
        let savedId: string | null = null;
        if (o.save) {
          const saved = await saveBriefing(db, request, o.author ?? userName());
          savedId = saved.id;
          file = await documentFile(db, saved.id);
        } else {
          file = await downloadBriefing(db, request);
        }
        // With the file on standard output, what is said about it goes to standard error.
        const say = (line: string) => (o.output === '-' ? process.stderr : process.stdout).write(`${line}\n`);
        if (o.output === '-') {
          process.stdout.write(file.bytes);
        } else {
          const target = path.resolve(o.output ?? path.basename(file.fileName));
          fs.writeFileSync(target, file.bytes);
          say(`Wrote ${target} (${file.bytes.byteLength.toLocaleString('en-US')} bytes)`);
        }
        if (savedId) say(`Saved as document ${savedId}`);
      });
    });
}
