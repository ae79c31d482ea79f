import type { BackupStatus } from '../../shared/contract';
import type { Settings } from '../../shared/settings';

/*
 * The main process's watch over the open vault, as small pure decisions (tested in
 * tests/unit/guard.test.ts); index.ts wires them to Electron's powerMonitor and timers.
 */

/** How often the system's idle time is looked at. */
export const IDLE_POLL_MS = 15_000;
/** How often an automatic backup is considered while Stepwise runs. */
export const BACKUP_POLL_MS = 30 * 60_000;

/** Lock when the computer has been idle (no keyboard or mouse anywhere) for the chosen minutes. */
export function shouldAutoLock(systemIdleSeconds: number, settings: Pick<Settings, 'autoLockMinutes'>): boolean {
  const minutes = Math.min(60, Math.max(1, settings.autoLockMinutes || 10));
  return systemIdleSeconds >= minutes * 60;
}

/** The power events after which the vault is locked at once. */
export const LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

/** The folder to back up to now, or null: automatic backups on, a folder chosen, and one due. */
export function autoBackupFolder(
  settings: Pick<Settings, 'autoBackup' | 'backupFolder'>,
  status: BackupStatus | null,
): string | null {
  if (!settings.autoBackup || !settings.backupFolder || !status) return null;
  return status.due ? settings.backupFolder : null;
}
