import { z } from 'zod';

/** Auto-lock bounds: at least a minute, at most an hour; there is no "never". */
export const AUTO_LOCK_MIN = 1;
export const AUTO_LOCK_MAX = 60;
export const AUTO_LOCK_DEFAULT = 10;

// Record retention (issue 11): how long a client's records are kept after the last contact.
// Not the backup retention of electron/core/vault/retention.ts (how many backup files are kept).

/**
 * Presets by jurisdiction, with the plain note Settings shows. The years are common minimums for
 * adult records; a clinician's own rules (profession, employer, insurer, a child client) may ask
 * for longer, so each note says so.
 */
export const RETENTION_PRESETS = {
  'uk-nhs-adult': {
    label: 'UK — NHS adult records: 8 years',
    years: 8,
    // NHS England, Records Management Code of Practice 2021, retention schedule: adult health records.
    note: 'The NHS Records Management Code of Practice keeps adult health records 8 years after the last treatment. NHS mental-health services keep theirs 20 years; children’s records are kept longer.',
  },
  'us-hipaa': {
    label: 'US — HIPAA: 6 years',
    years: 6,
    // 45 CFR 164.316(b)(2)(i): documentation kept 6 years; state laws on clinical records vary.
    note: 'HIPAA asks for 6 years, a common minimum. Many states require longer for clinical records, and longer again for minors.',
  },
  'de-bgb': {
    label: 'Germany — 10 years',
    years: 10,
    // §630f (3) BGB: patient records kept 10 years after the treatment ends.
    note: 'German civil law (§630f BGB) keeps treatment records 10 years after the treatment ends.',
  },
  'au-adult': {
    label: 'Australia — adult records: 7 years',
    years: 7,
    // Health Records Act 2001 (Vic) s.25; Health Records and Information Privacy Act 2002 (NSW) s.25.
    note: 'Victoria and New South Wales keep adult health records 7 years after the last service; records of children until they turn 25.',
  },
} as const;
export type RetentionPreset = keyof typeof RETENTION_PRESETS;
export const RETENTION_YEARS_MIN = 1;
export const RETENTION_YEARS_MAX = 100;

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
  /** How long records are kept after the last contact: a preset, custom years, or not set. */
  recordRetention: z.enum(['none', 'custom', ...(Object.keys(RETENTION_PRESETS) as [RetentionPreset, ...RetentionPreset[]])]),
  /** The years of a custom retention period. */
  recordRetentionYears: z
    .number()
    .int()
    .min(RETENTION_YEARS_MIN, `Records are kept at least ${RETENTION_YEARS_MIN} year.`)
    .max(RETENTION_YEARS_MAX, `Records are kept at most ${RETENTION_YEARS_MAX} years.`),
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
  recordRetention: fields.recordRetention.default('none'),
  recordRetentionYears: fields.recordRetentionYears.default(7),
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

/** The retention period in years the settings choose, or null when none is set. */
export function retentionYears(s: Pick<Settings, 'recordRetention' | 'recordRetentionYears'>): number | null {
  if (s.recordRetention === 'none') return null;
  if (s.recordRetention === 'custom') return s.recordRetentionYears;
  return RETENTION_PRESETS[s.recordRetention].years;
}
