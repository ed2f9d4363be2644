import { Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import { RouterButton } from './links.tsx';
import { ErrorState } from './states.tsx';

/**
 * What a page says while it has nothing to show, with the web's own ways to fill it: the trade-data upload,
 * and, while the workspace holds no records at all, the demo data set in one click.
 */
export function NoData({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const queryClient = useQueryClient();
  const demo = useQuery({
    queryKey: ['demo'],
    queryFn: () => api.get<{ loadable: boolean }>('/api/demo'),
  });
  const load = useMutation({
    mutationFn: () => api.post<{ records: number; tradeRows: number }>('/api/demo'),
    onSuccess: () => queryClient.invalidateQueries(),
  });
  return (
    <Stack gap="sm" py="md" align="flex-start" data-testid="no-data">
      <Text c="gray.7">{children}</Text>
      <Group gap="sm">
        <RouterButton to="/trade-data" color="teal.9" variant="outline">
          {t('noData.upload')}
        </RouterButton>
        {demo.data?.loadable && (
          <Button color="teal.9" loading={load.isPending} onClick={() => load.mutate()}>
            {t('noData.loadDemo')}
          </Button>
        )}
      </Group>
      {demo.data?.loadable && (
        <Text size="sm" c="gray.7">
          {t('noData.demoHint')}
        </Text>
      )}
      {load.isError && <ErrorState error={load.error} />}
    </Stack>
  );
}
