import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Typed } from '../../../components/Typed.tsx';
import { RouterAnchor } from '../../../components/links.tsx';
import { Empty, ErrorState, Loading } from '../../../components/states.tsx';
import { formatDate } from '../../../i18n/format.ts';
import type { Relationship } from '../../../../../src/registry/relationships/model.ts';
import { nameIn, useOrganizations, useTerritories } from './lookups.ts';
import { useNetwork, useOutlets } from './queries.ts';
import { outletKinds } from '../../records/config.ts';

// The map brings the chart library; it loads after the table is on screen.
const RegionMap = lazy(() => import('../../../components/map/RegionMap.tsx'));

const statusColor = { planned: 'blue', active: 'teal', suspended: 'orange', closed: 'gray' } as const;

/** The dealer and distribution network in the partner territory: what each outlet is, where, and what it carries. */
export function NetworkSection({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation('cooperation');
  const language = i18n.language;
  const outlets = useOutlets(relationship.id);
  const network = useNetwork(relationship.id);
  const items = outlets.data?.items ?? [];
  const organizations = useOrganizations(
    items.flatMap((o) => [o.operatorOrganizationId, ...o.lines.map((l) => l.organizationId)]),
  );
  const territories = useTerritories(items.map((o) => o.territoryCode));

  if (outlets.isPending || network.isPending) return <Loading />;
  if (outlets.isError) return <ErrorState error={outlets.error} />;
  if (network.isError) return <ErrorState error={network.error} />;
  if (items.length === 0) return <Empty>{t('network.none')}</Empty>;
  const summary = network.data;
  const byTerritory = new Map<string, number>();
  for (const outlet of items) byTerritory.set(outlet.territoryCode, (byTerritory.get(outlet.territoryCode) ?? 0) + 1);
  const partnerName = nameIn(relationship.partner, language) ?? relationship.partnerCode;

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {t('network.summary', { count: summary.total })}:
        </Text>
        {Object.entries(summary.byKind)
          .filter(([, count]) => count > 0)
          .map(([kind, count]) => (
            <Badge key={kind} variant="light" color="gray">
              {t(`outletKind.${kind}`)}: {count}
            </Badge>
          ))}
      </Group>
      {summary.productGroups.length > 0 && (
        <Text size="sm">
          {t('network.productGroups')}:{' '}
          {summary.productGroups.map((group, index) => (
            <span key={group}>
              {index > 0 && '; '}
              <Typed text={group} />
            </span>
          ))}
        </Text>
      )}
      <Suspense fallback={<Loading />}>
        <RegionMap
          label={t('network.mapLabel', { partner: partnerName })}
          regions={[...byTerritory].map(([code, count]) => ({
            code,
            value: count,
            label: nameIn(territories.get(code), language) ?? code,
            valueText: t('network.summary', { count }),
          }))}
          context={
            byTerritory.has(relationship.homeCode)
              ? []
              : [{ code: relationship.homeCode, label: nameIn(relationship.home, language) ?? relationship.homeCode }]
          }
          points={items.map((outlet) => ({
            name: outlet.name,
            code: outlet.territoryCode,
            ...(outlet.latitude !== null && outlet.longitude !== null
              ? { coord: [outlet.longitude, outlet.latitude] as [number, number] }
              : {}),
            detail: outlet.city ?? undefined,
            kind: outlet.kind,
          }))}
          pointKinds={outletKinds.map((kind) => ({ key: kind, label: t(`outletKind.${kind}`) }))}
          height={420}
        />
      </Suspense>
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('network.outlet')}</Table.Th>
              <Table.Th scope="col">{t('network.kind')}</Table.Th>
              <Table.Th scope="col">{t('network.where')}</Table.Th>
              <Table.Th scope="col">{t('network.lines')}</Table.Th>
              <Table.Th scope="col">{t('network.opened')}</Table.Th>
              <Table.Th scope="col">{t('network.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((outlet) => {
              const territory = nameIn(territories.get(outlet.territoryCode), language) ?? outlet.territoryCode;
              const operator = nameIn(organizations.get(outlet.operatorOrganizationId ?? ''), language);
              return (
                <Table.Tr key={outlet.id}>
                  <Table.Td>
                    <RouterAnchor
                      c="teal.9"
                      to="/records/$kind/$id"
                      params={{ kind: 'outlets', id: outlet.id }}
                      size="sm"
                    >
                      <Typed text={outlet.name} />
                    </RouterAnchor>
                    {operator && (
                      <Text size="xs" c="gray.7">
                        {operator}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{t(`outletKind.${outlet.kind}`)}</Table.Td>
                  <Table.Td>
                    {outlet.city && (
                      <>
                        <Typed text={outlet.city} />
                        {territory && ', '}
                      </>
                    )}
                    {territory}
                  </Table.Td>
                  <Table.Td>
                    {outlet.lines.map((line) => {
                      const producer = nameIn(organizations.get(line.organizationId ?? ''), language);
                      return (
                        <Text size="sm" key={`${line.organizationId ?? ''}:${line.productGroup}`}>
                          {producer && `${producer} — `}
                          <Typed text={line.productGroup} />
                          {line.sinceOn ? ` (${t('network.since', { date: formatDate(line.sinceOn, language) })})` : ''}
                        </Text>
                      );
                    })}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {outlet.openedOn ? formatDate(outlet.openedOn, language) : '—'}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Badge variant="dot" color={statusColor[outlet.status]} style={{ overflow: 'visible' }}>
                      {t(`outletStatus.${outlet.status}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
