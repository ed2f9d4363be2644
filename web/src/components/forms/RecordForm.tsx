import {
  ActionIcon,
  Alert,
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOptions } from './options.ts';
import { emptyValues } from './values.ts';
import type { FieldConfig, FormValue, FormValues, PlacedErrors } from './types.ts';

/** Mantine's default grey hints and light-red messages are too faint for WCAG AA on white. */
export const readableInputStyles = {
  description: { color: 'var(--mantine-color-gray-7)' },
  error: { color: 'var(--mantine-color-red-9)' },
};

interface FieldProps {
  field: FieldConfig;
  path: string;
  value: FormValue | undefined;
  onChange: (value: FormValue) => void;
  errors: PlacedErrors;
  /** Inside a row: the format hints stay in the placeholders, so the row keeps one line. */
  compact?: boolean;
}

function ChoiceInput({ field, path, value, onChange, errors }: FieldProps) {
  const { t } = useTranslation('forms');
  const source = field.type === 'select' || field.type === 'multiselect' ? field.options : undefined;
  const { options, isPending } = useOptions(source);
  const common = {
    label: field.label,
    description: field.description,
    withAsterisk: field.required,
    'aria-required': field.required || undefined,
    error: errors.byPath[path],
    styles: readableInputStyles,
    data: options,
    searchable: true,
    nothingFoundMessage: isPending ? t('loadingChoices') : t('nothingFound'),
    comboboxProps: { withinPortal: true },
  };
  if (field.type === 'multiselect') {
    return <MultiSelect {...common} value={(value as string[]) ?? []} onChange={(next) => onChange(next)} clearable />;
  }
  return (
    <Select
      {...common}
      value={typeof value === 'string' && value !== '' ? value : null}
      onChange={(next) => onChange(next ?? '')}
      clearable={!field.required}
      allowDeselect={!field.required}
    />
  );
}

function RowsInput({ field, path, value, onChange, errors }: FieldProps) {
  const { t } = useTranslation('forms');
  if (field.type !== 'rows') return null;
  const rows = (value as FormValues[] | undefined) ?? [];
  const update = (index: number, row: FormValues) => onChange(rows.map((old, i) => (i === index ? row : old)));
  return (
    <Fieldset legend={field.label} aria-describedby={errors.byPath[path] ? `${path}-error` : undefined}>
      <Stack gap="sm">
        {errors.byPath[path] && (
          <Text c="red.9" size="sm" id={`${path}-error`}>
            {errors.byPath[path]}
          </Text>
        )}
        {rows.length === 0 && (
          <Text c="gray.7" size="sm">
            {t('noRows')}
          </Text>
        )}
        {rows.map((row, index) => {
          const rowPath = `${path}.${index}`;
          const rowName = `${field.rowLabel} ${index + 1}`;
          return (
            <Paper key={index} withBorder p="sm" role="group" aria-label={rowName}>
              <Group align="flex-start" wrap="nowrap">
                <Group align="flex-start" grow style={{ flex: 1 }} wrap="wrap">
                  {field.fields.map((sub) => (
                    <FieldInput
                      key={sub.name}
                      field={sub}
                      path={`${rowPath}.${sub.name}`}
                      value={row[sub.name]}
                      onChange={(next) => update(index, { ...row, [sub.name]: next })}
                      errors={errors}
                      compact
                    />
                  ))}
                </Group>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  mt={24}
                  aria-label={t('removeRow', { row: rowName })}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  <span aria-hidden>✕</span>
                </ActionIcon>
              </Group>
              {errors.byPath[rowPath] && (
                <Text c="red.9" size="sm" mt={4}>
                  {errors.byPath[rowPath]}
                </Text>
              )}
            </Paper>
          );
        })}
        <Group>
          <Button
            color="teal.9"
            variant="outline"
            size="xs"
            onClick={() => onChange([...rows, emptyValues(field.fields)])}
          >
            {field.addLabel}
          </Button>
        </Group>
      </Stack>
    </Fieldset>
  );
}

export function FieldInput(props: FieldProps) {
  const { t } = useTranslation('forms');
  const { field, path, value, onChange, errors, compact } = props;
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return <ChoiceInput {...props} />;
    case 'rows':
      return <RowsInput {...props} />;
    default: {
      const common = {
        label: field.label,
        withAsterisk: field.required,
        'aria-required': field.required || undefined,
        error: errors.byPath[path],
        styles: readableInputStyles,
        value: typeof value === 'string' ? value : '',
      };
      if (field.type === 'textarea') {
        return (
          <Textarea
            {...common}
            description={field.description}
            autosize
            minRows={3}
            onChange={(event) => onChange(event.currentTarget.value)}
          />
        );
      }
      return (
        <TextInput
          {...common}
          description={
            compact
              ? undefined
              : (field.description ??
                (field.type === 'date' ? t('dateHint') : field.type === 'money' ? t('amountHint') : undefined))
          }
          placeholder={field.type === 'date' ? t('datePlaceholder') : undefined}
          inputMode={field.type === 'money' || field.type === 'decimal' ? 'decimal' : undefined}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
    }
  }
}

/** The inputs of a record's fields, each with its message; messages no field can show stand on top. */
export function RecordForm({
  fields,
  values,
  onChange,
  errors,
}: {
  fields: FieldConfig[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  errors: PlacedErrors;
}) {
  const { t } = useTranslation('forms');
  return (
    <Stack>
      {errors.unplaced.length > 0 && (
        <Alert variant="outline" color="red.9" title={t('notSaved')} role="alert">
          <Stack gap={4}>
            {errors.unplaced.map((message) => (
              <Text size="sm" key={message}>
                {message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {fields.map((field) => (
        <FieldInput
          key={field.name}
          field={field}
          path={field.name}
          value={values[field.name]}
          onChange={(next) => onChange({ ...values, [field.name]: next })}
          errors={errors}
        />
      ))}
      <Text size="xs" c="gray.7">
        {t('requiredNote')}
      </Text>
    </Stack>
  );
}
