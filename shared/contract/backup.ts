import { z } from 'zod';
import { channel, noInput } from './define';
import { recoveryKeySchema } from './vault';

/** A path on this computer (a backup file or a folder), as the system's dialogs give it. */
export const localPathSchema = z
  .string({ error: 'Please choose a file or folder.' })
  .min(1, 'Please choose a file or folder.')
  .max(4096, 'That path is too long.')
  .refine((p) => !p.includes('\0'), 'That path is not valid.');

const enteredSecret = z.union([
  z.object({ passphrase: z.string().min(1, 'Please enter your passphrase.').max(1024) }),
  z.object({ recoveryKey: recoveryKeySchema }),
]);

export const backupStatusSchema = z.object({
  /** When the last good backup was made (UTC ISO-8601), or null when there is none. */
  lastBackupAt: z.string().max(40).nullable(),
  /** The last backup's file name (no folder). */
  lastBackupFile: z.string().max(255).nullable(),
  /** The last good backup is older than 7 days, or there is none. */
  stale: z.boolean(),
  /** The last backup is older than a day (an automatic backup is due). */
  due: z.boolean(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;

export const backupCheckSchema = z.object({
  healthy: z.boolean(),
  integrity: z.string().max(2000),
  createdAt: z.string().max(40),
  schemaVersion: z.number().int(),
  /** Rows per table in the backup. */
  counts: z.record(z.string().max(64), z.number().int()),
});

export const backupContract = {
  status: channel(noInput, backupStatusSchema),
  /**
   * Writes a backup now into `folder` (a new file named by its time; never over another). `auto`
   * (the daily and on-quit backups) also removes older automatic backups beyond 7 daily and 4
   * weekly. The backup is checked before it counts as the last good one.
   */
  create: channel(
    z.object({ folder: localPathSchema, kind: z.enum(['manual', 'auto']).default('manual') }),
    z.object({
      file: z.string().max(4096),
      at: z.string().max(40),
      bytes: z.number().int(),
      pruned: z.array(z.string().max(255)).max(10_000),
    }),
  ),
  /**
   * Opens a backup beside the live vault, in memory and an encrypted temporary copy only, and
   * checks it. Without a secret, the open vault's own key is used (a backup of this vault since
   * its last new keys).
   */
  check: channel(z.object({ file: localPathSchema, secret: enteredSecret.optional() }), backupCheckSchema),
  /**
   * Restores a backup into a new, empty folder, or in place of the open vault (`replace`, after the
   * clinician confirmed): the current vault is kept aside until the restored one has opened and
   * passed its check.
   */
  restore: channel(
    z.object({
      file: localPathSchema,
      secret: enteredSecret,
      target: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('new'), vaultDir: localPathSchema }),
        z.object({ kind: z.literal('replace'), confirmed: z.literal(true) }),
      ]),
    }),
    z.object({ vaultDir: z.string().max(4096), createdAt: z.string().max(40), check: backupCheckSchema }),
  ),
};
