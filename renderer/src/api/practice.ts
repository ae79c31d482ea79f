import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { PracticeCreateInput, PracticeFields } from '../../../shared/domain';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/**
 * A client's practice records, newest first, a page at a time: each next page is read on from the
 * last record of the one before (keyset), so it costs the same however far back it is. Every page
 * sits under `ofClient`, so a change to any record reads the pages again.
 */
export function usePracticePages(clientId: string, pageSize: number) {
  return useInfiniteQuery({
    queryKey: queryKeys.practice.pages(clientId, pageSize),
    queryFn: ({ pageParam }) =>
      unwrap(api().practice.list({ clientId, limit: pageSize, ...(pageParam ? { before: pageParam } : {}) })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.length < pageSize ? undefined : last.at(-1)!.id),
  });
}

export function useCreatePractice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PracticeCreateInput) => unwrap(api().practice.create(input)),
    onSuccess: () => afterChange.practice(qc),
  });
}

/** A week of a daily log at once: all saved, or none. */
export function useCreateManyPractice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { assignmentId: string; records: PracticeFields[] }) => unwrap(api().practice.createMany(input)),
    onSuccess: () => afterChange.practice(qc),
  });
}

export function useUpdatePractice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; record: PracticeFields }) => unwrap(api().practice.update(input)),
    onSuccess: () => afterChange.practice(qc),
  });
}

export function useDeletePractice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().practice.delete({ id })),
    onSuccess: () => afterChange.practice(qc),
  });
}

export function useUndoDeletePractice() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().practice.undoDelete({ id })),
    onSuccess: () => afterChange.practice(qc),
  });
}

/** Reads a filled PDF and shows what would be saved (saves nothing). */
export function usePreviewPdf() {
  return useMutation({
    mutationFn: (input: { bytes: Uint8Array<ArrayBuffer>; clientId: string }) => unwrap(api().imports.previewPdf(input)),
  });
}

export function useSavePdf() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { bytes: Uint8Array<ArrayBuffer>; clientId: string }) => unwrap(api().imports.savePdf(input)),
    onSuccess: () => afterChange.practice(qc),
  });
}

/** The system's open dialog for a filled PDF (the main process reads the file). */
export function useOpenPdf() {
  return useMutation({ mutationFn: () => unwrap(api().output.openPdf()) });
}
