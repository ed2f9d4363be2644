import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { Trans, useTranslation } from 'react-i18next';
import { NoData } from '../../../components/NoData.tsx';
import { currencyName } from '../../../i18n/format.ts';
import { typedLanguage } from '../../../i18n/bilingual.ts';
import { ErrorState, Loading } from '../../../components/states.tsx';
import type { PartnerTabProps } from '../PartnerPage.tsx';
import { PeriodPicker } from './PeriodPicker.tsx';
import { parsePeriod, periodText } from './period.ts';
import { useDataSpan, useSummary, type Pair } from './queries.ts';
import { ReconciliationSection } from './ReconciliationSection.tsx';
import { SeriesSection } from './SeriesSection.tsx';
import { SignalsSection } from './SignalsSection.tsx';
import { StructureSection } from './StructureSection.tsx';
import { SummaryCards } from './SummaryCards.tsx';

export default function TradeTab({ relationship }: PartnerTabProps) {
  const { t, i18n } = useTranslation('trade');
  const search = useSearch({ from: '/partners/$code' });
  const navigate = useNavigate({ from: '/partners/$code' });
  const pair: Pair = { home: relationship.homeCode, partner: relationship.partnerCode };

  const asked = search.period ? parsePeriod(search.period) : null;
  const span = useDataSpan(pair);
  const range = asked ? (asked.ok ? asked.range : null) : (span.data?.latest ?? null);
  const period = range ? periodText(range) : null;
  // The partner page already asked for every section's answer (prefetchTradeTab); these hooks read them.
  const summary = useSummary(pair, period);

  function choose(next: string) {
    void navigate({ search: (previous) => ({ ...previous, period: next }) });
  }

  if (!search.period && span.isPending) return <Loading />;
  if (!search.period && span.isError) return <ErrorState error={span.error} />;
  if (!search.period && !span.data) return <NoData>{t('noData')}</NoData>;

  return (
    <Stack gap="lg">
      <PeriodPicker range={range} asked={search.period ?? null} span={span.data ?? null} onChoose={choose} />
      {asked && !asked.ok && (
        <Alert color="red" role="alert" title={t('period.invalidTitle')}>
          {t(`period.invalid.${asked.problem}`, { period: search.period })}
        </Alert>
      )}
      {period && (
        <>
          {summary.isPending && <Loading label={t('summary.loading')} />}
          {summary.isError && <ErrorState error={summary.error} />}
          {summary.data && (
            <>
              <Group gap="xs" data-testid="trade-dataset">
                {summary.data.dataset.illustrative && (
                  <Badge color="yellow.4" autoContrast>
                    {t('illustrative')}
                  </Badge>
                )}
                <Text size="sm" c="gray.7">
                  <Trans
                    t={t}
                    i18nKey="answerSource"
                    values={{
                      currency: currencyName(summary.data.currency, i18n.language),
                      dataset: summary.data.dataset.name,
                    }}
                    components={{ typed: <span lang={typedLanguage(summary.data.dataset.name)} /> }}
                  />
                </Text>
              </Group>
              <SummaryCards summary={summary.data} home={relationship.home} />
            </>
          )}
          <StructureSection pair={pair} period={period} />
          <SeriesSection pair={pair} period={period} />
          <SignalsSection pair={pair} period={period} />
        </>
      )}
      <ReconciliationSection pair={pair} />
    </Stack>
  );
}
