import { Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Suspense, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { DownloadMenu } from '../../../components/DownloadMenu.tsx';
import { RouterAnchor } from '../../../components/links.tsx';
import { Empty, ErrorState, Loading } from '../../../components/states.tsx';
import { currencyName, formatMoneyShort, formatPercent, formatPoints } from '../../../i18n/format.ts';
import { typedLanguage } from '../../../i18n/bilingual.ts';
import { growthColour, lineTitle, noWrap, tableStyles } from './format.ts';
import { StructureTreemap, usePaintedAfter } from './lazyCharts.ts';
import { parsePeriod } from './period.ts';
import {
  defaultDirection,
  directions,
  levelOf,
  levels,
  structureParams,
  useStructure,
  type Direction,
  type Pair,
} from './queries.ts';

export function StructureSection({ pair, period }: { pair: Pair; period: string }) {
  const { t, i18n } = useTranslation('trade');
  const language = i18n.language;
  const search = useSearch({ from: '/partners/$code' });
  const navigate = useNavigate({ from: '/partners/$code' });
  const level = levelOf(search.level);
  const [direction, setDirection] = useState<Direction>(defaultDirection);
  const structure = useStructure(pair, period, level, direction);
  const data = structure.data;
  const rows = data ? [...data.lines, ...(data.other ? [data.other] : [])] : [];
  // While a new answer is on its way the old one is shown, so its own direction labels it.
  const shownDirection = (data?.direction ?? direction) as Direction;
  const drawChart = usePaintedAfter(data !== undefined && rows.length > 0);
  // A code leads to the product's trade with every partner in the year the period ends in.
  const asked = parsePeriod(period);
  const productYear = asked.ok ? Math.floor(asked.range.to / 100) : null;

  return (
    <section aria-labelledby="trade-structure-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="trade-structure-title">
            {t('structure.title')}
          </Title>
          {data && rows.length > 0 && (
            <DownloadMenu
              path="/api/trade/structure"
              query={structureParams(pair, period, level, direction)}
              table={t('structure.title')}
            />
          )}
        </Group>
        <Group gap="lg" wrap="wrap">
          <Stack gap={2}>
            <Text size="sm" fw={500} id="trade-level-label">
              {t('structure.level')}
            </Text>
            <SegmentedControl
              aria-labelledby="trade-level-label"
              value={level}
              onChange={(value) => void navigate({ search: (previous) => ({ ...previous, level: value }) })}
              data={levels.map((name) => ({ value: name, label: t(`level.${name}`) }))}
            />
          </Stack>
          <Stack gap={2}>
            <Text size="sm" fw={500} id="trade-direction-label">
              {t('structure.direction')}
            </Text>
            <SegmentedControl
              aria-labelledby="trade-direction-label"
              value={direction}
              onChange={(value) => setDirection(value as Direction)}
              data={directions.map((name) => ({ value: name, label: t(`measure.${name}`) }))}
            />
          </Stack>
        </Group>
        {structure.isPending && <Loading />}
        {structure.isError && <ErrorState error={structure.error} />}
        {data && rows.length === 0 && <Empty>{t('structure.empty')}</Empty>}
        {data && rows.length > 0 && (
          <Stack
            gap="sm"
            style={{ opacity: structure.isPlaceholderData ? 0.5 : 1 }}
            aria-busy={structure.isPlaceholderData}
          >
            <Suspense fallback={<div style={{ height: 340 }} />}>
              {drawChart ? <StructureTreemap structure={data} language={language} /> : <div style={{ height: 340 }} />}
            </Suspense>
            <Table.ScrollContainer minWidth={720}>
              <Table styles={tableStyles} striped data-testid="structure-table">
                <Table.Caption>
                  <Trans
                    t={t}
                    i18nKey="structure.caption"
                    values={{
                      direction: t(`measure.${shownDirection}`),
                      level: t(`level.${data.level}`),
                      currency: currencyName(data.currency, language),
                      dataset: data.dataset.name,
                    }}
                    components={{ typed: <span lang={typedLanguage(data.dataset.name)} /> }}
                  />
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('structure.code')}</Table.Th>
                    <Table.Th scope="col">{t('structure.product')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('structure.value')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('structure.share')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('structure.growth')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('structure.contribution')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((line) => (
                    <Table.Tr key={line.code}>
                      <Table.Td>
                        {productYear !== null && isProductCode(line.code, data.level) ? (
                          <RouterAnchor
                            c="teal.9"
                            to="/trade/products/$hs"
                            params={{ hs: line.code }}
                            search={{ year: productYear, reporter: pair.home }}
                            title={t('structure.productLink', { code: line.code, year: productYear })}
                          >
                            {line.label}
                          </RouterAnchor>
                        ) : (
                          line.label
                        )}
                      </Table.Td>
                      <Table.Td>{lineTitle(line, language)}</Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatMoneyShort(line.current[`${shownDirection}Cents`], data.currency, language)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatPercent(line.sharePercent, language, false)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap} c={growthColour(line.growthPercent)}>
                        {formatPercent(line.growthPercent, language)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatPoints(line.contributionPp, language)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t('structure.total')}
                    </Table.Th>
                    <Table.Td ta="right" style={noWrap} fw={700}>
                      {formatMoneyShort(data.total.current, data.currency, language)}
                    </Table.Td>
                    <Table.Td ta="right" style={noWrap}>
                      {formatPercent(100, language, false)}
                    </Table.Td>
                    <Table.Td ta="right" style={noWrap} c={growthColour(data.total.growthPercent)}>
                      {formatPercent(data.total.growthPercent, language)}
                    </Table.Td>
                    <Table.Td ta="right" style={noWrap}>
                      {formatPoints(data.total.growthPercent, language)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Stack>
    </section>
  );
}

/** Chapters, headings and subheadings have a product page; sections (a roman numeral) and "other" do not. */
function isProductCode(code: string, level: string): boolean {
  return level !== 'section' && /^\d{2}(\d{2}){0,2}$/.test(code);
}
