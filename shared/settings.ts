import { z } from 'zod';

/** Auto-lock bounds: at least a minute, at most an hour; there is no "never". */
export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 60;
export const AUTO_LOCK_DEFAULT = 10;

/** Each preference without its default: the patch of `settings.update` is made of these. */
const fields = {
  paperSize: z.enum(['a4', 'letter']),
  /** On printed worksheets: the client's full name, or initials only. */
  nameOnWorksheets: z.enum(['full', 'initials']),
  largePrintDefault: z.boolean(),
  /** Lock after this many minutes without activity on the computer (1–60). */
  autoLockMinutes: z
    .number()
    .int()
    .min(AUTO_LOCK_MIN, `Stepwise locks after ${AUTO_LOCK_MIN} minute at the soonest.`)
    .max(AUTO_LOCK_MAX, `Stepwise locks after ${AUTO_LOCK_MAX} minutes at the latest.`),
  /** Where automatic backups go (an external drive, a synced folder), or none yet. */
  backupFolder: z.string().max(4096).nullable(),
  /** Automatic backups: daily, and on quit when the last is older than a day. */
  autoBackup: z.boolean(),
};

/**
 * The clinician's preferences. Preferences only: never a client's name or any clinical data.
 * Stored outside the vault (electron-store in the app), so they are readable before unlocking.
 */
export const settingsSchema = z.object({
  paperSize: fields.paperSize.default('a4'),
  nameOnWorksheets: fields.nameOnWorksheets.default('full'),
  largePrintDefault: fields.largePrintDefault.default(false),
  autoLockMinutes: fields.autoLockMinutes.default(AUTO_LOCK_DEFAULT),
  backupFolder: fields.backupFolder.default(null),
  autoBackup: fields.autoBackup.default(true),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

/** A change of some preferences: only the keys given change (no defaults fill the others). */
export const settingsPatchSchema = z.strictObject(fields).partial();

/**
 * Stored preferences as read back: each one that is still valid is kept, each that is not takes
 * its default, so one bad value never resets the others. An auto-lock of 0 (the old "never") or
 * beyond an hour becomes the nearest allowed value a clinician would expect: 0 → the default,
 * more than 60 → 60.
 */
export function readSettings(stored: unknown): Settings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    let value = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (key === 'autoLockMinutes' && typeof value === 'number' && Number.isFinite(value)) {
      value = value <= 0 ? AUTO_LOCK_DEFAULT : Math.min(AUTO_LOCK_MAX, Math.max(AUTO_LOCK_MIN, Math.round(value)));
    }
    const parsed = fields[key].safeParse(value);
    out[key] = parsed.success ? parsed.data : DEFAULT_SETTINGS[key];
  }
  return out as Settings;
}
