import { Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TradeMapping } from '../../../../src/trade/importers/mapped.ts';
import { encodings, readHeaders, type Encoding } from './columns.ts';

const hint = { color: 'var(--mantine-color-gray-7)' };
const fieldStyles = { description: hint, error: { color: 'var(--mantine-color-red-9)' } };

type Column = keyof TradeMapping['columns'];
const required: Column[] = ['period', 'partner', 'hsCode', 'value'];
const optional: Column[] = ['reporter', 'flow', 'quantity', 'unit'];
const scales = ['1', '1000', '1000000'] as const;

/**
 * Builds a column mapping from the header of the chosen CSV file: the officer picks which column is which,
 * and the mapping is written out for the form to send (and to be checked or kept).
 */
export function ColumnPicker({ file, onMapping }: { file: File | null; onMapping: (text: string) => void }) {
  const { t } = useTranslation('tradeData');
  const [headerRow, setHeaderRow] = useState(1);
  const [encoding, setEncoding] = useState<Encoding>('auto');
  const [chosen, setChosen] = useState<Partial<Record<Column, string>>>({});
  const [reporter, setReporter] = useState('');
  const [flow, setFlow] = useState<string | null>(null);
  const [scale, setScale] = useState<string>('1');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const headers = useQuery({
    queryKey: ['trade-file-headers', file?.name, file?.size, file?.lastModified, headerRow, encoding],
    queryFn: () => (file ? readHeaders(file, headerRow, encoding) : Promise.resolve({ kind: 'missing' as const })),
    enabled: file !== null,
  });

  if (!file) return <Text c="gray.7">{t('columns.noFile')}</Text>;
  const read = headers.data;
  const options = read?.kind === 'headers' ? read.headers : [];

  function write() {
    const found: Record<string, string> = {};
    for (const column of required) if (!chosen[column]) found[column] = t('columns.required');
    if (!chosen.reporter && reporter.trim() === '') found.reporterCode = t('columns.reporterNeeded');
    if (!chosen.flow && !flow) found.flowConstant = t('columns.flowNeeded');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const columns = Object.fromEntries(Object.entries(chosen).filter(([, header]) => header));
    const constants: Record<string, string> = {};
    if (!chosen.reporter) constants.reporter = reporter.trim().toUpperCase();
    if (!chosen.flow && flow) constants.flow = flow;
    // Left unsaid, the server reads a file that is not UTF-8 as Windows-1251 and says so in its report.
    const mapping = {
      headerRow,
      ...(encoding === 'auto' ? {} : { encoding }),
      columns,
      constants,
      valueScale: Number(scale),
    };
    onMapping(JSON.stringify(mapping, null, 2));
  }

  const select = (column: Column, isRequired: boolean) => (
    <Select
      key={column}
      label={t(`columns.fields.${column}`)}
      data={options}
      value={chosen[column] ?? null}
      onChange={(value) => setChosen((previous) => ({ ...previous, [column]: value ?? undefined }))}
      error={errors[column]}
      withAsterisk={isRequired}
      clearable={!isRequired}
      searchable
      styles={fieldStyles}
    />
  );

  return (
    <Stack gap="sm">
      <Group grow align="flex-start">
        <NumberInput
          label={t('columns.headerRow')}
          description={t('columns.headerRowHint')}
          min={1}
          max={1000}
          value={headerRow}
          onChange={(value) => setHeaderRow(typeof value === 'number' && value >= 1 ? Math.floor(value) : 1)}
          styles={fieldStyles}
        />
        <Select
          label={t('columns.encoding')}
          data={[
            { value: 'auto', label: t('columns.encodingAuto') },
            { value: 'utf-8', label: 'UTF-8' },
            { value: 'windows-1251', label: 'Windows-1251' },
          ]}
          value={encoding}
          onChange={(value) => setEncoding(encodings.find((e) => e === value) ?? 'auto')}
          allowDeselect={false}
          styles={fieldStyles}
        />
      </Group>
      {read?.kind === 'xlsx' && (
        <Alert color="gray" variant="outline">
          {t('columns.xlsx')}
        </Alert>
      )}
      {read?.kind === 'missing' && (
        <Alert color="gray" variant="outline">
          {t('columns.noHeader', { line: headerRow })}
        </Alert>
      )}
      {options.length > 0 && (
        <>
          <Text size="sm" c="gray.7">
            {t('columns.found', { count: options.length })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {required.map((column) => select(column, true))}
            {optional.map((column) => select(column, false))}
            <TextInput
              label={t('columns.reporterCode')}
              description={t('columns.reporterCodeHint')}
              value={reporter}
              onChange={(event) => setReporter(event.currentTarget.value)}
              disabled={Boolean(chosen.reporter)}
              error={errors.reporterCode}
              maxLength={10}
              styles={fieldStyles}
            />
            <Select
              label={t('columns.flowConstant')}
              description={t('columns.flowConstantHint')}
              data={[
                { value: 'X', label: t('columns.export') },
                { value: 'M', label: t('columns.import') },
              ]}
              value={flow}
              onChange={setFlow}
              disabled={Boolean(chosen.flow)}
              error={errors.flowConstant}
              clearable
              styles={fieldStyles}
            />
            <Select
              label={t('columns.valueScale')}
              data={scales.map((value) => ({ value, label: t(`columns.scale.${value}`) }))}
              value={scale}
              onChange={(value) => setScale(value ?? '1')}
              allowDeselect={false}
              styles={fieldStyles}
            />
          </SimpleGrid>
          <Group>
            <Button variant="outline" color="teal.9" onClick={write}>
              {t('columns.write')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
