import { Badge, Button, Group, List, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../api/client.ts';
import { AsOfPicker } from '../../components/AsOfPicker.tsx';
import { Typed } from '../../components/Typed.tsx';
import { RouterAnchor } from '../../components/links.tsx';
import { ErrorState, Loading, NotFound } from '../../components/states.tsx';
import { formatDate } from '../../i18n/format.ts';
import { BriefingDrawer } from './briefing/BriefingDrawer.tsx';
import { SavedBriefings } from './briefing/SavedBriefings.tsx';
import { usePartnerAsOf } from './cooperation/queries.ts';
import { datasetsQuery, prefetchTradeTab } from './trade/queries.ts';
import { usePartnerRelationship } from './usePartner.ts';
import type { Agreement, Relationship } from '../../../../src/registry/relationships/model.ts';

// Each tab is its own chunk: opening the cooperation tab does not load the chart library.
const loadTradeTab = () => import('./trade/TradeTab.tsx');
const TradeTab = lazy(loadTradeTab);
const CooperationTab = lazy(() => import('./cooperation/CooperationTab.tsx'));
const TimelineTab = lazy(() => import('./timeline/TimelineTab.tsx'));

export interface PartnerTabProps {
  relationship: Relationship;
}

const tabs = ['trade', 'cooperation', 'timeline'] as const;
const partnerRecords = ['meetings', 'statements', 'projects', 'organizations', 'outlets'] as const;

export default function PartnerPage() {
  const { code } = useParams({ from: '/partners/$code' });
  const search = useSearch({ from: '/partners/$code' });
  const navigate = useNavigate({ from: '/partners/$code' });
  const { t, i18n } = useTranslation('partner');
  const relationship = usePartnerRelationship(code);
  const tab = tabs.find((name) => name === search.tab) ?? 'trade';
  const queryClient = useQueryClient();
  const [briefing, setBriefing] = useState(false);
  // The trade tab's code downloads while the relationship is being read, and its figures are asked for as
  // soon as the pair is known, while the header renders: not one after the other.
  if (tab === 'trade') void loadTradeTab();
  useEffect(() => {
    // Which months the data hold does not depend on the pair: asked for beside the relationship.
    if (tab === 'trade' && !search.period) void queryClient.prefetchQuery(datasetsQuery);
  }, [tab, search.period, queryClient]);
  const pair = relationship.data ? { home: relationship.data.homeCode, partner: relationship.data.partnerCode } : null;
  useEffect(() => {
    if (tab === 'trade' && pair) void prefetchTradeTab(queryClient, pair, search);
  }, [tab, pair?.home, pair?.partner, search.period, search.level]);

  if (relationship.isPending) return <Loading />;
  if (relationship.isError) return <ErrorState error={relationship.error} />;
  if (!relationship.data) return <NotFound />;
  const r = relationship.data;
  const partnerName = i18n.language === 'ru' ? r.partner.nameRu : r.partner.nameEn;
  const homeName = i18n.language === 'ru' ? r.home.nameRu : r.home.nameEn;

  return (
    <Stack>
      <header>
        <Stack gap="xs">
          <div>
            <Title order={1}>{partnerName}</Title>
            <Text c="gray.7">{t('header.relationship', { home: homeName, partner: partnerName })}</Text>
          </div>
          <Group align="flex-end" justify="space-between" wrap="wrap">
            <AsOfPicker
              asOf={search.asOf}
              onChange={(asOf) => void navigate({ search: (previous) => ({ ...previous, asOf }) })}
            />
            <Button color="teal.9" onClick={() => setBriefing(true)} data-testid="briefing-open">
              {t('action', { ns: 'briefing' })}
            </Button>
          </Group>
          <Agreements relationship={r} />
          <SavedBriefings relationshipId={r.id} />
          <nav aria-label={t('header.recordsNav')}>
            <Group gap="md" wrap="wrap">
              <Text size="sm" fw={500}>
                {t('header.records')}
              </Text>
              {partnerRecords.map((kind) => (
                <RouterAnchor
                  key={kind}
                  size="sm"
                  c="teal.9"
                  to="/records/$kind"
                  params={{ kind }}
                  search={{ partner: code }}
                >
                  {t(`nav.${kind}`, { ns: 'common' })}
                </RouterAnchor>
              ))}
            </Group>
          </nav>
        </Stack>
      </header>
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
      {briefing && (
        <BriefingDrawer
          opened
          onClose={() => setBriefing(false)}
          relationshipId={r.id}
          // As of the day the page shows, today unless the user asked for another.
          defaultAsOf={search.asOf ?? new Date().toISOString().slice(0, 10)}
        />
      )}
    </Stack>
  );
}

/** The agreements the relationship rests on, those in force on the page's day marked. */
function Agreements({ relationship }: PartnerTabProps) {
  const { t, i18n } = useTranslation('partner');
  const language = i18n.language;
  const asOf = usePartnerAsOf();
  const agreements = useQuery({
    queryKey: ['agreements', { relationshipId: relationship.id, asOf }],
    queryFn: () => api.get<Page<Agreement>>('/api/agreements', { relationshipId: relationship.id, asOf, limit: 100 }),
  });

  return (
    <section aria-labelledby="partner-agreements-title">
      <Title order={2} size="h5" id="partner-agreements-title">
        {t('agreements.title')}
      </Title>
      {agreements.isPending && <Loading />}
      {agreements.isError && <ErrorState error={agreements.error} />}
      {agreements.data && agreements.data.items.length === 0 && <Text size="sm">{t('agreements.none')}</Text>}
      {agreements.data && agreements.data.items.length > 0 && (
        <List spacing={4} size="sm" data-testid="partner-agreements">
          {agreements.data.items.map((agreement) => (
            <List.Item key={agreement.id}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600} component="span">
                  <Typed text={agreement.title} />
                </Text>
                <Badge variant="outline" color="gray.8" size="sm">
                  {t(`agreements.kind.${agreement.kind}`)}
                </Badge>
                <Badge
                  variant={agreement.inForce ? 'filled' : 'outline'}
                  color={agreement.inForce ? 'teal.9' : 'gray.8'}
                  size="sm"
                >
                  {agreement.inForce ? t('agreements.inForce') : t('agreements.notInForce')}
                </Badge>
              </Group>
              <Text size="sm" c="gray.7">
                {agreementDates(agreement, language, t)}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </section>
  );
}

/** "Signed 5 December 2017 · in force from … · until …", leaving out what the record does not state. */
function agreementDates(agreement: Agreement, language: string, t: TFunction<'partner'>): string {
  const parts = [
    agreement.signedOn && t('agreements.signed', { date: formatDate(agreement.signedOn, language) }),
    agreement.inForceFrom && t('agreements.from', { date: formatDate(agreement.inForceFrom, language) }),
    agreement.inForceTo && t('agreements.to', { date: formatDate(agreement.inForceTo, language) }),
  ].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' · ') : t('agreements.noDates');
}
