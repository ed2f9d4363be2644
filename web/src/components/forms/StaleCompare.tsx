import { Alert, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormValueText } from './FieldValue.tsx';
import type { FieldConfig, FormValues } from './types.ts';

/**
 * Someone saved the record while it was being edited: both versions side by side, the fields that
 * differ marked, and the editor decides — nothing is overwritten without asking.
 */
export function StaleCompare({
  fields,
  mine,
  theirs,
  theirVersion,
  onKeepTheirs,
  onSaveMine,
  saving,
}: {
  fields: FieldConfig[];
  mine: FormValues;
  theirs: FormValues;
  theirVersion: number;
  onKeepTheirs: () => void;
  onSaveMine: () => void;
  saving: boolean;
}) {
  const { t } = useTranslation('forms');
  return (
    <Stack>
      <Alert variant="outline" color="red.9" title={t('stale.title')} role="alert">
        {t('stale.explain', { version: theirVersion })}
      </Alert>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder withColumnBorders aria-label={t('stale.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('stale.field')}</Table.Th>
              <Table.Th scope="col">{t('stale.mine')}</Table.Th>
              <Table.Th scope="col">{t('stale.theirs')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {fields.map((field) => {
              const changed = JSON.stringify(mine[field.name] ?? '') !== JSON.stringify(theirs[field.name] ?? '');
              return (
                <Table.Tr key={field.name} bg={changed ? 'yellow.1' : undefined} data-changed={changed || undefined}>
                  <Table.Th scope="row">
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {field.label}
                      </Text>
                      {changed && (
                        <Badge color="red.9" variant="outline" size="sm">
                          {t('stale.differs')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <FormValueText field={field} value={mine[field.name]} />
                  </Table.Td>
                  <Table.Td>
                    <FormValueText field={field} value={theirs[field.name]} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button variant="default" onClick={onKeepTheirs} disabled={saving}>
          {t('stale.keepTheirs')}
        </Button>
        <Button color="teal.9" onClick={onSaveMine} loading={saving}>
          {t('stale.saveMine')}
        </Button>
      </Group>
    </Stack>
  );
}
