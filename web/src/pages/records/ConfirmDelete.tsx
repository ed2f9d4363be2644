import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';

/** Deletes only after asking, and only the version that was read; a refusal is shown, not swallowed. */
export function ConfirmDelete({
  opened,
  onClose,
  path,
  version,
  what,
  onDeleted,
}: {
  opened: boolean;
  onClose: () => void;
  path: string;
  version: number;
  what: string;
  onDeleted: () => void;
}) {
  const { t } = useTranslation('records');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function remove() {
    setBusy(true);
    try {
      await api.delete(path, { version });
      setError(null);
      onDeleted();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={t('delete.title')}
    >
      <Stack>
        <Text>{t('delete.question', { what })}</Text>
        {error && (
          <Alert variant="outline" color="red.9" title={t('delete.refused')} role="alert">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            {t('delete.cancel')}
          </Button>
          <Button color="red.9" onClick={() => void remove()} loading={busy}>
            {t('delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
