import { Alert, Anchor, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorState } from '../../components/states.tsx';
import { formatNumber } from '../../i18n/format.ts';
import type { ImportJob } from '../../../../src/trade/importers/jobs.ts';
import type { ImportNote } from '../../../../src/trade/model.ts';

const pollMs = 400;
/** Rows shown on the page; the downloadable report has them all. */
const shownRows = 100;

/** Follows an import the server runs in the background, from progress to its report or its rejected rows. */
export function ImportJobView({ started, onFinished }: { started: ImportJob; onFinished: (job: ImportJob) => void }) {
  const { t, i18n } = useTranslation('tradeData');
  const job = useQuery({
    queryKey: ['trade-import', started.id],
    queryFn: () => api.get<ImportJob>(`/api/trade/imports/${started.id}`),
    initialData: started,
    // A job the server no longer knows (it restarted) answers 404: stop asking then.
    refetchInterval: (query) =>
      query.state.status !== 'error' && query.state.data?.status === 'running' ? pollMs : false,
  });
  const current = job.data;
  const finished = current.status !== 'running';
  // The page hears of the end once, however often this re-renders.
  const reported = useRef(false);
  useEffect(() => {
    if (!finished || reported.current) return;
    reported.current = true;
    onFinished(current);
  }, [finished, current, onFinished]);

  const { stage, bytesRead, totalBytes, rowsRead, rowsRejected } = current.progress;
  const status = current.status === 'running' && stage === 'finishing' ? 'finishing' : current.status;
  const percent =
    current.status === 'imported' ? 100 : totalBytes > 0 ? Math.min(100, (bytesRead / totalBytes) * 100) : 0;
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <section aria-labelledby="job-title">
      <Stack gap="sm">
        <Title order={2} id="job-title">
          {t('job.title', { dataset: current.dataset })}
        </Title>
        <Progress.Root size="lg">
          <Progress.Section
            value={percent}
            color={current.status === 'failed' ? 'red.8' : 'teal.9'}
            animated={current.status === 'running'}
            aria-label={t('job.progressLabel')}
            aria-valuetext={t('job.percent', { percent: Math.round(percent) })}
          />
        </Progress.Root>
        <Text size="sm" role="status" aria-live="polite">
          {t(`job.status.${status}`)} ·{' '}
          {t('job.counts', { read: n(rowsRead), rejected: n(rowsRejected), percent: Math.round(percent) })}
        </Text>
        {job.isError && <ErrorState error={job.error} />}
        {current.status === 'imported' && current.report && <Imported job={current} />}
        {current.status === 'failed' && current.error && <Failed job={current} />}
      </Stack>
    </section>
  );
}

function Imported({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation('tradeData');
  const report = job.report;
  if (!report) return null;
  return (
    <Alert
      color="teal"
      variant="outline"
      title={t('job.importedTitle')}
      styles={{ title: { color: 'var(--mantine-color-teal-9)' } }}
    >
      <Text size="sm">
        {t('job.imported', {
          rows: formatNumber(report.rowsImported, i18n.language),
          replaced: formatNumber(report.rowsReplaced, i18n.language),
        })}{' '}
        {report.datasetId && (
          <Anchor href={`#dataset-${report.datasetId}`} c="teal.9">
            {t('job.datasetLink', { dataset: report.dataset })}
          </Anchor>
        )}
      </Text>
      <Notes notes={report.notes} />
    </Alert>
  );
}

/** What the reader did or found beyond the counts: HS levels set aside, totals checked, a file cut short. */
function Notes({ notes }: { notes: ImportNote[] }) {
  const { t } = useTranslation('tradeData');
  if (notes.length === 0) return null;
  return (
    <Stack gap={4} mt="xs">
      <Text size="sm" fw={600}>
        {t('job.notesTitle')}
      </Text>
      <List size="sm">
        {notes.map((note, index) => (
          <List.Item key={`${note.code}:${index}`}>{note.message}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Failed({ job }: { job: ImportJob }) {
  const { t } = useTranslation('tradeData');
  const error = job.error;
  if (!error) return null;
  const rejected = error.problems.filter((p) => p.line !== undefined);
  const rows = rejected.slice(0, shownRows);
  const other = error.problems.filter((p) => p.line === undefined);
  return (
    <Stack gap="sm">
      <Alert
        color="red"
        variant="outline"
        title={t('job.failedTitle')}
        role="alert"
        styles={{ title: { color: 'var(--mantine-color-red-9)' } }}
      >
        <Stack gap={4}>
          <Text size="sm">
            {error.code === 'IMPORT_ROW_INVALID'
              ? t('job.rowsRejected', { count: job.progress.rowsRejected })
              : error.message}
          </Text>
          {other.map((p) => (
            <Text size="sm" key={`${p.path}:${p.message}`}>
              {p.path}: {p.message}
            </Text>
          ))}
          <Notes notes={error.notes} />
        </Stack>
      </Alert>
      {rejected.length > 0 && (
        <>
          <Title order={3}>{t('job.rejectedTitle')}</Title>
          {job.hasErrorFile && (
            <Anchor
              href={`/api/trade/imports/${job.id}/rejected-rows`}
              download={`rejected-rows-${job.id}.csv`}
              c="teal.9"
              fw={500}
            >
              {t('job.download')}
            </Anchor>
          )}
          {job.progress.rowsRejected > rows.length && (
            <Text size="sm" c="gray.7">
              {t('job.firstRows', { shown: rows.length, total: job.progress.rowsRejected })}
            </Text>
          )}
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <Table.Caption c="gray.7">{t('job.rejectedCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('job.line')}</Table.Th>
                  <Table.Th scope="col">{t('job.column')}</Table.Th>
                  <Table.Th scope="col">{t('job.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p, index) => (
                  <Table.Tr key={`${p.line}:${p.column}:${index}`}>
                    <Table.Td>{p.line}</Table.Td>
                    <Table.Td>{p.column ?? p.path}</Table.Td>
                    <Table.Td>{p.message}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
