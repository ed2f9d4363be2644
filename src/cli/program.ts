import { Command, CommanderError } from 'commander';
import { registerBriefingCommands } from './commands/briefing.ts';
import { registerDataCommands } from './commands/data.ts';
import { registerDocumentCommands } from './commands/documents.ts';
import { registerMeetingsCommands } from './commands/meetings.ts';
import { registerPartnersCommands } from './commands/partners.ts';
import { registerProjectsCommands } from './commands/projects.ts';
import { registerReadoutCommands } from './commands/readouts.ts';
import { registerRegistryCommands } from './commands/registry.ts';
import { registerServerCommands } from './commands/server.ts';
import { registerTradeImportCommands } from './commands/trade-import.ts';
import { registerTradeCommands } from './commands/trade.ts';
import { registerTradeAnalyticsCommands } from './commands/trade-analytics.ts';
import { registerTradeProductCommands } from './commands/trade-products.ts';
import { reportError } from './output.ts';

/** The `accord` command with every subcommand; a new one per run, so no option value carries over. */
export function createProgram(): Command {
  const program = new Command('accord')
    .description('Accord: economic cooperation with partner regions and countries')
    .option(
      '--database <target>',
      'SQLite file path or postgres:// URL (default: $ACCORD_DATABASE or data/accord.sqlite)',
    )
    .showHelpAfterError()
    .exitOverride();

  registerServerCommands(program);
  registerDataCommands(program);
  registerRegistryCommands(program);
  registerPartnersCommands(program);
  registerMeetingsCommands(program);
  registerProjectsCommands(program);
  registerDocumentCommands(program);
  registerTradeImportCommands(program);
  registerTradeCommands(program);
  registerTradeAnalyticsCommands(program);
  registerTradeProductCommands(program);
  registerBriefingCommands(program);
  registerReadoutCommands(program);
  return program;
}

/**
 * Runs one command line (the arguments after `accord`), writing to standard output and error; a failure
 * is reported there and leaves its code in process.exitCode, as when the process ends.
 */
export async function runCli(args: readonly string[]): Promise<void> {
  try {
    await createProgram().parseAsync(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
    } else {
      process.exitCode = reportError(error);
    }
  }
}
