import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../../api/client.ts';
import type { Meeting } from '../../../../../src/cooperation/meetings/model.ts';
import type { NetworkSummary, Outlet } from '../../../../../src/cooperation/outlets/model.ts';
import type { Project } from '../../../../../src/cooperation/projects/model.ts';
import type { Statement } from '../../../../../src/cooperation/statements/model.ts';

// One relationship's records fit in one page of the API; the sections share these queries by key.
const all = 200;

export function projectsKey(relationshipId: string) {
  return ['projects', { relationshipId }] as const;
}

export function useProjects(relationshipId: string) {
  return useQuery({
    queryKey: projectsKey(relationshipId),
    queryFn: () => api.get<Page<Project>>('/api/projects', { relationshipId, limit: all }),
  });
}

export function useMeetings(relationshipId: string) {
  return useQuery({
    queryKey: ['meetings', { relationshipId }],
    queryFn: () => api.get<Page<Meeting>>('/api/meetings', { relationshipId, limit: all }),
  });
}

export function useStatements(relationshipId: string) {
  return useQuery({
    queryKey: ['statements', { relationshipId }],
    queryFn: () => api.get<Page<Statement>>('/api/statements', { relationshipId, limit: all }),
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
