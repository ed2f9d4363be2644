import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Typed } from '../../../components/Typed.tsx';
import { localizeLocator } from '../../../i18n/bilingual.ts';
import { InLanguage } from '../../../components/InLanguage.tsx';
import { RouterAnchor } from '../../../components/links.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { formatMoneyShort, formatPercent } from '../../../i18n/format.ts';
import { formatMoneyChange, noWrap } from './format.ts';
import { parsePeriod, rangeLabel } from './period.ts';
import { useDocument, useReconciliation, type Pair, type Reconciliation } from './queries.ts';

/** Figures officials quoted, each beside the same figure computed from the data, with the difference. */
export function ReconciliationSection({ pair }: { pair: Pair }) {
  const { t } = useTranslation('trade');
  const reconciliation = useReconciliation(pair);
  const data = reconciliation.data;

  return (
    <section aria-labelledby="trade-official-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trade-official-title">
          {t('official.title')}
        </Title>
        {reconciliation.isPending && <Loading />}
        {reconciliation.isError && <ErrorState error={reconciliation.error} />}
        {data && data.length === 0 && <Text>{t('official.none')}</Text>}
        {data && data.length > 0 && (
          <Table.ScrollContainer minWidth={820}>
            <Table striped data-testid="official-figures">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('official.indicator')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('official.official')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('official.computed')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('official.difference')}
                  </Table.Th>
                  <Table.Th scope="col">{t('official.source')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((line) => (
                  <FigureRow key={line.figure.id} line={line} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </section>
  );
}

function FigureRow({ line }: { line: Reconciliation }) {
  const { t, i18n } = useTranslation('trade');
  const language = i18n.language;
  const { figure } = line;
  const document = useDocument(figure.documentId);
  const period = parsePeriod(`${figure.periodFrom}..${figure.periodTo}`);
  const periodLabel = period.ok ? rangeLabel(period.range, language) : `${figure.periodFrom}..${figure.periodTo}`;
  const quotedGrowth = figure.growthPercent === null ? null : Number(figure.growthPercent);

  return (
    <Table.Tr>
      <Table.Th scope="row" fw={400}>
        {t(`measure.${figure.metric}`)}, {periodLabel}
      </Table.Th>
      <Table.Td ta="right" style={noWrap} data-testid="official-value">
        <Text size="sm" fw={600}>
          {formatMoneyShort(figure.valueMinor, figure.currency, language)}
        </Text>
        {quotedGrowth !== null && <Text size="sm">{formatPercent(quotedGrowth, language)}</Text>}
      </Table.Td>
      <Table.Td ta="right" style={noWrap} data-testid="computed-value">
        {line.computedMinor === null ? (
          <Text size="sm">{line.note ?? '—'}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {formatMoneyShort(line.computedMinor, figure.currency, language)}
            </Text>
            <Text size="sm">{formatPercent(line.computedGrowthPercent, language)}</Text>
            {line.dataset && (
              <Text size="xs" c="gray.7">
                <Typed text={line.dataset.name} />
                {line.dataset.illustrative ? ` · ${t('illustrative')}` : ''}
              </Text>
            )}
          </>
        )}
      </Table.Td>
      <Table.Td ta="right" style={noWrap}>
        {line.differenceMinor === null ? (
          '—'
        ) : (
          <>
            <Text size="sm">{formatMoneyChange(line.differenceMinor, figure.currency, language)}</Text>
            <Text size="sm">{formatPercent(line.differencePercent, language)}</Text>
          </>
        )}
      </Table.Td>
      <Table.Td>
        {figure.documentId ? (
          <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind: 'documents', id: figure.documentId }}>
            {document.data ? (
              <InLanguage en={document.data.titleEn} ru={document.data.titleRu} />
            ) : (
              t('official.document')
            )}
          </RouterAnchor>
        ) : (
          t('official.noDocument')
        )}
        {figure.locator && <Text size="sm">{localizeLocator(figure.locator, language)}</Text>}
      </Table.Td>
    </Table.Tr>
  );
}
