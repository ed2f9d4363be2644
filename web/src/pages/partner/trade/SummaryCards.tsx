import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatMoneyShort, formatNumber, formatPercent } from '../../../i18n/format.ts';
import type { Relationship } from '../../../../../src/registry/relationships/model.ts';
import { parsePeriod, rangeLabel } from './period.ts';
import { formatMoneyChange, growthColour } from './format.ts';
import type { TradeSummary } from './queries.ts';

type Measure = 'turnover' | 'exports' | 'imports' | 'balance';
const measures: Measure[] = ['turnover', 'exports', 'imports', 'balance'];

export function SummaryCards({ summary, home }: { summary: TradeSummary; home: Relationship['home'] }) {
  const { t, i18n } = useTranslation('trade');
  const language = i18n.language;
  const previous = parsePeriod(summary.previousPeriod.label);
  const previousLabel = previous.ok ? rangeLabel(previous.range, language) : summary.previousPeriod.label;
  const homeName = language === 'ru' ? home.nameRu : home.nameEn;

  return (
    <section aria-labelledby="trade-summary-title">
      <Title order={2} size="h4" id="trade-summary-title" mb="xs">
        {t('summary.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} data-testid="trade-summary">
        {measures.map((measure) => {
          const growth = measure === 'balance' ? undefined : summary.growthPercent[measure];
          const key = `${measure}Cents` as const;
          return (
            <Paper withBorder p="md" key={measure} data-testid={`summary-${measure}`}>
              <Stack gap={4}>
                <Text size="sm" c="gray.7" component="h3" fw={500} m={0}>
                  {t(`measure.${measure}`)}
                </Text>
                <Text size="xl" fw={700}>
                  {formatMoneyShort(summary.current[key], summary.currency, language)}
                </Text>
                {growth !== undefined && (
                  <Text size="sm" fw={600} c={growthColour(growth)}>
                    {growth === null ? t('summary.noBase') : formatPercent(growth, language)}
                  </Text>
                )}
                <Text size="sm">
                  {t('summary.change', {
                    amount: formatMoneyChange(summary.change[key], summary.currency, language),
                    previous: previousLabel,
                  })}
                </Text>
              </Stack>
            </Paper>
          );
        })}
        <Paper withBorder p="md" data-testid="summary-share">
          <Stack gap={4}>
            <Text size="sm" c="gray.7" component="h3" fw={500} m={0}>
              {t('summary.shareTitle')}
            </Text>
            <Text size="xl" fw={700}>
              {formatPercent(summary.sharePercent, language, false)}
            </Text>
            {/* A rank among one partner ("1 of 1") says nothing, so it is left out. */}
            {(summary.grouping || summary.rank === null || summary.partners > 1) && (
              <Text size="sm" data-testid="summary-rank">
                {summary.grouping
                  ? t('summary.groupingNoRank')
                  : summary.rank === null
                    ? t('summary.noRank')
                    : t('summary.rank', {
                        rank: formatNumber(summary.rank, language),
                        partners: formatNumber(summary.partners, language),
                        home: homeName,
                        count: summary.partners,
                      })}
              </Text>
            )}
          </Stack>
        </Paper>
      </SimpleGrid>
    </section>
  );
}
