import { Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../i18n/format.ts';

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/** A day as YYYY-MM-DD when the text is one, else undefined: what `?asOf=` in an address may hold. */
export function asOfParam(value: unknown): string | undefined {
  return typeof value === 'string' && isoDay.test(value) ? value : undefined;
}

/** Today in UTC, the day the API counts from when no other is asked for. */
function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

interface AsOfPickerProps {
  /** The day asked for in the address; undefined for today. */
  asOf: string | undefined;
  onChange: (asOf: string | undefined) => void;
}

/**
 * Says which day the page counts from ("as of 7 December 2026") and lets the user ask about another,
 * so that "what did we know on 4 December 2017" is one date away; "Today" goes back.
 */
export function AsOfPicker({ asOf, onChange }: AsOfPickerProps) {
  const { t, i18n } = useTranslation('common');
  const inputId = useId();
  const [draft, setDraft] = useState(asOf ?? '');
  useEffect(() => setDraft(asOf ?? ''), [asOf]);
  const day = asOf ?? todayUtc();

  function choose(value: string) {
    setDraft(value);
    // A date input gives '' while a day is half typed; only a whole day is sent.
    if (isoDay.test(value)) onChange(value === todayUtc() ? undefined : value);
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" data-testid="as-of">
      <Text fw={600} role="status" data-as-of={day}>
        {t('asOf.label', { date: formatDate(day, i18n.language) })}
      </Text>
      <TextInput
        id={inputId}
        type="date"
        size="xs"
        label={t('asOf.choose')}
        value={draft}
        max="9999-12-31"
        onChange={(event) => choose(event.currentTarget.value)}
        w={170}
      />
      {asOf !== undefined && (
        <Button size="xs" variant="default" onClick={() => onChange(undefined)}>
          {t('asOf.today')}
        </Button>
      )}
    </Group>
  );
}
