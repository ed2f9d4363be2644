import type { Command } from 'commander';
import { listSectors } from '../../registry/sectors/service.ts';
import { listTerritories } from '../../registry/territories/service.ts';
import { parseInput, pageQuery } from '../../shared/model.ts';
import { territoryFilter } from '../../registry/territories/model.ts';
import { withDatabase } from '../context.ts';
import { printRows } from '../output.ts';

export function registerRegistryCommands(program: Command): void {
  program
    .command('territories')
    .description('countries (ISO 3166-1) and regions (ISO 3166-2) Accord knows')
    .option('--kind <kind>', 'country or region')
    .option('--parent <code>', 'regions of this country, e.g. RU')
    .option('-q, --query <text>', 'name or code contains, in English or Russian')
    .option('--limit <n>', 'rows to show (at most 200)', '50')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--json', 'print JSON')
    .action(async (o: Record<string, string | boolean | undefined>, command: Command) => {
      const filter = parseInput(territoryFilter, { kind: o.kind, parent: o.parent, q: o.query });
      const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const result = await listTerritories(db, filter, page);
        printRows(
          result.items,
          [
            { header: 'code', value: (t) => t.code },
            { header: 'kind', value: (t) => t.kind },
            { header: 'parent', value: (t) => t.parentCode },
            { header: 'name', value: (t) => t.nameEn },
            { header: 'название', value: (t) => t.nameRu },
          ],
          { json: o.json === true },
          `${result.items.length} of ${result.total}`,
        );
      });
    });

  program
    .command('sectors')
    .description('ISIC Rev.4 sections and divisions')
    .option('--level <level>', 'section or division')
    .option('--json', 'print JSON')
    .action(async (o: { level?: 'section' | 'division'; json?: boolean }, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        const rows = await listSectors(db, { level: o.level });
        printRows(
          rows,
          [
            { header: 'code', value: (s) => s.code },
            { header: 'parent', value: (s) => s.parentCode },
            { header: 'title', value: (s) => s.titleEn },
            { header: 'наименование', value: (s) => s.titleRu },
          ],
          { json: o.json === true },
        );
      });
    });
}
