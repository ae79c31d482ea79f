import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { Assignment, AssignmentCreateInput, AssignmentUpdateInput } from '../../../../shared/domain';
import { api, unwrap } from '../../api/client';
import { clientKeys } from '../clients/api';

/** ['assignments', clientId]: one client's assignments; ['assignment', id]: one with its worksheet. */
export const assignmentKeys = {
  ofClient: (clientId: string) => ['assignments', clientId] as const,
  detail: (id: string) => ['assignment', id] as const,
  /** The worksheets offered when assigning (under ['library'], so library changes refresh them). */
  worksheets: (search: string) => ['library', 'assignable', { search }] as const,
  worksheet: (id: string) => ['library', 'assignable-detail', id] as const,
};

export function useAssignments(clientId: string) {
  return useQuery({ queryKey: assignmentKeys.ofClient(clientId), queryFn: () => unwrap(api().assignments.list({ clientId })) });
}

export function useAssignment(id: string) {
  return useQuery({ queryKey: assignmentKeys.detail(id), queryFn: () => unwrap(api().assignments.get({ id })) });
}

export function useWorksheetChoices(search: string) {
  const s = search.trim();
  return useQuery({
    queryKey: assignmentKeys.worksheets(s),
    queryFn: () => unwrap(api().library.list(s ? { search: s } : {})),
    placeholderData: keepPreviousData,
  });
}

export function useWorksheet(id: string | null) {
  return useQuery({
    queryKey: assignmentKeys.worksheet(id ?? ''),
    queryFn: () => unwrap(api().library.get({ id: id! })),
    enabled: !!id,
  });
}

/**
 * After an assignment changes: the client's assignments, the one assignment, the client lists
 * (active and overdue counts) and the library (how many assignments use each worksheet).
 */
async function refreshAfter(qc: QueryClient, a: Assignment) {
  await Promise.all([
    qc.invalidateQueries({ queryKey: assignmentKeys.ofClient(a.clientId) }),
    qc.invalidateQueries({ queryKey: assignmentKeys.detail(a.id) }),
    qc.invalidateQueries({ queryKey: clientKeys.lists }),
    qc.invalidateQueries({ queryKey: ['library'] }),
  ]);
}

export function useCreateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentCreateInput) => unwrap(api().assignments.create(input)),
    onSuccess: (a) => refreshAfter(qc, a),
  });
}

export function useUpdateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentUpdateInput) => unwrap(api().assignments.update(input)),
    onSuccess: (a) => refreshAfter(qc, a),
  });
}

export type AssignmentStatus = Assignment['status'];

export function useSetAssignmentStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AssignmentStatus }) => unwrap(api().assignments.setStatus({ id, status })),
    onSuccess: (a) => refreshAfter(qc, a),
  });
}
