import { Alert, Button, Group, Menu, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { readableInputStyles } from '../../components/forms/RecordForm.tsx';
import { problemMessage } from '../../components/forms/values.ts';

/**
 * A change of a statement's status or a project's stage: its own operation, recorded in the history
 * with its day and note. Every other state is offered; those the rules do not allow from here are
 * listed apart and, if chosen, the API's refusal and its reason are shown.
 */
export function Transition({
  path,
  field,
  current,
  states,
  allowed,
  version,
  label,
  stateLabel,
}: {
  path: string;
  field: 'status' | 'stage';
  current: string;
  states: readonly string[];
  allowed: readonly string[];
  version: number;
  label: string;
  stateLabel: (state: string) => string;
}) {
  const { t } = useTranslation('records');
  const forms = useTranslation('forms');
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<string | null>(null);
  const [on, setOn] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ message: string; on?: string; refused?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const others = states.filter((state) => state !== current && !allowed.includes(state));

  function close() {
    setTarget(null);
    setError(null);
    setOn('');
    setNote('');
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await api.post(path, { [field]: target, version, on: on.trim() || undefined, note: note.trim() || null });
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      close();
    } catch (failure) {
      // A refusal may come from a change made elsewhere; show the record as it is now behind the message.
      void queryClient.invalidateQueries({ queryKey: ['records'] });
      if (failure instanceof ApiError) {
        const onProblem = failure.problems.find((problem) => problem.path === 'on');
        setError({
          message: failure.message,
          on: onProblem ? problemMessage(onProblem, forms.t, forms.i18n.language) : undefined,
          refused: failure.code === 'INVALID_TRANSITION',
        });
      } else setError({ message: String(failure) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Menu position="bottom-start">
        <Menu.Target>
          <Button color="teal.9" variant="outline">
            {label}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('transition.allowed')}</Menu.Label>
          {allowed.map((state) => (
            <Menu.Item key={state} onClick={() => setTarget(state)}>
              {stateLabel(state)}
            </Menu.Item>
          ))}
          {others.length > 0 && (
            <>
              <Menu.Divider />
              <Menu.Label>{t('transition.notAllowed')}</Menu.Label>
              {others.map((state) => (
                <Menu.Item key={state} c="gray.7" onClick={() => setTarget(state)}>
                  {stateLabel(state)}
                </Menu.Item>
              ))}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={target !== null}
        onClose={close}
        title={t('transition.title', { from: stateLabel(current), to: target ? stateLabel(target) : '' })}
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            {error && !error.on && (
              <Alert variant="outline" color="red.9" title={t('transition.refused')} role="alert">
                {error.refused && (
                  <Text size="sm" mb={4}>
                    {allowed.length > 0
                      ? t('transition.canGo', {
                          from: stateLabel(current),
                          list: allowed.map(stateLabel).join(', '),
                        })
                      : t('transition.final', { from: stateLabel(current) })}
                  </Text>
                )}
                <Text size="sm">{error.message}</Text>
              </Alert>
            )}
            <TextInput
              label={t('transition.on')}
              description={forms.t('dateHint')}
              placeholder={forms.t('datePlaceholder')}
              value={on}
              error={error?.on}
              styles={readableInputStyles}
              onChange={(event) => setOn(event.currentTarget.value)}
            />
            <Textarea
              label={t('transition.note')}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                {forms.t('cancel')}
              </Button>
              <Button color="teal.9" type="submit" loading={busy}>
                {t('transition.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
