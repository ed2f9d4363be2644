import { useQuery } from '@tanstack/react-query';
import { useSearch } from '@tanstack/react-router';
import { api, type Page } from '../../../api/client.ts';
import type { Meeting } from '../../../../../src/cooperation/meetings/model.ts';
import type { NetworkSummary, Outlet } from '../../../../../src/cooperation/outlets/model.ts';
import type { Project } from '../../../../../src/cooperation/projects/model.ts';
import type { Statement } from '../../../../../src/cooperation/statements/model.ts';

// One relationship's records fit in one page of the API; the sections share these queries by key.
const all = 200;

/**
 * The day the partner page shows its records as known on (`?asOf=`), undefined for today. The API applies
 * it, so meetings, statements and projects here count as the overview does for the same day.
 */
export function usePartnerAsOf(): string | undefined {
  return useSearch({ from: '/partners/$code', select: (search) => search.asOf });
}

export function projectsKey(relationshipId: string, asOf: string | undefined) {
  return ['projects', { relationshipId, asOf }] as const;
}

export function useProjects(relationshipId: string) {
  const asOf = usePartnerAsOf();
  return useQuery({
    queryKey: projectsKey(relationshipId, asOf),
    queryFn: () => api.get<Page<Project>>('/api/projects', { relationshipId, asOf, limit: all }),
  });
}

export function useMeetings(relationshipId: string) {
  const asOf = usePartnerAsOf();
  return useQuery({
    queryKey: ['meetings', { relationshipId, asOf }],
    queryFn: () => api.get<Page<Meeting>>('/api/meetings', { relationshipId, asOf, limit: all }),
  });
}

export function useStatements(relationshipId: string) {
  const asOf = usePartnerAsOf();
  return useQuery({
    queryKey: ['statements', { relationshipId, asOf }],
    queryFn: () => api.get<Page<Statement>>('/api/statements', { relationshipId, asOf, limit: all }),
  });
}

export function useOutlets(relationshipId: string) {
  return useQuery({
    queryKey: ['outlets', { relationshipId }],
    queryFn: () => api.get<Page<Outlet>>('/api/outlets', { relationshipId, limit: all }),
  });
}

export function useNetwork(relationshipId: string) {
  return useQuery({
    queryKey: ['network', relationshipId],
    queryFn: () => api.get<NetworkSummary>(`/api/relationships/${encodeURIComponent(relationshipId)}/network`),
  });
}
