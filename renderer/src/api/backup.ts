import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { queryKeys } from './keys';

/** The last good backup and whether it is old (Today's quiet line, Settings → Backups). */
export function useBackupStatus() {
  return useQuery({ queryKey: queryKeys.backup.status(), queryFn: () => unwrap(api().backup.status()) });
}
