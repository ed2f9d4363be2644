import {
  Alert,
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { DownloadMenu } from '../../components/DownloadMenu.tsx';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { RouterAnchor } from '../../components/links.tsx';
import { NoData } from '../../components/NoData.tsx';
import { Empty, ErrorState, Loading } from '../../components/states.tsx';
import { formatMoneyShort, formatNumber, formatPercent, localeOf } from '../../i18n/format.ts';
import type { PartnersOverview, PartnerTradeOverview } from '../../../../src/partners/model.ts';
import { Sparkline } from './Sparkline.tsx';
import { matches, nextSort, parseSort, sortParam, sortRows, type SortColumn, type SortState } from './sorting.ts';

// The map needs the chart library; loading it apart lets the table paint first.
const RegionMap = lazy(() => import('../../components/map/RegionMap.tsx'));

// Mantine's default grey and red text fall short of AA contrast on white.
const quiet = 'gray.7';
const fieldStyles = { error: { color: 'var(--mantine-color-red-9)' } };

/** "January–September 2017" / "январь–сентябрь 2017 г." for a range of YYYYMM months. */
function monthsText(from: number, to: number, language: string): string {
  const locale = localeOf(language);
  const date = (p: number) => new Date(Date.UTC(Math.floor(p / 100), (p % 100) - 1, 1));
  const full = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (from === to) return full.format(date(from));
  const year = Math.floor(from / 100);
  if (year !== Math.floor(to / 100)) return `${full.format(date(from))} – ${full.format(date(to))}`;
  // Month names stand alone here ("сентябрь", not "сентября"), as Intl gives them without a day.
  const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const months = `${month.format(date(from))}–${month.format(date(to))}`;
  return language === 'ru' ? `${months} ${year} г.` : `${months} ${year}`;
}

/** "2017-01..2017-09" as the months of its two ends. */
function rangeOfLabel(label: string): [number, number] {
  const [from = '', to = from] = label.split('..');
  const month = (text: string) => Number(text.replace('-', '').padEnd(6, '0'));
  return [month(from), month(to)];
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const monthInput = (p: number) => `${Math.floor(p / 100)}-${String(p % 100).padStart(2, '0')}`;

export default function OverviewPage() {
  const { t, i18n } = useTranslation('partners');
  const language = i18n.language;
  const search = useSearch({ from: '/' });
  const navigate = useNavigate({ from: '/' });
  const sort = parseSort(search.sort);

  // The download asks with the same query, so the file holds the figures on screen.
  const overviewQuery = { period: search.period, asOf: search.asOf };
  const overview = useQuery({
    queryKey: ['partners-overview', search.period ?? null, search.asOf ?? null],
    queryFn: () => api.get<PartnersOverview>('/api/partners/overview', overviewQuery),
  });
  const periodRejected = overview.error instanceof ApiError && overview.error.problems.some((p) => p.path === 'period');

  const [filter, setFilter] = useState(search.q ?? '');
  useEffect(() => setFilter(search.q ?? ''), [search.q]);

  function changeFilter(value: string) {
    setFilter(value);
    void navigate({ search: (prev) => ({ ...prev, q: value.trim() === '' ? undefined : value }), replace: true });
  }
  function changeSort(column: SortColumn) {
    void navigate({ search: (prev) => ({ ...prev, sort: sortParam(nextSort(sort, column)) }), replace: true });
  }
  function choosePeriod(period: string | undefined) {
    void navigate({ search: (prev) => ({ ...prev, period }) });
  }
  function chooseAsOf(asOf: string | undefined) {
    void navigate({ search: (prev) => ({ ...prev, asOf }) });
  }

  const data = overview.data;
  const homes = data ? [...new Map(data.partners.map((p) => [p.home.code, p.home])).values()] : [];
  const homeName = (h: { nameEn: string; nameRu: string }) => (language === 'ru' ? h.nameRu : h.nameEn);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{t('title')}</Title>
          <Text c={quiet}>{homes.length === 1 ? t('subtitle', { home: homeName(homes[0]!) }) : t('subtitleAll')}</Text>
        </div>
        {data && (
          <DownloadMenu
            path="/api/partners/overview"
            query={overviewQuery}
            table={t('title')}
            also={
              homes.length === 1 && data.period
                ? {
                    path: '/api/trade/ranking',
                    query: { home: homes[0]!.code, period: data.period.label },
                    label: t('ranking', { home: homeName(homes[0]!) }),
                  }
                : undefined
            }
          />
        )}
      </Group>

      <AsOfPicker asOf={search.asOf} onChange={chooseAsOf} />

      <PeriodForm
        period={data?.period ?? null}
        asked={search.period ?? null}
        onChoose={choosePeriod}
        isDefault={data?.periodIsDefault ?? search.period === undefined}
      />

      {periodRejected ? (
        <Alert color="red" title={t('period.invalid')} role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{(overview.error as ApiError).problems.map((p) => p.message).join('; ')}</Text>
            <Button size="xs" variant="outline" color="red.9" onClick={() => choosePeriod(undefined)}>
              {t('period.latest')}
            </Button>
          </Stack>
        </Alert>
      ) : overview.isError ? (
        <ErrorState error={overview.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <Overview data={data} sort={sort} filter={filter} onFilter={changeFilter} onSort={changeSort} />
      )}
    </Stack>
  );
}

interface PeriodFormProps {
  period: PartnersOverview['period'];
  asked: string | null;
  isDefault: boolean;
  onChoose: (period: string | undefined) => void;
}

/** A range of months, sent as the trade analytics write periods ("2017-01..2017-09"). */
function PeriodForm({ period, asked, isDefault, onChoose }: PeriodFormProps) {
  const { t } = useTranslation('partners');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  // The inputs follow the period in use; one the server refused is shown as written, to be corrected.
  useEffect(() => {
    if (period) {
      setFrom(monthInput(period.from));
      setTo(monthInput(period.to));
    } else if (asked) {
      const [a = '', b = a] = asked.split('..');
      setFrom(a);
      setTo(b);
    }
    setErrors({});
  }, [period?.from, period?.to, asked]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: { from?: string; to?: string } = {};
    if (!monthPattern.test(from)) next.from = t('period.invalidMonth');
    if (!monthPattern.test(to)) next.to = t('period.invalidMonth');
    if (!next.from && !next.to && to < from) next.to = t('period.endBeforeStart');
    setErrors(next);
    if (!next.from && !next.to) onChoose(`${from}..${to}`);
  }

  return (
    <form onSubmit={submit} aria-label={t('period.legend')}>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          type="month"
          label={t('period.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={errors.from}
          styles={fieldStyles}
          w={180}
        />
        <TextInput
          type="month"
          label={t('period.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={errors.to}
          styles={fieldStyles}
          w={180}
        />
        <Button type="submit" mt={25} color="teal.9">
          {t('period.apply')}
        </Button>
        {!isDefault && (
          <Button type="button" variant="default" mt={25} onClick={() => onChoose(undefined)}>
            {t('period.latest')}
          </Button>
        )}
      </Group>
    </form>
  );
}

interface OverviewProps {
  data: PartnersOverview;
  sort: SortState;
  filter: string;
  onFilter: (value: string) => void;
  onSort: (column: SortColumn) => void;
}

function Overview({ data, sort, filter, onFilter, onSort }: OverviewProps) {
  const { t, i18n } = useTranslation('partners');
  const language = i18n.language;
  const rows = useMemo(
    () =>
      sortRows(
        data.partners.filter((row) => matches(row, filter)),
        sort,
        language,
      ),
    [data.partners, filter, sort, language],
  );
  const periodText = data.period ? monthsText(data.period.from, data.period.to, language) : null;
  const illustrative = data.partners.some((p) => p.trade?.dataset.illustrative);

  const regions = useMemo(
    () =>
      data.partners.map((p) => ({
        code: p.partner.code,
        value: p.trade?.turnoverCents ?? null,
        label: language === 'ru' ? p.partner.nameRu : p.partner.nameEn,
        valueText: p.trade ? formatMoneyShort(p.trade.turnoverCents, data.currency, language) : t('table.noTrade'),
      })),
    [data, language, t],
  );
  const context = useMemo(
    () =>
      [...new Map(data.partners.map((p) => [p.home.code, p.home])).values()].map((h) => ({
        code: h.code,
        label: language === 'ru' ? h.nameRu : h.nameEn,
      })),
    [data, language],
  );

  const column = (key: SortColumn, title: string, numeric = true) => (
    <SortHeader column={key} title={title} sort={sort} onSort={onSort} numeric={numeric} />
  );

  return (
    <Stack gap="md">
      {data.period && data.previousPeriod ? (
        <Text size="sm">
          {t('period.comparedWith', {
            period: periodText,
            previous: monthsText(data.previousPeriod.from, data.previousPeriod.to, language),
          })}{' '}
          {data.periodIsDefault && t('period.latestHint')}
        </Text>
      ) : (
        <Text size="sm">{t('period.noTradeData')}</Text>
      )}
      {illustrative && (
        <Alert color="yellow" variant="light" p="xs">
          <Text size="sm">{t('illustrativeNote')}</Text>
        </Alert>
      )}

      <Group align="flex-end" justify="space-between">
        <TextInput
          label={t('filter.label')}
          placeholder={t('filter.placeholder')}
          value={filter}
          onChange={(e) => onFilter(e.currentTarget.value)}
          w={320}
          type="search"
        />
        <Text size="sm" c={quiet} aria-live="polite">
          {t('shown', { shown: rows.length, total: data.partners.length })}
        </Text>
      </Group>

      {data.partners.length === 0 ? (
        <NoData>{t('empty')}</NoData>
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table striped highlightOnHover verticalSpacing="xs">
            <VisuallyHidden component="caption">
              {periodText ? t('table.caption', { period: periodText }) : t('table.captionNoPeriod')}
            </VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {column('partner', t('table.partner'), false)}
                {column('turnover', t('table.turnover'))}
                {column('growth', t('table.growth'))}
                <Table.Th>{t('table.trend')}</Table.Th>
                {column('open', t('table.open'))}
                {column('overdue', t('table.overdue'))}
                {column('projects', t('table.projects'))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <PartnerRow key={row.relationshipId} row={row} currency={data.currency} />
              ))}
            </Table.Tbody>
          </Table>
          {rows.length === 0 && <Empty>{t('noMatch', { q: filter })}</Empty>}
        </Table.ScrollContainer>
      )}

      {data.partners.length > 0 && (
        <section aria-labelledby="partners-map-title">
          <Title order={2} size="h3" id="partners-map-title" mb="xs">
            {t('map.title')}
          </Title>
          <Suspense fallback={<Loading label={t('map.loading')} />}>
            <RegionMap
              regions={regions}
              context={context}
              label={t('map.label', { period: periodText ?? '—' })}
              height={440}
            />
          </Suspense>
        </section>
      )}
    </Stack>
  );
}

function SortHeader(props: {
  column: SortColumn;
  title: string;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  numeric: boolean;
}) {
  const { t } = useTranslation('partners');
  const active = props.sort.column === props.column;
  const direction = active ? (props.sort.descending ? 'descending' : 'ascending') : 'none';
  return (
    <Table.Th aria-sort={direction} ta={props.numeric ? 'right' : 'left'}>
      <UnstyledButton
        onClick={() => props.onSort(props.column)}
        title={t('table.sortBy', { column: props.title })}
        fw={700}
        fz="sm"
      >
        {props.title}
        <span aria-hidden="true" style={{ marginLeft: 4 }}>
          {active ? (props.sort.descending ? '▼' : '▲') : '↕'}
        </span>
      </UnstyledButton>
    </Table.Th>
  );
}

function Num({ children }: { children: ReactNode }) {
  return (
    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
      {children}
    </Table.Td>
  );
}

function PartnerRow({ row, currency }: { row: PartnerTradeOverview; currency: string }) {
  const { t, i18n } = useTranslation('partners');
  const language = i18n.language;
  // The partner page opens on the period and the day chosen here; without a period it finds its own latest.
  const { period, asOf } = useSearch({ from: '/' });
  const trade = row.trade;
  const growth = trade?.growthPercent ?? null;
  const sparkValues = trade?.sparkline.map((p) => p.turnoverCents) ?? [];
  const sparkLabel = trade
    ? t('sparkline', {
        first: monthsText(...rangeOfLabel(trade.sparkline[0]!.label), language),
        last: monthsText(...rangeOfLabel(trade.sparkline[trade.sparkline.length - 1]!.label), language),
        values: trade.sparkline.map((p) => formatMoneyShort(p.turnoverCents, currency, language)).join('; '),
      })
    : '';
  return (
    <Table.Tr>
      <Table.Td>
        <RouterAnchor
          to="/partners/$code"
          params={{ code: row.partner.code }}
          search={{ period, asOf }}
          fw={600}
          c="teal.9"
        >
          {language === 'ru' ? row.partner.nameRu : row.partner.nameEn}
        </RouterAnchor>
      </Table.Td>
      <Num>
        {trade ? (
          <Stack gap={2} align="flex-end">
            <span>{formatMoneyShort(trade.turnoverCents, currency, language)}</span>
            {trade.dataset.illustrative && (
              <Badge size="xs" color="yellow.4" autoContrast title={trade.dataset.name}>
                {t('table.illustrative')}
              </Badge>
            )}
          </Stack>
        ) : (
          <Text span size="sm" c={quiet}>
            {t('table.noTrade')}
          </Text>
        )}
      </Num>
      <Num>
        <Text span size="sm" fw={600} c={growth === null ? quiet : growth >= 0 ? 'teal.9' : 'red.9'}>
          {trade ? formatPercent(growth, language) : '—'}
        </Text>
      </Num>
      <Table.Td>{trade && <Sparkline values={sparkValues} label={sparkLabel} />}</Table.Td>
      <Num>{formatNumber(row.openCommitments, language)}</Num>
      <Num>
        {row.overdueCommitments > 0 ? (
          <Badge color="red.9" variant="filled" title={t('table.overdueCount', { count: row.overdueCommitments })}>
            {formatNumber(row.overdueCommitments, language)}
          </Badge>
        ) : (
          formatNumber(0, language)
        )}
      </Num>
      <Num>{formatNumber(row.activeProjects, language)}</Num>
    </Table.Tr>
  );
}
