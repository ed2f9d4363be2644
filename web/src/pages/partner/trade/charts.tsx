import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, type EChartOption } from '../../../components/charts/EChart.tsx';
import { tooltipHtml } from '../../../components/charts/tooltip.ts';
import { formatMoneyShort, formatPercent } from '../../../i18n/format.ts';
import type { TradeSeries, TradeStructure } from './queries.ts';
import { lineTitle, pointLabel } from './format.ts';

/** Turnover by period beside the same period a year earlier, and the growth between them as a line. */
export function SeriesChart({ series, language }: { series: TradeSeries; language: string }) {
  const { t } = useTranslation('trade');
  const option = useMemo<EChartOption>(() => {
    const money = (cents: number) => formatMoneyShort(cents, series.currency, language);
    const current = t('series.current');
    const previous = t('series.yearEarlier');
    const growth = t('series.yoy');
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'axis',
        formatter: (items: Array<{ seriesName: string; dataIndex: number; marker: string }>) => {
          const point = series.points[items[0]?.dataIndex ?? 0];
          if (!point) return '';
          return tooltipHtml([
            pointLabel(point, series.granularity, language),
            `${current}: ${money(point.totals.turnoverCents)}`,
            `${previous}: ${point.previous ? money(point.previous.turnoverCents) : '—'}`,
            `${growth}: ${formatPercent(point.turnoverGrowthPercent, language)}`,
          ]);
        },
      },
      legend: { data: [current, previous, growth], bottom: 0 },
      grid: { left: 70, right: 60, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: series.points.map((p) => pointLabel(p, series.granularity, language)) },
      yAxis: [
        {
          type: 'value',
          axisLabel: { formatter: (value: number) => money(value * 100) },
        },
        {
          type: 'value',
          axisLabel: { formatter: (value: number) => formatPercent(value, language) },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: current,
          type: 'bar',
          itemStyle: { color: '#0b7285' },
          data: series.points.map((p) => p.totals.turnoverCents / 100),
        },
        {
          name: previous,
          type: 'bar',
          itemStyle: { color: '#adb5bd' },
          data: series.points.map((p) => (p.previous ? p.previous.turnoverCents / 100 : null)),
        },
        {
          name: growth,
          type: 'line',
          yAxisIndex: 1,
          itemStyle: { color: '#e8590c' },
          data: series.points.map((p) => p.turnoverGrowthPercent),
        },
      ],
    };
  }, [series, language, t]);
  return <EChart option={option} label={t('series.chartLabel')} height={320} testId="series-chart" />;
}

/** The structure as nested areas: each code's area is its value in the period. */
export function StructureTreemap({ structure, language }: { structure: TradeStructure; language: string }) {
  const { t } = useTranslation('trade');
  const direction = structure.direction as 'exports' | 'imports' | 'turnover';
  const option = useMemo<EChartOption>(() => {
    const lines = [...structure.lines, ...(structure.other ? [structure.other] : [])];
    return {
      tooltip: {
        formatter: (item: { dataIndex: number; name: string; value: number }) =>
          tooltipHtml([item.name, formatMoneyShort(Math.round(item.value * 100), structure.currency, language)]),
      },
      series: [
        {
          type: 'treemap',
          roam: false,
          nodeClick: false,
          breadcrumb: { show: false },
          width: '100%',
          height: '100%',
          label: { show: true, formatter: '{b}', overflow: 'truncate' },
          data: lines
            .filter((line) => line.current[`${direction}Cents`] > 0)
            .map((line) => ({
              name: line.label ? `${line.label} ${lineTitle(line, language)}` : lineTitle(line, language),
              value: line.current[`${direction}Cents`] / 100,
            })),
        },
      ],
    };
  }, [structure, direction, language]);
  return <EChart option={option} label={t('structure.treemapLabel')} height={340} testId="structure-treemap" />;
}
