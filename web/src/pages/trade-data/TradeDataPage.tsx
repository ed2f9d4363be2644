import { Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../../src/trade/importers/jobs.ts';
import { DatasetList, invalidateTradeAnswers } from './DatasetList.tsx';
import { ImportJobView } from './ImportJobView.tsx';
import { UploadForm } from './UploadForm.tsx';

export default function TradeDataPage() {
  const { t } = useTranslation('tradeData');
  const queryClient = useQueryClient();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [imported, setImported] = useState<string | undefined>();

  const finished = useCallback(
    (done: ImportJob) => {
      if (done.status !== 'imported') return;
      setImported(done.report?.datasetId ?? undefined);
      void invalidateTradeAnswers(queryClient);
    },
    [queryClient],
  );

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('title')}</Title>
        <Text c="gray.7">{t('intro')}</Text>
      </div>
      <UploadForm onStarted={setJob} />
      {job && <ImportJobView key={job.id} started={job} onFinished={finished} />}
      <DatasetList highlight={imported} />
    </Stack>
  );
}
