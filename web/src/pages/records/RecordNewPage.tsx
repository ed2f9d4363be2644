import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import { emptyValues } from '../../components/forms/values.ts';
import { ErrorState, Loading, NotFound } from '../../components/states.tsx';
import { kindConfig } from './config.ts';
import { isRecordKind, type RecordKind } from './kinds.ts';
import { RecordEditor } from './RecordEditor.tsx';
import type { FormValues } from '../../components/forms/types.ts';
import type { Relationship } from '../../../../src/registry/relationships/model.ts';

/** Where a new record starts when nothing is said: the state the API itself would give it. */
const startingValues: Partial<Record<RecordKind, FormValues>> = {
  statements: { status: 'open' },
  projects: { stage: 'idea' },
  outlets: { status: 'active' },
};

export default function RecordNewPage() {
  const { kind } = useParams({ from: '/records/$kind/new' });
  if (!isRecordKind(kind)) return <NotFound />;
  return <NewRecord kind={kind} />;
}

function NewRecord({ kind }: { kind: RecordKind }) {
  const { t } = useTranslation('records');
  const search = useSearch({ from: '/records/$kind/new' });
  const navigate = useNavigate();
  const config = kindConfig(kind, t);
  const wantsRelationship = config.fields.some((field) => field.name === 'relationshipId');
  // Opened from a partner's page: the record belongs to that partner's relationship.
  const relationship = useQuery({
    queryKey: ['records', 'relationships', { partner: search.partner }],
    queryFn: async () =>
      (await api.get<Page<Relationship>>('/api/relationships', { partner: search.partner, limit: 1 })).items[0] ?? null,
    enabled: wantsRelationship && search.partner !== undefined,
  });
  if (relationship.isLoading) return <Loading />;
  if (relationship.isError) return <ErrorState error={relationship.error} />;

  const initial: FormValues = { ...emptyValues(config.fields), ...startingValues[kind] };
  if (relationship.data) initial.relationshipId = relationship.data.id;
  if (relationship.data && kind === 'outlets') initial.territoryCode = relationship.data.partnerCode;
  if (search.meeting && kind === 'statements') initial.meetingId = search.meeting;

  return (
    <Stack maw={900}>
      <Title order={1}>{t(`new.${kind}`)}</Title>
      <RecordEditor
        key={kind}
        fields={config.fields}
        mode="create"
        initial={initial}
        path={config.api}
        onSaved={(record) => void navigate({ to: '/records/$kind/$id', params: { kind, id: record.id } })}
        onCancel={() => void navigate({ to: '/records/$kind', params: { kind } })}
      />
    </Stack>
  );
}
