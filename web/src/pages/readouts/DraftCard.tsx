import { Alert, Badge, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { forwardRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { RecordForm } from '../../components/forms/RecordForm.tsx';
import { placeProblems, problemMessage } from '../../components/forms/values.ts';
import type { FormValues, PlacedErrors } from '../../components/forms/types.ts';
import { RouterAnchor } from '../../components/links.tsx';
import { Typed } from '../../components/Typed.tsx';
import type { Readout, ReadoutItem } from './api.ts';
import { usePatchItem } from './api.ts';
import { ComputedFigure, ItemValue } from './ItemValue.tsx';
import { formatShare, itemFields, itemFormValues, itemValueFrom, kindColour, problemsOfValue } from './items.ts';
import type { ItemPatch } from '../../../../src/readouts/model.ts';

const noErrors: PlacedErrors = { byPath: {}, named: [], unplaced: [] };

/** The record pages a written item opens on; the others (figures, sectors…) are shown where they belong. */
const recordPages: Partial<Record<ReadoutItem['kind'], string>> = {
  meeting: 'meetings',
  participant: 'people',
  organization: 'organizations',
  statement: 'statements',
  project: 'projects',
};

const newRecord = 'new';

/** Why a change was refused, in the reader's language: a stale draft, the fields at fault, or the server's word. */
function sayRefusal(error: Error, t: TFunction, language: string): string {
  if (!(error instanceof ApiError)) return error.message;
  if (error.isStale) return t('readouts:draft.stale');
  if (error.problems.length > 0) return error.problems.map((problem) => problemMessage(problem, t, language)).join(' ');
  return language === 'en' ? error.message : t('readouts:draft.refused');
}

/**
 * One draft: what it says and the words it came from, how sure the rule was, what existing record it is
 * taken to be, and the reviewer's choices: accept, correct, reject, undo, or match it to another record.
 */
export const DraftCard = forwardRef<
  HTMLDivElement,
  { readout: Readout; item: ReadoutItem; onFocusItem: (itemId: string | null) => void }
>(function DraftCard({ readout, item, onFocusItem }, ref) {
  const { t, i18n } = useTranslation('readouts');
  const patch = usePatchItem(readout.id);
  const [editing, setEditing] = useState(false);
  const fields = itemFields(item.kind, t);
  const [values, setValues] = useState<FormValues>(() => itemFormValues(item, fields));
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const written = readout.status === 'accepted';
  const quoted = readout.text.slice(item.span.start, item.span.end);

  function send(change: Omit<ItemPatch, 'version'>) {
    patch.mutate({ itemId: item.id, patch: { ...change, version: readout.version } });
  }

  function startEditing() {
    setValues(itemFormValues(item, fields));
    setErrors(noErrors);
    patch.reset();
    setEditing(true);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    const { value, problems } = itemValueFrom(item, fields, values);
    if (problems.length > 0) {
      setErrors(placeProblems(problems, fields, values, t, i18n.language));
      return;
    }
    patch.mutate(
      { itemId: item.id, patch: { value, version: readout.version } },
      {
        onSuccess: () => setEditing(false),
        onError: (error) => {
          if (error instanceof ApiError && error.problems.length > 0)
            setErrors(placeProblems(problemsOfValue(error.problems), fields, values, t, i18n.language));
        },
      },
    );
  }

  const matchChoices = [
    ...item.candidates.map((candidate) => ({
      value: candidate.recordId,
      label: t('draft.candidate', {
        label: candidate.label,
        score: formatShare(candidate.score, i18n.language),
      }),
    })),
    { value: newRecord, label: t('draft.newRecord') },
  ];
  // A match the candidates do not list (chosen by the rule itself) is still offered, so the select shows it.
  if (item.match && !item.candidates.some((candidate) => candidate.recordId === item.match?.recordId))
    matchChoices.unshift({ value: item.match.recordId, label: item.match.label });
  const canMatch = item.match !== null || item.candidates.length > 0;
  const page = recordPages[item.kind];
  const sending = (status: ItemPatch['status']) => patch.isPending && patch.variables.patch.status === status;
  const refusal = patch.error ? sayRefusal(patch.error, t, i18n.language) : null;
  const placed = errors.unplaced.length > 0 || Object.keys(errors.byPath).length > 0;

  return (
    <Paper
      ref={ref}
      withBorder
      p="sm"
      tabIndex={-1}
      component="article"
      aria-label={t('draft.label', { kind: t(`kinds.${item.kind}`), words: quoted })}
      data-testid="draft"
      data-item-id={item.id}
      data-kind={item.kind}
      data-status={item.status}
      onFocus={() => onFocusItem(item.id)}
      onMouseEnter={() => onFocusItem(item.id)}
      onMouseLeave={() => onFocusItem(null)}
      style={{
        borderLeft: `4px solid var(--mantine-color-${kindColour[item.kind]}-8)`,
        // Greyed by its background, not by fading: faded text would be too faint to read.
        background: item.status === 'rejected' ? 'var(--mantine-color-gray-0)' : undefined,
      }}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div style={{ textDecoration: item.status === 'rejected' ? 'line-through' : undefined }}>
            <ItemValue item={item} language={readout.language} />
          </div>
          <Group gap={4} wrap="nowrap">
            {item.edited && (
              <Badge size="sm" variant="outline" color="dark">
                {t('draft.edited')}
              </Badge>
            )}
            <Badge
              size="sm"
              variant={item.status === 'proposed' ? 'outline' : 'filled'}
              color={item.status === 'accepted' ? 'teal.9' : item.status === 'rejected' ? 'red.9' : 'dark'}
              data-testid="draft-status"
            >
              {t(`status.${item.status}`)}
            </Badge>
          </Group>
        </Group>
        {item.kind === 'trade_figure' && <ComputedFigure item={item} />}
        <Text size="xs" c="gray.7">
          <Typed text={`“${quoted}”`} lang={readout.language} />
        </Text>
        <Text size="xs" c="gray.7">
          {t('draft.confidence', { value: formatShare(item.confidence, i18n.language) })} · {t('draft.rule')}{' '}
          <code lang="zxx">{item.rule}</code> ·{' '}
          <span data-testid="draft-match">
            {item.match ? (
              <>
                {t('draft.matches')} <Typed text={item.match.label} />
              </>
            ) : (
              t('draft.new')
            )}
          </span>
        </Text>
        {written && item.recordId && (
          <Text size="sm" data-testid="draft-record">
            {page ? (
              <RouterAnchor c="teal.9" to="/records/$kind/$id" params={{ kind: page, id: item.recordId }}>
                {t('draft.recordLink')}
              </RouterAnchor>
            ) : (
              t('draft.recordWritten')
            )}
          </Text>
        )}
        {!written && !editing && (
          <Group gap="xs" align="flex-end">
            {item.status !== 'accepted' && (
              <Button
                size="xs"
                color="teal.9"
                loading={sending('accepted')}
                onClick={() => send({ status: 'accepted' })}
              >
                {t('draft.accept')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={startEditing}>
              {t('draft.edit')}
            </Button>
            {item.status !== 'rejected' && (
              <Button
                size="xs"
                variant="outline"
                color="red.9"
                loading={sending('rejected')}
                onClick={() => send({ status: 'rejected' })}
              >
                {t('draft.reject')}
              </Button>
            )}
            {item.status !== 'proposed' && (
              <Button size="xs" variant="subtle" color="dark" onClick={() => send({ status: 'proposed' })}>
                {t('draft.undo')}
              </Button>
            )}
            {canMatch && (
              <Select
                size="xs"
                label={t('draft.matchTo')}
                data={matchChoices}
                value={item.match?.recordId ?? newRecord}
                allowDeselect={false}
                onChange={(value) => send({ match: value && value !== newRecord ? { recordId: value } : null })}
                comboboxProps={{ withinPortal: true }}
                style={{ minWidth: 220 }}
              />
            )}
          </Group>
        )}
        {refusal && !editing && (
          <Text size="sm" c="red.9" role="alert">
            {refusal}
          </Text>
        )}
        {editing && (
          <form onSubmit={save} noValidate aria-label={t('draft.editLabel')}>
            <Stack gap="sm">
              {refusal && !placed && (
                <Alert variant="outline" color="red.9" role="alert">
                  <Text size="sm">{refusal}</Text>
                </Alert>
              )}
              <RecordForm fields={fields} values={values} onChange={setValues} errors={errors} />
              <Group>
                <Button type="submit" size="xs" color="teal.9" loading={patch.isPending}>
                  {t('draft.save')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setEditing(false)} disabled={patch.isPending}>
                  {t('draft.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
});
