import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError } from '../../../shared/result';

const scrypt = promisify(scryptCb) as (
  password: string | Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * The key file holds the vault's random 256-bit database key, never in the clear: once wrapped
 * (AES-256-GCM) under a key derived from the clinician's passphrase with scrypt, and once under a
 * key derived from the one-time recovery key. Changing the passphrase rewraps; the database is
 * never re-encrypted. The file holds no client data.
 */
export const KEY_FILE_FORMAT = 'stepwise-vault-key';

/** scrypt cost. N = 2^17, r = 8 (≈128 MiB, ≈0.3–0.5 s on a laptop). */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);

const wrappedSchema = z.object({ iv: b64, tag: b64, data: b64 });

export const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(1),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string(),
  cipher: z.literal('sqlcipher-4'),
  passphrase: z.object({
    kdf: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14),
    r: z.number().int().min(8),
    p: z.number().int().min(1),
    salt: b64,
    wrapped: wrappedSchema,
  }),
  recovery: z.object({
    kdf: z.literal('hkdf-sha256'),
    salt: b64,
    wrapped: wrappedSchema,
  }),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
type Wrapped = z.infer<typeof wrappedSchema>;

function wrap(kek: Buffer, dbKey: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** Returns the database key, or null when the wrapping key is wrong (the GCM tag does not verify). */
function unwrap(kek: Buffer, w: Wrapped, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(w.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

async function passphraseKek(passphrase: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return scrypt(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem });
}

// ---------------------------------------------------------------- recovery key
/** Crockford base32: no I, L, O, U, so a handwritten key reads back without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RECOVERY_BYTES = 20; // 160 bits → 32 characters, shown as 8 groups of 4.

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)!.join('-');
}

/** Parses a recovery key as typed: case, spaces and dashes do not matter; O→0, I/L→1. */
export function parseRecoveryKey(text: string): Buffer | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (clean.length !== Math.ceil((RECOVERY_BYTES * 8) / 5)) return null;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return out.length === RECOVERY_BYTES ? Buffer.from(out) : null;
}

function recoveryKek(recovery: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, salt, 'stepwise recovery key v1', 32));
}

// ---------------------------------------------------------------- operations
export interface NewKeys {
  keyFile: KeyFile;
  dbKey: Buffer;
  recoveryKey: string;
}

export async function createKeys(
  passphrase: string,
  now: Date,
  scryptParams: { N: number; r: number; p: number } = DEFAULT_SCRYPT,
): Promise<NewKeys> {
  const vaultId = randomBytes(16).toString('hex');
  const dbKey = randomBytes(32);
  const recovery = randomBytes(RECOVERY_BYTES);
  const pSalt = randomBytes(16);
  const rSalt = randomBytes(16);
  const pKek = await passphraseKek(passphrase, pSalt, scryptParams);
  const keyFile: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    vaultId,
    createdAt: now.toISOString(),
    cipher: 'sqlcipher-4',
    passphrase: {
      kdf: 'scrypt',
      ...scryptParams,
      salt: pSalt.toString('base64'),
      wrapped: wrap(pKek, dbKey, `${vaultId}:passphrase`),
    },
    recovery: {
      kdf: 'hkdf-sha256',
      salt: rSalt.toString('base64'),
      wrapped: wrap(recoveryKek(recovery, rSalt), dbKey, `${vaultId}:recovery`),
    },
  };
  return { keyFile, dbKey, recoveryKey: formatRecoveryKey(recovery) };
}

export type Secret = { passphrase: string } | { recoveryKey: string };

/** The database key, or a WRONG_PASSPHRASE error. Never touches the database. */
export async function unlockKey(keyFile: KeyFile, secret: Secret): Promise<Buffer> {
  if ('passphrase' in secret) {
    const p = keyFile.passphrase;
    const kek = await passphraseKek(secret.passphrase, Buffer.from(p.salt, 'base64'), p);
    const key = unwrap(kek, p.wrapped, `${keyFile.vaultId}:passphrase`);
    if (!key) throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Please check it and try again.');
    return key;
  }
  const recovery = parseRecoveryKey(secret.recoveryKey);
  const r = keyFile.recovery;
  const key = recovery
    ? unwrap(recoveryKek(recovery, Buffer.from(r.salt, 'base64')), r.wrapped, `${keyFile.vaultId}:recovery`)
    : null;
  if (!key) {
    throw new AppError(
      'WRONG_PASSPHRASE',
      'That recovery key does not open this vault. Check each group of four characters and try again.',
    );
  }
  return key;
}

/** A new key file with the same database key wrapped under a new passphrase (fresh salt). */
export async function rewrapPassphrase(
  keyFile: KeyFile,
  dbKey: Buffer,
  next: string,
  scryptParams: { N: number; r: number; p: number } = {
    N: keyFile.passphrase.N,
    r: keyFile.passphrase.r,
    p: keyFile.passphrase.p,
  },
): Promise<KeyFile> {
  const salt = randomBytes(16);
  const kek = await passphraseKek(next, salt, scryptParams);
  return {
    ...keyFile,
    passphrase: {
      kdf: 'scrypt',
      ...scryptParams,
      salt: salt.toString('base64'),
      wrapped: wrap(kek, dbKey, `${keyFile.vaultId}:passphrase`),
    },
  };
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
