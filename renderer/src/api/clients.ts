import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClientInput, GoalInput } from '../../../shared/domain';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys, type ClientStatusFilter } from './keys';

export type { ClientStatusFilter } from './keys';

export function useClientList(search: string, status: ClientStatusFilter) {
  const s = search.trim();
  return useQuery({
    queryKey: queryKeys.clients.list(s, status),
    queryFn: () => unwrap(api().clients.list({ status, ...(s ? { search: s } : {}) })),
    placeholderData: keepPreviousData,
  });
}

export function useClient(id: string) {
  return useQuery({ queryKey: queryKeys.clients.detail(id), queryFn: () => unwrap(api().clients.get({ id })) });
}

export function useSaveClient(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (client: ClientInput) => unwrap(id ? api().clients.update({ id, client }) : api().clients.create(client)),
    onSuccess: () => afterChange.client(qc),
  });
}

export function useSetClientArchived() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      unwrap(archived ? api().clients.archive({ id }) : api().clients.restore({ id })),
    onSuccess: () => afterChange.client(qc),
  });
}

export function useSaveGoal(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, goal }: { id: string | null; goal: GoalInput }) =>
      unwrap(id ? api().goals.update({ id, goal }) : api().goals.create({ clientId, goal })),
    onSuccess: () => afterChange.goal(qc, clientId),
  });
}

// Erasure and retention (issue 11).

/**
 * Deletes an archived client for good. Afterwards every cached query that names them is dropped
 * (their page, assignments, sessions, practice) and every other one refetched, so no screen shows
 * them again — the lists, quick search and Today included.
 */
export function useDeleteClient() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => unwrap(api().clients.delete({ id })),
    onSuccess: async (_r, { id }) => {
      qc.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey).includes(id) });
      await qc.invalidateQueries();
    },
  });
}

/** Archived clients whose last contact is at least `years` ago; off when `years` is null. */
export function usePastRetention(years: number | null) {
  return useQuery({
    queryKey: queryKeys.clients.pastRetention(years ?? 0),
    queryFn: () => unwrap(api().clients.pastRetention({ years: years ?? 1 })),
    enabled: years !== null,
  });
}

export function useDeleteGoal(clientId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id }: { id: string }) => unwrap(api().goals.delete({ id })),
    onSuccess: () => afterChange.goal(qc, clientId),
  });
}
