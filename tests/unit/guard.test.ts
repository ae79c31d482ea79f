import { describe, expect, it } from 'vitest';
import { autoBackupFolder, shouldAutoLock } from '../../electron/main/guard';

describe('the main process’s watch', () => {
  it('locks after the chosen idle minutes of the whole computer, never "never"', () => {
    expect(shouldAutoLock(599, { autoLockMinutes: 10 })).toBe(false);
    expect(shouldAutoLock(600, { autoLockMinutes: 10 })).toBe(true);
    expect(shouldAutoLock(600, { autoLockMinutes: 0 })).toBe(true); // an old 0 is the default, not never
    expect(shouldAutoLock(3600, { autoLockMinutes: 240 })).toBe(true); // at most an hour
  });

  it('backs up automatically only with a folder, when on, and when one is due', () => {
    const due = { lastBackupAt: null, lastBackupFile: null, stale: true, due: true };
    const fresh = { ...due, due: false, stale: false };
    expect(autoBackupFolder({ autoBackup: true, backupFolder: '/b' }, due)).toBe('/b');
    expect(autoBackupFolder({ autoBackup: true, backupFolder: '/b' }, fresh)).toBeNull();
    expect(autoBackupFolder({ autoBackup: false, backupFolder: '/b' }, due)).toBeNull();
    expect(autoBackupFolder({ autoBackup: true, backupFolder: null }, due)).toBeNull();
    expect(autoBackupFolder({ autoBackup: true, backupFolder: '/b' }, null)).toBeNull();
  });
});
