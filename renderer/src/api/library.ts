import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CoreContract, InputOf, WorksheetDraft } from '../../../shared/contract';
import type { WorksheetDetail } from '../../../shared/domain';
import type { WorksheetDefinition } from '../../../shared/worksheet';
import { afterChange } from './changes';
import { api, unwrap } from './client';
import { queryKeys, type LibraryFilters } from './keys';

export type { LibraryFilters } from './keys';

export function useLibrary(filters: LibraryFilters) {
  return useQuery({
    queryKey: queryKeys.library.list(filters),
    queryFn: () => unwrap(api().library.list(filters)),
    placeholderData: keepPreviousData,
    // Assignment counts change elsewhere (assigning homework): refetch whenever the screen opens.
    staleTime: 0,
  });
}

/** One worksheet at a version (null or left out: the current one); nothing while id is empty. */
export function useWorksheet(id: string | null | undefined, versionId?: string | null) {
  return useQuery({
    queryKey: queryKeys.library.detail(id ?? '', versionId),
    queryFn: () => unwrap(api().library.get(versionId ? { id: id!, versionId } : { id: id! })),
    enabled: !!id,
    staleTime: 0,
  });
}

export function useDuplicateWorksheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().library.duplicate({ id })),
    onSuccess: () => afterChange.worksheet(qc),
  });
}

export function useArchiveWorksheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      unwrap(archived ? api().library.archive({ id }) : api().library.restore({ id })),
    onSuccess: () => afterChange.worksheet(qc),
  });
}

export type SaveInput =
  | { kind: 'create'; definition: WorksheetDefinition }
  | { kind: 'update'; id: string; baseVersion: number; definition: WorksheetDefinition };

export function useSaveWorksheet() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput): Promise<WorksheetDetail> =>
      unwrap(
        input.kind === 'create'
          ? api().library.create({ definition: input.definition })
          : api().library.update({ id: input.id, baseVersion: input.baseVersion, definition: input.definition }),
      ),
    onSuccess: async (d) => {
      qc.setQueryData(queryKeys.library.detail(d.worksheet.id), d);
      await afterChange.worksheet(qc);
    },
  });
}

// ---- drafts (issue 11)
/** Worksheets saved as drafts (new ones, and changes kept aside for a worksheet in the library). */
export function useWorksheetDrafts() {
  return useQuery({
    queryKey: [...queryKeys.library.all, 'drafts'] as const,
    queryFn: () => unwrap(api().library.drafts()),
    staleTime: 0,
  });
}

export function useWorksheetDraft(id: string | undefined) {
  return useQuery({
    queryKey: [...queryKeys.library.all, 'draft', id ?? ''] as const,
    queryFn: () => unwrap(api().library.getDraft({ id: id! })),
    enabled: !!id,
    staleTime: 0,
    gcTime: 0,
  });
}

export type SaveDraftInput = InputOf<CoreContract['library']['saveDraft']>;

export function useSaveWorksheetDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveDraftInput): Promise<WorksheetDraft> => unwrap(api().library.saveDraft(input)),
    onSuccess: () => afterChange.worksheet(qc),
  });
}

export function usePublishWorksheetDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; definition: WorksheetDefinition }): Promise<WorksheetDetail> =>
      unwrap(api().library.publishDraft(input)),
    onSuccess: async (d) => {
      qc.setQueryData(queryKeys.library.detail(d.worksheet.id), d);
      await afterChange.worksheet(qc);
    },
  });
}

export function useDiscardWorksheetDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().library.discardDraft({ id })),
    onSuccess: () => afterChange.worksheet(qc),
  });
}
// ---- end drafts
