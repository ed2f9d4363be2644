import { Group, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { Suspense, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DownloadMenu } from '../../../components/DownloadMenu.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { currencyName, formatMoneyShort, formatPercent } from '../../../i18n/format.ts';
import { typedLanguage } from '../../../i18n/bilingual.ts';
import { growthColour, noWrap, pointLabel, tableStyles } from './format.ts';
import { SeriesChart, usePaintedAfter } from './lazyCharts.ts';
import { defaultGranularity, granularities, seriesParams, useSeries, type Granularity, type Pair } from './queries.ts';

export function SeriesSection({ pair, period }: { pair: Pair; period: string }) {
  const { t, i18n } = useTranslation('trade');
  const language = i18n.language;
  const [granularity, setGranularity] = useState<Granularity>(defaultGranularity);
  const [cumulative, setCumulative] = useState(false);
  const series = useSeries(pair, period, granularity, cumulative);
  const data = series.data;
  const drawChart = usePaintedAfter(data !== undefined);

  return (
    <section aria-labelledby="trade-series-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="trade-series-title">
            {t('series.title')}
          </Title>
          {data && (
            <DownloadMenu
              path="/api/trade/series"
              query={seriesParams(pair, period, granularity, cumulative)}
              table={t('series.title')}
            />
          )}
        </Group>
        <Group gap="lg" align="flex-end" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" fw={500} id="trade-granularity-label">
              {t('series.granularity')}
            </Text>
            <SegmentedControl
              aria-labelledby="trade-granularity-label"
              value={granularity}
              onChange={(value) => setGranularity(value as Granularity)}
              data={granularities.map((name) => ({ value: name, label: t(`granularity.${name}`) }))}
            />
          </Stack>
          <Switch
            label={t('series.cumulative')}
            checked={cumulative}
            onChange={(event) => setCumulative(event.currentTarget.checked)}
            mb={6}
          />
        </Group>
        {series.isPending && <Loading />}
        {series.isError && <ErrorState error={series.error} />}
        {data && (
          <Stack gap="sm" style={{ opacity: series.isPlaceholderData ? 0.5 : 1 }} aria-busy={series.isPlaceholderData}>
            <Suspense fallback={<div style={{ height: 320 }} />}>
              {drawChart ? <SeriesChart series={data} language={language} /> : <div style={{ height: 320 }} />}
            </Suspense>
            <details>
              <summary>{t('series.asTable')}</summary>
              <Table styles={tableStyles} striped mt="xs" data-testid="series-table">
                <Table.Caption>
                  <Trans
                    t={t}
                    i18nKey="series.caption"
                    values={{ currency: currencyName(data.currency, language), dataset: data.dataset.name }}
                    components={{ typed: <span lang={typedLanguage(data.dataset.name)} /> }}
                  />
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('series.period')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('measure.exports')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('measure.imports')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('measure.turnover')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('series.yearEarlier')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('series.yoy')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.points.map((point) => (
                    <Table.Tr key={point.period}>
                      <Table.Th scope="row" fw={400}>
                        {pointLabel(point, data.granularity, language)}
                      </Table.Th>
                      <Table.Td ta="right" style={noWrap}>
                        {formatMoneyShort(point.totals.exportsCents, data.currency, language)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatMoneyShort(point.totals.importsCents, data.currency, language)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatMoneyShort(point.totals.turnoverCents, data.currency, language)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {point.previous ? formatMoneyShort(point.previous.turnoverCents, data.currency, language) : '—'}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap} c={growthColour(point.turnoverGrowthPercent)}>
                        {formatPercent(point.turnoverGrowthPercent, language)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </details>
          </Stack>
        )}
      </Stack>
    </section>
  );
}
