import {
  Alert,
  Button,
  FileInput,
  Paper,
  Progress,
  Group,
  Radio,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { ImportJob } from '../../../../src/trade/importers/jobs.ts';
import type { DatasetKind, HsRevision } from '../../../../src/trade/model.ts';
import { ColumnPicker } from './ColumnPicker.tsx';
import { mappingAsJson, startUpload, type ImportFormat, type UploadRequest } from './upload.ts';

const formats: ImportFormat[] = ['comtrade', 'baci', 'mapped'];
const kinds: DatasetKind[] = ['official_customs', 'national_statistics', 'comtrade', 'baci', 'illustrative'];
const revisions: Record<HsRevision, string> = {
  H0: 'HS 1992',
  H1: 'HS 1996',
  H2: 'HS 2002',
  H3: 'HS 2007',
  H4: 'HS 2012',
  H5: 'HS 2017',
  H6: 'HS 2022',
};
/**
 * The kind the API gives a dataset of each format when none is chosen. A mapped table has none: whether it
 * is customs data, national statistics or made up is the officer's to say.
 */
const kindOfFormat: Partial<Record<ImportFormat, DatasetKind>> = {
  comtrade: 'comtrade',
  baci: 'baci',
};

// Mantine's default grey hints and red messages are too faint on white for WCAG AA.
const hint = { color: 'var(--mantine-color-gray-7)' };
const fieldStyles = { description: hint, error: { color: 'var(--mantine-color-red-9)' } };
const fileStyles = { ...fieldStyles, placeholder: hint };

type Field = 'file' | 'format' | 'dataset' | 'kind' | 'source' | 'hsRevision' | 'mapping';
const fields: Field[] = ['file', 'format', 'dataset', 'kind', 'source', 'hsRevision', 'mapping'];

/** The form field an API problem is about ("querystring.mapping.columns" → mapping), if any. */
function fieldOf(path: string): Field | undefined {
  const first = path.replace(/^querystring\./, '').split('.')[0];
  return fields.find((field) => field === first);
}

export function UploadForm({ onStarted }: { onStarted: (job: ImportJob) => void }) {
  const { t } = useTranslation('tradeData');
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat | ''>('');
  const [dataset, setDataset] = useState('');
  const [kind, setKind] = useState<DatasetKind | null>(null);
  const [source, setSource] = useState('');
  const [hsRevision, setHsRevision] = useState<string | null>(null);
  const [mapping, setMapping] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [picking, setPicking] = useState(false);
  const [sent, setSent] = useState(0);

  const upload = useMutation({
    mutationFn: (request: UploadRequest) => {
      setSent(0);
      return startUpload(request, setSent);
    },
    onSuccess: (job) => onStarted(job),
    onError: (error) => {
      if (!(error instanceof ApiError)) return;
      const byField: Partial<Record<Field, string>> = {};
      for (const problem of error.problems) {
        const field = fieldOf(problem.path);
        if (field) byField[field] ??= problem.message;
      }
      setErrors(byField);
    },
  });

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    // A file's own name is the likeliest dataset name; the officer can change it.
    if (chosen && dataset.trim() === '') setDataset(chosen.name.replace(/\.[^.]+$/, ''));
  }

  function chooseFormat(value: string) {
    const next = formats.find((f) => f === value) ?? '';
    setFormat(next);
    if (next) setKind(kindOfFormat[next] ?? null);
    if (next === 'comtrade') setHsRevision(null);
  }

  async function readMappingFile(chosen: File | null) {
    if (chosen) setMapping(await chosen.text());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    upload.reset();
    const found: Partial<Record<Field, string>> = {};
    if (!file) found.file = t('errors.noFile');
    if (!format) found.format = t('errors.noFormat');
    if (dataset.trim() === '') found.dataset = t('errors.noDataset');
    if (format === 'mapped' && !kind) found.kind = t('errors.noKind');
    let mappingJson: string | undefined;
    if (format === 'mapped') {
      if (mapping.trim() === '') {
        found.mapping = t('errors.noMapping');
      } else {
        const parsed = await mappingAsJson(mapping);
        if ('json' in parsed) mappingJson = parsed.json;
        else
          found.mapping =
            parsed.error === 'syntax'
              ? t('errors.mappingSyntax', { detail: parsed.detail })
              : t(`errors.${parsed.error}`);
      }
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !file || !format) return;
    upload.mutate({
      file,
      format,
      dataset: dataset.trim(),
      kind: kind ?? undefined,
      // The placeholder shows the default source; send it so the dataset says what the officer saw.
      source: source.trim() || t(`defaultSource.${format}`),
      hsRevision: format === 'comtrade' ? undefined : (hsRevision ?? undefined),
      mapping: mappingJson,
    });
  }

  const unplaced =
    upload.error instanceof ApiError && upload.error.problems.every((p) => fieldOf(p.path) === undefined);

  return (
    <section aria-labelledby="upload-title">
      <Title order={2} id="upload-title" mb="sm">
        {t('upload.title')}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="sm" maw={720}>
          <FileInput
            label={t('upload.file')}
            description={t('upload.fileHint')}
            placeholder={t('upload.filePlaceholder')}
            value={file}
            onChange={chooseFile}
            error={errors.file}
            clearable
            clearButtonProps={{ 'aria-label': t('upload.clearFile') }}
            withAsterisk
            styles={fileStyles}
          />
          <Radio.Group
            label={t('upload.format')}
            value={format}
            onChange={chooseFormat}
            error={errors.format}
            withAsterisk
            styles={fieldStyles}
          >
            <Stack gap={6} mt={6}>
              {formats.map((value) => (
                <Radio
                  key={value}
                  value={value}
                  label={t(`formats.${value}`)}
                  description={t(`formatHints.${value}`)}
                  styles={fieldStyles}
                />
              ))}
            </Stack>
          </Radio.Group>
          <TextInput
            label={t('upload.dataset')}
            description={t('upload.datasetHint')}
            value={dataset}
            onChange={(event) => setDataset(event.currentTarget.value)}
            error={errors.dataset}
            maxLength={200}
            withAsterisk
            styles={fieldStyles}
          />
          <Group grow align="flex-start">
            <Select
              label={t('upload.kind')}
              placeholder={t('upload.kindPlaceholder')}
              data={kinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
              value={kind}
              onChange={(value) => setKind(kinds.find((k) => k === value) ?? null)}
              error={errors.kind}
              allowDeselect={false}
              styles={fieldStyles}
            />
            <TextInput
              label={t('upload.source')}
              placeholder={format ? t(`defaultSource.${format}`) : undefined}
              value={source}
              onChange={(event) => setSource(event.currentTarget.value)}
              error={errors.source}
              maxLength={500}
              styles={fieldStyles}
            />
          </Group>
          {(format === 'baci' || format === 'mapped') && (
            <Select
              label={t('upload.hsRevision')}
              description={t(format === 'baci' ? 'upload.hsRevisionBaci' : 'upload.hsRevisionMapped')}
              data={Object.entries(revisions).map(([value, label]) => ({ value, label: `${value} — ${label}` }))}
              value={hsRevision}
              onChange={setHsRevision}
              error={errors.hsRevision}
              clearable
              styles={fieldStyles}
            />
          )}
          {format === 'mapped' && (
            <>
              <div>
                <Button
                  variant="default"
                  aria-expanded={picking}
                  aria-controls="column-picker"
                  onClick={() => setPicking(!picking)}
                >
                  {t('columns.toggle')}
                </Button>
              </div>
              {picking && (
                <Paper withBorder p="md" id="column-picker">
                  <ColumnPicker
                    file={file}
                    onMapping={(text) => {
                      setMapping(text);
                      setPicking(false);
                    }}
                  />
                </Paper>
              )}
              <FileInput
                label={t('upload.mappingFile')}
                placeholder={t('upload.filePlaceholder')}
                accept=".yaml,.yml,.json,text/yaml,application/json"
                onChange={(chosen) => void readMappingFile(chosen)}
                styles={fileStyles}
              />
              <Textarea
                label={t('upload.mapping')}
                description={t('upload.mappingHint')}
                value={mapping}
                onChange={(event) => setMapping(event.currentTarget.value)}
                error={errors.mapping}
                autosize
                minRows={6}
                maxRows={20}
                withAsterisk
                styles={{ ...fieldStyles, input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              />
            </>
          )}
          {upload.isError && (unplaced || !(upload.error instanceof ApiError)) && (
            <Alert
              color="red"
              variant="outline"
              title={t('upload.refused')}
              role="alert"
              styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
            >
              <Text size="sm">{upload.error.message}</Text>
            </Alert>
          )}
          {upload.isPending && (
            <Stack gap={4}>
              <Progress.Root size="md">
                <Progress.Section
                  value={sent * 100}
                  color="teal.9"
                  aria-label={t('upload.sending')}
                  aria-valuetext={t('job.percent', { percent: Math.round(sent * 100) })}
                />
              </Progress.Root>
              <Text size="sm" role="status">
                {t('upload.sendingPercent', { percent: Math.round(sent * 100) })}
              </Text>
            </Stack>
          )}
          <Group>
            <Button type="submit" color="teal.9" loading={upload.isPending}>
              {t('upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}
