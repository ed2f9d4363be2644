import type { Command } from 'commander';
import { parseInput } from '../../core/model.ts';
import { partnersQuery } from '../../partners/model.ts';
import { listPartners } from '../../partners/service.ts';
import { withDatabase } from '../context.ts';
import { printRows } from '../output.ts';

export function registerPartnersCommands(program: Command): void {
  program
    .command('partners')
    .description('each partner with its agreements in force, open and overdue commitments and projects under way')
    .option('--home <code>', 'only the partners of this home territory, e.g. BY')
    .option(
      '--as-of <date>',
      'as known on this day (YYYY-MM-DD): agreements in force, commitments and projects as they stood; default today',
    )
    .option('--json', 'print JSON')
    .action(async (o: { home?: string; asOf?: string; json?: boolean }, command: Command) => {
      const query = parseInput(partnersQuery, { home: o.home, asOf: o.asOf });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const rows = await listPartners(db, query);
        printRows(
          rows,
          [
            { header: 'home', value: (p) => p.home.code },
            { header: 'partner', value: (p) => p.partner.code },
            { header: 'name', value: (p) => p.partner.nameEn },
            { header: 'название', value: (p) => p.partner.nameRu },
            { header: 'agreements in force', value: (p) => p.agreementsInForce, align: 'right' },
            { header: 'open commitments', value: (p) => p.openCommitments, align: 'right' },
            { header: 'overdue', value: (p) => p.overdueCommitments, align: 'right' },
            { header: 'projects under way', value: (p) => p.activeProjects, align: 'right' },
            { header: 'relationship id', value: (p) => p.relationshipId },
          ],
          { json: o.json === true },
        );
      });
    });
}
