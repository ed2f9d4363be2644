import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart, echarts, type EChartOption } from '../../../components/charts/EChart.tsx';
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

interface DrawnText {
  type?: string;
  isTruncated?: boolean;
  style?: { text?: unknown };
  parent?: DrawnText;
}

/**
 * The names of the labels ECharts had to shorten or cut off (it drops the lines that do not fit a
 * rectangle). A label is drawn as one span per line, whose parent text knows whether lines were dropped.
 */
function cutLabels(chart: echarts.ECharts): string[] {
  const texts = new Set<DrawnText>();
  for (const element of chart.getZr().storage.getDisplayList()) {
    const parent = (element as unknown as DrawnText).parent;
    if (parent?.type === 'text' && parent.isTruncated) texts.add(parent);
  }
  return [...texts].flatMap((text) => (typeof text.style?.text === 'string' ? [text.style.text] : []));
}

/**
 * The structure as nested areas: each code's area is its value in the period. A label wraps inside its
 * rectangle and is left out when even wrapped it would be cut off; the tooltip always names the line in full.
 */
export function StructureTreemap({ structure, language }: { structure: TradeStructure; language: string }) {
  const { t } = useTranslation('trade');
  const direction = structure.direction as 'exports' | 'imports' | 'turnover';
  const holder = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState<{ of: TradeStructure; names: Set<string> }>({ of: structure, names: new Set() });
  const hiddenNames = hidden.of === structure ? hidden.names : null;
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
          label: { show: true, formatter: '{b}', overflow: 'break' },
          data: lines
            .filter((line) => line.current[`${direction}Cents`] > 0)
            .map((line) => {
              const name = line.label ? `${line.label} ${lineTitle(line, language)}` : lineTitle(line, language);
              return {
                name,
                value: line.current[`${direction}Cents`] / 100,
                ...(hiddenNames?.has(name) ? { label: { show: false } } : {}),
              };
            }),
        },
      ],
    };
  }, [structure, direction, language, hiddenNames]);
  const onEvents = useMemo(
    () => ({
      finished: () => {
        const element = holder.current?.querySelector('[data-testid="structure-treemap"]');
        const chart = element instanceof HTMLElement ? echarts.getInstanceByDom(element) : undefined;
        if (!chart) return;
        const cut = cutLabels(chart).filter((name) => !hiddenNames?.has(name));
        if (cut.length > 0) setHidden({ of: structure, names: new Set([...(hiddenNames ?? []), ...cut]) });
      },
    }),
    [structure, hiddenNames],
  );
  return (
    <div ref={holder}>
      <EChart
        option={option}
        label={t('structure.treemapLabel')}
        height={340}
        testId="structure-treemap"
        onEvents={onEvents}
      />
    </div>
  );
}
