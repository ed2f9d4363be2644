import type { Command } from 'commander';
import { outletFilter } from '../../cooperation/outlets/model.ts';
import { listOutlets, producerNamesOf } from '../../cooperation/outlets/service.ts';
import { projectFilter } from '../../cooperation/projects/model.ts';
import { listProjects, moveProjectStage, partyNamesOf } from '../../cooperation/projects/service.ts';
import { projectStages } from '../../cooperation/projects/stages.ts';
import { pageQuery, parseInput, versionQuery } from '../../core/model.ts';
import { withDatabase } from '../context.ts';
import { formatMoney, printJson, printRows } from '../output.ts';

type Options = Record<string, string | string[] | boolean | undefined>;

function paging(command: Command): Command {
  return command
    .option('--limit <n>', 'rows to show (at most 200)', '50')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--json', 'print JSON');
}

/** Lets an option be given several times, each value kept. */
function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const stageMoveOptions = versionQuery;

export function registerProjectsCommands(program: Command): void {
  paging(
    program
      .command('projects')
      .description('cooperation projects with their stage, value and parties, by title')
      .option('--partner <code>', 'partner territory, e.g. RU-KRS')
      .option('--stage <stage>', `${projectStages.join(', ')}; repeat or separate with commas for several`, collect)
      .option(
        '--kind <kind>',
        'supply, joint_production, construction_contract, investment, technology, education, trade_promotion or other',
      )
      .option('--sector <code>', 'ISIC Rev.4 section or division, e.g. C or 29')
      .option('--organization <id>', 'projects this organization is a party to')
      .option('-q, --query <text>', 'title, description or a party’s name contains, in any case')
      .option('--as-of <date>', 'as known on this day (YYYY-MM-DD): projects begun by then, in the stage they were in'),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(projectFilter, {
      asOf: o.asOf,
      partner: o.partner,
      stage: o.stage,
      kind: o.kind,
      sector: o.sector,
      organizationId: o.organization,
      q: o.query,
    });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listProjects(db, filter, page);
      const names = await partyNamesOf(db, result.items);
      printRows(
        result.items,
        [
          { header: 'title', value: (p) => p.titleEn },
          { header: 'название', value: (p) => p.titleRu },
          { header: 'kind', value: (p) => p.kind },
          { header: 'sector', value: (p) => p.sectorCode },
          { header: 'stage', value: (p) => p.stage },
          { header: 'value', value: (p) => formatMoney(p.valueMinor, p.currency), align: 'right' },
          {
            header: 'parties',
            value: (p) =>
              p.parties
                .map((party) => `${names.get(party.organizationId) ?? party.organizationId} (${party.role})`)
                .join(', '),
          },
          { header: 'id', value: (p) => p.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });

  paging(
    program
      .command('outlets')
      .description('the distribution network: dealers, trading houses, centres and shops carrying home goods')
      .option('--partner <code>', 'partner territory, e.g. RU-KRS')
      .option('--territory <code>', 'where the outlet is; a country also finds its regions')
      .option(
        '--kind <kind>',
        'dealer, trading_house, distribution_centre, service_centre, assembly, retail or warehouse',
      )
      .option('--status <status>', 'planned, active, suspended or closed')
      .option('--organization <id>', "outlets carrying this producer's goods"),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(outletFilter, {
      partner: o.partner,
      territory: o.territory,
      kind: o.kind,
      status: o.status,
      organizationId: o.organization,
    });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listOutlets(db, filter, page);
      const producers = await producerNamesOf(db, result.items);
      printRows(
        result.items,
        [
          { header: 'name', value: (x) => x.name },
          { header: 'kind', value: (x) => x.kind },
          { header: 'status', value: (x) => x.status },
          { header: 'territory', value: (x) => x.territoryCode },
          { header: 'city', value: (x) => x.city },
          { header: 'point', value: (x) => (x.latitude === null ? null : `${x.latitude}, ${x.longitude}`) },
          {
            header: 'lines',
            value: (x) =>
              x.lines
                .map((l) => {
                  const producer = l.organizationId ? producers.get(l.organizationId) : undefined;
                  return producer ? `${l.productGroup} (${producer})` : l.productGroup;
                })
                .join(', '),
          },
          { header: 'id', value: (x) => x.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });

  program
    .command('project-stage')
    .description('move a project to another stage and record the change in its history')
    .argument('<id>', "the project's id")
    .argument('<stage>', projectStages.join(', '))
    .requiredOption('--version <n>', 'the version of the project you read; a stale one is refused')
    .option('--on <date>', 'the day it happened, YYYY-MM-DD (default today)')
    .option('--note <text>', 'why, or what was decided')
    .option('--json', 'print the project as JSON')
    .action(async (id: string, stage: string, o: Options, command: Command) => {
      const { version } = parseInput(stageMoveOptions, { version: o.version });
      await withDatabase(command, 'require-current', async ({ db }) => {
        const project = await moveProjectStage(db, id, { stage, version, on: o.on, note: o.note });
        if (o.json === true) {
          printJson(project);
          return;
        }
        const change = project.stageHistory.at(-1)!;
        process.stdout.write(
          `${project.titleEn ?? project.titleRu}: ${change.fromStage} → ${change.toStage} on ${change.changedOn} (now version ${project.version})\n`,
        );
      });
    });
}
