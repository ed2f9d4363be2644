import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { withQuery, type Query } from '../api/client.ts';

/**
 * "Download" beside a table: the same table as an Excel workbook or a CSV file, asked for with the query
 * the table on screen was drawn from, in the language of the workspace. Plain links, so the browser
 * saves the file under the name the server gives it.
 */
export interface DownloadMenuProps {
  path: string;
  query: Query;
  /** What the table is called, for the menu's accessible name. */
  table: string;
  /** A further table behind the one on screen, offered under its own heading. */
  also?: { path: string; query: Query; label: string };
}

export function DownloadMenu({ path, query, table, also }: DownloadMenuProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'ru' ? 'ru' : 'en';
  const items = (path: string, query: Query) => (
    <>
      <Menu.Item component="a" href={withQuery(`${path}.xlsx`, { ...query, lang })} download>
        {t('download.xlsx')}
      </Menu.Item>
      <Menu.Item component="a" href={withQuery(`${path}.csv`, { ...query, lang })} download>
        {t('download.csv')}
      </Menu.Item>
    </>
  );
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
        {also && <Menu.Label>{table}</Menu.Label>}
        {items(path, query)}
        {also && (
          <>
            <Menu.Divider />
            <Menu.Label>{also.label}</Menu.Label>
            {items(also.path, also.query)}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
