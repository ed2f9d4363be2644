import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../i18n/format.ts';

/** Which rows of a paged list are shown, with Previous and Next; the page asks for the offset it is given. */
export function Pager({
  offset,
  pageSize,
  shown,
  total,
  onOffset,
}: {
  offset: number;
  pageSize: number;
  shown: number;
  total: number;
  onOffset: (offset: number | undefined) => void;
}) {
  const { t, i18n } = useTranslation('common');
  return (
    <Group justify="space-between">
      <Text size="sm" c="gray.7" aria-live="polite">
        {t('pager.range', {
          from: formatNumber(offset + 1, i18n.language),
          to: formatNumber(offset + shown, i18n.language),
          total: formatNumber(total, i18n.language),
        })}
      </Text>
      <Group gap="xs">
        <Button
          variant="default"
          disabled={offset === 0}
          onClick={() => onOffset(Math.max(0, offset - pageSize) || undefined)}
        >
          {t('pager.previous')}
        </Button>
        <Button variant="default" disabled={offset + pageSize >= total} onClick={() => onOffset(offset + pageSize)}>
          {t('pager.next')}
        </Button>
      </Group>
    </Group>
  );
}
