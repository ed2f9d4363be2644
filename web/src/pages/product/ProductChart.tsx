import { useMemo } from 'react';
import { EChart, type EChartOption } from '../../components/charts/EChart.tsx';
import { tooltipHtml } from '../../components/charts/tooltip.ts';
import { formatMoneyShort, formatPercent } from '../../i18n/format.ts';
import { territoryName, type ProductSide } from './queries.ts';

/** The side's lines as horizontal bars, largest on top; the same figures are in the table beside it. */
export function ProductChart({
  side,
  currency,
  language,
  label,
  testId,
}: {
  side: ProductSide;
  currency: string;
  language: string;
  label: string;
  testId: string;
}) {
  const option = useMemo<EChartOption>(() => {
    const lines = [...side.lines].reverse();
    const money = (cents: number) => formatMoneyShort(cents, currency, language);
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: Array<{ dataIndex: number }>) => {
          const line = lines[items[0]?.dataIndex ?? 0];
          if (!line) return '';
          return tooltipHtml([
            territoryName(line, language),
            money(line.valueCents),
            formatPercent(line.sharePercent, language, false),
          ]);
        },
      },
      grid: { left: 8, right: 24, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (value: number) => money(value * 100) } },
      yAxis: {
        type: 'category',
        data: lines.map((line) => territoryName(line, language)),
        axisLabel: { width: 180, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          itemStyle: { color: '#0b7285' },
          data: lines.map((line) => line.valueCents / 100),
        },
      ],
    };
  }, [side, currency, language]);
  return <EChart option={option} label={label} height={48 + 28 * side.lines.length} testId={testId} />;
}
