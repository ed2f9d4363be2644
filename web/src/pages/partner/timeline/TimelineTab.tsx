import { Badge, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { inLanguage } from '../../../components/forms/options.ts';
import { InLanguage } from '../../../components/InLanguage.tsx';
import { Typed } from '../../../components/Typed.tsx';
import { api } from '../../../api/client.ts';
import { RouterAnchor } from '../../../components/links.tsx';
import { usePartnerAsOf } from '../cooperation/queries.ts';
import { Empty, ErrorState, Loading } from '../../../components/states.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Timeline, TimelineEvent, TimelineKind } from '../../../../../src/cooperation/timeline/model.ts';
import type { PartnerTabProps } from '../PartnerPage.tsx';

// Typed by the API's kinds, so a kind added there is a compile error here until it has a colour.
const kindColor: Record<TimelineKind, string> = {
  meeting: 'teal',
  statement: 'blue',
  project: 'violet',
  agreement: 'orange',
  document: 'gray',
};
const timelineKinds = Object.keys(kindColor) as TimelineKind[];

/** Everything of a relationship by date, newest first, from GET /api/relationships/:id/timeline. */
export default function TimelineTab({ relationship }: PartnerTabProps) {
  const { t, i18n } = useTranslation('cooperation');
  const [kinds, setKinds] = useState<TimelineKind[]>([...timelineKinds]);
  // Every kind ticked means no filter; none ticked shows nothing rather than everything.
  const filter = kinds.length === timelineKinds.length ? undefined : kinds.join(',');
  const asOf = usePartnerAsOf();
  const timeline = useQuery({
    queryKey: ['timeline', relationship.id, filter ?? 'all', asOf ?? null],
    queryFn: () =>
      api.get<Timeline>(`/api/relationships/${encodeURIComponent(relationship.id)}/timeline`, { kind: filter, asOf }),
    enabled: kinds.length > 0,
    placeholderData: keepPreviousData,
  });

  const days: { on: string; events: TimelineEvent[] }[] = [];
  for (const event of kinds.length > 0 ? (timeline.data?.events ?? []) : []) {
    const last = days.at(-1);
    if (last && last.on === event.on) last.events.push(event);
    else days.push({ on: event.on, events: [event] });
  }

  return (
    <Stack>
      <Title order={2} size="h3">
        {t('timeline.title')}
      </Title>
      <Checkbox.Group
        label={t('timeline.filter')}
        value={kinds}
        onChange={(value) => setKinds(timelineKinds.filter((kind) => value.includes(kind)))}
      >
        <Group mt={4}>
          {timelineKinds.map((kind) => (
            <Checkbox key={kind} value={kind} label={t(`timeline.kinds.${kind}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      {kinds.length > 0 && timeline.isPending && <Loading />}
      {timeline.isError && <ErrorState error={timeline.error} />}
      {timeline.data && kinds.length > 0 && (
        <Text size="sm" c="gray.7" role="status">
          {timeline.data.total > timeline.data.events.length
            ? t('timeline.shownOf', { shown: timeline.data.events.length, total: timeline.data.total })
            : t('timeline.count', { count: timeline.data.total })}
        </Text>
      )}
      {(kinds.length === 0 || (timeline.data && days.length === 0)) && <Empty>{t('timeline.none')}</Empty>}
      <Stack gap="md" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {days.map((day) => (
          <li key={day.on}>
            <Title order={3} size="h5" mb={4}>
              <time dateTime={day.on}>{formatDate(day.on, i18n.language)}</time>
            </Title>
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {day.events.map((event) => (
                <li key={`${event.type}:${event.recordId}:${event.titleEn ?? event.titleRu}:${event.toStage ?? ''}`}>
                  <EventCard event={event} />
                </li>
              ))}
            </Stack>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function EventCard({ event }: { event: TimelineEvent }) {
  const { t, i18n } = useTranslation('cooperation');
  const related =
    event.relatedTitleEn || event.relatedTitleRu
      ? inLanguage(event.relatedTitleEn, event.relatedTitleRu, i18n.language)
      : null;
  const kind = event.statementKind ? t(`statementKind.${event.statementKind}`) : '';
  const details: ReactNode[] = [];
  if (event.meetingKind) {
    details.push(
      event.place ? (
        <>
          {t(`meetingKind.${event.meetingKind}`)}, <Typed text={event.place} />
        </>
      ) : (
        t(`meetingKind.${event.meetingKind}`)
      ),
    );
  }
  if (event.type === 'project_stage' && event.toStage) {
    details.push(
      event.fromStage
        ? t('timeline.stageMoved', { from: t(`stage.${event.fromStage}`), to: t(`stage.${event.toStage}`) })
        : t('timeline.stageEntered', { to: t(`stage.${event.toStage}`) }),
    );
  }
  if (event.kind === 'statement' && related) details.push(t('timeline.atMeeting', { title: related }));
  if (event.kind === 'project' && related) details.push(t('timeline.ofProject', { title: related }));
  if (event.status) details.push(t(`status.${event.status}`));

  return (
    <Paper
      withBorder
      p="xs"
      data-event={event.type}
      style={{ borderLeft: `4px solid var(--mantine-color-${event.overdue ? 'red-7' : `${kindColor[event.kind]}-6`})` }}
      bg={event.overdue ? 'red.0' : undefined}
    >
      <Group gap="xs" mb={2}>
        <Badge size="sm" variant="dot" color={kindColor[event.kind]}>
          {t(`timeline.type.${event.type}`, { kind })}
        </Badge>
        {event.overdue && (
          <Badge size="sm" color="red.9" variant="filled">
            {t('statements.overdue')}
          </Badge>
        )}
      </Group>
      <EventLink event={event} />
      {details.length > 0 && (
        <Text size="xs" c="gray.7">
          {details.map((detail, index) => (
            <Fragment key={index}>
              {index > 0 && ' · '}
              {detail}
            </Fragment>
          ))}
        </Text>
      )}
    </Paper>
  );
}

/** Agreements have no page of their own; they open the document they were published in, when there is one. */
function EventLink({ event }: { event: TimelineEvent }) {
  const { t } = useTranslation('cooperation');
  const target =
    event.kind === 'meeting'
      ? { kind: 'meetings', id: event.recordId }
      : event.kind === 'statement'
        ? { kind: 'statements', id: event.recordId }
        : event.kind === 'project'
          ? { kind: 'projects', id: event.recordId }
          : event.kind === 'document'
            ? { kind: 'documents', id: event.recordId }
            : null;
  if (target) {
    return (
      <RouterAnchor c="teal.9" to="/records/$kind/$id" params={target} size="sm" fw={500}>
        <InLanguage en={event.titleEn} ru={event.titleRu} />
      </RouterAnchor>
    );
  }
  return (
    <Text size="sm" fw={500}>
      <InLanguage en={event.titleEn} ru={event.titleRu} />
      {event.relatedId && (
        <>
          {' — '}
          <RouterAnchor
            c="teal.9"
            to="/records/$kind/$id"
            params={{ kind: 'documents', id: event.relatedId }}
            size="sm"
          >
            {t('timeline.openDocument')}
          </RouterAnchor>
        </>
      )}
    </Text>
  );
}
