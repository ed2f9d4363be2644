import type { Command } from 'commander';
import { z } from 'zod';
import { mirrorView, partnerRanking, trendSignals } from '../../trade/analytics/insights.ts';
import {
  pairQuery,
  rankingOptions,
  rankingQuery,
  seriesOptions,
  seriesQuery,
  structureOptions,
  structureQuery,
} from '../../trade/analytics/model.ts';
import {
  tradeSeries,
  tradeStructure,
  tradeSummary,
  type DatasetRef,
  type Totals,
} from '../../trade/analytics/service.ts';
import { officialFigureInput } from '../../trade/figures/model.ts';
import { listOfficialFigures, reconcileFigures, recordOfficialFigure } from '../../trade/figures/service.ts';
import { hsTitles } from '../../trade/hs/service.ts';
import { formatMinor } from '../../trade/money.ts';
import { parseInput } from '../../core/model.ts';
import { withDatabase } from '../context.ts';
import { askTrade } from '../trade-server.ts';
import { formatTable, printJson, printRows } from '../output.ts';

/** Millions with one decimal, as officials quote them; exact cents stay in --json. */
export function millions(cents: number): string {
  const m = cents / 100_000_000;
  return `${m >= 0 ? '' : '-'}${Math.abs(m).toFixed(1)} M`;
}

export function percent(value: number | null, signed = true): string {
  if (value === null) return 'n/a';
  return `${signed && value > 0 ? '+' : ''}${value.toFixed(1)}%`;
}

export function datasetLine(d: DatasetRef): string {
  return `Dataset: ${d.name} (${d.illustrative ? 'ILLUSTRATIVE: made-up data, not official statistics' : d.kind})`;
}

export function tradeCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'trade') ?? program.command('trade').description('trade monitor');
}

type Options = Record<string, string | boolean | undefined>;

export function registerTradeAnalyticsCommands(program: Command): void {
  const trade = tradeCommand(program);

  trade
    .command('summary')
    .description('exports, imports, turnover and balance of a pair against the same period a year earlier')
    .argument('<home>', 'home territory, e.g. BY')
    .argument('<partner>', 'partner territory, e.g. RU-KRS')
    .requiredOption('--period <range>', 'months FROM..TO, e.g. 2017-01..2017-09, or a year')
    .option('--dataset <id>', 'dataset id (default: the most authoritative one covering the pair)')
    .option('--json', 'print JSON')
    .action(async (home: string, partner: string, o: Options, command: Command) => {
      const raw = { home, partner, period: o.period as string, dataset: o.dataset as string | undefined };
      const q = parseInput(pairQuery, raw);
      const s = await askTrade(command, '/api/trade/summary', raw, ({ db }) =>
        tradeSummary(db, { home: q.home, partner: q.partner, range: q.period, datasetId: q.dataset }),
      );
      if (o.json) return printJson(s);
      const row = (label: string, pick: (t: Totals) => number, growth: number | null) => [
        label,
        millions(pick(s.current)),
        millions(pick(s.previous)),
        `${pick(s.change) >= 0 ? '+' : ''}${millions(pick(s.change))}`,
        percent(growth),
      ];
      const rows = [
        row('Exports', (t) => t.exportsCents, s.growthPercent.exports),
        row('Imports', (t) => t.importsCents, s.growthPercent.imports),
        row('Turnover', (t) => t.turnoverCents, s.growthPercent.turnover),
        row('Balance', (t) => t.balanceCents, null),
      ];
      process.stdout.write(`${s.home} ↔ ${s.partner}, ${s.period.label} vs ${s.previousPeriod.label}, USD\n`);
      process.stdout.write(`${datasetLine(s.dataset)}\n\n`);
      process.stdout.write(
        `${formatTable(rows, [
          { header: '', value: (r) => r[0] },
          { header: s.period.label, value: (r) => r[1], align: 'right' },
          { header: s.previousPeriod.label, value: (r) => r[2], align: 'right' },
          { header: 'change', value: (r) => r[3], align: 'right' },
          { header: 'growth', value: (r) => r[4], align: 'right' },
        ])}\n\n`,
      );
      process.stdout.write(
        `Turnover ${millions(s.current.turnoverCents)} USD (${formatMinor(s.current.turnoverCents)} exactly), ${percent(
          s.growthPercent.turnover,
        )}; share of ${s.home}'s turnover ${percent(s.sharePercent, false)}, ${s.grouping ? 'a statistical territory, not ranked among partners' : `rank ${s.rank ?? 'n/a'} of ${s.partners} partners`}\n`,
      );
    });

  trade
    .command('structure')
    .description('commodity structure of a pair by HS level, with growth and contribution to growth')
    .argument('<home>')
    .argument('<partner>')
    .requiredOption('--period <range>', 'months FROM..TO')
    .option('--level <level>', 'section, chapter, heading or subheading', 'chapter')
    .option('--direction <direction>', 'exports, imports or turnover', 'turnover')
    .option('--top <n>', 'lines to show', '20')
    .option('--dataset <id>', 'dataset id')
    .option('--json', 'print JSON')
    .action(async (home: string, partner: string, o: Options, command: Command) => {
      const raw = {
        home,
        partner,
        period: o.period as string,
        dataset: o.dataset as string | undefined,
        level: o.level as string,
        direction: o.direction as string,
        top: o.top as string,
      };
      const q = parseInput(structureQuery, raw);
      const s = await askTrade(command, '/api/trade/structure', raw, ({ db }) =>
        tradeStructure(db, {
          ...structureOptions(q),
          titles: async (codes) => {
            const t = await hsTitles(db, codes);
            return new Map([...t].map(([c, v]) => [c, { titleEn: v.titleEn, titleRu: v.titleRu ?? null }]));
          },
        }),
      );
      if (o.json) return printJson(s);
      process.stdout.write(
        `${s.home} → ${s.partner} ${s.direction} by HS ${s.level}, ${s.period.label} vs ${s.previousPeriod.label}, USD\n`,
      );
      process.stdout.write(`${datasetLine(s.dataset)}\n\n`);
      const pick = (t: Totals) =>
        s.direction === 'exports' ? t.exportsCents : s.direction === 'imports' ? t.importsCents : t.turnoverCents;
      printRows(
        [...s.lines, ...(s.other ? [s.other] : [])],
        [
          { header: 'code', value: (l) => l.label },
          { header: 'title', value: (l) => l.titleEn },
          { header: s.period.label, value: (l) => millions(pick(l.current)), align: 'right' },
          { header: 'share', value: (l) => percent(l.sharePercent, false), align: 'right' },
          { header: 'growth', value: (l) => percent(l.growthPercent), align: 'right' },
          {
            header: 'contribution, pp',
            value: (l) => (l.contributionPp === null ? 'n/a' : l.contributionPp.toFixed(1)),
            align: 'right',
          },
        ],
        {},
        `total ${millions(s.total.current)} USD, ${percent(s.total.growthPercent)}`,
      );
    });

  trade
    .command('series')
    .description('trade of a pair by month, quarter or year, with year-on-year growth')
    .argument('<home>')
    .argument('<partner>')
    .requiredOption('--period <range>', 'months FROM..TO, e.g. 2013-01..2017-12')
    .option('--granularity <g>', 'month, quarter or year', 'month')
    .option('--cumulative', 'cumulative from January')
    .option('--dataset <id>', 'dataset id')
    .option('--json', 'print JSON')
    .action(async (home: string, partner: string, o: Options, command: Command) => {
      const raw = {
        home,
        partner,
        period: o.period as string,
        dataset: o.dataset as string | undefined,
        granularity: o.granularity as string,
        cumulative: o.cumulative ? 'true' : 'false',
      };
      const q = parseInput(seriesQuery, raw);
      const s = await askTrade(command, '/api/trade/series', raw, ({ db }) => tradeSeries(db, seriesOptions(q)));
      if (o.json) return printJson(s);
      process.stdout.write(`${datasetLine(s.dataset)}; USD${s.cumulative ? '; cumulative from January' : ''}\n\n`);
      printRows(
        s.points,
        [
          { header: 'period', value: (p) => p.label },
          { header: 'exports', value: (p) => millions(p.totals.exportsCents), align: 'right' },
          { header: 'imports', value: (p) => millions(p.totals.importsCents), align: 'right' },
          { header: 'turnover', value: (p) => millions(p.totals.turnoverCents), align: 'right' },
          { header: 'balance', value: (p) => millions(p.totals.balanceCents), align: 'right' },
          { header: 'YoY', value: (p) => percent(p.turnoverGrowthPercent), align: 'right' },
        ],
        {},
      );
    });

  trade
    .command('ranking')
    .description("all of home's partners ranked by turnover, growth or balance")
    .argument('<home>')
    .requiredOption('--period <range>', 'months FROM..TO')
    .option('--by <key>', 'turnover, growth, balance, exports or imports', 'turnover')
    .option('--limit <n>', 'partners to show', '50')
    .option('--dataset <id>', 'dataset id')
    .option('--json', 'print JSON')
    .action(async (home: string, o: Options, command: Command) => {
      const raw = {
        home,
        period: o.period as string,
        by: o.by as string,
        dataset: o.dataset as string | undefined,
        limit: o.limit as string,
      };
      const q = parseInput(rankingQuery, raw);
      const r = await askTrade(command, '/api/trade/ranking', raw, ({ db }) => partnerRanking(db, rankingOptions(q)));
      if (o.json) return printJson(r);
      process.stdout.write(`${datasetLine(r.dataset)}; ${r.period}; USD\n\n`);
      printRows(
        r.lines,
        [
          { header: '#', value: (l) => l.rank, align: 'right' },
          { header: 'partner', value: (l) => (l.grouping ? `${l.partner} (grouping, unranked)` : l.partner) },
          { header: 'turnover', value: (l) => millions(l.current.turnoverCents), align: 'right' },
          { header: 'growth', value: (l) => percent(l.turnoverGrowthPercent), align: 'right' },
          { header: 'balance', value: (l) => millions(l.current.balanceCents), align: 'right' },
          { header: 'share', value: (l) => percent(l.sharePercent, false), align: 'right' },
        ],
        {},
      );
    });

  trade
    .command('signals')
    .description('trend signals in plain words')
    .argument('<home>')
    .argument('<partner>')
    .requiredOption('--period <range>', 'months FROM..TO')
    .option('--dataset <id>', 'dataset id')
    .option('--json', 'print JSON')
    .action(async (home: string, partner: string, o: Options, command: Command) => {
      const raw = { home, partner, period: o.period as string, dataset: o.dataset as string | undefined };
      const q = parseInput(pairQuery, raw);
      const s = await askTrade(command, '/api/trade/signals', raw, ({ db }) =>
        trendSignals(db, { home: q.home, partner: q.partner, range: q.period, datasetId: q.dataset }),
      );
      if (o.json) return printJson(s);
      for (const y of s.years) process.stdout.write(`${y.period}: turnover ${millions(y.turnoverCents)} USD\n`);
      for (const signal of s.signals) process.stdout.write(`- ${signal.textEn}\n`);
      if (s.signals.length === 0) process.stdout.write('(no signal)\n');
    });

  trade
    .command('mirror')
    .description("the pair's trade as each side declared it, and the gaps")
    .argument('<home>')
    .argument('<partner>')
    .requiredOption('--period <range>', 'months FROM..TO')
    .option('--json', 'print JSON')
    .action(async (home: string, partner: string, o: Options, command: Command) => {
      const raw = { home, partner, period: o.period as string };
      const q = parseInput(pairQuery, raw);
      const m = await askTrade(command, '/api/trade/mirror', raw, ({ db }) =>
        mirrorView(db, { home: q.home, partner: q.partner, range: q.period }),
      );
      if (o.json) return printJson(m);
      const side = (label: string, s: typeof m.homeReport) =>
        s
          ? `${label}: exports ${millions(s.exportsCents)}, imports ${millions(s.importsCents)} USD (${s.dataset.name})`
          : `${label}: no report loaded`;
      process.stdout.write(
        `${side(`${m.home} declares`, m.homeReport)}\n${side(`${m.partner} declares`, m.partnerReport)}\n`,
      );
      if (m.exportsGapCents !== null && m.importsGapCents !== null) {
        process.stdout.write(
          `gap on ${m.home}'s exports: ${millions(m.exportsGapCents)}, on its imports: ${millions(m.importsGapCents)} USD\n`,
        );
      }
    });

  const figures = trade.command('figures').description('official figures quoted in documents');
  figures
    .command('add')
    .description(
      'record an official figure, e.g. --metric turnover --from 2017-01 --to 2017-09 --value 96300000 --growth 40.5',
    )
    .argument('<reporter>')
    .argument('<partner>')
    .requiredOption('--metric <metric>', 'turnover, exports, imports or balance')
    .requiredOption('--from <month>', 'first month YYYY-MM')
    .requiredOption('--to <month>', 'last month YYYY-MM')
    .requiredOption('--value <amount>', 'amount in currency units, exact decimal')
    .option('--currency <code>', 'ISO 4217', 'USD')
    .option('--growth <percent>', 'growth on a year earlier as quoted')
    .option('--document <id>', 'source document id')
    .option('--locator <text>', 'place in the document')
    .action(async (reporter: string, partner: string, o: Options, command: Command) => {
      const input = parseInput(officialFigureInput, {
        reporter,
        partner,
        metric: o.metric,
        periodFrom: o.from,
        periodTo: o.to,
        value: o.value,
        currency: o.currency,
        growthPercent: o.growth ?? null,
        documentId: o.document ?? null,
        locator: o.locator ?? null,
      });
      await withDatabase(command, 'require-current', async ({ db }) =>
        printJson(await recordOfficialFigure(db, input)),
      );
    });
  figures
    .command('list')
    .option('--reporter <code>')
    .option('--partner <code>')
    .option('--json', 'print JSON')
    .action(async (o: Options, command: Command) => {
      const filter = parseInput(z.object({ reporter: z.string().optional(), partner: z.string().optional() }), o);
      await withDatabase(command, 'require-current', async ({ db }) => {
        const rows = await listOfficialFigures(db, filter);
        printRows(
          rows,
          [
            { header: 'pair', value: (f) => `${f.reporter}–${f.partner}` },
            { header: 'metric', value: (f) => f.metric },
            { header: 'period', value: (f) => `${f.periodFrom}..${f.periodTo}` },
            { header: 'value', value: (f) => `${formatMinor(f.valueMinor)} ${f.currency}`, align: 'right' },
            { header: 'growth', value: (f) => (f.growthPercent === null ? '' : `${f.growthPercent}%`) },
            { header: 'source', value: (f) => f.locator },
          ],
          { json: o.json === true },
        );
      });
    });

  trade
    .command('reconcile')
    .description('official figures of a pair beside the same figures computed from data')
    .argument('<home>')
    .argument('<partner>')
    .option('--dataset <id>', 'dataset id')
    .option('--json', 'print JSON')
    .action(async (home: string, partner: string, o: Options, command: Command) => {
      await withDatabase(command, 'require-current', async ({ db }) => {
        const rows = await reconcileFigures(db, {
          reporter: home,
          partner,
          datasetId: o.dataset as string | undefined,
        });
        printRows(
          rows,
          [
            { header: 'metric', value: (r) => r.figure.metric },
            { header: 'period', value: (r) => `${r.figure.periodFrom}..${r.figure.periodTo}` },
            { header: 'official', value: (r) => millions(r.figure.valueMinor), align: 'right' },
            {
              header: 'computed',
              value: (r) => (r.computedMinor === null ? 'n/a' : millions(r.computedMinor)),
              align: 'right',
            },
            {
              header: 'difference',
              value: (r) => (r.differenceMinor === null ? '' : millions(r.differenceMinor)),
              align: 'right',
            },
            {
              header: 'growth official/computed',
              value: (r) => `${r.figure.growthPercent ?? '?'}% / ${percent(r.computedGrowthPercent)}`,
            },
            { header: 'dataset', value: (r) => r.dataset?.name ?? r.note },
          ],
          { json: o.json === true },
        );
      });
    });
}
