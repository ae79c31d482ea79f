import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Settings } from '../../../shared/settings';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** The clinician's preferences (kept by the main process, outside the vault). */
export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings.all, queryFn: () => unwrap(api().settings.get()) });
}

export function useUpdateSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: Partial<Settings>) => unwrap(api().settings.update(patch)),
    onSuccess: (s) => qc.setQueryData(queryKeys.settings.all, s),
  });
}
