import { describe, expect, it } from 'vitest';
import { chartOption, chartSize, formatChartNumber } from './charts.ts';
import type { ChartSpec } from './document.ts';

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({
  kind: 'bar',
  categories: ['2016', '2017'],
  series: [{ name: 'Экспорт', values: [71.6, null] }],
  unit: 'млн долл. США',
  lang: 'ru',
  ...over,
});

type Labelled = { label: { formatter: (p: { value?: unknown }) => string; position: string }; stack?: string };

describe('chart options', () => {
  it('write figures with a decimal comma and spaced thousands in Russian, as English does in English', () => {
    expect(formatChartNumber(96.3, 'ru')).toBe('96,3');
    expect(formatChartNumber(1250.5, 'ru').replace(/\s/g, ' ')).toBe('1 250,5');
    expect(formatChartNumber(1250.5, 'en')).toBe('1,250.5');
  });

  it('label bars and axes in the chart language and leave a missing value blank', () => {
    const option = chartOption(spec(), { fontFamily: 'PT Sans', width: 640 });
    const [series] = option.series as Labelled[];
    expect(series?.label.formatter({ value: 40.5 })).toBe('40,5');
    expect(series?.label.formatter({ value: null })).toBe('');
    const yAxis = option.yAxis as { name: string; axisLabel: { formatter: (v: number) => string } };
    expect(yAxis.name).toBe('млн долл. США');
    expect(yAxis.axisLabel.formatter(1500).replace(/\s/g, ' ')).toBe('1 500');
    expect(option.legend).toBeUndefined();
  });

  it('stack the series of a stacked chart and lay categories down the side of a horizontal one', () => {
    const stacked = chartOption(
      spec({
        kind: 'stacked_bar',
        series: [
          { name: 'a', values: [1, 2] },
          { name: 'b', values: [3, 4] },
        ],
      }),
      { fontFamily: 'PT Sans', width: 640 },
    );
    expect((stacked.series as Labelled[]).map((s) => s.stack)).toEqual(['total', 'total']);
    expect(stacked.legend).toMatchObject({ data: ['a', 'b'] });
    const horizontal = chartOption(spec({ kind: 'horizontal_bar' }), { fontFamily: 'PT Sans', width: 640 });
    expect(horizontal.yAxis).toMatchObject({ type: 'category', data: ['2016', '2017'], inverse: true });
    expect(
      chartSize(spec({ kind: 'horizontal_bar', categories: Array.from({ length: 20 }, String) })).height,
    ).toBeGreaterThan(chartSize(spec({ kind: 'horizontal_bar' })).height);
  });

  it('put the figure of a negative bar below the zero line and leave sliver segments of a stack unlabelled', () => {
    const balance = chartOption(spec({ series: [{ name: 'Сальдо', values: [12.5, -3.2] }] }), {
      fontFamily: 'PT Sans',
      width: 640,
    });
    const [line] = balance.series as Array<{ data: unknown[] }>;
    expect(line?.data).toEqual([12.5, { value: -3.2, label: { position: 'bottom' } }]);
    const stacked = chartOption(
      spec({
        kind: 'stacked_bar',
        series: [
          { name: 'a', values: [50, 40] },
          { name: 'b', values: [0.4, 30] },
        ],
      }),
      { fontFamily: 'PT Sans', width: 640 },
    );
    const [, thin] = stacked.series as Labelled[];
    expect(thin?.label.formatter({ value: 0.4 })).toBe('');
    expect(thin?.label.formatter({ value: 30 })).toBe('30');
  });
});
