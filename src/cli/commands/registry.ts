import type { Command } from 'commander';
import { organizationFilter } from '../../registry/organizations/model.ts';
import { listOrganizations } from '../../registry/organizations/service.ts';
import { holderQuery, personFilter } from '../../registry/people/model.ts';
import { findPositionHolders, listPeople } from '../../registry/people/service.ts';
import { relationshipFilter } from '../../registry/relationships/model.ts';
import { listRelationships } from '../../registry/relationships/service.ts';
import { listSectors } from '../../registry/sectors/service.ts';
import { listTerritories } from '../../registry/territories/service.ts';
import { parseInput, pageQuery } from '../../core/model.ts';
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

  paging(
    program
      .command('relationships')
      .description('home and partner territory pairs Accord keeps cooperation records for')
      .option('--home <code>', 'home territory, e.g. BY')
      .option('--partner <code>', 'partner territory, e.g. RU-KRS')
      .option('-q, --query <text>', "the partner's name or code contains, in English or Russian"),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(relationshipFilter, { home: o.home, partner: o.partner, q: o.query });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listRelationships(db, filter, page);
      printRows(
        result.items,
        [
          { header: 'home', value: (r) => r.homeCode },
          { header: 'partner', value: (r) => r.partnerCode },
          { header: 'partner name', value: (r) => r.partner.nameEn },
          { header: 'title', value: (r) => r.title },
          { header: 'id', value: (r) => r.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });

  paging(
    program
      .command('organizations')
      .description('enterprises, government bodies and other organizations, by name')
      .option('-q, --query <text>', 'a name or alias contains, in English or Russian, e.g. "OAO Planar"')
      .option('--territory <code>', 'exactly this territory, e.g. BY-HM')
      .option('--country <code>', 'this country and its regions, e.g. BY')
      .option(
        '--kind <kind>',
        'enterprise, government_body, state_corporation, association, bank, university, trading_house or other',
      )
      .option('--sector <code>', 'ISIC Rev.4 section or division, e.g. C or 29'),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(organizationFilter, {
      q: o.query,
      territory: o.territory,
      country: o.country,
      kind: o.kind,
      sector: o.sector,
    });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listOrganizations(db, filter, page);
      printRows(
        result.items,
        [
          { header: 'name', value: (x) => x.nameEn },
          { header: 'название', value: (x) => x.nameRu },
          { header: 'kind', value: (x) => x.kind },
          { header: 'territory', value: (x) => x.territoryCode },
          { header: 'sectors', value: (x) => x.sectorCodes.join(', ') },
          { header: 'also known as', value: (x) => x.aliases.map((a) => a.alias).join('; ') },
          { header: 'id', value: (x) => x.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });

  paging(
    program
      .command('people')
      .description('people on both sides, with the posts they held')
      .option('-q, --query <text>', 'a name contains, in English or Russian'),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(personFilter, { q: o.query });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listPeople(db, filter, page);
      printRows(
        result.items,
        [
          { header: 'name', value: (p) => p.nameEn },
          { header: 'имя', value: (p) => p.nameRu },
          { header: 'posts', value: (p) => p.positions.map((x) => `${postTitle(x)}${term(x)}`).join('; ') },
          { header: 'id', value: (p) => p.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });

  program
    .command('holders')
    .description('who held a post on a given day, e.g. the Governor of Kursk Oblast on 2017-12-05')
    .option('--title <text>', 'part of the title, in English or Russian, e.g. Governor')
    .option('--territory <code>', 'territory of the post, e.g. RU-KRS')
    .option('--organization <id>', 'organization of the post')
    .requiredOption('--on <date>', 'the day (YYYY-MM-DD)')
    .option('--json', 'print JSON')
    .action(async (o: Options, command: Command) => {
      const query = parseInput(holderQuery, {
        title: o.title,
        territoryCode: o.territory,
        organizationId: o.organization,
        on: o.on,
      });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const holders = await findPositionHolders(db, query);
        printRows(
          holders,
          [
            { header: 'name', value: (h) => h.person.nameEn },
            { header: 'имя', value: (h) => h.person.nameRu },
            { header: 'post', value: (h) => postTitle(h.position) },
            { header: 'territory', value: (h) => h.position.territoryCode },
            { header: 'term', value: (h) => term(h.position).trim() },
            { header: 'person id', value: (h) => h.person.id },
          ],
          { json: o.json === true },
        );
      });
    });
}

type Options = Record<string, string | boolean | undefined>;

function paging(command: Command): Command {
  return command
    .option('--limit <n>', 'rows to show (at most 200)', '50')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--json', 'print JSON');
}

function postTitle(post: { titleEn: string | null; titleRu: string | null }): string {
  return post.titleEn ?? post.titleRu ?? '';
}

/** "(2000-11-18 – 2018-10-11)", with a missing end shown as open. */
function term(post: { fromOn: string | null; toOn: string | null }): string {
  if (post.fromOn === null && post.toOn === null) return '';
  return ` (${post.fromOn ?? '…'} – ${post.toOn ?? '…'})`;
}
