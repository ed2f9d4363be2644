import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../../api/client.ts';
import { Typed } from '../../../components/Typed.tsx';
import { RouterAnchor } from '../../../components/links.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import type { Organization } from '../../../../../src/registry/organizations/model.ts';
import type { Relationship } from '../../../../../src/registry/relationships/model.ts';
import { nameIn, sectorTitle, useOrganizations, useSectors, useTerritories } from './lookups.ts';
import { useMeetings, useOutlets, useProjects, useStatements } from './queries.ts';

type Side = 'home' | 'partner' | 'third';

const countryOf = (code: string) => code.slice(0, 2);
const within = (code: string, territory: string) =>
  code === territory || (territory.length === 2 && countryOf(code) === territory);

/**
 * Which side an organization is on, by where it is: in the home or partner territory, or failing that in
 * the partner's or home's country (a state corporation seated in the capital works for a partner region).
 */
export function sideOf(territoryCode: string, relationship: Relationship): Side {
  const { homeCode, partnerCode } = relationship;
  if (within(territoryCode, partnerCode)) return 'partner';
  if (within(territoryCode, homeCode)) return 'home';
  const sameCountry = countryOf(homeCode) === countryOf(partnerCode);
  if (!sameCountry && countryOf(territoryCode) === countryOf(partnerCode)) return 'partner';
  if (!sameCountry && countryOf(territoryCode) === countryOf(homeCode)) return 'home';
  return 'third';
}

/**
 * The organizations of a relationship: every one its projects, meetings, statements and outlets name,
 * and every one registered in the partner territory.
 */
export function OrganizationsSection({ relationship }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation('cooperation');
  const language = i18n.language;
  const projects = useProjects(relationship.id);
  const meetings = useMeetings(relationship.id);
  const statements = useStatements(relationship.id);
  const outlets = useOutlets(relationship.id);
  const partnerIsCountry = relationship.partnerCode.length === 2;
  const located = useQuery({
    queryKey: ['organizations', { locatedIn: relationship.partnerCode }],
    queryFn: () =>
      api.get<Page<Organization>>('/api/organizations', {
        [partnerIsCountry ? 'country' : 'territory']: relationship.partnerCode,
        limit: 200,
      }),
  });
  const named = useOrganizations([
    ...(projects.data?.items ?? []).flatMap((p) => p.parties.map((party) => party.organizationId)),
    ...(meetings.data?.items ?? []).flatMap((m) => m.delegation.map((d) => d.organizationId)),
    ...(statements.data?.items ?? []).map((s) => s.ownerOrganizationId),
    ...(outlets.data?.items ?? []).flatMap((o) => [o.operatorOrganizationId, ...o.lines.map((l) => l.organizationId)]),
  ]);
  const sectors = useSectors();

  const all = new Map<string, Organization>(named);
  for (const organization of located.data?.items ?? []) all.set(organization.id, organization);
  const territories = useTerritories([...all.values()].map((o) => o.territoryCode));

  const loading = [projects, meetings, statements, outlets, located].some((q) => q.isPending);
  if (loading) return <Loading />;
  if (located.isError) return <ErrorState error={located.error} />;

  const sorted = [...all.values()].sort((a, b) =>
    (nameIn(a, language) ?? '').localeCompare(nameIn(b, language) ?? '', language),
  );
  const bySide = (side: Side) => sorted.filter((o) => sideOf(o.territoryCode, relationship) === side);
  const third = bySide('third');
  const columns: { side: Side; title: string; items: Organization[] }[] = [
    {
      side: 'home',
      title: t('organizations.homeSide', { name: nameIn(relationship.home, language) }),
      items: bySide('home'),
    },
    {
      side: 'partner',
      title: t('organizations.partnerSide', { name: nameIn(relationship.partner, language) }),
      items: bySide('partner'),
    },
    ...(third.length > 0 ? [{ side: 'third' as const, title: t('organizations.thirdSide'), items: third }] : []),
  ];

  return (
    <SimpleGrid cols={{ base: 1, md: columns.length }} spacing="md">
      {columns.map((column) => (
        <Stack key={column.side} gap="xs">
          <Title order={3} size="h5">
            {column.title}
          </Title>
          {column.items.length === 0 && (
            <Text size="sm" c="gray.7">
              {t('organizations.none')}
            </Text>
          )}
          {column.items.map((organization) => {
            const other = language === 'ru' ? organization.nameEn : organization.nameRu;
            const territory = territories.get(organization.territoryCode);
            return (
              <Paper key={organization.id} withBorder p="xs">
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <RouterAnchor
                    c="teal.9"
                    to="/records/$kind/$id"
                    params={{ kind: 'organizations', id: organization.id }}
                    fw={600}
                    size="sm"
                  >
                    {nameIn(organization, language)}
                  </RouterAnchor>
                  <Badge size="sm" variant="light" color="gray">
                    {t(`orgKind.${organization.kind}`)}
                  </Badge>
                </Group>
                <Text size="xs" c="gray.7">
                  {t('organizations.territory')}: {nameIn(territory, language) ?? organization.territoryCode}
                </Text>
                {(other || organization.aliases.length > 0) && (
                  <Text size="xs">
                    {t('organizations.alsoKnownAs')}:{' '}
                    {[...(other ? [{ alias: other, language: null }] : []), ...organization.aliases].map((a, index) => (
                      <span key={index}>
                        {index > 0 && '; '}
                        <Typed text={a.alias} lang={a.language} />
                      </span>
                    ))}
                  </Text>
                )}
                {organization.sectorCodes.length > 0 && (
                  <Text size="xs">
                    {t('organizations.sectors')}:{' '}
                    {organization.sectorCodes.map((code) => sectorTitle(sectors, code, language)).join('; ')}
                  </Text>
                )}
              </Paper>
            );
          })}
        </Stack>
      ))}
    </SimpleGrid>
  );
}
