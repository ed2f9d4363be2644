import { Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { SearchHit, SearchKind, SearchResults } from '../../../../src/search/model.ts';

// The API's bounds (src/search/model.ts), repeated here so the page does not bundle the server's schemas.
const maxQueryLength = 100;
const maxResults = 50;
/** The order the groups are shown in. */
const searchKinds: SearchKind[] = ['partner', 'organization', 'person', 'project', 'meeting'];

const recordKindOf = {
  organization: 'organizations',
  person: 'people',
  project: 'projects',
  meeting: 'meetings',
} as const;

export default function SearchPage() {
  const { q } = useSearch({ from: '/search' });
  const navigate = useNavigate({ from: '/search' });
  const { t } = useTranslation('search');
  const [text, setText] = useState(q ?? '');
  // The header's box can change q while this page is open.
  useEffect(() => setText(q ?? ''), [q]);

  const results = useQuery({
    queryKey: ['search', q],
    queryFn: () => api.get<SearchResults>('/api/search', { q, limit: maxResults }),
    enabled: q !== undefined,
    placeholderData: keepPreviousData,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const words = text.trim();
    void navigate({ search: { q: words === '' ? undefined : words } });
  }

  return (
    <Stack>
      <Title order={1}>{q ? t('titleFor', { q }) : t('title')}</Title>
      <form role="search" aria-label={t('formLabel')} onSubmit={submit}>
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label={t('input')}
            description={t('inputHint')}
            value={text}
            maxLength={maxQueryLength}
            onChange={(event) => setText(event.currentTarget.value)}
            styles={{ description: { color: 'var(--mantine-color-gray-7)' } }}
            style={{ flex: 1, maxWidth: 560 }}
          />
          <Button type="submit" color="teal.9">
            {t('submit')}
          </Button>
        </Group>
      </form>
      {q === undefined ? (
        <Text c="gray.7">{t('prompt')}</Text>
      ) : results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorState error={results.error} />
      ) : results.data.items.length === 0 ? (
        <Text c="gray.7" role="status">
          {t('none', { q })}
        </Text>
      ) : (
        <Results results={results.data} />
      )}
    </Stack>
  );
}

function Results({ results }: { results: SearchResults }) {
  const { t } = useTranslation('search');
  const groups = searchKinds
    .map((kind) => ({ kind, hits: results.items.filter((hit) => hit.kind === kind) }))
    .filter((group) => group.hits.length > 0);
  return (
    <Stack gap="lg">
      <Text role="status" c="gray.7">
        {results.truncated
          ? t('countTruncated', { count: results.items.length })
          : t('count', { count: results.items.length })}
      </Text>
      {groups.map(({ kind, hits }) => (
        <section key={kind} aria-labelledby={`search-${kind}`}>
          <Title order={2} size="h3" id={`search-${kind}`} mb="xs">
            {t(`kinds.${kind}`)}{' '}
            <Badge variant="light" color="gray">
              {hits.length}
            </Badge>
          </Title>
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {hits.map((hit) => (
              <Paper component="li" key={hit.id} withBorder p="sm">
                <Hit hit={hit} />
              </Paper>
            ))}
          </Stack>
        </section>
      ))}
    </Stack>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t, i18n } = useTranslation('search');
  const ru = i18n.language === 'ru';
  const title = (ru ? (hit.titleRu ?? hit.titleEn) : (hit.titleEn ?? hit.titleRu)) ?? hit.title;
  const otherName = ru ? hit.titleEn : hit.titleRu;
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="wrap">
        <HitLink kind={hit.kind} id={hit.id}>
          {title}
        </HitLink>
        {otherName && otherName !== title && (
          <Text span c="gray.7" size="sm" lang={ru ? 'en' : 'ru'}>
            {otherName}
          </Text>
        )}
        {hit.date && (
          <Text span c="gray.7" size="sm">
            {formatDate(hit.date, i18n.language)}
          </Text>
        )}
      </Group>
      <Text size="sm" c="gray.7">
        {t(`fields.${hit.kind === 'person' && hit.match.field === 'name' ? 'personName' : hit.match.field}`)}:{' '}
        {hit.match.text}
      </Text>
    </Stack>
  );
}

function HitLink({ kind, id, children }: { kind: SearchKind; id: string; children: React.ReactNode }) {
  if (kind === 'partner') {
    return (
      <RouterAnchor to="/partners/$code" params={{ code: id }} fw={500} c="teal.9">
        {children}
      </RouterAnchor>
    );
  }
  return (
    <RouterAnchor to="/records/$kind/$id" params={{ kind: recordKindOf[kind], id }} fw={500} c="teal.9">
      {children}
    </RouterAnchor>
  );
}
