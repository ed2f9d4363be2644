import { Text } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Loading } from '../states.tsx';
import { EChart, echarts, type EChartOption } from '../charts/EChart.tsx';
import { tooltipHtml } from '../charts/tooltip.ts';
import type { BoundaryCollection, BoundaryFeature } from '../../../../src/geo/model.ts';
import { focusOf } from './focus.ts';
import { MapLegend, pinStyles, type LegendEntry } from './MapLegend.tsx';

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

/**
 * A named pin: at `coord` ([longitude, latitude]) or, without one, at the centre of territory `code`,
 * drawn hollow and called approximate.
 */
export interface MapPoint {
  name: string;
  code?: string;
  coord?: [number, number];
  /** Extra line for the tooltip, e.g. the outlet's city. */
  detail?: string;
  /** Which of `pointKinds` the pin is; each kind has its own symbol and colour. */
  kind?: string;
}

export interface RegionMapProps {
  regions: MapRegion[];
  /** Territories drawn grey for orientation only, e.g. the home country beside its partner regions. */
  context?: { code: string; label: string }[];
  points?: MapPoint[];
  /** Every kind a pin may have, in a fixed order, so a kind keeps its symbol from page to page. */
  pointKinds?: { key: string; label: string }[];
  /** What the map shows, for screen readers; give the same figures in a table or text beside it. */
  label: string;
  height?: number;
}

// Light enough at the top end for the dark region labels to stay readable.
const shades = ['#c3fae8', '#63e6be', '#12b886'];
const colours = {
  partner: shades[2]!,
  noFigures: '#a5d8ff',
  otherRegion: '#f8f9fa',
  home: '#ced4da',
  border: '#868e96',
};

/** The country an ISO 3166-2 code belongs to ("RU" for "RU-KRS"); undefined for a country code. */
function countryOf(code: string): string | undefined {
  return /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code) ? code.slice(0, 2) : undefined;
}

/**
 * Partner territories shaded by a value, drawn with ECharts from the server's simplified boundaries. A
 * partner region is shown inside its whole country, every region outlined; pins carry a symbol per kind.
 * Import it lazily (React.lazy) so a page can paint before the chart library arrives.
 */
export default function RegionMap(props: RegionMapProps) {
  const { regions, context = [], points = [], pointKinds = [], label, height = 360 } = props;
  const { t, i18n } = useTranslation('partners');
  const language = i18n.language;
  // Callers usually build these arrays inline; keying on their content keeps the map (and its zoom) steady
  // across renders that change nothing.
  const contentKey = JSON.stringify([regions, context, points, pointKinds]);
  const countries = useMemo(() => [...new Set(regions.flatMap((r) => countryOf(r.code) ?? []))].sort(), [contentKey]);
  const layers = useQueries({
    queries: countries.map((country) => ({
      queryKey: ['geo-country-regions', country],
      queryFn: () => api.get<BoundaryCollection>(`/api/geo/countries/${country}/regions`),
      staleTime: Infinity,
    })),
  });
  const layered = new Set(layers.flatMap((layer) => layer.data?.features.map((f) => f.id) ?? []));
  // Regions a country's layer says have no shape (Shymkent) are not asked for again: alone they would 404.
  const unshaped = new Set(layers.flatMap((layer) => layer.data?.missing ?? []));
  const layersSettled = layers.every((layer) => !layer.isPending);
  const codes = useMemo(
    () =>
      [
        ...new Set([
          ...context.map((c) => c.code),
          ...regions.map((r) => r.code),
          ...points.flatMap((p) => p.code ?? []),
        ]),
      ]
        .filter((code) => !layered.has(code) && !unshaped.has(code))
        .sort(),
    [contentKey, [...layered].join(), [...unshaped].join()],
  );
  const boundaries = useQuery({
    queryKey: ['geo-boundaries', codes],
    queryFn: () => api.get<BoundaryCollection>('/api/geo/boundaries', { codes: codes.join(',') }),
    enabled: layersSettled && codes.length > 0,
    staleTime: Infinity,
  });

  const drawn = useMemo(() => {
    if (!layersSettled || (codes.length > 0 && !boundaries.data)) return null;
    const features: BoundaryFeature[] = [
      ...layers.flatMap((layer) => layer.data?.features ?? []),
      ...(boundaries.data?.features ?? []),
    ];
    return features.length === 0 ? null : features;
  }, [layersSettled, boundaries.data, ...layers.map((layer) => layer.data)]);

  const view = useMemo(() => {
    if (!drawn) return null;
    const ids = drawn.map((f) => f.id);
    // One registered map per set of codes: registering under a shared name would redraw other maps on the page.
    const mapName = `accord-${ids.length}-${[...ids].sort().join('-')}`;
    echarts.registerMap(mapName, { type: 'FeatureCollection', features: drawn } as unknown as Parameters<
      typeof echarts.registerMap
    >[1]);
    const features = new Map(drawn.map((f) => [f.id, f]));
    const featureName = (code: string) => {
      const properties = features.get(code)?.properties;
      return (language === 'ru' ? properties?.nameRu : undefined) ?? properties?.name ?? code;
    };
    const labels = new Map<string, string>([
      ...context.map((c) => [c.code, c.label] as const),
      ...regions.map((r) => [r.code, r.label] as const),
    ]);
    const texts = new Map(regions.map((r) => [r.code, r.valueText ?? String(r.value ?? '—')]));
    const values = regions.flatMap((r) => (r.value === null ? [] : [r.value]));
    const shaded = values.length > 1;
    const max = Math.max(1, ...values);
    const partnerCodes = new Set(regions.map((r) => r.code));
    const focus =
      countries.length > 0 ? focusOf(drawn, new Set([...partnerCodes, ...context.map((c) => c.code)])) : null;
    const kindIndex = new Map(pointKinds.map((kind, index) => [kind.key, index]));
    const markers = points.flatMap((p) => {
      const at = p.coord ?? (p.code ? features.get(p.code)?.properties.center : undefined);
      if (!at) return [];
      const style = pinStyles[(kindIndex.get(p.kind ?? '') ?? 0) % pinStyles.length]!;
      const approximate = !p.coord;
      return [
        {
          name: p.name,
          value: [...at],
          detail: p.detail,
          approximate,
          kind: p.kind,
          symbol: style.symbol,
          itemStyle: approximate
            ? { color: '#fff', borderColor: style.colour, borderWidth: 2, borderType: 'dashed' }
            : { color: style.colour, borderColor: '#fff', borderWidth: 1 },
        },
      ];
    });
    const kindLabel = new Map(pointKinds.map((kind) => [kind.key, kind.label]));
    const option: EChartOption = {
      aria: { enabled: false },
      tooltip: {
        trigger: 'item',
        formatter: (params: {
          seriesType: string;
          name: string;
          data?: { detail?: string; approximate?: boolean; kind?: string };
        }) => {
          if (params.seriesType === 'scatter') {
            const data = params.data ?? {};
            return tooltipHtml([
              params.name,
              data.kind ? kindLabel.get(data.kind) : undefined,
              data.detail,
              data.approximate ? t('map.approximate') : undefined,
            ]);
          }
          return tooltipHtml([labels.get(params.name) ?? featureName(params.name), texts.get(params.name)]);
        },
      },
      visualMap: {
        show: shaded,
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
        ...(focus ?? {}),
        // Fit the box on both sides: a wide country (Russia) would be tiny if sized by the box's height.
        left: 8,
        right: 8,
        top: 8,
        bottom: 8,
        itemStyle: { areaColor: colours.otherRegion, borderColor: colours.border, borderWidth: 0.5 },
        emphasis: { itemStyle: { areaColor: '#ffd43b' }, label: { show: true } },
        // Only the partners and the home country are labelled; the other regions name themselves on hover.
        regions: [
          ...context.map((c) => ({ name: c.code, itemStyle: { areaColor: colours.home }, label: { show: true } })),
          ...regions.map((r) => ({ name: r.code, label: { show: true } })),
        ],
        label: {
          color: '#212529',
          fontSize: 12,
          formatter: (params: { name: string }) => labels.get(params.name) ?? featureName(params.name),
        },
      },
      series: [
        {
          type: 'map',
          geoIndex: 0,
          // Without it the series names regions by their "name" and paints every one it cannot match.
          nameProperty: 'code',
          data: regions.map((r) => ({
            name: r.code,
            value: r.value ?? '-',
            ...(r.value === null ? { itemStyle: { areaColor: colours.noFigures } } : {}),
          })),
        },
        {
          type: 'scatter',
          coordinateSystem: 'geo',
          symbolSize: 12,
          // Outlets crowd into a city; their names are in the tooltip and the table below the map.
          label: { show: false },
          data: markers,
        },
      ],
    };

    const otherRegions = drawn.filter((f) => countryOf(f.id) && !partnerCodes.has(f.id)).length;
    const approximate = markers.filter((m) => m.approximate).length;
    const kindsShown = pointKinds.filter((kind) => markers.some((m) => m.kind === kind.key));
    const legend: LegendEntry[] = [
      shaded
        ? { key: 'partner', swatch: { gradient: shades }, text: t('map.legend.shaded') }
        : { key: 'partner', swatch: { fill: colours.partner }, text: t('map.legend.partner') },
      ...(regions.some((r) => r.value === null)
        ? [{ key: 'no-figures', swatch: { fill: colours.noFigures }, text: t('map.legend.noFigures') }]
        : []),
      ...(otherRegions > 0
        ? [{ key: 'other', swatch: { fill: colours.otherRegion }, text: t('map.legend.otherRegions') }]
        : []),
      ...context.map((c) => ({ key: `home-${c.code}`, swatch: { fill: colours.home }, text: c.label })),
      ...kindsShown.map((kind) => {
        const style = pinStyles[(kindIndex.get(kind.key) ?? 0) % pinStyles.length]!;
        return { key: `pin-${kind.key}`, pin: { ...style, hollow: false }, text: kind.label };
      }),
      ...(approximate > 0
        ? [
            {
              key: 'approximate',
              pin: { ...pinStyles[0]!, colour: '#495057', hollow: true },
              text: t('map.approximate'),
            },
          ]
        : []),
    ];
    const partners = regions.map((r) => r.label).join(', ');
    const summary = [
      otherRegions > 0
        ? t('map.summary.regions', { count: otherRegions + partnerCodes.size, partners })
        : t('map.summary.territories', { count: drawn.length, partners }),
      markers.length > 0 ? t('map.summary.pins', { count: markers.length, approximate }) : '',
    ]
      .filter(Boolean)
      .join(' ');
    return { option, legend, summary };
  }, [drawn, contentKey, language, t]);

  const failure = layers.find((layer) => layer.isError)?.error ?? boundaries.error;
  if (regions.length === 0 && context.length === 0 && points.length === 0) return null;
  if (failure) {
    return (
      <Text size="sm" c="red.9" role="alert">
        {t('map.unavailable', { reason: failure.message })}
      </Text>
    );
  }
  if (!view) return <Loading label={t('map.loading')} />;
  const missing = [
    ...regions.map((r) => r.code).filter((code) => unshaped.has(code)),
    ...(boundaries.data?.missing ?? []),
  ];
  return (
    <>
      <EChart option={view.option} label={`${label}. ${view.summary}`} height={height} testId="region-map" />
      <MapLegend entries={view.legend} title={t('map.legend.title')} />
      {missing.length > 0 && (
        <Text size="xs" c="gray.7">
          {t('map.missing', { codes: missing.join(', ') })}
        </Text>
      )}
    </>
  );
}
