import { useQueries, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { pickLanguage } from '../../../i18n/bilingual.ts';
import type { Organization } from '../../../../../src/registry/organizations/model.ts';
import type { Person } from '../../../../../src/registry/people/model.ts';
import type { Sector } from '../../../../../src/registry/sectors/model.ts';
import type { Territory } from '../../../../../src/registry/territories/model.ts';

/** A record's name in the reader's language, falling back to the other one (registries often know only one). */
export function nameIn(record: { nameEn: string | null; nameRu: string | null } | undefined, language: string) {
  if (!record) return undefined;
  return pickLanguage(record.nameEn, record.nameRu, language)?.text;
}

type ByIdPath = '/api/organizations' | '/api/people' | '/api/territories';

/**
 * Records other records point to, read one by one and cached by id: a relationship names a handful of
 * organizations and people, and each is then shared by every section that shows it.
 */
function useByIds<T>(path: ByIdPath, ids: Iterable<string | null | undefined>): Map<string, T> {
  const unique = [...new Set([...ids].filter((id): id is string => Boolean(id)))].sort();
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: [path, id],
      queryFn: () => api.get<T>(`${path}/${encodeURIComponent(id)}`),
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const byId = new Map<string, T>();
      results.forEach((result, index) => {
        if (result.data) byId.set(unique[index]!, result.data);
      });
      return byId;
    },
  });
}

export const useOrganizations = (ids: Iterable<string | null | undefined>) =>
  useByIds<Organization>('/api/organizations', ids);
export const usePeople = (ids: Iterable<string | null | undefined>) => useByIds<Person>('/api/people', ids);
export const useTerritories = (codes: Iterable<string | null | undefined>) =>
  useByIds<Territory>('/api/territories', codes);

/** ISIC sections and divisions by code; they change only with a new classification. */
export function useSectors(): Map<string, Sector> {
  const query = useQuery({
    queryKey: ['/api/sectors'],
    queryFn: () => api.get<Sector[]>('/api/sectors'),
    staleTime: Infinity,
  });
  return new Map((query.data ?? []).map((sector) => [sector.code, sector]));
}

export function sectorTitle(sectors: Map<string, Sector>, code: string | null, language: string): string | null {
  if (!code) return null;
  const sector = sectors.get(code);
  if (!sector) return code;
  return language === 'ru' ? sector.titleRu : sector.titleEn;
}
