import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Marks a statement still open after its due date; never shortened, since it is the point of the row. */
export function OverdueBadge() {
  const { t } = useTranslation('records');
  return (
    <Badge color="red.9" variant="filled" style={{ flex: 'none' }} styles={{ label: { overflow: 'visible' } }}>
      {t('overdue')}
    </Badge>
  );
}
