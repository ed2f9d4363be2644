import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localizeLocator } from '../../i18n/bilingual.ts';
import { InLanguage } from '../../components/InLanguage.tsx';
import { Typed } from '../../components/Typed.tsx';
import { api, type Page } from '../../api/client.ts';
import { inLanguage, useOptions } from '../../components/forms/options.ts';
import { emptyValues, toFormValues } from '../../components/forms/values.ts';
import { RouterAnchor, RouterButton } from '../../components/links.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatDate } from '../../i18n/format.ts';
import { OverdueBadge } from './OverdueBadge.tsx';
import { ConfirmDelete } from './ConfirmDelete.tsx';
import { positionFields } from './config.ts';
import { RecordEditor } from './RecordEditor.tsx';
import type { Statement, StatusChange } from '../../../../src/cooperation/statements/model.ts';
import type { Project, StageChange } from '../../../../src/cooperation/projects/model.ts';
import type { Person, Position } from '../../../../src/registry/people/model.ts';
import type { DocumentCitation, ProvenanceLink } from '../../../../src/documents/model.ts';

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap="xs" component="section">
      <Title order={2} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** The statements made at a meeting, with the way to record another. */
export function MeetingStatements({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('records');
  const statements = useQuery({
    queryKey: ['records', 'statements', { meetingId }],
    queryFn: () => api.get<Page<Statement>>('/api/statements', { meetingId, limit: 200 }),
  });
  return (
    <Section title={t('related.statements')}>
      {statements.isPending ? (
        <Loading />
      ) : statements.isError ? (
        <ErrorState error={statements.error} />
      ) : statements.data.items.length === 0 ? (
        <Empty>{t('related.noStatements')}</Empty>
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.text')}</Table.Th>
              <Table.Th scope="col">{t('fields.kind')}</Table.Th>
              <Table.Th scope="col">{t('fields.status')}</Table.Th>
              <Table.Th scope="col">{t('fields.dueOn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {statements.data.items.map((statement) => (
              <StatementRow key={statement.id} statement={statement} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <RouterButton
          color="teal.9"
          variant="outline"
          to="/records/$kind/new"
          params={{ kind: 'statements' }}
          search={{ meeting: meetingId }}
        >
          {t('related.addStatement')}
        </RouterButton>
      </Group>
    </Section>
  );
}

function StatementRow({ statement }: { statement: Statement }) {
  const { t, i18n } = useTranslation('records');
  return (
    <Table.Tr>
      <Table.Td>
        <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind: 'statements', id: statement.id }}>
          <InLanguage en={statement.textEn} ru={statement.textRu} />
        </RouterAnchor>
      </Table.Td>
      <Table.Td>{t(`enums.statementKind.${statement.kind}`)}</Table.Td>
      <Table.Td>
        <Group gap="xs">
          {t(`enums.statementStatus.${statement.status}`)}
          {statement.overdue && <OverdueBadge />}
        </Group>
      </Table.Td>
      <Table.Td>{formatDate(statement.dueOn, i18n.language)}</Table.Td>
    </Table.Tr>
  );
}

/** How a statement's status or a project's stage changed, oldest first. */
export function History({
  changes,
  group,
}: {
  changes: Array<StatusChange | StageChange>;
  group: 'statementStatus' | 'stage';
}) {
  const { t, i18n } = useTranslation('records');
  const name = (state: string | null) => (state ? t(`enums.${group}.${state}`) : '—');
  return (
    <Section title={t(group === 'stage' ? 'related.stageHistory' : 'related.statusHistory')}>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('related.changedOn')}</Table.Th>
            <Table.Th scope="col">{t('related.from')}</Table.Th>
            <Table.Th scope="col">{t('related.to')}</Table.Th>
            <Table.Th scope="col">{t('related.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change, index) => (
            <Table.Tr key={index}>
              <Table.Td>{formatDate(change.changedOn, i18n.language)}</Table.Td>
              <Table.Td>{name('fromStatus' in change ? change.fromStatus : change.fromStage)}</Table.Td>
              <Table.Td>{name('toStatus' in change ? change.toStatus : change.toStage)}</Table.Td>
              <Table.Td>{change.note ? <Typed text={change.note} /> : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

/** The projects an organization is a party to. */
export function OrganizationProjects({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation('records');
  const projects = useQuery({
    queryKey: ['records', 'projects', { organizationId }],
    queryFn: () => api.get<Page<Project>>('/api/projects', { organizationId, limit: 200 }),
  });
  return (
    <Section title={t('related.projects')}>
      {projects.isPending ? (
        <Loading />
      ) : projects.isError ? (
        <ErrorState error={projects.error} />
      ) : projects.data.items.length === 0 ? (
        <Empty>{t('related.noProjects')}</Empty>
      ) : (
        <Stack gap={4}>
          {projects.data.items.map((project) => (
            <Text key={project.id}>
              <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind: 'projects', id: project.id }}>
                <InLanguage en={project.titleEn} ru={project.titleRu} />
              </RouterAnchor>{' '}
              <Text span c="gray.7" size="sm">
                ({t(`enums.stage.${project.stage}`)})
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The posts a person held, each one editable here since positions are records of their own. */
export function Positions({ person }: { person: Person }) {
  const { t, i18n } = useTranslation('records');
  const fields = positionFields(t);
  const organizations = useOptions('organizations');
  const territories = useOptions('territories');
  const [editing, setEditing] = useState<Position | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Position | null>(null);
  const titleOf = (position: Position) => inLanguage(position.titleEn, position.titleRu, i18n.language);

  return (
    <Section title={t('related.positions')}>
      {person.positions.length === 0 ? (
        <Empty>{t('related.noPositions')}</Empty>
      ) : (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('fields.title')}</Table.Th>
              <Table.Th scope="col">{t('fields.organizationId')}</Table.Th>
              <Table.Th scope="col">{t('fields.territoryCode')}</Table.Th>
              <Table.Th scope="col">{t('fields.fromOn')}</Table.Th>
              <Table.Th scope="col">{t('fields.toOn')}</Table.Th>
              <Table.Th scope="col">{t('related.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {person.positions.map((position) => (
              <Table.Tr key={position.id}>
                <Table.Td>{titleOf(position)}</Table.Td>
                <Table.Td>
                  {position.organizationId ? (
                    <RouterAnchor
                      c="teal.9"
                      to="/records/$kind/$id"
                      params={{ kind: 'organizations', id: position.organizationId }}
                    >
                      {organizations.labelOf(position.organizationId)}
                    </RouterAnchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>{position.territoryCode ? territories.labelOf(position.territoryCode) : '—'}</Table.Td>
                <Table.Td>{formatDate(position.fromOn, i18n.language)}</Table.Td>
                <Table.Td>{position.toOn ? formatDate(position.toOn, i18n.language) : t('related.current')}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      color="teal.9"
                      size="xs"
                      variant="outline"
                      aria-label={t('related.editPosition', { title: titleOf(position) })}
                      onClick={() => setEditing(position)}
                    >
                      {t('detail.edit')}
                    </Button>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={t('related.deletePosition', { title: titleOf(position) })}
                      onClick={() => setDeleting(position)}
                    >
                      {t('detail.delete')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing ? (
        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="sm">
            {editing === 'new' ? t('related.addPosition') : t('related.editPosition', { title: titleOf(editing) })}
          </Title>
          <RecordEditor
            key={editing === 'new' ? 'new' : editing.id}
            fields={fields}
            mode={editing === 'new' ? 'create' : 'edit'}
            initial={editing === 'new' ? emptyValues(fields) : toFormValues(fields, editing)}
            path={editing === 'new' ? '/api/positions' : `/api/positions/${editing.id}`}
            version={editing === 'new' ? undefined : editing.version}
            extra={{ personId: person.id }}
            fetchCurrent={editing === 'new' ? undefined : () => api.get<Position>(`/api/positions/${editing.id}`)}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        </Paper>
      ) : (
        <Group>
          <Button color="teal.9" variant="outline" onClick={() => setEditing('new')}>
            {t('related.addPosition')}
          </Button>
        </Group>
      )}
      {deleting && (
        <ConfirmDelete
          opened
          onClose={() => setDeleting(null)}
          path={`/api/positions/${deleting.id}`}
          version={deleting.version}
          what={titleOf(deleting)}
          onDeleted={() => setDeleting(null)}
        />
      )}
    </Section>
  );
}

/** Where a record came from: the document and the place in it, or the person who told it. */
export function Provenance({ recordType, recordId }: { recordType: string; recordId: string }) {
  const { t, i18n } = useTranslation('records');
  const links = useQuery({
    queryKey: ['records', 'provenance', recordType, recordId],
    queryFn: () => api.get<ProvenanceLink[]>('/api/provenance', { recordType, recordId }),
  });
  return (
    <Section title={t('related.sources')}>
      {links.isPending ? (
        <Loading />
      ) : links.isError ? (
        <ErrorState error={links.error} />
      ) : links.data.length === 0 ? (
        <Empty>{t('related.noSources')}</Empty>
      ) : (
        <Stack gap={4}>
          {links.data.map((link) => (
            <Text key={link.id} size="sm">
              {link.document ? (
                <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind: 'documents', id: link.document.id }}>
                  <InLanguage en={link.document.titleEn} ru={link.document.titleRu} />
                </RouterAnchor>
              ) : link.sourcePerson ? (
                <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind: 'people', id: link.sourcePerson.id }}>
                  {inLanguage(link.sourcePerson.nameEn, link.sourcePerson.nameRu, i18n.language)}
                </RouterAnchor>
              ) : null}
              {link.document?.publishedOn && `, ${formatDate(link.document.publishedOn, i18n.language)}`}
              {link.locator && ` — ${t('related.locator', { place: localizeLocator(link.locator, i18n.language) })}`}
              {link.document?.sourceUrl && (
                <>
                  {' · '}
                  <Anchor c="teal.9" href={link.document.sourceUrl} target="_blank" rel="noreferrer">
                    {t('related.openSource')}
                  </Anchor>
                </>
              )}
              {link.note && (
                <>
                  {' ('}
                  <Typed text={link.note} />)
                </>
              )}
            </Text>
          ))}
        </Stack>
      )}
    </Section>
  );
}

/** The records that cite a document as their source. */
export function Citations({ documentId }: { documentId: string }) {
  const { t, i18n } = useTranslation('records');
  const citations = useQuery({
    queryKey: ['records', 'citations', documentId],
    queryFn: () => api.get<DocumentCitation[]>(`/api/documents/${documentId}/links`),
  });
  const pages: Record<string, string> = {
    meeting: 'meetings',
    statement: 'statements',
    project: 'projects',
    organization: 'organizations',
    person: 'people',
    outlet: 'outlets',
  };
  return (
    <Section title={t('related.citedBy')}>
      {citations.isPending ? (
        <Loading />
      ) : citations.isError ? (
        <ErrorState error={citations.error} />
      ) : citations.data.length === 0 ? (
        <Empty>{t('related.noCitations')}</Empty>
      ) : (
        <Stack gap={4}>
          {citations.data.map((citation) => {
            const kind = pages[citation.recordType];
            const text = citation.recordLabel ?? citation.recordId;
            return (
              <Text key={citation.id} size="sm">
                {t(`recordTypes.${citation.recordType}`)}:{' '}
                {kind ? (
                  <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind, id: citation.recordId }}>
                    {text}
                  </RouterAnchor>
                ) : (
                  text
                )}
                {citation.locator &&
                  ` — ${t('related.locator', { place: localizeLocator(citation.locator, i18n.language) })}`}
              </Text>
            );
          })}
        </Stack>
      )}
    </Section>
  );
}
