import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ClientInput, GoalInput } from '../../../../shared/domain';
import { api, unwrap } from '../../api/client';

export type ClientStatusFilter = 'active' | 'archived' | 'all';

/**
 * Query keys. ['clients', …] are lists (their counts change when assignments change);
 * ['client', id] is one client with their goals.
 */
export const clientKeys = {
  lists: ['clients'] as const,
  list: (search: string, status: ClientStatusFilter) => ['clients', 'list', { search, status }] as const,
  detail: (id: string) => ['client', id] as const,
};

export function useClientList(search: string, status: ClientStatusFilter) {
  const s = search.trim();
  return useQuery({
    queryKey: clientKeys.list(s, status),
    queryFn: () => unwrap(api().clients.list({ status, ...(s ? { search: s } : {}) })),
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: clientKeys.detail(id), queryFn: () => unwrap(api().clients.get({ id })) });
}

/** After any change to a client or their goals. */
export async function refreshClient(qc: QueryClient, id: string) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: clientKeys.lists }),
    qc.invalidateQueries({ queryKey: clientKeys.detail(id) }),
  ]);
}

export function useSaveClient(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (client: ClientInput) => unwrap(id ? api().clients.update({ id, client }) : api().clients.create(client)),
    onSuccess: (c) => refreshClient(qc, c.id),
  });
}

export function useSetClientArchived() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      unwrap(archived ? api().clients.archive({ id }) : api().clients.restore({ id })),
    onSuccess: (c) => refreshClient(qc, c.id),
  });
}

export function useSaveGoal(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, goal }: { id: string | null; goal: GoalInput }) =>
      unwrap(id ? api().goals.update({ id, goal }) : api().goals.create({ clientId, goal })),
    onSuccess: async () => {
      await refreshClient(qc, clientId);
      // Assignments show the title of the goal they serve.
      await qc.invalidateQueries({ queryKey: ['assignments', clientId] });
    },
  });
}
