import type { Command } from 'commander';
import { meetingFilter } from '../../cooperation/meetings/model.ts';
import { listMeetings } from '../../cooperation/meetings/service.ts';
import { commitmentFilter, statementFilter, type Statement } from '../../cooperation/statements/model.ts';
import { listCommitments, listStatements, ownerNamesOf } from '../../cooperation/statements/service.ts';
import { pageQuery, parseInput } from '../../core/model.ts';
import { withDatabase } from '../context.ts';
import { printRows, type Column } from '../output.ts';

type Options = Record<string, string | boolean | undefined>;

function paging(command: Command): Command {
  return command
    .option('--limit <n>', 'rows to show (at most 200)', '50')
    .option('--offset <n>', 'rows to skip', '0')
    .option('--json', 'print JSON');
}

const statementColumns: Column<Statement>[] = [
  { header: 'due', value: (s) => (s.dueFrom ? `${s.dueFrom}..${s.dueOn ?? ''}` : s.dueOn) },
  { header: 'kind', value: (s) => s.kind },
  { header: 'status', value: (s) => s.status },
  { header: 'side', value: (s) => s.side },
  { header: 'text', value: (s) => s.textEn },
  { header: 'текст', value: (s) => s.textRu },
  { header: 'id', value: (s) => s.id },
];

export function registerMeetingsCommands(program: Command): void {
  paging(
    program
      .command('meetings')
      .description('talks, visits, forums and commissions held with partners, latest first')
      .option('--partner <code>', 'partner territory, e.g. RU-KRS')
      .option(
        '--kind <kind>',
        'talks, visit, forum, intergovernmental_commission, working_group, call, exhibition or other',
      )
      .option('--from <date>', 'held on or after YYYY-MM-DD')
      .option('--to <date>', 'held on or before YYYY-MM-DD')
      .option('-q, --query <text>', 'title, place or summary contains, in English or Russian and any case')
      .option('--as-of <date>', 'as known on this day (YYYY-MM-DD): only the meetings held by then'),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(meetingFilter, {
      partner: o.partner,
      kind: o.kind,
      from: o.from,
      to: o.to,
      q: o.query,
      asOf: o.asOf,
    });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listMeetings(db, filter, page);
      printRows(
        result.items,
        [
          { header: 'held', value: (m) => m.heldOn },
          { header: 'kind', value: (m) => m.kind },
          { header: 'title', value: (m) => m.titleEn },
          { header: 'название', value: (m) => m.titleRu },
          { header: 'place', value: (m) => m.place },
          { header: 'people', value: (m) => m.participants.length, align: 'right' },
          { header: 'sectors', value: (m) => m.sectorCodes.join(' ') },
          { header: 'id', value: (m) => m.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });

  paging(
    program
      .command('statements')
      .description('proposals, commitments, requests and assessments made at meetings, soonest due first')
      .option('--meeting <id>', 'made at this meeting')
      .option('--partner <code>', 'partner territory, e.g. RU-KRS')
      .option('--kind <kind>', 'proposal, commitment, request or assessment')
      .option('--status <status>', 'open, in_progress, fulfilled or dropped')
      .option('--as-of <date>', 'as known on this day (YYYY-MM-DD): made by then, in the status they had then'),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(statementFilter, {
      meetingId: o.meeting,
      partner: o.partner,
      kind: o.kind,
      status: o.status,
      asOf: o.asOf,
    });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listStatements(db, filter, page);
      printRows(result.items, statementColumns, { json: o.json === true }, `${result.items.length} of ${result.total}`);
    });
  });

  paging(
    program
      .command('commitments')
      .description('what was undertaken at meetings: due date, owner and status, with overdue ones marked')
      .option('--partner <code>', 'partner territory, e.g. RU-KRS')
      .option('--status <status>', 'open, in_progress, fulfilled or dropped')
      .option('--overdue', 'only those still open or in progress after their due date')
      .option(
        '--as-of <date>',
        'as known on this day (YYYY-MM-DD): made by then, in the status they had then, overdue judged on it',
      ),
  ).action(async (o: Options, command: Command) => {
    const filter = parseInput(commitmentFilter, {
      partner: o.partner,
      status: o.status,
      overdue: o.overdue === true ? 'true' : undefined,
      asOf: o.asOf,
    });
    const page = parseInput(pageQuery, { limit: o.limit, offset: o.offset });
    await withDatabase(command, 'require-current', async ({ db }) => {
      const result = await listCommitments(db, filter, page);
      const owners = await ownerNamesOf(db, result.items);
      printRows(
        result.items,
        [
          { header: 'due', value: (s) => (s.dueFrom ? `${s.dueFrom}..${s.dueOn ?? ''}` : s.dueOn) },
          { header: 'owner', value: (s) => owners.get(s.id) },
          { header: 'status', value: (s) => s.status },
          { header: 'overdue', value: (s) => (s.overdue ? 'OVERDUE' : '') },
          { header: 'text', value: (s) => s.textEn },
          { header: 'текст', value: (s) => s.textRu },
          { header: 'id', value: (s) => s.id },
        ],
        { json: o.json === true },
        `${result.items.length} of ${result.total}`,
      );
    });
  });
}
