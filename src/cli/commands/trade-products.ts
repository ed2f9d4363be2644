import type { Command } from 'commander';
import { parseInput } from '../../core/model.ts';
import { productOptions, productQuery, type ProductSide } from '../../trade/products/model.ts';
import { productTrade } from '../../trade/products/service.ts';
import { askTrade } from '../trade-server.ts';
import { formatMoney, formatTable, printJson } from '../output.ts';
import { datasetLine, percent, tradeCommand } from './trade-analytics.ts';

type Options = Record<string, string | boolean | undefined>;

const quantityText = (quantity: number | null, unit: string | null) =>
  quantity === null ? '' : `${quantity.toLocaleString('en-US', { maximumFractionDigits: 3 })} ${unit ?? ''}`.trim();

function printSide(title: string, side: ProductSide, who: string): void {
  process.stdout.write(`\n${title}\n`);
  if (side.lines.length === 0) {
    process.stdout.write('(none)\n');
    return;
  }
  const rows = [
    ...side.lines.map((l) => ({
      rank: l.rank === null ? '' : String(l.rank),
      territory: l.grouping ? `${l.territory} (grouping, unranked)` : l.territory,
      value: formatMoney(l.valueCents, 'USD'),
      share: percent(l.sharePercent, false),
      quantity: quantityText(l.quantity, l.unit),
      flagged: l.flaggedFlows > 0 ? `${l.flaggedFlows}` : '',
    })),
    ...(side.other
      ? [
          {
            rank: '',
            territory: `other (${side.other.territories})`,
            value: formatMoney(side.other.valueCents, 'USD'),
            share: percent(side.other.sharePercent, false),
            quantity: '',
            flagged: '',
          },
        ]
      : []),
  ];
  process.stdout.write(
    `${formatTable(rows, [
      { header: '#', value: (r) => r.rank, align: 'right' },
      { header: who, value: (r) => r.territory },
      { header: 'value', value: (r) => r.value, align: 'right' },
      { header: 'share', value: (r) => r.share, align: 'right' },
      { header: 'quantity', value: (r) => r.quantity, align: 'right' },
      { header: 'flagged flows', value: (r) => r.flagged, align: 'right' },
    ])}\n`,
  );
  const quantity = quantityText(side.quantity, side.unit);
  process.stdout.write(
    `total ${formatMoney(side.totalCents, 'USD')}${quantity ? `, ${quantity}` : ''}; ${side.territories} ${side.territories === 1 ? who : `${who}s`}\n`,
  );
}

export function registerTradeProductCommands(program: Command): void {
  tradeCommand(program)
    .command('product')
    .description(
      "one product in a year across all partners: its largest importers, or a reporter's exports and imports by partner",
    )
    .argument('<hs>', 'HS chapter, heading or subheading, e.g. 87, 8704 or 870410')
    .requiredOption('--year <year>', 'the year, e.g. 2017')
    .option('--reporter <code>', "a reporter's exports and imports by partner (default: the world's importers)")
    .option('--top <n>', 'lines to show', '20')
    .option('--dataset <id>', 'dataset id (default: the most authoritative one that answers)')
    .option('--exclude-flagged', 'leave out flows their source flags (estimated, confidential, re-export)')
    .option('--json', 'print JSON')
    .action(async (hs: string, o: Options, command: Command) => {
      const raw = {
        year: o.year as string | undefined,
        reporter: o.reporter as string | undefined,
        top: o.top as string | undefined,
        dataset: o.dataset as string | undefined,
        excludeFlagged: o.excludeFlagged ? 'true' : 'false',
      };
      const q = parseInput(productQuery, raw);
      const route = `/api/trade/products/${encodeURIComponent(hs)}`;
      const p = await askTrade(command, route, raw, ({ db }) => productTrade(db, productOptions(hs, q)));
      if (o.json) return printJson(p);
      process.stdout.write(`HS ${p.product.code} ${p.product.titleEn}; ${p.year}, USD\n`);
      process.stdout.write(`${datasetLine(p.dataset)}\n`);
      if (p.exports) printSide(`${p.reporter}'s exports by partner`, p.exports, 'partner');
      printSide(
        p.reporter ? `${p.reporter}'s imports by partner` : 'Importers, each with its imports from the world',
        p.imports,
        p.reporter ? 'partner' : 'importer',
      );
      if (p.excludeFlagged) process.stdout.write('\nFlows flagged by their source are left out.\n');
      else if (p.includesFlagged) {
        process.stdout.write(
          `\nIncludes ${p.flaggedFlows} flagged ${p.flaggedFlows === 1 ? 'flow' : 'flows'} (estimated, confidential or re-export); --exclude-flagged leaves them out.\n`,
        );
      }
    });
}
