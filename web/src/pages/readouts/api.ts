import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../api/client.ts';
import type {
  ItemPatch,
  ItemStatus,
  Readout,
  ReadoutItem,
  ReadoutItemKind,
  ReadoutSummary,
  ReadoutTextInput,
} from '../../../../src/readouts/model.ts';

export type { ItemStatus, Readout, ReadoutItem, ReadoutItemKind };

/** What the reader gives besides the text or the file. */
export type ReadoutDetails = Omit<ReadoutTextInput, 'text'>;

export const readoutKeys = {
  all: ['readouts'] as const,
  one: (id: string) => ['readouts', 'one', id] as const,
  list: (query: Record<string, unknown>) => ['readouts', 'list', query] as const,
};

export function useReadout(id: string) {
  return useQuery({ queryKey: readoutKeys.one(id), queryFn: () => api.get<Readout>(`/api/readouts/${id}`) });
}

export function useReadouts(query: { relationshipId?: string; limit: number; offset: number }) {
  return useQuery({
    queryKey: readoutKeys.list(query),
    queryFn: () => api.get<{ items: ReadoutSummary[]; total: number }>('/api/readouts', query),
  });
}

/** A pasted text goes as JSON; a file goes as it is, the details in the query beside its name. */
export function readReadout(source: { text: string } | { file: File }, details: ReadoutDetails): Promise<Readout> {
  if ('text' in source) return api.post<Readout>('/api/readouts', { text: source.text, ...details });
  return api.post<Readout>('/api/readouts', source.file, { ...details, fileName: source.file.name });
}

/** Every change to a draft answers with the whole readout, which replaces the cached one. */
function useReadoutChange<V>(id: string, send: (variables: V) => Promise<Readout>, reloadOnConflict: boolean) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (readout) => {
      queryClient.setQueryData(readoutKeys.one(id), readout);
      void queryClient.invalidateQueries({ queryKey: readoutKeys.all, refetchType: 'none' });
    },
    onError: (error) => {
      if (reloadOnConflict && error instanceof ApiError && error.status === 409)
        void queryClient.invalidateQueries({ queryKey: readoutKeys.one(id) });
    },
  });
}

export function usePatchItem(id: string) {
  // A change refused as stale reads the readout again at once: the reviewer redoes it on what is there now.
  return useReadoutChange(
    id,
    ({ itemId, patch }: { itemId: string; patch: ItemPatch }) =>
      api.patch<Readout>(`/api/readouts/${id}/items/${itemId}`, patch),
    true,
  );
}

export function useAcceptReadout(id: string) {
  const queryClient = useQueryClient();
  // A refusal names what changed; the reviewer reads it before choosing to reload, so none is automatic.
  return useReadoutChange(
    id,
    async (input: { proposed: 'skip' | 'accept'; version: number }) => {
      const readout = await api.post<Readout>(`/api/readouts/${id}/accept`, input);
      // Meetings, people, statements, projects and figures may all be new: whatever was read is now stale.
      void queryClient.invalidateQueries({ refetchType: 'none' });
      return readout;
    },
    false,
  );
}

/** A matched record that changed after the draft was made, as a refused acceptance lists it. */
export interface ChangedRecord {
  itemId: string;
  recordType: string;
  recordId: string;
  label: string;
}

/** The records a 409 names as changed since the draft; empty for any other refusal. */
export function changedRecords(error: unknown): ChangedRecord[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  // The server's error mapper spreads an error's details into the problem document.
  const changed = error.body.changed;
  return Array.isArray(changed) ? (changed as ChangedRecord[]) : [];
}
