import { useQuery } from '@tanstack/react-query';
import { api, type Page } from '../../api/client.ts';
import type { Relationship } from '../../../../src/registry/relationships/model.ts';

/** The relationship whose partner is `code` (the home side is whichever the registry has). */
export function usePartnerRelationship(code: string) {
  return useQuery({
    queryKey: ['relationships', { partner: code }],
    queryFn: async () => {
      const page = await api.get<Page<Relationship>>('/api/relationships', { partner: code, limit: 10 });
      return page.items[0] ?? null;
    },
  });
}
