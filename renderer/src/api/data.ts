import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExportRequest } from '../../../shared/contract';
import { afterChange } from './changes';
import { api, unwrap } from './client';

/** Exports one client or the whole vault (the main process asks where to save, and records it). */
export function useExportData() {
  return useMutation({ mutationFn: (req: Omit<ExportRequest, 'appVersion'>) => unwrap(api().output.exportData(req)) });
}

/** Reads a CSV of clients and shows what would be imported; saves nothing. */
export function usePreviewClientImport() {
  return useMutation({ mutationFn: (csv: string) => unwrap(api().clientImport.preview({ csv })) });
}

/** Imports the confirmed rows, all or none. */
export function useSaveClientImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ csv, lines }: { csv: string; lines: number[] }) => unwrap(api().clientImport.save({ csv, lines })),
    onSuccess: () => afterChange.client(qc),
  });
}
