import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, readSettings, retentionYears, settingsPatchSchema } from '../../shared/settings';

describe('settings', () => {
  it('a patch holds only the keys given: changing the paper size resets nothing else', () => {
    expect(settingsPatchSchema.parse({ paperSize: 'letter' })).toEqual({ paperSize: 'letter' });
    const stored = { ...DEFAULT_SETTINGS, largePrintDefault: true, autoLockMinutes: 25, backupFolder: '/media/usb' };
    const next = { ...readSettings(stored), ...settingsPatchSchema.parse({ paperSize: 'letter' }) };
    expect(next).toEqual({ ...stored, paperSize: 'letter' });
  });

  it('auto-lock is 1–60 minutes: no "never"; a stored 0 becomes the default, 240 becomes 60', () => {
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 0 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 61 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ autoLockMinutes: 60 }).success).toBe(true);
    expect(readSettings({ autoLockMinutes: 0, paperSize: 'letter' })).toMatchObject({ autoLockMinutes: 10, paperSize: 'letter' });
    expect(readSettings({ autoLockMinutes: 240 }).autoLockMinutes).toBe(60);
  });

  it('one bad stored value takes its default and keeps the others', () => {
    expect(readSettings({ paperSize: 'tabloid', nameOnWorksheets: 'initials' })).toEqual({
      ...DEFAULT_SETTINGS,
      nameOnWorksheets: 'initials',
    });
    expect(readSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('record retention: not set by default; a preset gives its years, custom its own (1–100)', () => {
    expect(retentionYears(DEFAULT_SETTINGS)).toBeNull();
    expect(retentionYears({ ...DEFAULT_SETTINGS, recordRetention: 'uk-nhs-adult' })).toBe(8);
    expect(retentionYears({ ...DEFAULT_SETTINGS, recordRetention: 'us-hipaa' })).toBe(6);
    expect(retentionYears({ ...DEFAULT_SETTINGS, recordRetention: 'custom', recordRetentionYears: 12 })).toBe(12);
    expect(settingsPatchSchema.safeParse({ recordRetentionYears: 0 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ recordRetentionYears: 101 }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ recordRetention: 'forever' }).success).toBe(false);
    expect(readSettings({ recordRetention: 'forever', recordRetentionYears: 3 })).toMatchObject({
      recordRetention: 'none',
      recordRetentionYears: 3,
    });
  });
});
