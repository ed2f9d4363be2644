import { Alert, Anchor, Badge, Button, Grid, Group, List, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useParams } from '@tanstack/react-router';
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useOptions } from '../../components/forms/options.ts';
import { problemMessage } from '../../components/forms/values.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { Typed } from '../../components/Typed.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { formatDate, formatNumber, languageName } from '../../i18n/format.ts';
import {
  changedRecords,
  readoutKeys,
  useAcceptReadout,
  useReadout,
  type ItemStatus,
  type Readout,
  type ReadoutItem,
} from './api.ts';
import { DraftCard } from './DraftCard.tsx';
import { kindColour, kindOrder, shortTitle } from './items.ts';
import { ReadoutText } from './ReadoutText.tsx';

const statuses: ItemStatus[] = ['proposed', 'accepted', 'rejected'];

/** The review of one readout: its text with the drafts' words marked on the left, the drafts by kind on the right. */
export default function ReadoutPage() {
  const { id } = useParams({ from: '/readouts/$id' });
  const readout = useReadout(id);
  if (readout.isPending) return <Loading />;
  if (readout.isError) return <ErrorState error={readout.error} />;
  return <Review readout={readout.data} />;
}

function Review({ readout }: { readout: Readout }) {
  const { t, i18n } = useTranslation('readouts');
  const cards = useRef(new Map<string, HTMLDivElement>());
  const [activeItemId, setActiveItemId] = useState<string | null>(null);

  const pick = useCallback((itemId: string) => {
    const card = cards.current.get(itemId);
    if (!card) return;
    card.scrollIntoView({ behavior: 'smooth', block: 'center' });
    card.focus({ preventScroll: true });
    setActiveItemId(itemId);
  }, []);

  const groups = kindOrder
    .map((kind) => ({ kind, items: readout.items.filter((item) => item.kind === kind) }))
    .filter((group) => group.items.length > 0);

  return (
    <Stack>
      <header>
        <Title order={1}>
          {readout.title ? <Typed text={shortTitle(readout.title)} lang={readout.language} /> : t('review.untitled')}
        </Title>
        <Text c="gray.7" size="sm">
          {[
            formatDate(readout.documentDate, i18n.language) + (readout.dateStated ? '' : ` (${t('review.dateGiven')})`),
            languageName(readout.language, i18n.language),
            readout.publisher,
          ]
            .filter(Boolean)
            .join(' · ')}
          {readout.sourceUrl && (
            <>
              {' · '}
              <Anchor c="teal.9" underline="always" href={readout.sourceUrl} target="_blank" rel="noreferrer">
                {t('review.source')}
              </Anchor>
            </>
          )}
        </Text>
      </header>
      <SummaryBar readout={readout} onPick={pick} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <section aria-label={t('review.text')}>
            <Title order={2} size="h4" mb="xs">
              {t('review.text')}
            </Title>
            <div style={{ position: 'sticky', top: 76, maxHeight: 'calc(100vh - 96px)', overflowY: 'auto' }}>
              <ReadoutText
                text={readout.text}
                language={readout.language}
                items={readout.items}
                activeItemId={activeItemId}
                onPick={pick}
              />
            </div>
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="lg">
            {groups.length === 0 && <Text c="gray.7">{t('review.noDrafts')}</Text>}
            {groups.map((group) => (
              <DraftGroup
                key={group.kind}
                kind={group.kind}
                items={group.items}
                readout={readout}
                register={(itemId, element) => {
                  if (element) cards.current.set(itemId, element);
                  else cards.current.delete(itemId);
                }}
                onFocusItem={setActiveItemId}
              />
            ))}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function DraftGroup({
  kind,
  items,
  readout,
  register,
  onFocusItem,
}: {
  kind: ReadoutItem['kind'];
  items: ReadoutItem[];
  readout: Readout;
  register: (itemId: string, element: HTMLDivElement | null) => void;
  onFocusItem: (itemId: string | null) => void;
}) {
  const { t } = useTranslation('readouts');
  const id = useId();
  return (
    <section aria-labelledby={id} data-testid={`group-${kind}`}>
      <Group gap="xs" mb="xs">
        <span
          aria-hidden
          style={{
            width: 12,
            height: 12,
            borderRadius: 2,
            background: `var(--mantine-color-${kindColour[kind]}-1)`,
            border: `2px solid var(--mantine-color-${kindColour[kind]}-8)`,
          }}
        />
        <Title order={2} size="h4" id={id}>
          {t(`groups.${kind}`)} ({items.length})
        </Title>
      </Group>
      <Stack gap="sm">
        {items.map((item) => (
          <DraftCard
            key={item.id}
            ref={(element) => register(item.id, element)}
            readout={readout}
            item={item}
            onFocusItem={onFocusItem}
          />
        ))}
      </Stack>
    </section>
  );
}

/** Why the records were not written, other than changed records, in the reader's language. */
function acceptRefusal(error: Error, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.isStale) return t('readouts:summary.stale');
  // Accepted meanwhile, from another window or by a colleague: the page shows it once reloaded.
  if (error.status === 409 && typeof error.body.acceptedAt === 'string') return t('readouts:summary.alreadyAccepted');
  if (error.problems.length > 0) return error.problems.map((problem) => problemMessage(problem, t, language)).join(' ');
  return language === 'en' ? error.message : t('readouts:summary.refusedGeneral');
}

/** How many drafts stand where, and the one button that writes the accepted ones as records. */
function SummaryBar({ readout, onPick }: { readout: Readout; onPick: (itemId: string) => void }) {
  const { t, i18n } = useTranslation('readouts');
  const queryClient = useQueryClient();
  const accept = useAcceptReadout(readout.id);
  const relationships = useOptions('relationships');
  const [acceptProposed, setAcceptProposed] = useState(false);
  const counts = Object.fromEntries(
    statuses.map((status) => [status, readout.items.filter((item) => item.status === status).length]),
  ) as Record<ItemStatus, number>;
  const changed = changedRecords(accept.error);
  const written = readout.status === 'accepted';
  const partnerCode = readout.relationshipId ? relationships.partnerCodeOf(readout.relationshipId) : undefined;
  const toWrite = counts.accepted + (acceptProposed ? counts.proposed : 0);

  function reload() {
    accept.reset();
    void queryClient.invalidateQueries({ queryKey: readoutKeys.one(readout.id) });
  }

  return (
    <Paper withBorder p="sm" data-testid="readout-summary">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs" aria-label={t('summary.counts')} role="group">
            {statuses.map((status) => (
              <Badge
                key={status}
                size="lg"
                variant="outline"
                color={status === 'accepted' ? 'teal.9' : status === 'rejected' ? 'red.9' : 'dark'}
                data-testid={`count-${status}`}
              >
                {t(`summary.${status}`, { count: counts[status], n: formatNumber(counts[status], i18n.language) })}
              </Badge>
            ))}
          </Group>
          {!written && (
            <Group gap="md">
              <Switch
                color="teal.9"
                label={t('summary.acceptProposed')}
                checked={acceptProposed}
                onChange={(event) => setAcceptProposed(event.currentTarget.checked)}
              />
              <Button
                color="teal.9"
                loading={accept.isPending}
                disabled={toWrite === 0}
                onClick={() =>
                  accept.mutate({ proposed: acceptProposed ? 'accept' : 'skip', version: readout.version })
                }
              >
                {t('summary.write', { count: toWrite })}
              </Button>
            </Group>
          )}
        </Group>
        {accept.isError && (
          <Alert color="red.9" variant="outline" title={t('summary.refused')} role="alert">
            <Stack gap={6}>
              {changed.length > 0 ? (
                <>
                  <Text size="sm">{t('summary.changed')}</Text>
                  <List size="sm">
                    {changed.map((record) => (
                      <List.Item key={`${record.itemId}:${record.recordId}`}>
                        {t(`recordTypes.${record.recordType}`, { defaultValue: record.recordType })}:{' '}
                        <Anchor component="button" c="teal.9" size="sm" onClick={() => onPick(record.itemId)}>
                          <Typed text={record.label} />
                        </Anchor>
                      </List.Item>
                    ))}
                  </List>
                </>
              ) : (
                <Text size="sm">{acceptRefusal(accept.error, t, i18n.language)}</Text>
              )}
              <Group>
                <Button size="xs" variant="default" onClick={reload}>
                  {t('summary.reload')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {written && (
          <Alert
            color="teal.9"
            variant="outline"
            title={t('summary.written')}
            data-testid="readout-written"
            styles={{ title: { color: 'var(--mantine-color-teal-9)' } }}
          >
            <Group gap="md">
              {readout.acceptedAt && (
                <Text size="sm">{t('summary.writtenOn', { date: formatDate(readout.acceptedAt, i18n.language) })}</Text>
              )}
              {readout.meetingId && (
                <RouterAnchor
                  c="teal.9"
                  size="sm"
                  to="/records/$kind/$id"
                  params={{ kind: 'meetings', id: readout.meetingId }}
                >
                  {t('summary.meeting')}
                </RouterAnchor>
              )}
              {partnerCode && (
                <RouterAnchor
                  c="teal.9"
                  size="sm"
                  to="/partners/$code"
                  params={{ code: partnerCode }}
                  search={{ tab: 'cooperation' }}
                >
                  {t('summary.partner')}
                </RouterAnchor>
              )}
            </Group>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
