import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PracticeCreateInput, PracticeFields } from '../../../shared/domain';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** A client's practice records, newest first. */
/** The newest `limit` practice records of a client (the Practice tab asks for more as needed). */
export function usePracticeOfClient(clientId: string, limit = 5000) {
  return useQuery({
    queryKey: queryKeys.practice.ofClientPage(clientId, limit),
    queryFn: () => unwrap(api().practice.list({ clientId, limit })),
    placeholderData: keepPreviousData,
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
