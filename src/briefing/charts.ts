/**
 * A chart of a briefing as an ECharts option: a pure function of the ChartSpec, free of any renderer, so
 * the server draws the same chart the web would (the web passes its own font).
 */
import type { EChartsOption, SeriesOption } from 'echarts';
import type { ChartSpec } from './document.ts';

const palette = ['#1f4e79', '#c55a11', '#548235', '#7f6000', '#5b9bd5', '#a5a5a5'];

/** A figure as the chart's language writes it: "96,3" in Russian, "96.3" in English, grouped thousands. */
export function formatChartNumber(value: number, lang: ChartSpec['lang']): string {
  return new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 1 }).format(value);
}

/** The drawing size that gives every category room: horizontal bars grow with their count. */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  const width = 640;
  const legend = spec.series.length > 1 ? 30 : 0;
  if (spec.kind === 'horizontal_bar') {
    const perCategory = spec.series.length > 1 ? 18 * spec.series.length + 10 : 28;
    return { width, height: Math.max(220, 70 + legend + spec.categories.length * perCategory) };
  }
  return { width, height: 320 + legend };
}

export function chartOption(spec: ChartSpec, style: { fontFamily: string; width: number }): EChartsOption {
  const format = (value: unknown) => (typeof value === 'number' ? formatChartNumber(value, spec.lang) : '');
  const horizontal = spec.kind === 'horizontal_bar';
  const stacked = spec.kind === 'stacked_bar';
  const legend = spec.series.length > 1;
  // Category labels wrap instead of overlapping: a third of the width beside horizontal bars, one slot below vertical ones.
  const labelWidth = horizontal
    ? Math.round(style.width / 3)
    : Math.max(40, Math.floor((style.width - 80) / Math.max(1, spec.categories.length)) - 4);
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    inverse: horizontal,
    axisTick: { alignWithLabel: true },
    axisLabel: { interval: 0, width: labelWidth, overflow: 'break' as const, color: '#333', fontSize: 11 },
  };
  const valueAxis = {
    type: 'value' as const,
    name: spec.unit,
    // Beside horizontal bars the unit sits under the axis, where it cannot collide with the last figure.
    nameLocation: horizontal ? ('middle' as const) : ('end' as const),
    nameGap: horizontal ? 26 : 24,
    nameTextStyle: { color: '#555', fontSize: 11, align: horizontal ? ('center' as const) : ('left' as const) },
    axisLabel: { formatter: (value: number) => format(value), color: '#555', fontSize: 10 },
    splitLine: { lineStyle: { color: '#e3e6ea' } },
  };
  // A stacked segment thinner than a line of text keeps its figure in the table, not on the bar.
  const tallest = Math.max(
    0,
    ...spec.categories.map((_, i) => spec.series.reduce((sum, s) => sum + Math.abs(s.values[i] ?? 0), 0)),
  );
  const smallestLabelled = tallest * 0.05;
  const series: SeriesOption[] = spec.series.map((s) => ({
    type: 'bar',
    name: s.name,
    // A negative bar carries its figure at its own end, below (or left of) the zero line.
    data: s.values.map((value) =>
      value !== null && value < 0 && !stacked
        ? { value, label: { position: horizontal ? ('left' as const) : ('bottom' as const) } }
        : value,
    ),
    stack: stacked ? 'total' : undefined,
    barMaxWidth: 36,
    label: {
      show: true,
      position: stacked ? 'inside' : horizontal ? 'right' : 'top',
      formatter: (params: { value?: unknown }) =>
        stacked && typeof params.value === 'number' && Math.abs(params.value) < smallestLabelled
          ? ''
          : format(params.value),
      fontSize: 10,
      color: stacked ? '#fff' : '#333',
    },
  }));
  return {
    animation: false,
    color: palette,
    textStyle: { fontFamily: style.fontFamily },
    grid: {
      left: 8,
      right: horizontal ? 48 : 16,
      top: horizontal ? 12 : 46,
      bottom: (legend ? 30 : 0) + (horizontal ? 30 : 8),
      containLabel: true,
    },
    legend: legend ? { bottom: 0, data: spec.series.map((s) => s.name), textStyle: { fontSize: 11 } } : undefined,
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series,
  };
}
