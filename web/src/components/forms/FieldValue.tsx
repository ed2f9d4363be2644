import { Anchor, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RouterAnchor } from '../links.tsx';
import { Typed } from '../Typed.tsx';
import { formatDate, formatDecimal, formatMoneyShort, languageName } from '../../i18n/format.ts';
import { useOptions, type Options } from './options.ts';
import type { FieldConfig, FormValue, FormValues } from './types.ts';

const recordPages = {
  people: 'people',
  organizations: 'organizations',
  meetings: 'meetings',
  projects: 'projects',
} as const;

function Choice({ field, value, options }: { field: FieldConfig; value: string; options: Options }) {
  const label = options.labelOf(value);
  const source = field.type === 'select' || field.type === 'multiselect' ? field.options : undefined;
  if (source === 'relationships') {
    const code = options.partnerCodeOf(value);
    return code ? (
      <RouterAnchor c="teal.9" to="/partners/$code" params={{ code }}>
        {label}
      </RouterAnchor>
    ) : (
      <>{label}</>
    );
  }
  if (typeof source === 'string' && source in recordPages) {
    return (
      <RouterAnchor
        c="teal.9"
        to="/records/$kind/$id"
        params={{ kind: recordPages[source as keyof typeof recordPages], id: value }}
      >
        {label}
      </RouterAnchor>
    );
  }
  return <>{label}</>;
}

/** One field of a stored record in readable form: names for ids, dates and money in the reader's language. */
export function FieldValue({ field, record }: { field: FieldConfig; record: Record<string, unknown> }) {
  const { i18n } = useTranslation('forms');
  const options = useOptions(field.type === 'select' || field.type === 'multiselect' ? field.options : undefined);
  const value = record[field.name];
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    return <Text c="gray.7">—</Text>;
  }
  switch (field.type) {
    case 'date':
      return <>{formatDate(String(value), i18n.language)}</>;
    case 'language':
      return <>{languageName(String(value), i18n.language)}</>;
    case 'decimal':
      return <>{formatDecimal(Number(value), i18n.language)}</>;
    case 'money':
      return (
        <>
          {formatMoneyShort(Number(value), typeof record.currency === 'string' ? record.currency : '', i18n.language)}
        </>
      );
    case 'select':
      return <Choice field={field} value={String(value)} options={options} />;
    case 'multiselect':
      return (
        <List size="sm">
          {(value as string[]).map((item) => (
            <List.Item key={item}>
              <Choice field={field} value={item} options={options} />
            </List.Item>
          ))}
        </List>
      );
    case 'textarea':
      return (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          <Typed text={String(value)} lang={languageOfField(field.name)} />
        </Text>
      );
    case 'rows':
      return (
        <Table.ScrollContainer minWidth={400}>
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                {field.fields.map((sub) => (
                  <Table.Th key={sub.name}>{sub.label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(value as Record<string, unknown>[]).map((row, index) => (
                <Table.Tr key={index}>
                  {field.fields.map((sub) => (
                    <Table.Td key={sub.name}>
                      <FieldValue field={sub} record={row} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      );
    default:
      return field.link && /^https?:\/\//.test(String(value)) ? (
        <Anchor c="teal.9" href={String(value)} target="_blank" rel="noreferrer">
          {String(value)}
        </Anchor>
      ) : (
        <Typed text={String(value)} lang={languageOfField(field.name)} />
      );
  }
}

/** The fields of a pair (titleEn, titleRu) hold their language whatever their script. */
function languageOfField(name: string): 'en' | 'ru' | undefined {
  if (/[a-z]En$/.test(name)) return 'en';
  if (/[a-z]Ru$/.test(name)) return 'ru';
  return undefined;
}

/** A value as the form holds it, as one line of text, for comparing two versions of a record. */
export function FormValueText({ field, value }: { field: FieldConfig; value: FormValue | undefined }) {
  const { i18n } = useTranslation('forms');
  const options = useOptions(field.type === 'select' || field.type === 'multiselect' ? field.options : undefined);
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return <>—</>;
  if (field.type === 'rows') {
    return (
      <List size="sm">
        {(value as FormValues[]).map((row, index) => (
          <List.Item key={index}>
            {field.fields.map((sub, i) => (
              <span key={sub.name}>
                {i > 0 && ' · '}
                <FormValueText field={sub} value={row[sub.name]} />
              </span>
            ))}
          </List.Item>
        ))}
      </List>
    );
  }
  if (field.type === 'multiselect') return <>{(value as string[]).map(options.labelOf).join(', ')}</>;
  if (field.type === 'select') return <>{options.labelOf(value as string)}</>;
  if (field.type === 'date') return <>{formatDate(value as string, i18n.language)}</>;
  return <>{value as string}</>;
}
