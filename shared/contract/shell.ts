import { z } from 'zod';
import { settingsPatchSchema, settingsSchema } from '../settings';
import { idSchema } from '../domain';
import { channel, noInput } from './define';
import { exportRequestSchema } from './data';
import { progressReportInputSchema } from './reports';
import { auditFilterSchema, printOptionsSchema } from './print';
import { recoveryKeySchema } from './vault';
import { MEASURE_KEYS } from '../measures';

/**
 * Channels the Electron main process answers itself (preferences, native dialogs), not the core.
 * In browser tests the harness answers them with a test double.
 */
export const settingsContract = {
  get: channel(noInput, settingsSchema),
  update: channel(settingsPatchSchema, settingsSchema),
};

export const appContract = {
  info: channel(noInput, z.object({ version: z.string(), vaultDir: z.string(), platform: z.string() })),
};

const outputTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('assignment'),
    assignmentId: idSchema,
    fillable: z.boolean().default(false),
    options: printOptionsSchema,
  }),
  z.object({ kind: z.literal('packet'), clientId: idSchema, fillable: z.boolean().default(false), options: printOptionsSchema }),
  z.object({ kind: z.literal('handout'), sessionId: idSchema, options: printOptionsSchema }),
  // issue 9: the progress report (clinician or client), for a client and a date range
  progressReportInputSchema.extend({ kind: z.literal('progressReport'), options: printOptionsSchema }),
  // A questionnaire for one client (measures.printPdf), fillable unless asked otherwise.
  z.object({
    kind: z.literal('measure'),
    clientId: idSchema,
    measure: z.enum(MEASURE_KEYS),
    fillable: z.boolean().default(true),
    options: printOptionsSchema,
  }),
]);
export type OutputTarget = z.input<typeof outputTarget>;

/**
 * Saving and printing go through the main process: it renders again through the core (so what is
 * written is exactly what the core made), asks the clinician where to save or opens the system
 * print dialog, and records the export in the vault's audit trail.
 */
export const outputContract = {
  save: channel(outputTarget, z.object({ saved: z.boolean(), fileName: z.string().nullable() })),
  print: channel(outputTarget, z.object({ opened: z.boolean() })),
  /**
   * Asks the clinician for a filled PDF (the system's open dialog) and returns its bytes, for
   * `imports.previewPdf`. Null when they cancel. Reads nothing else and keeps no copy.
   */
  openPdf: channel(noInput, z.object({ bytes: z.instanceof(Uint8Array).nullable(), fileName: z.string().nullable() })),
  /**
   * Exports one client or the whole vault, unencrypted (the UI warns first): JSON to one file
   * the clinician names, CSV to a new folder of files. Recorded in the audit trail (no content).
   */
  exportData: channel(
    exportRequestSchema,
    z.object({ saved: z.boolean(), location: z.string().nullable(), files: z.number().int() }),
  ),
  // --- backups, restore, activity log and recovery key through the main process (issue 10/11) ---
  /**
   * The system's folder dialog: where automatic backups go, or the new, empty folder a backup is
   * restored into. Gives the chosen path (null when the clinician cancels); saves nothing itself.
   */
  chooseFolder: channel(
    z.object({ purpose: z.enum(['backupFolder', 'restoreFolder']) }),
    z.object({ path: z.string().max(4096).nullable() }),
  ),
  /** The system's open dialog for a Stepwise backup file; its path, or null when cancelled. */
  chooseBackupFile: channel(noInput, z.object({ path: z.string().max(4096).nullable() })),
  /** The activity log (filtered) as a CSV file the clinician names in the save dialog; written by the main process. */
  saveActivityCsv: channel(
    auditFilterSchema.optional(),
    z.object({ saved: z.boolean(), fileName: z.string().nullable(), rows: z.number().int() }),
  ),
  /** The recovery key as a plain text file with a note on keeping it safe, where the clinician chooses. */
  saveRecoveryKey: channel(
    z.object({ recoveryKey: recoveryKeySchema }),
    z.object({ saved: z.boolean(), fileName: z.string().nullable() }),
  ),
};
