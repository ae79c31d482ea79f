import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanInput, TimelineKind } from '../../../shared/contract';
import type { ReviewSaveInput, SessionCreateInput, SessionUpdateInput } from '../../../shared/domain';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** A client's sessions, newest first. */
export function useSessions(clientId: string) {
  return useQuery({
    queryKey: queryKeys.sessions.ofClient(clientId),
    queryFn: () => unwrap(api().sessions.list({ clientId })),
  });
}

export function useSession(id: string) {
  return useQuery({ queryKey: queryKeys.sessions.detail(id), queryFn: () => unwrap(api().sessions.get({ id })) });
}

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionCreateInput) => unwrap(api().sessions.create(input)),
    onSuccess: () => afterChange.session(qc),
  });
}

/**
 * The autosave of session mode: a patch of fields and the stage. It refreshes only the session
 * itself (in the cache, from the answer), so typing never refetches the page.
 */
export function useUpdateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SessionUpdateInput) => unwrap(api().sessions.update(input)),
    onSuccess: (s) => {
      qc.setQueryData(queryKeys.sessions.detail(s.id), (old: object | undefined) => (old ? { ...old, ...s } : old));
    },
  });
}

export function useFinishSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().sessions.finish({ id })),
    onSuccess: () => afterChange.session(qc),
  });
}

export function useReopenSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().sessions.reopen({ id })),
    onSuccess: () => afterChange.session(qc),
  });
}

export function useRemoveSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().sessions.remove({ id })),
    onSuccess: () => afterChange.session(qc),
  });
}

/** What session mode reviews, with what the practice records suggest. */
export function useReviewItems(sessionId: string) {
  return useQuery({
    queryKey: queryKeys.sessions.reviewItems(sessionId),
    queryFn: () => unwrap(api().reviews.items({ sessionId })),
  });
}

export function useSaveReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewSaveInput) => unwrap(api().reviews.save(input)),
    onSuccess: () => afterChange.review(qc),
  });
}

export function usePlanReview() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => unwrap(api().reviews.plan(input)),
    onSuccess: () => afterChange.plan(qc),
  });
}

/** The newest `limit` items of a client's timeline (the tab asks for older ones as needed). */
export function useTimeline(clientId: string, kinds: readonly TimelineKind[], limit = 300) {
  return useQuery({
    queryKey: queryKeys.sessions.timelinePage(clientId, kinds, limit),
    queryFn: () => unwrap(api().timeline.list({ clientId, kinds: [...kinds], limit })),
    placeholderData: keepPreviousData,
  });
}
