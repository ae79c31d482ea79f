import type { BackupStatus } from '../../../shared/contract';

/** "Last backup: 28 Nov 2026, 10:00" or what is missing, in the clinician's words. */
export function lastBackupLine(status: BackupStatus | undefined, locale?: string): string {
  if (!status) return '';
  if (!status.lastBackupAt) return 'No backup yet. Choose a backup folder in Settings and back up now.';
  const when = new Date(status.lastBackupAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return status.stale ? `The last backup is more than a week old (${when}). Back up now.` : `Last backup: ${when}.`;
}
