import { z } from 'zod';
import { channel, noInput } from './define';

export const PASSPHRASE_MIN_LENGTH = 10;

export const passphraseSchema = z
  .string({ error: 'Please enter a passphrase.' })
  .min(PASSPHRASE_MIN_LENGTH, `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters.`)
  .max(1024, 'That passphrase is too long (1,024 characters at most).');

/** A passphrase typed to unlock: any length is accepted here; the vault decides. */
const enteredPassphrase = z
  .string({ error: 'Please enter your passphrase.' })
  .min(1, 'Please enter your passphrase.')
  .max(1024, 'That passphrase is too long (1,024 characters at most).');

export const recoveryKeySchema = z
  .string({ error: 'Please enter your recovery key.' })
  .trim()
  .min(1, 'Please enter your recovery key.')
  .max(200, 'That does not look like a Stepwise recovery key.');

export const vaultStatusSchema = z.object({
  /** A vault exists in the configured folder. */
  exists: z.boolean(),
  unlocked: z.boolean(),
});

export const vaultInfoSchema = z.object({
  vaultId: z.string(),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  appSchemaVersion: z.number().int(),
  cipher: z.string(),
  kdf: z.string(),
  counts: z.record(z.string(), z.number().int()),
});

export const vaultContract = {
  status: channel(noInput, vaultStatusSchema),
  create: channel(z.object({ passphrase: passphraseSchema }), z.object({ recoveryKey: z.string() })),
  unlock: channel(
    z.union([z.object({ passphrase: enteredPassphrase }), z.object({ recoveryKey: recoveryKeySchema })]),
    vaultStatusSchema,
  ),
  lock: channel(noInput, vaultStatusSchema),
  changePassphrase: channel(
    z.object({
      current: z.union([z.object({ passphrase: enteredPassphrase }), z.object({ recoveryKey: recoveryKeySchema })]),
      next: passphraseSchema,
    }),
    z.object({ changed: z.literal(true) }),
  ),
  /**
   * A new database key and a new recovery key (the old recovery key and every old copy of the key
   * file stop working); the database is re-encrypted in place. Confirmed with the passphrase.
   */
  rekey: channel(z.object({ passphrase: enteredPassphrase }), z.object({ recoveryKey: z.string() })),
  verify: channel(noInput, z.object({ healthy: z.boolean(), integrity: z.string(), schemaVersion: z.number().int() })),
  info: channel(noInput, vaultInfoSchema),
};
