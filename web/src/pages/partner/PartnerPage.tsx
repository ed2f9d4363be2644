import { Tabs, Title, Stack, Text } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, Loading, NotFound } from '../../components/states.tsx';
import { usePartnerRelationship } from './usePartner.ts';
import type { Relationship } from '../../../../src/registry/relationships/model.ts';

// Each tab is its own chunk: opening the cooperation tab does not load the chart library.
const TradeTab = lazy(() => import('./trade/TradeTab.tsx'));
const CooperationTab = lazy(() => import('./cooperation/CooperationTab.tsx'));
const TimelineTab = lazy(() => import('./timeline/TimelineTab.tsx'));

export interface PartnerTabProps {
  relationship: Relationship;
}

const tabs = ['trade', 'cooperation', 'timeline'] as const;

export default function PartnerPage() {
  const { code } = useParams({ from: '/partners/$code' });
  const search = useSearch({ from: '/partners/$code' });
  const navigate = useNavigate({ from: '/partners/$code' });
  const { t, i18n } = useTranslation('partner');
  const relationship = usePartnerRelationship(code);
  const tab = tabs.find((name) => name === search.tab) ?? 'trade';

  if (relationship.isPending) return <Loading />;
  if (relationship.isError) return <ErrorState error={relationship.error} />;
  if (!relationship.data) return <NotFound />;
  const r = relationship.data;
  const partnerName = i18n.language === 'ru' ? r.partner.nameRu : r.partner.nameEn;
  const homeName = i18n.language === 'ru' ? r.home.nameRu : r.home.nameEn;

  return (
    <Stack>
      <div>
        <Title order={1}>{partnerName}</Title>
        <Text c="dimmed">{t('header.relationship', { home: homeName, partner: partnerName })}</Text>
      </div>
      <Tabs
        value={tab}
        onChange={(value) => void navigate({ search: (previous) => ({ ...previous, tab: value ?? undefined }) })}
        keepMounted={false}
      >
        <Tabs.List>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name}>
              {t(`tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Suspense fallback={<Loading />}>
          <Tabs.Panel value="trade" pt="md">
            <TradeTab relationship={r} />
          </Tabs.Panel>
          <Tabs.Panel value="cooperation" pt="md">
            <CooperationTab relationship={r} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" pt="md">
            <TimelineTab relationship={r} />
          </Tabs.Panel>
        </Suspense>
      </Tabs>
    </Stack>
  );
}
