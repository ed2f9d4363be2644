import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Typed } from '../../../components/Typed.tsx';
import { RouterAnchor } from '../../../components/links.tsx';
import { inLanguage } from '../../../components/forms/options.ts';
import { InLanguage } from '../../../components/InLanguage.tsx';
import { Empty, ErrorState, Loading } from '../../../components/states.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { api } from '../../../api/client.ts';
import type { Relationship } from '../../../../../src/registry/relationships/model.ts';
import type { ProvenanceLink } from '../../../../../src/documents/model.ts';
import { nameIn, usePeople } from './lookups.ts';
import { useMeetings } from './queries.ts';

export function MeetingsSection({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation('cooperation');
  const meetings = useMeetings(relationship.id);
  const people = usePeople((meetings.data?.items ?? []).flatMap((m) => m.participants.map((p) => p.personId)));

  if (meetings.isPending) return <Loading />;
  if (meetings.isError) return <ErrorState error={meetings.error} />;
  if (meetings.data.items.length === 0) return <Empty>{t('meetings.none')}</Empty>;

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('meetings.date')}</Table.Th>
            <Table.Th scope="col">{t('meetings.kind')}</Table.Th>
            <Table.Th scope="col">{t('meetings.meeting')}</Table.Th>
            <Table.Th scope="col">{t('meetings.place')}</Table.Th>
            <Table.Th scope="col">{t('meetings.participants')}</Table.Th>
            <Table.Th scope="col">{t('meetings.sources')}</Table.Th>
            <Table.Th scope="col">{t('meetings.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.data.items.map((meeting) => (
            <Table.Tr key={meeting.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(meeting.heldOn, i18n.language)}</Table.Td>
              <Table.Td>{t(`meetingKind.${meeting.kind}`)}</Table.Td>
              <Table.Td>
                <RouterAnchor
                  c="teal.9"
                  to="/records/$kind/$id"
                  params={{ kind: 'meetings', id: meeting.id }}
                  size="sm"
                >
                  <InLanguage en={meeting.titleEn} ru={meeting.titleRu} />
                </RouterAnchor>
              </Table.Td>
              <Table.Td>{meeting.place ? <Typed text={meeting.place} /> : '—'}</Table.Td>
              <Table.Td>
                {meeting.participants.map((p) => (
                  <Text size="sm" key={p.personId}>
                    {t('meetings.participant', {
                      name: nameIn(people.get(p.personId), i18n.language) ?? '…',
                      role: inLanguage(p.roleEn, p.roleRu, i18n.language),
                      side: t(`side.${p.side}`),
                    })}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <MeetingSources meetingId={meeting.id} />
              </Table.Td>
              <Table.Td>
                <RouterAnchor
                  c="teal.9"
                  to="/records/$kind/new"
                  params={{ kind: 'statements' }}
                  search={{ meeting: meeting.id, partner: relationship.partnerCode }}
                  size="sm"
                  aria-label={t('meetings.addStatementLabel', {
                    title: inLanguage(meeting.titleEn, meeting.titleRu, i18n.language),
                  })}
                >
                  {t('meetings.addStatement')}
                </RouterAnchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The documents a meeting was recorded from (its readouts), so a reader can check what was said. */
function MeetingSources({ meetingId }: { meetingId: string }) {
  const links = useQuery({
    // The same key as the meeting page's sources, so either one fills the other's cache.
    queryKey: ['records', 'provenance', 'meeting', meetingId],
    queryFn: () => api.get<ProvenanceLink[]>('/api/provenance', { recordType: 'meeting', recordId: meetingId }),
  });
  // One document may back a meeting at several places (paragraphs); it is listed once.
  const documents = [
    ...new Map(
      (links.data ?? []).flatMap((link) => (link.document ? [[link.document.id, link.document]] : [])),
    ).values(),
  ];
  if (documents.length === 0) return <>—</>;
  return (
    <Stack gap={2}>
      {documents.map((document) => (
        <RouterAnchor
          key={document.id}
          c="teal.9"
          size="sm"
          to="/records/$kind/$id"
          params={{ kind: 'documents', id: document.id }}
        >
          <InLanguage en={document.titleEn} ru={document.titleRu} />
        </RouterAnchor>
      ))}
    </Stack>
  );
}
