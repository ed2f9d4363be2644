import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { InLanguage } from '../../components/InLanguage.tsx';
import { api } from '../../api/client.ts';
import { FieldValue } from '../../components/forms/FieldValue.tsx';
import { toFormValues } from '../../components/forms/values.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { ErrorState, Loading, NotFound } from '../../components/states.tsx';
import { BriefingDrawer } from '../partner/briefing/BriefingDrawer.tsx';
import { OverdueBadge } from './OverdueBadge.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { kindConfig, projectStages, statementStatuses, titleText } from './config.ts';
import { isRecordKind, type RecordKind } from './kinds.ts';
import { RecordEditor } from './RecordEditor.tsx';
import { Citations, History, MeetingStatements, OrganizationProjects, Positions, Provenance } from './Related.tsx';
import { Transition } from './Transition.tsx';
import type { Statement } from '../../../../src/cooperation/statements/model.ts';
import type { Project, StageMachine } from '../../../../src/cooperation/projects/model.ts';
import type { Person } from '../../../../src/registry/people/model.ts';

type Stored = Record<string, unknown> & { id: string; version: number };

export default function RecordDetailPage() {
  const { kind, id } = useParams({ from: '/records/$kind/$id' });
  if (!isRecordKind(kind)) return <NotFound />;
  return <RecordDetail key={`${kind}/${id}`} kind={kind} id={id} />;
}

function RecordDetail({ kind, id }: { kind: RecordKind; id: string }) {
  const { t, i18n } = useTranslation('records');
  const navigate = useNavigate();
  const config = kindConfig(kind, t);
  const path = `${config.api}/${id}`;
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [briefing, setBriefing] = useState(false);
  const record = useQuery({ queryKey: ['records', kind, id], queryFn: () => api.get<Stored>(path) });
  const stages = useQuery({
    queryKey: ['records', 'project-stages'],
    queryFn: () => api.get<StageMachine>('/api/projects/stages'),
    enabled: kind === 'projects',
    staleTime: Infinity,
  });

  if (record.isPending) return <Loading />;
  if (record.isError) return <ErrorState error={record.error} />;
  const data = record.data;
  const title = titleText(config, data, i18n.language) || t('list.untitled');

  return (
    <Stack maw={1000}>
      <Stack gap={4}>
        <RouterAnchor c="teal.9" to="/records/$kind" params={{ kind }} size="sm">
          {t('detail.back', { kinds: t(`kinds.${kind}`) })}
        </RouterAnchor>
        <Title order={1}>
          <InLanguage {...config.titleOf(data)} empty={t('list.untitled')} />
        </Title>
        <Group gap="xs">
          <Badge variant="outline" color="teal.9">
            {t(`one.${kind}`)}
          </Badge>
          {kind === 'statements' && (
            <Badge variant="outline" color="dark">
              {t(`enums.statementStatus.${String(data.status)}`)}
            </Badge>
          )}
          {data.overdue === true && <OverdueBadge />}
          {kind === 'projects' && (
            <Badge variant="outline" color="dark">
              {t(`enums.stage.${String(data.stage)}`)}
            </Badge>
          )}
        </Group>
      </Stack>

      {!editing && (
        <Group>
          <Button color="teal.9" onClick={() => setEditing(true)}>
            {t('detail.edit')}
          </Button>
          <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
            {t('detail.delete')}
          </Button>
          {kind === 'meetings' && (
            <Button variant="outline" color="teal.9" onClick={() => setBriefing(true)} data-testid="briefing-open">
              {t('action', { ns: 'briefing' })}
            </Button>
          )}
          {kind === 'documents' && data.kind === 'briefing' && (
            <Anchor href={`/api/documents/${id}/file`} download c="teal.9" data-testid="document-file">
              {t('detail.downloadFile')}
            </Anchor>
          )}
          {kind === 'statements' && (
            <Transition
              path={`${path}/status`}
              field="status"
              current={String(data.status)}
              states={statementStatuses}
              allowed={statementStatuses.filter((status) => status !== data.status)}
              version={data.version}
              label={t('transition.changeStatus')}
              stateLabel={(state) => t(`enums.statementStatus.${state}`)}
            />
          )}
          {kind === 'projects' && stages.data && (
            <Transition
              path={`${path}/stage`}
              field="stage"
              current={String(data.stage)}
              states={projectStages}
              allowed={stages.data.stages.find((stage) => stage.stage === data.stage)?.next ?? []}
              version={data.version}
              label={t('transition.changeStage')}
              stateLabel={(state) => t(`enums.stage.${state}`)}
            />
          )}
        </Group>
      )}

      {editing ? (
        <RecordEditor
          fields={config.fields}
          mode="edit"
          initial={toFormValues(config.fields, data)}
          path={path}
          version={data.version}
          fetchCurrent={() => api.get<Stored>(path)}
          onSaved={() => setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <Table withTableBorder variant="vertical" layout="fixed" aria-label={t('detail.fields')}>
          <Table.Tbody>
            {config.fields
              .filter((field) => field.name in data)
              .map((field) => (
                <Table.Tr key={field.name}>
                  <Table.Th scope="row" w={220}>
                    {field.label}
                  </Table.Th>
                  <Table.Td>
                    <FieldValue field={field} record={data} />
                  </Table.Td>
                </Table.Tr>
              ))}
            <Table.Tr>
              <Table.Th scope="row">{t('detail.version')}</Table.Th>
              <Table.Td>
                <Text size="sm" c="gray.7">
                  {data.version}
                </Text>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      )}

      {kind === 'meetings' && <MeetingStatements meetingId={id} />}
      {kind === 'statements' && <History changes={(data as unknown as Statement).history} group="statementStatus" />}
      {kind === 'projects' && <History changes={(data as unknown as Project).stageHistory} group="stage" />}
      {kind === 'people' && <Positions person={data as unknown as Person} />}
      {kind === 'organizations' && <OrganizationProjects organizationId={id} />}
      {kind === 'documents' ? (
        <Citations documentId={id} />
      ) : (
        <Provenance recordType={config.recordType} recordId={id} />
      )}

      {briefing && kind === 'meetings' && (
        <BriefingDrawer
          opened
          onClose={() => setBriefing(false)}
          relationshipId={String(data.relationshipId)}
          meetingId={id}
          defaultAsOf={dayBefore(String(data.heldOn))}
        />
      )}

      <ConfirmDelete
        opened={deleting}
        onClose={() => setDeleting(false)}
        path={path}
        version={data.version}
        what={title}
        onDeleted={() => void navigate({ to: '/records/$kind', params: { kind } })}
      />
    </Stack>
  );
}

/** A briefing for a meeting is written the day before it. */
function dayBefore(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
