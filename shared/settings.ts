import { z } from 'zod';

/**
 * The clinician's preferences. Preferences only: never a client's name or any clinical data.
 * Stored outside the vault (electron-store in the app), so they are readable before unlocking.
 */
export const settingsSchema = z.object({
  paperSize: z.enum(['a4', 'letter']).default('a4'),
  /** On printed worksheets: the client's full name, or initials only. */
  nameOnWorksheets: z.enum(['full', 'initials']).default('full'),
  largePrintDefault: z.boolean().default(false),
  /** Lock after this many minutes without activity; 0 = never. */
  autoLockMinutes: z.number().int().min(0, 'Use 0 to never lock automatically.').max(240, 'At most 240 minutes.').default(10),
  backupFolder: z.string().max(1024).nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;
export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export const settingsPatchSchema = settingsSchema.partial();
