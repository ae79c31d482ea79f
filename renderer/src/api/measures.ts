import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeasureRecordInput } from '../../../shared/contract';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** A client's questionnaire results, oldest first; with `sessionId`, only that session's. */
export function useMeasureResults(clientId: string, sessionId?: string) {
  return useQuery({
    queryKey: queryKeys.measures.ofClient(clientId, sessionId),
    queryFn: () => unwrap(api().measures.list(sessionId ? { clientId, sessionId } : { clientId })),
  });
}

export function useRecordMeasure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: MeasureRecordInput) => unwrap(api().measures.record(input)),
    onSuccess: () => afterChange.measures(qc),
  });
}

export function useDeleteMeasure() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().measures.delete({ id })),
    onSuccess: () => afterChange.measures(qc),
  });
}

/** PHQ-9 item 9 answers above 0 not yet acknowledged: one client's, or (null) the whole caseload's. */
export function useItem9Open(clientId: string | null) {
  return useQuery({
    queryKey: queryKeys.measures.item9Open(clientId),
    queryFn: () => unwrap(api().measures.item9Open(clientId ? { clientId } : {})),
  });
}

export function useAcknowledgeItem9() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; note: string }) => unwrap(api().measures.acknowledgeItem9(input)),
    onSuccess: () => afterChange.measures(qc),
  });
}

/** Who needs attention, and why (Today, the client list). */
export function useCaseload() {
  return useQuery({ queryKey: queryKeys.measures.caseload(), queryFn: () => unwrap(api().measures.caseload()) });
}

export function useProblems(clientId: string) {
  return useQuery({
    queryKey: queryKeys.measures.problems(clientId),
    queryFn: () => unwrap(api().measures.problems({ clientId })),
  });
}

export function useSetProblems() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { clientId: string; problems: { id?: string; text: string }[] }) =>
      unwrap(api().measures.setProblems(input)),
    onSuccess: () => afterChange.measures(qc),
  });
}

// ---- questionnaires on paper (client mode helper) ----

/** Reads a filled questionnaire PDF; saves nothing. */
export function usePreviewMeasurePdf() {
  return useMutation({
    mutationFn: (input: { bytes: Uint8Array<ArrayBuffer>; clientId: string }) => unwrap(api().measures.previewPdf(input)),
  });
}

/** Records a filled questionnaire PDF's answers (source "Imported PDF"). */
export function useImportMeasurePdf() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      bytes: Uint8Array<ArrayBuffer>;
      clientId: string;
      administeredOn: string;
      sessionId?: string | null;
    }) => unwrap(api().measures.importPdf(input)),
    onSuccess: () => afterChange.measures(qc),
  });
}

/** The Jacobson–Truax SD and r per measure, with their defaults. */
export function useRciSettings() {
  return useQuery({ queryKey: queryKeys.measures.rci(), queryFn: () => unwrap(api().measures.rciSettings()) });
}

export function useSetRci() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { measure: 'phq9' | 'gad7' | 'pcl5'; sd?: number; r?: number; reset?: boolean }) =>
      unwrap(api().measures.setRci(input)),
    onSuccess: () => afterChange.measures(qc),
  });
}
