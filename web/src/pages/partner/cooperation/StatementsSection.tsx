import { Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DownloadMenu } from '../../../components/DownloadMenu.tsx';
import { inLanguage } from '../../../components/forms/options.ts';
import { InLanguage } from '../../../components/InLanguage.tsx';
import { RouterAnchor, RouterButton } from '../../../components/links.tsx';
import { Empty, ErrorState, Loading } from '../../../components/states.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Relationship } from '../../../../../src/registry/relationships/model.ts';
import { nameIn, useOrganizations, usePeople } from './lookups.ts';
import { useMeetings, usePartnerAsOf, useStatements } from './queries.ts';

type Show = 'all' | 'commitments' | 'overdue';

export function StatementsSection({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation('cooperation');
  const language = i18n.language;
  const statements = useStatements(relationship.id);
  const meetings = useMeetings(relationship.id);
  const asOf = usePartnerAsOf();
  const [show, setShow] = useState<Show>('all');
  const items = statements.data?.items ?? [];
  const people = usePeople(items.flatMap((s) => [s.speakerPersonId, s.ownerPersonId]));
  const organizations = useOrganizations(items.map((s) => s.ownerOrganizationId));

  // A new commitment is most often a follow-up of the latest meeting, so the form opens on it.
  const latestMeeting = meetings.data?.items[0];
  const addButton = (
    <RouterButton
      to="/records/$kind/new"
      params={{ kind: 'statements' }}
      search={{ partner: relationship.partnerCode, meeting: latestMeeting?.id }}
      size="xs"
      color="teal.9"
    >
      {t('statements.addCommitment')}
    </RouterButton>
  );

  if (statements.isPending) return <Loading />;
  if (statements.isError) return <ErrorState error={statements.error} />;

  const overdueCount = items.filter((s) => s.overdue).length;
  const shown = items.filter((s) =>
    show === 'overdue' ? s.overdue : show === 'commitments' ? s.kind === 'commitment' : true,
  );
  // Overdue first, then by due date, so what needs chasing is on top.
  shown.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') ||
      inLanguage(a.textEn, a.textRu, language).localeCompare(inLanguage(b.textEn, b.textRu, language), language),
  );

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t('statements.show')}
            value={show}
            onChange={(value) => setShow(value as Show)}
            data={[
              { value: 'all', label: t('statements.all') },
              { value: 'commitments', label: t('statements.commitments') },
              { value: 'overdue', label: t('statements.overdueOnly') },
            ]}
          />
          {overdueCount > 0 && (
            <Text size="sm" c="red.9" fw={600}>
              {t('statements.overdueSummary', { count: overdueCount })}
            </Text>
          )}
        </Group>
        <Group gap="xs">
          {shown.length > 0 && (
            <DownloadMenu
              path="/api/statements"
              query={{
                relationshipId: relationship.id,
                asOf,
                kind: show === 'commitments' ? 'commitment' : undefined,
                overdue: show === 'overdue' ? true : undefined,
              }}
              table={t('statements.title')}
            />
          )}
          {addButton}
        </Group>
      </Group>
      {shown.length === 0 ? (
        <Empty>{t('statements.none')}</Empty>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('statements.kind')}</Table.Th>
                <Table.Th scope="col">{t('statements.text')}</Table.Th>
                <Table.Th scope="col">{t('statements.by')}</Table.Th>
                <Table.Th scope="col">{t('statements.owner')}</Table.Th>
                <Table.Th scope="col">{t('statements.due')}</Table.Th>
                <Table.Th scope="col">{t('statements.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((s) => {
                const speaker = nameIn(people.get(s.speakerPersonId ?? ''), language);
                const owner =
                  nameIn(people.get(s.ownerPersonId ?? ''), language) ??
                  nameIn(organizations.get(s.ownerOrganizationId ?? ''), language);
                return (
                  <Table.Tr
                    key={s.id}
                    data-overdue={s.overdue || undefined}
                    bg={s.overdue ? 'red.0' : undefined}
                    style={s.overdue ? { boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)' } : undefined}
                  >
                    <Table.Td>{t(`statementKind.${s.kind}`)}</Table.Td>
                    <Table.Td>
                      <RouterAnchor
                        c="teal.9"
                        to="/records/$kind/$id"
                        params={{ kind: 'statements', id: s.id }}
                        size="sm"
                      >
                        <InLanguage en={s.textEn} ru={s.textRu} />
                      </RouterAnchor>
                    </Table.Td>
                    <Table.Td>
                      {[speaker, s.side ? t(`side.${s.side}`) : null].filter(Boolean).join(', ') || '—'}
                    </Table.Td>
                    <Table.Td>{owner ?? '—'}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {s.dueOn ? formatDate(s.dueOn, language) : '—'}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Stack gap={2} align="flex-start">
                        <Text size="sm">{t(`status.${s.status}`)}</Text>
                        {s.overdue && (
                          <Text size="sm" fw={700} c="red.9">
                            {t('statements.overdue')}
                          </Text>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
