import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { RecordForm } from '../../components/forms/RecordForm.tsx';
import { StaleCompare } from '../../components/forms/StaleCompare.tsx';
import { placeProblems, toFormValues, toInput } from '../../components/forms/values.ts';
import type { FieldConfig, FormValues, PlacedErrors } from '../../components/forms/types.ts';

type Saved = Record<string, unknown> & { id: string; version: number };

const noErrors: PlacedErrors = { byPath: {}, named: [], unplaced: [] };

/**
 * Creates a record or edits one. An edit carries the version it was read at; when someone saved in
 * between, both versions are shown and the editor chooses which one stays.
 */
export function RecordEditor({
  fields,
  mode,
  initial,
  path,
  version,
  extra,
  fetchCurrent,
  onSaved,
  onCancel,
}: {
  fields: FieldConfig[];
  mode: 'create' | 'edit';
  initial: FormValues;
  /** POST to it when creating, PATCH when editing. */
  path: string;
  version?: number;
  /** Input the form does not show, such as the person a new position belongs to. */
  extra?: Record<string, unknown>;
  fetchCurrent?: () => Promise<Saved>;
  onSaved: (record: Saved) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation('forms');
  const queryClient = useQueryClient();
  const shown = mode === 'edit' ? fields.filter((field) => !field.createOnly) : fields;
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<PlacedErrors>(noErrors);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState<{ theirs: FormValues; version: number } | null>(null);

  async function save(againstVersion: number | undefined) {
    const { body, problems } = toInput(fields, values, mode);
    if (problems.length > 0) {
      setErrors(placeProblems(problems, shown, values, t, i18n.language));
      return;
    }
    setSaving(true);
    try {
      const saved =
        mode === 'create'
          ? await api.post<Saved>(path, { ...body, ...extra })
          : await api.patch<Saved>(path, { ...body, ...extra, version: againstVersion });
      setErrors(noErrors);
      setStale(null);
      await queryClient.invalidateQueries({ queryKey: ['records'] });
      await queryClient.invalidateQueries({ queryKey: ['options'] });
      onSaved(saved);
    } catch (error) {
      if (error instanceof ApiError && error.isStale && fetchCurrent) {
        try {
          const current = await fetchCurrent();
          setStale({ theirs: toFormValues(fields, current), version: current.version });
          setErrors(noErrors);
        } catch (gone) {
          // Deleted meanwhile, or unreachable: say so instead of comparing with nothing.
          setErrors({ ...noErrors, unplaced: [gone instanceof Error ? gone.message : String(gone)] });
        }
      } else if (error instanceof ApiError) {
        const problems = error.problems.length > 0 ? error.problems : [{ path: '', message: error.message }];
        setErrors(placeProblems(problems, shown, values, t, i18n.language));
      } else {
        setErrors({ ...noErrors, unplaced: [error instanceof Error ? error.message : String(error)] });
      }
    } finally {
      setSaving(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void save(version);
  }

  if (stale) {
    return (
      <StaleCompare
        fields={shown}
        mine={values}
        theirs={stale.theirs}
        theirVersion={stale.version}
        saving={saving}
        onKeepTheirs={() => {
          void queryClient.invalidateQueries({ queryKey: ['records'] });
          onCancel();
        }}
        onSaveMine={() => void save(stale.version)}
      />
    );
  }

  const fieldErrorCount = Object.keys(errors.byPath).length;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {fieldErrorCount > 0 && errors.unplaced.length === 0 && (
          <Alert variant="outline" color="red.9" title={t('notSaved')} role="alert">
            <Text size="sm">{t('checkFields', { count: fieldErrorCount })}</Text>
            <List size="sm" data-testid="form-problems">
              {errors.named.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <RecordForm fields={shown} values={values} onChange={setValues} errors={errors} />
        <Group>
          <Button color="teal.9" type="submit" loading={saving}>
            {mode === 'create' ? t('create') : t('save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
