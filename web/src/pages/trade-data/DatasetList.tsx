import { Alert, Badge, Button, Code, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Typed } from '../../components/Typed.tsx';
import { api } from '../../api/client.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { formatMonth, formatNumber } from '../../i18n/format.ts';
import type { TradeDataset, TradeDatasetDetail } from '../../../../src/trade/datasets/model.ts';

export const datasetsKey = ['trade-datasets'];

/** After an import or a deletion every trade figure the workspace has cached may be wrong. */
export function invalidateTradeAnswers(queryClient: QueryClient): Promise<unknown> {
  return Promise.all(
    [datasetsKey, ['trade'], ['partners-overview']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** A dataset period: YYYYMM is a month, YYYY00 a whole year. */
function formatPeriod(period: number | null, language: string): string {
  if (period === null) return '—';
  return period % 100 === 0 ? String(Math.floor(period / 100)) : formatMonth(period, language);
}

function formatTimestamp(iso: string | null, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function DatasetList({ highlight }: { highlight?: string }) {
  const { t, i18n } = useTranslation('tradeData');
  const datasets = useQuery({ queryKey: datasetsKey, queryFn: () => api.get<TradeDataset[]>('/api/trade/datasets') });
  const [open, setOpen] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TradeDataset | null>(null);
  const lang = i18n.language;

  return (
    <section aria-labelledby="datasets-title">
      <Title order={2} id="datasets-title" mb="sm">
        {t('list.title')}
      </Title>
      {datasets.isPending ? (
        <Loading />
      ) : datasets.isError ? (
        <ErrorState error={datasets.error} />
      ) : datasets.data.length === 0 ? (
        <Text c="gray.7">{t('list.empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="xs">
            <Table.Caption c="gray.7">{t('list.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.name')}</Table.Th>
                <Table.Th scope="col">{t('list.kind')}</Table.Th>
                <Table.Th scope="col">{t('list.source')}</Table.Th>
                <Table.Th scope="col" style={{ textAlign: 'right' }}>
                  {t('list.rows')}
                </Table.Th>
                <Table.Th scope="col">{t('list.periods')}</Table.Th>
                <Table.Th scope="col">{t('list.importedAt')}</Table.Th>
                <Table.Th scope="col">{t('list.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {datasets.data.map((d) => (
                <Fragment key={d.id}>
                  <Table.Tr id={`dataset-${d.id}`} bg={highlight === d.id ? 'teal.0' : undefined}>
                    <Table.Th scope="row" fw={500}>
                      <Group gap={6} wrap="wrap">
                        <Typed text={d.name} />
                        {d.kind === 'illustrative' && (
                          <Badge color="yellow.4" c="dark.9" size="sm">
                            {t('illustrative', { ns: 'common' })}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{t(`kinds.${d.kind}`)}</Table.Td>
                    <Table.Td>{d.source && <Typed text={d.source} />}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{formatNumber(d.rowCount, lang)}</Table.Td>
                    <Table.Td>
                      {d.periodFrom === null
                        ? '—'
                        : `${formatPeriod(d.periodFrom, lang)} – ${formatPeriod(d.periodTo, lang)}`}
                    </Table.Td>
                    <Table.Td>{formatTimestamp(d.lastImportedAt, lang)}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="compact-sm"
                          variant="default"
                          aria-expanded={open === d.id}
                          aria-controls={`imports-${d.id}`}
                          aria-label={t('list.importsOf', { dataset: d.name })}
                          onClick={() => setOpen(open === d.id ? null : d.id)}
                        >
                          {t('list.imports')}
                        </Button>
                        <Button
                          size="compact-sm"
                          variant="outline"
                          color="red.9"
                          aria-label={t('list.deleteOf', { dataset: d.name })}
                          onClick={() => setDeleting(d)}
                        >
                          {t('list.delete')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                  {open === d.id && (
                    <Table.Tr id={`imports-${d.id}`}>
                      <Table.Td colSpan={7}>
                        <Imports id={d.id} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {deleting && <ConfirmDelete dataset={deleting} onClose={() => setDeleting(null)} />}
    </section>
  );
}

/** The files loaded into a dataset, with the hash of each as read. */
function Imports({ id }: { id: string }) {
  const { t, i18n } = useTranslation('tradeData');
  const detail = useQuery({
    queryKey: [...datasetsKey, id],
    queryFn: () => api.get<TradeDatasetDetail>(`/api/trade/datasets/${id}`),
  });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} />;
  if (detail.data.imports.length === 0) return <Text c="gray.7">{t('list.noImports')}</Text>;
  return (
    <Table>
      <Table.Caption c="gray.7">{t('list.importsCaption', { dataset: detail.data.name })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('list.importDate')}</Table.Th>
          <Table.Th scope="col">{t('list.format')}</Table.Th>
          <Table.Th scope="col" style={{ textAlign: 'right' }}>
            {t('list.rowsImported')}
          </Table.Th>
          <Table.Th scope="col">{t('list.periods')}</Table.Th>
          <Table.Th scope="col">{t('list.fileHash')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {detail.data.imports.map((imp) => (
          <Table.Tr key={imp.id}>
            <Table.Td>{formatTimestamp(imp.importedAt, i18n.language)}</Table.Td>
            <Table.Td>{t(`formats.${imp.format}`, { defaultValue: imp.format })}</Table.Td>
            <Table.Td style={{ textAlign: 'right' }}>{formatNumber(imp.rowsImported, i18n.language)}</Table.Td>
            <Table.Td>
              {imp.periodFrom === null
                ? '—'
                : `${formatPeriod(imp.periodFrom, i18n.language)} – ${formatPeriod(imp.periodTo, i18n.language)}`}
            </Table.Td>
            <Table.Td>
              <Code style={{ wordBreak: 'break-all' }}>{imp.fileHash}</Code>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ConfirmDelete({ dataset, onClose }: { dataset: TradeDataset; onClose: () => void }) {
  const { t, i18n } = useTranslation('tradeData');
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/trade/datasets/${dataset.id}`, { version: dataset.version }),
    onSuccess: async () => {
      await invalidateTradeAnswers(queryClient);
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('delete.title', { dataset: dataset.name })}>
      <Stack>
        <Text size="sm">
          {t('delete.text', { rows: formatNumber(dataset.rowCount, i18n.language), dataset: dataset.name })}
        </Text>
        {remove.isError && (
          <Alert color="red" variant="outline" role="alert">
            {remove.error.message}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('delete.cancel')}
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
