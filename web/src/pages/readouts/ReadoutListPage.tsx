import { Badge, Group, Stack, Table, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOptions } from '../../components/forms/options.ts';
import { RouterAnchor, RouterButton } from '../../components/links.tsx';
import { Typed } from '../../components/Typed.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate, formatNumber, languageName } from '../../i18n/format.ts';
import { useReadouts } from './api.ts';
import { shortTitle } from './items.ts';
import { Pager } from '../../components/Pager.tsx';

const pageSize = 20;

/** The readouts read so far, newest first, each with whether its records are written yet. */
export default function ReadoutListPage() {
  const { t, i18n } = useTranslation('readouts');
  const search = useSearch({ from: '/readouts' });
  const navigate = useNavigate({ from: '/readouts' });
  const relationships = useOptions('relationships');
  const offset = search.offset ?? 0;
  const list = useReadouts({ limit: pageSize, offset });

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('list.title')}</Title>
        <RouterButton color="teal.9" to="/readouts/new">
          {t('list.add')}
        </RouterButton>
      </Group>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('list.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover withTableBorder aria-label={t('list.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.readout')}</Table.Th>
                  <Table.Th scope="col">{t('list.date')}</Table.Th>
                  <Table.Th scope="col">{t('list.partner')}</Table.Th>
                  <Table.Th scope="col">{t('list.language')}</Table.Th>
                  <Table.Th scope="col">{t('list.drafts')}</Table.Th>
                  <Table.Th scope="col">{t('list.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((readout) => (
                  <Table.Tr key={readout.id}>
                    <Table.Td>
                      <RouterAnchor c="teal.9" to="/readouts/$id" params={{ id: readout.id }}>
                        {readout.title ? (
                          <Typed text={shortTitle(readout.title)} lang={readout.language} />
                        ) : (
                          t('review.untitled')
                        )}
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatDate(readout.documentDate, i18n.language)}
                    </Table.Td>
                    <Table.Td>{readout.relationshipId ? relationships.labelOf(readout.relationshipId) : '—'}</Table.Td>
                    <Table.Td>{languageName(readout.language, i18n.language)}</Table.Td>
                    <Table.Td>{formatNumber(readout.itemCount, i18n.language)}</Table.Td>
                    <Table.Td>
                      <Badge variant="outline" color={readout.status === 'accepted' ? 'teal.9' : 'dark'}>
                        {t(`list.statuses.${readout.status}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            offset={offset}
            pageSize={pageSize}
            shown={list.data.items.length}
            total={list.data.total}
            onOffset={(next) => void navigate({ search: { offset: next } })}
          />
        </>
      )}
    </Stack>
  );
}
