import {
  Alert,
  Badge,
  Button,
  CloseButton,
  Group,
  Menu,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../components/forms/options.ts';
import { InLanguage } from '../../../components/InLanguage.tsx';
import { api, ApiError, type Page } from '../../../api/client.ts';
import { DownloadMenu } from '../../../components/DownloadMenu.tsx';
import { RouterAnchor } from '../../../components/links.tsx';
import { Empty, ErrorState, Loading } from '../../../components/states.tsx';
import { formatMoneyShort } from '../../../i18n/format.ts';
import type { Project, StageMachine } from '../../../../../src/cooperation/projects/model.ts';
import type { ProjectStage } from '../../../../../src/cooperation/projects/stages.ts';
import type { Relationship } from '../../../../../src/registry/relationships/model.ts';
import type { Organization } from '../../../../../src/registry/organizations/model.ts';
import type { Sector } from '../../../../../src/registry/sectors/model.ts';
import { nameIn, sectorTitle, useOrganizations, useSectors } from './lookups.ts';
import { projectsKey, usePartnerAsOf, useProjects } from './queries.ts';

interface Move {
  project: Project;
  stage: ProjectStage;
}

/**
 * The cooperation projects of a relationship as a board, one column per stage. A card moves by drag and
 * drop or by its "Move to…" menu (the keyboard way, listing only the moves the stage machine allows).
 * Every move goes to the API, which has the last word: a refused one stays where it was, with the reason.
 */
export function ProjectBoard({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation('cooperation');
  const queryClient = useQueryClient();
  const asOf = usePartnerAsOf();
  const key = projectsKey(relationship.id, asOf);
  const machine = useQuery({
    queryKey: ['/api/projects/stages'],
    queryFn: () => api.get<StageMachine>('/api/projects/stages'),
    staleTime: Infinity,
  });
  const projects = useProjects(relationship.id);
  const organizations = useOrganizations(
    (projects.data?.items ?? []).flatMap((p) => p.parties.map((party) => party.organizationId)),
  );
  const sectors = useSectors();
  const [dragging, setDragging] = useState<Project | null>(null);
  const [over, setOver] = useState<ProjectStage | null>(null);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  // A moved card is drawn anew in its new column; focus follows it so a keyboard user is not thrown to the top.
  const [focusId, setFocusId] = useState<string | null>(null);

  const stageName = (stage: string) => t(`stage.${stage}`);
  const nextOf = new Map((machine.data?.stages ?? []).map((s) => [s.stage, s.next]));

  function reasonFor(error: unknown, { project, stage }: Move): string {
    if (error instanceof ApiError && error.code === 'INVALID_TRANSITION') {
      const allowed = Array.isArray(error.body.allowed) ? (error.body.allowed as string[]) : [];
      if (allowed.length === 0) return t('board.finalStage', { from: stageName(project.stage) });
      return t('board.invalidTransition', {
        from: stageName(project.stage),
        to: stageName(stage),
        allowed: allowed.map(stageName).join(', '),
      });
    }
    if (error instanceof ApiError && error.isStale) return t('board.stale');
    return error instanceof Error ? error.message : String(error);
  }

  const move = useMutation({
    mutationFn: ({ project, stage }: Move) =>
      api.post<Project>(`/api/projects/${encodeURIComponent(project.id)}/stage`, {
        stage,
        version: project.version,
      }),
    onMutate: ({ project }) => setRefusals(({ [project.id]: _dropped, ...rest }) => rest),
    onSuccess: (updated) => {
      // A move happens today; a board showing an earlier day reads that day's stages again.
      if (asOf === undefined) {
        queryClient.setQueryData<Page<Project>>(key, (page) =>
          page ? { ...page, items: page.items.map((p) => (p.id === updated.id ? updated : p)) } : page,
        );
      } else {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      setAnnouncement(
        t('board.moved', {
          title: inLanguage(updated.titleEn, updated.titleRu, i18n.language),
          stage: stageName(updated.stage),
        }),
      );
      setFocusId(updated.id);
      void queryClient.invalidateQueries({ queryKey: ['timeline', relationship.id] });
    },
    onError: (error, variables) => {
      setRefusals((current) => ({ ...current, [variables.project.id]: reasonFor(error, variables) }));
      setAnnouncement('');
      if (error instanceof ApiError && error.isStale) void queryClient.invalidateQueries({ queryKey: key });
    },
  });

  if (machine.isPending || projects.isPending) return <Loading />;
  if (machine.isError) return <ErrorState error={machine.error} />;
  if (projects.isError) return <ErrorState error={projects.error} />;
  const items = projects.data.items;

  function request(project: Project, stage: ProjectStage) {
    if (project.stage === stage) return;
    move.mutate({ project, stage });
  }

  function endDrag() {
    setDragging(null);
    setOver(null);
  }

  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text size="sm" c="gray.7">
          {t('board.hint')}
        </Text>
        {items.length > 0 && (
          <DownloadMenu
            path="/api/projects"
            query={{ relationshipId: relationship.id, asOf }}
            table={t('board.title')}
          />
        )}
      </Group>
      {items.length === 0 && <Empty>{t('board.none')}</Empty>}
      <Text role="status" aria-live="polite" size="sm">
        {announcement}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        {(machine.data.stages ?? []).map(({ stage }) => {
          const cards = items.filter((p) => p.stage === stage);
          const target = dragging !== null && dragging.stage !== stage;
          const allowed = target && (nextOf.get(dragging.stage) ?? []).includes(stage);
          return (
            <StageColumn
              key={stage}
              stage={stage}
              label={stageName(stage)}
              count={cards.length}
              state={!target ? 'idle' : allowed ? 'allowed' : 'refused'}
              hovered={over === stage}
              hint={
                target
                  ? allowed
                    ? t('board.allowedDrop')
                    : t('board.notAllowedDrop', { stage: stageName(dragging.stage) })
                  : null
              }
              onDragOver={(event) => {
                if (!dragging || dragging.stage === stage) return;
                // Refused columns still take the drop, so the API can say why the move is impossible.
                event.preventDefault();
                event.dataTransfer.dropEffect = 'move';
                setOver(stage);
              }}
              onDragLeave={() => setOver((current) => (current === stage ? null : current))}
              onDrop={(event) => {
                event.preventDefault();
                const id = event.dataTransfer.getData('text/plain');
                const project = items.find((p) => p.id === id) ?? dragging;
                endDrag();
                if (project) request(project, stage);
              }}
            >
              {cards.length === 0 && (
                <Text size="sm" c="gray.7">
                  {t('board.empty')}
                </Text>
              )}
              {cards.map((project) => (
                <ProjectCard
                  key={project.id}
                  project={project}
                  next={nextOf.get(project.stage) ?? []}
                  organizations={organizations}
                  sectors={sectors}
                  language={i18n.language}
                  pending={move.isPending && move.variables?.project.id === project.id}
                  focus={focusId === project.id}
                  onFocused={() => setFocusId(null)}
                  refusal={refusals[project.id]}
                  onDismiss={() => setRefusals(({ [project.id]: _dropped, ...rest }) => rest)}
                  onMove={(stage) => request(project, stage)}
                  onDragStart={(event) => {
                    event.dataTransfer.setData('text/plain', project.id);
                    event.dataTransfer.effectAllowed = 'move';
                    setDragging(project);
                  }}
                  onDragEnd={endDrag}
                />
              ))}
            </StageColumn>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

const columnStyles = {
  idle: { borderStyle: 'solid', background: undefined },
  allowed: {
    borderStyle: 'dashed',
    borderColor: 'var(--mantine-color-teal-6)',
    background: 'var(--mantine-color-teal-0)',
  },
  refused: {
    borderStyle: 'dashed',
    borderColor: 'var(--mantine-color-red-4)',
    background: 'var(--mantine-color-gray-1)',
  },
} as const;

function StageColumn(props: {
  stage: ProjectStage;
  label: string;
  count: number;
  state: keyof typeof columnStyles;
  hovered: boolean;
  hint: string | null;
  onDragOver: (event: DragEvent<HTMLElement>) => void;
  onDragLeave: () => void;
  onDrop: (event: DragEvent<HTMLElement>) => void;
  children: React.ReactNode;
}) {
  const headingId = useId();
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      data-stage={props.stage}
      data-drop={props.state}
      withBorder
      p="xs"
      miw={0}
      style={{
        ...columnStyles[props.state],
        outline: props.hovered ? '2px solid var(--mantine-color-gray-7)' : undefined,
        minHeight: 140,
      }}
      onDragEnter={props.onDragOver}
      onDragOver={props.onDragOver}
      onDragLeave={props.onDragLeave}
      onDrop={props.onDrop}
    >
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={3} size="h5" id={headingId}>
          {props.label}
        </Title>
        <Badge variant="light" color="gray" aria-hidden>
          {props.count}
        </Badge>
      </Group>
      {/* The line is kept while idle: a column that grew when a drag starts would move the drop point away. */}
      <Text size="xs" fw={600} c={props.state === 'allowed' ? 'teal.9' : 'red.9'} mb={4} mih={20}>
        {props.hint}
      </Text>
      <Stack gap="xs">{props.children}</Stack>
    </Paper>
  );
}

function ProjectCard(props: {
  project: Project;
  next: readonly ProjectStage[];
  organizations: Map<string, Organization>;
  sectors: Map<string, Sector>;
  language: string;
  pending: boolean;
  refusal: string | undefined;
  onDismiss: () => void;
  onMove: (stage: ProjectStage) => void;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
  focus: boolean;
  onFocused: () => void;
}) {
  const { t } = useTranslation('cooperation');
  const { project, language } = props;
  const titleId = useId();
  const titleRef = useRef<HTMLAnchorElement>(null);
  const { focus, onFocused } = props;
  useEffect(() => {
    if (!focus) return;
    titleRef.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const sector = sectorTitle(props.sectors, project.sectorCode, language);
  return (
    <Paper
      component="article"
      aria-labelledby={titleId}
      data-project={project.id}
      withBorder
      shadow="xs"
      p="xs"
      draggable={!props.pending}
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      style={{ cursor: 'grab', opacity: props.pending ? 0.7 : 1 }}
    >
      <Stack gap={4}>
        <RouterAnchor
          c="teal.9"
          id={titleId}
          ref={titleRef}
          to="/records/$kind/$id"
          params={{ kind: 'projects', id: project.id }}
          fw={600}
          size="sm"
          draggable={false}
        >
          <InLanguage en={project.titleEn} ru={project.titleRu} />
        </RouterAnchor>
        <Group gap={4}>
          <Badge size="sm" variant="light" color="gray">
            {t(`projectKind.${project.kind}`)}
          </Badge>
        </Group>
        {sector && (
          <Text size="xs" c="gray.7">
            {sector}
          </Text>
        )}
        <Text size="xs">
          {project.valueMinor !== null && project.currency
            ? formatMoneyShort(project.valueMinor, project.currency, language)
            : t('board.noValue')}
        </Text>
        {project.parties.length > 0 && (
          <Text size="xs" component="div">
            <VisuallyHidden>{t('board.parties')}: </VisuallyHidden>
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {project.parties.map((party) => (
                <li key={`${party.organizationId}:${party.role}`}>
                  {nameIn(props.organizations.get(party.organizationId), language) ?? '…'} — {t(`role.${party.role}`)},{' '}
                  {t(`side.${party.side}`)}
                </li>
              ))}
            </ul>
          </Text>
        )}
        <Group justify="space-between" gap={4} mt={4}>
          {props.next.length === 0 ? (
            <Text size="xs" c="gray.7">
              {t('board.final')}
            </Text>
          ) : (
            <Menu position="bottom-start" withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="default" loading={props.pending}>
                  {t('board.moveTo')}
                  <VisuallyHidden> {inLanguage(project.titleEn, project.titleRu, language)}</VisuallyHidden>
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {props.next.map((stage) => (
                  <Menu.Item key={stage} onClick={() => props.onMove(stage)}>
                    {t(`stage.${stage}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {props.refusal && (
          <Alert color="red" p="xs" role="alert" title={t('board.refused')}>
            <Group wrap="nowrap" align="flex-start" gap={4}>
              <Text size="xs" style={{ flex: 1 }}>
                {props.refusal}
              </Text>
              <CloseButton size="sm" aria-label={t('board.dismiss')} onClick={props.onDismiss} />
            </Group>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
