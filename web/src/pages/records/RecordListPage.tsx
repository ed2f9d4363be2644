import { Button, Checkbox, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { InLanguage } from '../../components/InLanguage.tsx';
import { api, type Page } from '../../api/client.ts';
import { FieldValue } from '../../components/forms/FieldValue.tsx';
import { useOptions } from '../../components/forms/options.ts';
import { RouterAnchor, RouterButton } from '../../components/links.tsx';
import { Empty, ErrorState, Loading, NotFound } from '../../components/states.tsx';
import { kindConfig } from './config.ts';
import { OverdueBadge } from './OverdueBadge.tsx';
import { isRecordKind } from './kinds.ts';
import { Pager } from '../../components/Pager.tsx';

const pageSize = 20;

type Row = Record<string, unknown> & { id: string };

export default function RecordListPage() {
  const { kind } = useParams({ from: '/records/$kind' });
  if (!isRecordKind(kind)) return <NotFound />;
  return <RecordList kind={kind} />;
}

function RecordList({ kind }: { kind: Parameters<typeof kindConfig>[0] }) {
  const { t, i18n } = useTranslation('records');
  const search = useSearch({ from: '/records/$kind' });
  const navigate = useNavigate({ from: '/records/$kind' });
  const config = kindConfig(kind, t);
  const relationships = useOptions(config.byPartner ? 'relationships' : undefined);
  const stateField = config.fields.find((field) => field.name === config.stateFilter?.field);
  const states = useOptions(stateField?.type === 'select' ? stateField.options : undefined);
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q, kind]);
  const offset = search.offset ?? 0;

  const list = useQuery({
    queryKey: [
      'records',
      kind,
      'list',
      { q: search.q, partner: search.partner, offset, state: search.state, overdue: search.overdue },
    ],
    queryFn: () =>
      api.get<Page<Row>>(config.api, {
        q: config.searchable ? search.q : undefined,
        partner: config.byPartner ? search.partner : undefined,
        ...(config.stateFilter ? { [config.stateFilter.param]: search.state } : {}),
        overdue: config.overdueFilter && search.overdue ? 'true' : undefined,
        limit: pageSize,
        offset,
      }),
    placeholderData: keepPreviousData,
  });

  function applyFilter(event: FormEvent) {
    event.preventDefault();
    void navigate({ search: (previous) => ({ ...previous, q: q.trim() || undefined, offset: undefined }) });
  }

  const partnerChoices = relationships.options.flatMap((option) =>
    option.partnerCode ? [{ value: option.partnerCode, label: option.label }] : [],
  );
  const columns = config.columns.flatMap((name) => config.fields.filter((field) => field.name === name));

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t(`kinds.${kind}`)}</Title>
        <RouterButton color="teal.9" to="/records/$kind/new" params={{ kind }} search={{ partner: search.partner }}>
          {t(`new.${kind}`)}
        </RouterButton>
      </Group>
      {(config.searchable || config.byPartner || config.stateFilter) && (
        <form onSubmit={applyFilter} role="search" aria-label={t('list.filters')}>
          <Group align="flex-end">
            {config.searchable && (
              <TextInput
                label={t('list.q')}
                value={q}
                onChange={(event) => setQ(event.currentTarget.value)}
                style={{ flex: 1, maxWidth: 420 }}
              />
            )}
            {config.byPartner && (
              <Select
                label={t('list.partner')}
                placeholder={t('list.allPartners')}
                data={partnerChoices}
                value={search.partner ?? null}
                clearable
                onChange={(partner) =>
                  void navigate({
                    search: (previous) => ({ ...previous, partner: partner ?? undefined, offset: undefined }),
                  })
                }
              />
            )}
            {stateField && (
              <Select
                label={stateField.label}
                placeholder={t('list.any')}
                data={states.options}
                value={search.state ?? null}
                clearable
                onChange={(state) =>
                  void navigate({
                    search: (previous) => ({ ...previous, state: state ?? undefined, offset: undefined }),
                  })
                }
              />
            )}
            {config.overdueFilter && (
              <Checkbox
                color="teal.9"
                label={t('list.overdueOnly')}
                checked={search.overdue === true}
                mb={8}
                onChange={(event) => {
                  const overdue = event.currentTarget.checked || undefined;
                  void navigate({ search: (previous) => ({ ...previous, overdue, offset: undefined }) });
                }}
              />
            )}
            {config.searchable && (
              <Button color="teal.9" type="submit">
                {t('list.apply')}
              </Button>
            )}
          </Group>
        </form>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorState error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('list.empty')}</Empty>
      ) : (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover withTableBorder aria-label={t(`kinds.${kind}`)}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(`list.name.${kind}`)}</Table.Th>
                  {columns.map((field) => (
                    <Table.Th scope="col" key={field.name}>
                      {field.label}
                    </Table.Th>
                  ))}
                  {config.extraColumn && <Table.Th scope="col">{config.extraColumn.label}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((record) => (
                  <Table.Tr key={record.id}>
                    <Table.Td>
                      <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind, id: record.id }}>
                        <InLanguage {...config.titleOf(record)} empty={t('list.untitled')} />
                      </RouterAnchor>
                    </Table.Td>
                    {columns.map((field) => (
                      <Table.Td key={field.name}>
                        <Group gap="xs">
                          <FieldValue field={field} record={record} />
                          {field.name === 'status' && record.overdue === true && <OverdueBadge />}
                        </Group>
                      </Table.Td>
                    ))}
                    {config.extraColumn && <Table.Td>{config.extraColumn.text(record, i18n.language)}</Table.Td>}
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
            onOffset={(next) => void navigate({ search: (previous) => ({ ...previous, offset: next }) })}
          />
        </>
      )}
    </Stack>
  );
}
