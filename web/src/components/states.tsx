import { Alert, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" aria-hidden />
      <Text ml="sm" c="gray.7">
        {label ?? t('state.loading')}
      </Text>
    </Center>
  );
}

export function ErrorState({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    // A record deleted since, or an address typed wrong: nothing went wrong that the user must report.
    return (
      <Alert
        color="gray"
        variant="outline"
        title={t('state.missingTitle')}
        role="alert"
        styles={{ title: { color: 'var(--mantine-color-gray-9)' } }}
      >
        <Text size="sm">{t('state.missing')}</Text>
      </Alert>
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <Alert color="red" title={t('state.error')} role="alert">
      <Stack gap={4}>
        <Text size="sm">{message}</Text>
        {problems.map((problem) => (
          <Text size="sm" key={`${problem.path}:${problem.message}`}>
            {problem.path}: {problem.message}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1}>{t('state.notFoundTitle')}</Title>
      <Text>{t('state.notFound')}</Text>
    </Stack>
  );
}

export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <Text c="gray.7" py="md">
      {children}
    </Text>
  );
}
