import { Anchor, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { formatDate, languageName, localeOf } from '../../../i18n/format.ts';
import { useSavedBriefings } from './api.ts';

/** The briefings kept for the partner: what the principal was handed, each downloadable as it was. */
export function SavedBriefings({ relationshipId }: { relationshipId: string }) {
  const { t, i18n } = useTranslation('briefing');
  const briefings = useSavedBriefings(relationshipId);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(localeOf(i18n.language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

  return (
    <section aria-labelledby="saved-briefings-title">
      <Title order={2} size="h5" id="saved-briefings-title">
        {t('savedTitle')}
      </Title>
      {briefings.isPending && <Loading />}
      {briefings.isError && <ErrorState error={briefings.error} />}
      {briefings.data && briefings.data.length === 0 && <Text size="sm">{t('savedNone')}</Text>}
      {briefings.data && briefings.data.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped data-testid="saved-briefings" aria-labelledby="saved-briefings-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('columns.title')}</Table.Th>
                <Table.Th>{t('columns.asOf')}</Table.Th>
                <Table.Th>{t('columns.language')}</Table.Th>
                <Table.Th>{t('columns.format')}</Table.Th>
                <Table.Th>{t('columns.author')}</Table.Th>
                <Table.Th>{t('columns.when')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {briefings.data.map((briefing) => (
                <Table.Tr key={briefing.id}>
                  <Table.Td>
                    <Anchor
                      href={`/api/documents/${briefing.id}/file`}
                      download
                      size="sm"
                      c="teal.9"
                      aria-label={t('downloadSaved', {
                        title: briefing.title,
                        format: t(`formats.${briefing.format}`),
                      })}
                    >
                      {briefing.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatDate(briefing.asOf, i18n.language)}</Table.Td>
                  <Table.Td>{languageName(briefing.lang, i18n.language)}</Table.Td>
                  <Table.Td>{t(`formats.${briefing.format}`)}</Table.Td>
                  <Table.Td>{briefing.author ?? t('noAuthor')}</Table.Td>
                  <Table.Td>{when(briefing.producedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
