import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorksheetDetail } from '../../../../shared/domain';
import type { Approach, Category, Phase, WorksheetDefinition } from '../../../../shared/worksheet';
import { api, unwrap } from '../../api/client';

export interface LibraryFilters {
  search?: string;
  category?: Category;
  approach?: Approach;
  phase?: Phase;
  includeArchived?: boolean;
}

/** ['library', filters]: the list; ['worksheet', id, versionId]: one worksheet (versionId null = current). */
export const libraryKey = (filters: LibraryFilters) => ['library', filters] as const;
export const worksheetKey = (id: string, versionId?: string | null) => ['worksheet', id, versionId ?? null] as const;

export function useLibrary(filters: LibraryFilters) {
  return useQuery({
    queryKey: libraryKey(filters),
    queryFn: () => unwrap(api().library.list(filters)),
    placeholderData: keepPreviousData,
    // Assignment counts change elsewhere (assigning homework): refetch whenever the screen opens.
    staleTime: 0,
  });
}

export function useWorksheet(id: string | undefined, versionId?: string | null) {
  return useQuery({
    queryKey: worksheetKey(id ?? '', versionId),
    queryFn: () => unwrap(api().library.get(versionId ? { id: id!, versionId } : { id: id! })),
    enabled: !!id,
    staleTime: 0,
  });
}

/** After any change: the lists and every cached view of that worksheet are refetched. */
function useInvalidate() {
  const qc = useQueryClient();
  return async (id?: string) => {
    await Promise.all([
      qc.invalidateQueries({ queryKey: ['library'] }),
      id ? qc.invalidateQueries({ queryKey: ['worksheet', id] }) : Promise.resolve(),
    ]);
  };
}

export function useDuplicateWorksheet() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => unwrap(api().library.duplicate({ id })),
    onSuccess: (d) => invalidate(d.worksheet.id),
  });
}

export function useArchiveWorksheet() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) =>
      unwrap(archived ? api().library.archive({ id }) : api().library.restore({ id })),
    onSuccess: (w) => invalidate(w.id),
  });
}

export type SaveInput =
  | { kind: 'create'; definition: WorksheetDefinition }
  | { kind: 'update'; id: string; baseVersion: number; definition: WorksheetDefinition };

export function useSaveWorksheet() {
  const invalidate = useInvalidate();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveInput): Promise<WorksheetDetail> =>
      unwrap(
        input.kind === 'create'
          ? api().library.create({ definition: input.definition })
          : api().library.update({ id: input.id, baseVersion: input.baseVersion, definition: input.definition }),
      ),
    onSuccess: async (d) => {
      qc.setQueryData(worksheetKey(d.worksheet.id), d);
      await invalidate(d.worksheet.id);
    },
  });
}
