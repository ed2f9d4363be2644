import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loading } from '../states.tsx';
import { EChart, echarts, type EChartOption } from '../charts/EChart.tsx';
import { tooltipHtml } from '../charts/tooltip.ts';
import type { BoundaryCollection } from '../../../../src/geo/model.ts';

/** A country (ISO 3166-1, "BY") or region (ISO 3166-2, "RU-KRS") shaded by `value`. */
export interface MapRegion {
  code: string;
  /** Null leaves the territory unshaded (e.g. a partner without trade data). */
  value: number | null;
  /** Shown on the map and in the tooltip, e.g. "Kursk Oblast". */
  label: string;
  /** How the value reads in the tooltip, e.g. "USD 96.3 million"; the number itself when not given. */
  valueText?: string;
}

/** A named marker: at `coord` ([longitude, latitude]) or, without one, in the middle of territory `code`. */
export interface MapPoint {
  name: string;
  code?: string;
  coord?: [number, number];
  /** Extra line for the tooltip, e.g. the outlet's kind. */
  detail?: string;
}

export interface RegionMapProps {
  regions: MapRegion[];
  /** Territories drawn grey for orientation only, e.g. the home country beside its partner regions. */
  context?: { code: string; label: string }[];
  points?: MapPoint[];
  /** What the map shows, for screen readers; give the same figures in a table or text beside it. */
  label: string;
  height?: number;
}

// Light enough at the top end for the dark region labels to stay readable.
const shades = ['#c3fae8', '#63e6be', '#12b886'];

/**
 * Partner territories shaded by a value, drawn with ECharts from the server's simplified boundaries.
 * Import it lazily (React.lazy) so a page can paint before the chart library arrives.
 */
export default function RegionMap({ regions, context = [], points = [], label, height = 360 }: RegionMapProps) {
  const { t } = useTranslation('partners');
  // Callers usually build these arrays inline; keying on their content keeps the map (and its zoom) steady
  // across renders that change nothing.
  const contentKey = JSON.stringify([regions, context, points]);
  const codes = useMemo(
    () =>
      [
        ...new Set([
          ...context.map((c) => c.code),
          ...regions.map((r) => r.code),
          ...points.flatMap((p) => p.code ?? []),
        ]),
      ].sort(),
    [contentKey],
  );
  const boundaries = useQuery({
    queryKey: ['geo-boundaries', codes],
    queryFn: () => api.get<BoundaryCollection>('/api/geo/boundaries', { codes: codes.join(',') }),
    enabled: codes.length > 0,
    staleTime: Infinity,
  });

  const option = useMemo((): EChartOption | null => {
    const collection = boundaries.data;
    if (!collection) return null;
    // One registered map per set of codes: registering under a shared name would redraw other maps on the page.
    const mapName = `accord-${codes.join('-')}`;
    echarts.registerMap(mapName, collection as unknown as Parameters<typeof echarts.registerMap>[1]);
    const centers = new Map(collection.features.map((f) => [f.id, f.properties.center]));
    const labels = new Map<string, string>([
      ...context.map((c) => [c.code, c.label] as const),
      ...regions.map((r) => [r.code, r.label] as const),
    ]);
    const texts = new Map(regions.map((r) => [r.code, r.valueText ?? String(r.value ?? '—')]));
    const values = regions.flatMap((r) => (r.value === null ? [] : [r.value]));
    const max = Math.max(1, ...values);
    const markers = points.flatMap((p) => {
      const at = p.coord ?? (p.code ? centers.get(p.code) : undefined);
      return at ? [{ name: p.name, value: [...at], detail: p.detail }] : [];
    });
    return {
      aria: { enabled: false },
      tooltip: {
        trigger: 'item',
        formatter: (params: { seriesType: string; name: string; data?: { detail?: string } }) => {
          if (params.seriesType === 'scatter') return tooltipHtml([params.name, params.data?.detail]);
          return tooltipHtml([labels.get(params.name) ?? params.name, texts.get(params.name)]);
        },
      },
      visualMap: {
        show: values.length > 1,
        min: 0,
        max,
        seriesIndex: 0,
        calculable: false,
        inRange: { color: shades },
        text: [t('map.more'), t('map.less')],
        left: 8,
        bottom: 8,
      },
      geo: {
        map: mapName,
        nameProperty: 'code',
        roam: true,
        layoutCenter: ['50%', '50%'],
        layoutSize: '96%',
        itemStyle: { areaColor: '#e9ecef', borderColor: '#868e96', borderWidth: 0.8 },
        emphasis: { itemStyle: { areaColor: '#ffd43b' }, label: { show: true } },
        label: {
          show: true,
          color: '#212529',
          fontSize: 12,
          formatter: (params: { name: string }) => labels.get(params.name) ?? '',
        },
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          data: regions.map((r) => ({ name: r.code, value: r.value ?? '-' })),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 9,
          itemStyle: { color: '#c92a2a', borderColor: '#fff', borderWidth: 1 },
          label: { show: true, position: 'right', formatter: '{b}', color: '#212529', fontSize: 11 },
          data: markers,
        },
      ],
    };
  }, [boundaries.data, contentKey, t]);

  if (codes.length === 0) return null;
  if (boundaries.isPending) return <Loading label={t('map.loading')} />;
  if (boundaries.isError || !option) {
    return (
      <Text size="sm" c="red.9" role="alert">
        {t('map.unavailable', { reason: boundaries.error?.message ?? '' })}
      </Text>
    );
  }
  const missing = boundaries.data.missing;
  return (
    <>
      <EChart option={option} label={label} height={height} testId="region-map" />
      {missing.length > 0 && (
        <Text size="xs" c="gray.7">
          {t('map.missing', { codes: missing.join(', ') })}
        </Text>
      )}
    </>
  );
}
