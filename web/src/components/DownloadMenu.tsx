import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withQuery, type Query } from '../api/client.ts';

/**
 * "Download" beside a table: the same table as an Excel workbook or a CSV file, asked for with the query
 * the table on screen was drawn from, in the language of the workspace. Plain links, so the browser
 * saves the file under the name the server gives it.
 */
export function DownloadMenu({ path, query, table }: { path: string; query: Query; table: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          size="xs"
          variant="default"
          className="accord-no-print"
          aria-label={t('download.label', { table })}
          data-testid="download-menu"
        >
          {t('download.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={withQuery(`${path}.xlsx`, { ...query, lang })} download>
          {t('download.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={withQuery(`${path}.csv`, { ...query, lang })} download>
          {t('download.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
