import { List, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { formatMoneyShort } from '../../../i18n/format.ts';
import { noWrap, tableStyles } from './format.ts';
import { parsePeriod, rangeLabel } from './period.ts';
import { useSignals, type Pair } from './queries.ts';

/** What the same period in earlier years says about the trend, in words, with the years it is read from. */
export function SignalsSection({ pair, period }: { pair: Pair; period: string }) {
  const { t, i18n } = useTranslation('trade');
  const language = i18n.language;
  const signals = useSignals(pair, period);
  const data = signals.data;
  const label = (text: string) => {
    const parsed = parsePeriod(text);
    return parsed.ok ? rangeLabel(parsed.range, language) : text;
  };

  return (
    <section aria-labelledby="trade-signals-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trade-signals-title">
          {t('signals.title')}
        </Title>
        {signals.isPending && <Loading />}
        {signals.isError && <ErrorState error={signals.error} />}
        {data && data.signals.length === 0 && <Text>{t('signals.none')}</Text>}
        {data && data.signals.length > 0 && (
          <List data-testid="trade-signals">
            {data.signals.map((signal) => (
              <List.Item key={signal.code}>{language === 'ru' ? signal.textRu : signal.textEn}</List.Item>
            ))}
          </List>
        )}
        {data && data.years.length > 0 && (
          <Table styles={tableStyles} striped maw={640}>
            <Table.Caption>{t('signals.yearsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('series.period')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('measure.turnover')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('measure.balance')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.years.map((year) => (
                <Table.Tr key={year.period}>
                  <Table.Th scope="row" fw={400}>
                    {label(year.period)}
                  </Table.Th>
                  <Table.Td ta="right" style={noWrap}>
                    {formatMoneyShort(year.turnoverCents, 'USD', language)}
                  </Table.Td>
                  <Table.Td ta="right" style={noWrap}>
                    {formatMoneyShort(year.balanceCents, 'USD', language)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </section>
  );
}
