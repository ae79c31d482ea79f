import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Assignment, AssignmentCreateInput, AssignmentUpdateInput } from '../../../shared/domain';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

export type AssignmentStatus = Assignment['status'];

export function useAssignments(clientId: string) {
  return useQuery({
    queryKey: queryKeys.assignments.ofClient(clientId),
    queryFn: () => unwrap(api().assignments.list({ clientId })),
  });
}

export function useAssignment(id: string) {
  return useQuery({ queryKey: queryKeys.assignments.detail(id), queryFn: () => unwrap(api().assignments.get({ id })) });
}

export function useCreateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentCreateInput) => unwrap(api().assignments.create(input)),
    onSuccess: () => afterChange.assignment(qc),
  });
}

export function useUpdateAssignment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentUpdateInput) => unwrap(api().assignments.update(input)),
    onSuccess: () => afterChange.assignment(qc),
  });
}

export function useSetAssignmentStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: AssignmentStatus }) => unwrap(api().assignments.setStatus({ id, status })),
    onSuccess: () => afterChange.assignment(qc),
  });
}

/** Moves active homework to the newest version of its worksheet (the one compared). */
export function useMoveToLatest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; toVersionId: string }) => unwrap(api().assignments.moveToLatest(input)),
    onSuccess: () => afterChange.assignment(qc),
  });
}
