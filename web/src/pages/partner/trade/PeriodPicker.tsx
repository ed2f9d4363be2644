import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  cumulativeTo,
  isCumulative,
  monthNames,
  monthParam,
  parseMonth,
  periodText,
  rangeLabel,
  yearEarlier,
  yearOf,
  type MonthRange,
} from './period.ts';
import type { DataSpan } from './queries.ts';

// Mantine's default grey description and red error text fall short of AA contrast on white.
const fieldStyles = {
  description: { color: 'var(--mantine-color-gray-7)' },
  error: { color: 'var(--mantine-color-red-9)' },
  input: { color: 'var(--mantine-color-text)' },
};

interface PeriodPickerProps {
  /** The period shown, or null when the address names one that cannot be used. */
  range: MonthRange | null;
  /** The `period` search parameter as written, to refill the inputs when it was wrong. */
  asked: string | null;
  span: DataSpan | null;
  onChoose: (period: string) => void;
}

/** Cumulative periods from January (the way officials report) and any other range of months. */
export function PeriodPicker({ range, asked, span, onChoose }: PeriodPickerProps) {
  const { t, i18n } = useTranslation('trade');
  const language = i18n.language;
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  // The inputs follow the period in use; a period that could not be used is shown as written, to be fixed.
  useEffect(() => {
    if (range) {
      setFromText(monthParam(range.from));
      setToText(monthParam(range.to));
    } else if (asked) {
      const [from = '', to = ''] = asked.split('..');
      setFromText(from);
      setToText(to);
    }
    setErrors({});
  }, [range?.from, range?.to, asked]);

  const lastYear = span ? yearOf(span.latest.to) : range ? yearOf(range.to) : new Date().getFullYear();
  const firstYear = Math.min(span ? yearOf(span.first) : lastYear, range ? yearOf(range.from) : lastYear);
  const years = Array.from({ length: lastYear - firstYear + 1 }, (_, index) => String(lastYear - index));
  const cumulative = range && isCumulative(range) ? range : null;
  const year = cumulative ? String(yearOf(cumulative.to)) : null;
  const throughMonth = cumulative ? String(cumulative.to % 100) : null;
  const names = monthNames(language);

  function chooseCumulative(nextYear: string | null, nextMonth: string | null) {
    const y = Number(nextYear ?? year ?? lastYear);
    const m = Number(nextMonth ?? throughMonth ?? (span && yearOf(span.latest.to) === y ? span.latest.to % 100 : 12));
    onChoose(periodText(cumulativeTo(y * 100 + m)));
  }

  function applyRange(event: FormEvent) {
    event.preventDefault();
    const from = parseMonth(fromText);
    const to = parseMonth(toText);
    const next: { from?: string; to?: string } = {};
    if (from === null) next.from = t('period.invalidMonth');
    if (to === null) next.to = t('period.invalidMonth');
    if (from !== null && to !== null && to < from) next.to = t('period.endBeforeStart');
    setErrors(next);
    if (from !== null && to !== null && to >= from) onChoose(periodText({ from, to }));
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="trade-period-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="trade-period-title">
          {t('period.title')}
        </Title>
        {range && (
          <Text data-testid="trade-period">
            {t('period.compared', {
              period: rangeLabel(range, language),
              previous: rangeLabel(yearEarlier(range), language),
            })}
          </Text>
        )}
        <Group align="flex-start" gap="xl" wrap="wrap" className="accord-no-print">
          <Group align="flex-end" gap="xs">
            <Select
              label={t('period.year')}
              data={years}
              value={year}
              placeholder={t('period.choose')}
              onChange={(value) => value && chooseCumulative(value, null)}
              allowDeselect={false}
              w={110}
            />
            <Select
              label={t('period.januaryTo')}
              data={names.map((name, index) => ({ value: String(index + 1), label: name }))}
              value={throughMonth}
              placeholder={t('period.choose')}
              onChange={(value) => value && chooseCumulative(null, value)}
              allowDeselect={false}
              w={160}
            />
          </Group>
          <form onSubmit={applyRange} noValidate aria-label={t('period.rangeForm')}>
            <Group align="flex-start" gap="xs">
              <TextInput
                label={t('period.from')}
                description={t('period.format')}
                value={fromText}
                onChange={(event) => setFromText(event.currentTarget.value)}
                error={errors.from}
                styles={fieldStyles}
                w={180}
              />
              <TextInput
                label={t('period.to')}
                description={t('period.format')}
                value={toText}
                onChange={(event) => setToText(event.currentTarget.value)}
                error={errors.to}
                styles={fieldStyles}
                w={180}
              />
              <Button type="submit" mt={45} variant="default">
                {t('period.apply')}
              </Button>
            </Group>
          </form>
        </Group>
      </Stack>
    </Paper>
  );
}
