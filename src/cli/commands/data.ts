import fs from 'node:fs';
import type { Command } from 'commander';
import { exportBundle, importBundle } from '../../bundle/service.ts';
import { prepareDatabase } from '../../db/setup.ts';
import { loadDemo } from '../../demo/load.ts';
import { AccordError } from '../../core/errors.ts';
import { withDatabase } from '../context.ts';

/** Bundles are read whole; this bounds what a mistaken path can make the CLI swallow. */
const maxBundleBytes = 512 * 1024 * 1024;

export function registerDataCommands(program: Command): void {
  program
    .command('demo')
    .description('load the Belarus – Kursk Oblast demo data set into an empty database')
    .action(async (_o, command: Command) => {
      await withDatabase(command, 'none', async (database) => {
        await prepareDatabase(database.db);
        const summary = await loadDemo(database);
        process.stdout.write(
          `Loaded the demo data set (${summary.records} records, ${summary.tradeRows} illustrative trade rows) into ${database.target.display}\n`,
        );
      });
    });

  program
    .command('export')
    .description('write the whole database as one JSON bundle (to FILE, or standard output)')
    .argument('[file]', 'where to write the bundle')
    .action(async (file: string | undefined, _o, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        const text = `${JSON.stringify(await exportBundle(db), null, 1)}\n`;
        if (file) {
          fs.writeFileSync(file, text);
          process.stderr.write(`wrote ${file} (${text.length} bytes)\n`);
        } else {
          process.stdout.write(text);
        }
      });
    });

  program
    .command('import')
    .description('restore a bundle written by `accord export` into an empty database')
    .argument('<file>', 'the bundle')
    .action(async (file: string, _o, command: Command) => {
      const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
      if (size === undefined) throw new AccordError('NOT_FOUND', `no such file: ${file}`);
      if (size > maxBundleBytes) throw new AccordError('PAYLOAD_TOO_LARGE', `${file} is larger than 512 MiB`);
      let bundle: unknown;
      try {
        bundle = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (error) {
        throw new AccordError('VALIDATION_FAILED', `${file} is not JSON: ${(error as Error).message}`);
      }
      await withDatabase(command, 'none', async (database) => {
        await prepareDatabase(database.db);
        const { rows } = await importBundle(database.db, bundle);
        process.stdout.write(`Imported ${rows} rows into ${database.target.display}\n`);
      });
    });
}
