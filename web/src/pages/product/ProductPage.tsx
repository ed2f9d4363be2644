import { Alert, Badge, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { typedLanguage } from '../../i18n/bilingual.ts';
import { currencyName, formatMoneyShort, formatNumber, formatPercent } from '../../i18n/format.ts';
import { noWrap, tableStyles } from '../partner/trade/format.ts';
import { usePaintedAfter } from '../partner/trade/lazyCharts.ts';
import { nameIn, useTerritories } from '../partner/cooperation/lookups.ts';
import { datasetsQuery } from '../partner/trade/queries.ts';
import { territoryName, useProduct, type ProductSide, type ProductTrade } from './queries.ts';

// ECharts comes in its own chunk, asked for once there is something to draw.
const ProductChart = lazy(() => import('./ProductChart.tsx').then((module) => ({ default: module.ProductChart })));

type SideKind = 'exports' | 'imports' | 'importers';

/** One product in a year across all partners: the world's importers, or a reporter's partners both ways. */
export default function ProductPage() {
  const { hs } = useParams({ from: '/trade/products/$hs' });
  const search = useSearch({ from: '/trade/products/$hs' });
  const navigate = useNavigate({ from: '/trade/products/$hs' });
  const { t, i18n } = useTranslation('product');
  const language = i18n.language;
  const datasets = useQuery(datasetsQuery);
  const years = yearsOf(datasets.data ?? []);
  const year = search.year ?? years[0] ?? null;
  const product = useProduct({
    hs,
    year,
    reporter: search.reporter,
    dataset: search.dataset,
    excludeFlagged: search.excludeFlagged,
  });
  const data = product.data;
  const reporters = useTerritories([search.reporter]);

  if (!search.year && datasets.isPending) return <Loading />;
  if (!search.year && datasets.isError) return <ErrorState error={datasets.error} />;

  const title = data ? (language === 'ru' ? data.product.titleRu : data.product.titleEn) : null;
  const reporterName = search.reporter ? nameIn(reporters.get(search.reporter), language) : undefined;
  return (
    <Stack gap="lg">
      <div>
        <Text c="gray.7" fw={500}>
          {t('heading', { code: hs })}
          {data && ` · ${t(`level.${data.product.level}`)}`}
        </Text>
        <Title order={1}>{title ?? t('heading', { code: hs })}</Title>
        {year !== null && (
          <Text data-testid="product-subtitle">
            {search.reporter
              ? t('subtitleReporter', { reporter: reporterName ?? search.reporter, year })
              : t('subtitleWorld', { year })}
          </Text>
        )}
      </div>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Select
          label={t('year')}
          data={[...new Set([...years, ...(year === null ? [] : [year])])].sort((a, b) => b - a).map(String)}
          value={year === null ? null : String(year)}
          onChange={(value) => value && void navigate({ search: (previous) => ({ ...previous, year: Number(value) }) })}
          allowDeselect={false}
          w={120}
        />
        <Switch
          label={t('excludeFlagged')}
          description={t('excludeFlaggedHint')}
          checked={search.excludeFlagged === true}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            void navigate({ search: (previous) => ({ ...previous, excludeFlagged: checked || undefined }) });
          }}
          styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
        />
        {search.reporter && (
          <RouterAnchor
            c="teal.9"
            to="/trade/products/$hs"
            params={{ hs }}
            search={(previous) => ({ ...previous, reporter: undefined })}
            // The same page with a reporter is not the page this link leads to.
            activeOptions={{ explicitUndefined: true }}
          >
            {t('worldLink')}
          </RouterAnchor>
        )}
      </Group>
      {year === null && <Empty>{t('noYears')}</Empty>}
      {product.isPending && year !== null && <Loading />}
      {product.isError &&
        (product.error instanceof ApiError && product.error.status === 404 ? (
          <Empty>
            {product.error.body.what === 'HS code' ? t('unknownCode', { code: hs }) : t('noTrade', { year })}
          </Empty>
        ) : (
          <ErrorState error={product.error} />
        ))}
      {data && (
        <Stack gap="lg" style={{ opacity: product.isPlaceholderData ? 0.5 : 1 }} aria-busy={product.isPlaceholderData}>
          <Group gap="xs" data-testid="product-dataset">
            {data.dataset.illustrative && (
              <Badge color="yellow.4" autoContrast>
                {t('illustrative')}
              </Badge>
            )}
            <Text size="sm" c="gray.7">
              <Trans
                t={t}
                i18nKey="answerSource"
                values={{ currency: currencyName(data.currency, language), dataset: data.dataset.name }}
                components={{ typed: <span lang={typedLanguage(data.dataset.name)} /> }}
              />
            </Text>
          </Group>
          {!data.product.inNomenclature && (
            <Text size="sm" c="gray.7">
              {t('unchecked')}
            </Text>
          )}
          {data.includesFlagged && (
            <Alert
              color="yellow"
              variant="light"
              data-testid="product-flagged"
              styles={{ message: { color: 'var(--mantine-color-gray-9)' } }}
            >
              {t('flagged', { count: data.flaggedFlows })}
            </Alert>
          )}
          {data.excludeFlagged && (
            <Text size="sm" c="gray.7">
              {t('flaggedLeftOut')}
            </Text>
          )}
          {data.exports && <SideSection kind="exports" side={data.exports} answer={data} />}
          <SideSection kind={data.reporter ? 'imports' : 'importers'} side={data.imports} answer={data} />
        </Stack>
      )}
    </Stack>
  );
}

function SideSection({ kind, side, answer }: { kind: SideKind; side: ProductSide; answer: ProductTrade }) {
  const { t, i18n } = useTranslation('product');
  const language = i18n.language;
  const drawChart = usePaintedAfter(side.lines.length > 0);
  const money = (cents: number) => formatMoneyShort(cents, answer.currency, language);
  const quantity = (value: number | null, unit: string | null) =>
    value === null
      ? ''
      : `${formatNumber(value, language)}${unit ? ` ${t(`unit.${unit}`, { defaultValue: unit })}` : ''}`;
  const titleId = `product-${kind}-title`;
  return (
    <section aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t(`${kind}.title`)}
        </Title>
        {side.lines.length === 0 ? (
          <Empty>{t('empty', { year: answer.year })}</Empty>
        ) : (
          <>
            <Suspense fallback={<div style={{ height: 48 + 28 * side.lines.length }} />}>
              {drawChart ? (
                <ProductChart
                  side={side}
                  currency={answer.currency}
                  language={language}
                  label={t(`${kind}.chart`)}
                  testId={`product-${kind}-chart`}
                />
              ) : (
                <div style={{ height: 48 + 28 * side.lines.length }} />
              )}
            </Suspense>
            <Table.ScrollContainer minWidth={640}>
              <Table styles={tableStyles} striped data-testid={`product-${kind}-table`}>
                <Table.Caption>
                  {t('caption', {
                    title: t(`${kind}.title`),
                    year: answer.year,
                    currency: currencyName(answer.currency, language),
                  })}
                </Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" ta="right">
                      {t('rank')}
                    </Table.Th>
                    <Table.Th scope="col">{t(kind === 'importers' ? 'importer' : 'partner')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('value')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('share')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('quantity')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {side.lines.map((line) => (
                    <Table.Tr key={line.territory}>
                      <Table.Td ta="right">{line.rank ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <span>{territoryName(line, language)}</span>
                          {line.grouping && (
                            <Text span size="sm" c="gray.7">
                              {t('grouping')}
                            </Text>
                          )}
                          {line.flaggedFlows > 0 && (
                            <Badge color="yellow.4" autoContrast variant="filled">
                              {t('flaggedFlows', { count: line.flaggedFlows })}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {money(line.valueCents)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatPercent(line.sharePercent, language, false)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {quantity(line.quantity, line.unit)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  {side.other && (
                    <Table.Tr>
                      <Table.Td />
                      <Table.Td>{t('other', { count: side.other.territories })}</Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {money(side.other.valueCents)}
                      </Table.Td>
                      <Table.Td ta="right" style={noWrap}>
                        {formatPercent(side.other.sharePercent, language, false)}
                      </Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  )}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t('total')}
                    </Table.Th>
                    <Table.Td ta="right" style={noWrap} fw={700}>
                      {money(side.totalCents)}
                    </Table.Td>
                    <Table.Td ta="right" style={noWrap}>
                      {formatPercent(100, language, false)}
                    </Table.Td>
                    <Table.Td ta="right" style={noWrap}>
                      {quantity(side.quantity, side.unit)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </section>
  );
}

/** The years any dataset holds, newest first: the page opens on the latest. */
function yearsOf(datasets: Array<{ periodFrom: number | null; periodTo: number | null }>): number[] {
  const years = new Set<number>();
  for (const d of datasets) {
    if (d.periodFrom === null || d.periodTo === null) continue;
    for (let y = Math.floor(d.periodFrom / 100); y <= Math.floor(d.periodTo / 100); y += 1) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}
