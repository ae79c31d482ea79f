import {
  createCipheriv,
  createDecipheriv,
  createHash,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  timingSafeEqual,
} from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { AppError } from '../../../shared/result';

const scrypt = promisify(scryptCb) as (
  password: Buffer,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/**
 * The key file holds the vault's random 256-bit database key, never in the clear: once wrapped
 * (AES-256-GCM) under a key derived from the clinician's passphrase with scrypt, and once under a
 * key derived from the one-time recovery key. Changing the passphrase rewraps; rekeying makes a
 * new database key and recovery key and re-encrypts the database. The file holds no client data.
 *
 * The file is checked as a whole before any secret is tried, so that damage is reported as
 * damage and never as a wrong passphrase: every field has a fixed shape (exact byte lengths of
 * salts, nonces, tags and wrapped keys; scrypt parameters within bounds), and each of the two
 * slots carries a SHA-256 check over the file's header and that slot. One changed character
 * anywhere fails a check; damage in one slot leaves the other usable.
 */
export const KEY_FILE_FORMAT = 'stepwise-vault-key' as const;
export const KEY_FILE_VERSION = 2;

/** scrypt cost. N = 2^17, r = 8 (≈128 MiB, ≈0.3–0.5 s on a laptop). */
export const DEFAULT_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;

/**
 * What a key file may ask of scrypt. Without bounds a changed file could ask for hours of work
 * (p = 1,000,000) or gigabytes of memory. N·r·p at most 2^23 keeps one unlock within about eight
 * times the default's work, and 128·N·r within 1 GiB of memory.
 */
export const SCRYPT_BOUNDS = { minN: 2 ** 14, maxN: 2 ** 20, minR: 8, maxR: 16, minP: 1, maxP: 4, maxWork: 2 ** 23 } as const;

export type ScryptParams = { N: number; r: number; p: number };

export function scryptParamsProblem({ N, r, p }: ScryptParams): string | null {
  const b = SCRYPT_BOUNDS;
  if (!Number.isSafeInteger(N) || N < b.minN || N > b.maxN || (N & (N - 1)) !== 0) return 'N';
  if (!Number.isSafeInteger(r) || r < b.minR || r > b.maxR) return 'r';
  if (!Number.isSafeInteger(p) || p < b.minP || p > b.maxP) return 'p';
  if (N * r * p > b.maxWork) return 'cost';
  return null;
}

/** Canonical base64 of exactly `n` bytes (so that no two spellings of the same bytes pass). */
const bytes = (n: number) =>
  z
    .string()
    .refine(
      (s) =>
        /^[A-Za-z0-9+/]+={0,2}$/.test(s) &&
        Buffer.from(s, 'base64').toString('base64') === s &&
        Buffer.from(s, 'base64').length === n,
    );

const wrappedSchema = z.strictObject({ iv: bytes(12), tag: bytes(16), data: bytes(32) });

const header = {
  format: z.literal(KEY_FILE_FORMAT),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.iso.datetime(),
  cipher: z.literal('sqlcipher-4'),
};
const passphraseSlot = {
  kdf: z.literal('scrypt'),
  N: z.number(),
  r: z.number(),
  p: z.number(),
  salt: bytes(16),
  wrapped: wrappedSchema,
};
const recoverySlot = { kdf: z.literal('hkdf-sha256'), salt: bytes(16), wrapped: wrappedSchema };
const boundedScrypt = <T extends ScryptParams>(s: T) => scryptParamsProblem(s) === null;

/** A key file as written since version 2. */
export const keyFileSchema = z.strictObject({
  ...header,
  version: z.literal(2),
  passphrase: z.strictObject({ ...passphraseSlot, check: bytes(32) }).refine(boundedScrypt),
  recovery: z.strictObject({ ...recoverySlot, check: bytes(32) }),
});

/** Version 1 (before the slot checks); read, then rewritten as version 2 after a good unlock. */
const keyFileV1Schema = z.strictObject({
  ...header,
  version: z.literal(1),
  passphrase: z.strictObject(passphraseSlot).refine(boundedScrypt),
  recovery: z.strictObject(recoverySlot),
});

export type KeyFile = z.infer<typeof keyFileSchema>;
type Wrapped = z.infer<typeof wrappedSchema>;
type SlotName = 'passphrase' | 'recovery';

export const KEY_FILE_DAMAGED_MESSAGE =
  'The vault’s key file (stepwise.key) is damaged, so Stepwise cannot check your passphrase or recovery key — they are not the problem. Nothing was changed. Put back stepwise.key from a backup of this vault folder; the database itself may well be intact.';
const PASSPHRASE_SLOT_DAMAGED =
  'The passphrase part of the vault’s key file (stepwise.key) is damaged — your passphrase is not the problem. Nothing was changed. Open the vault with your recovery key instead, then choose a new passphrase: that repairs the key file.';
const RECOVERY_SLOT_DAMAGED =
  'The recovery-key part of the vault’s key file (stepwise.key) is damaged — your recovery key is not the problem. Nothing was changed. Open the vault with your passphrase, then make a new recovery key in Settings.';

function slotCheck(kf: Omit<KeyFile, 'passphrase' | 'recovery' | 'version'>, name: SlotName, slot: object): string {
  const fields =
    name === 'passphrase' ? (['kdf', 'N', 'r', 'p', 'salt', 'wrapped'] as const) : (['kdf', 'salt', 'wrapped'] as const);
  const s = slot as Record<string, unknown>;
  const w = s.wrapped as Wrapped;
  const canonical = JSON.stringify([
    KEY_FILE_FORMAT,
    KEY_FILE_VERSION,
    kf.vaultId,
    kf.createdAt,
    kf.cipher,
    name,
    ...fields.map((f) => (f === 'wrapped' ? [w.iv, w.tag, w.data] : s[f])),
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('base64');
}

function checkMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'base64');
  const b = Buffer.from(actual, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Which slots of a parsed key file fail their check. */
export function damagedSlots(kf: KeyFile): { passphrase: boolean; recovery: boolean } {
  return {
    passphrase: !checkMatches(slotCheck(kf, 'passphrase', kf.passphrase), kf.passphrase.check),
    recovery: !checkMatches(slotCheck(kf, 'recovery', kf.recovery), kf.recovery.check),
  };
}

export interface ParsedKeyFile {
  keyFile: KeyFile;
  /** Read from version 1: rewrite it (as version 2) once it has proved good. */
  upgraded: boolean;
}

/**
 * Reads a key file's text: DAMAGED when it is not a well-formed key file (whatever secret is
 * tried), NEWER_VERSION when a later Stepwise wrote it. A slot failing its check is reported
 * when that slot is used (unlockKey), so the other slot still opens the vault.
 */
export function parseKeyFile(raw: string): ParsedKeyFile {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('DAMAGED', KEY_FILE_DAMAGED_MESSAGE);
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (
    (json as { format?: unknown } | null)?.format === KEY_FILE_FORMAT &&
    typeof version === 'number' &&
    version > KEY_FILE_VERSION &&
    version < 1000
  ) {
    throw new AppError('NEWER_VERSION', 'This vault was made by a newer version of Stepwise. Update Stepwise to open it.');
  }
  const v2 = keyFileSchema.safeParse(json);
  if (v2.success) {
    const damage = damagedSlots(v2.data);
    if (damage.passphrase && damage.recovery) throw new AppError('DAMAGED', KEY_FILE_DAMAGED_MESSAGE);
    return { keyFile: v2.data, upgraded: false };
  }
  const v1 = keyFileV1Schema.safeParse(json);
  if (v1.success) {
    const { passphrase, recovery, ...rest } = v1.data;
    const base = { ...rest, version: 2 as const };
    return {
      keyFile: {
        ...base,
        passphrase: { ...passphrase, check: slotCheck(base, 'passphrase', passphrase) },
        recovery: { ...recovery, check: slotCheck(base, 'recovery', recovery) },
      },
      upgraded: true,
    };
  }
  throw new AppError('DAMAGED', KEY_FILE_DAMAGED_MESSAGE);
}

export function serializeKeyFile(kf: KeyFile): string {
  return `${JSON.stringify(kf, null, 2)}\n`;
}

function wrap(kek: Buffer, dbKey: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const data = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  const out = { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
  data.fill(0);
  return out;
}

/** Returns the database key, or null when the wrapping key is wrong (the GCM tag does not verify). */
function unwrap(kek: Buffer, w: Wrapped, aad: string): Buffer | null {
  let part: Buffer | undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    part = decipher.update(Buffer.from(w.data, 'base64'));
    const rest = decipher.final();
    const key = Buffer.concat([part, rest]);
    return key;
  } catch {
    return null;
  } finally {
    part?.fill(0);
  }
}

/** The passphrase's wrapping key. The passphrase is copied into a Buffer that is wiped after. */
async function passphraseKek(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const problem = scryptParamsProblem(params);
  if (problem) throw new AppError('DAMAGED', KEY_FILE_DAMAGED_MESSAGE);
  const maxmem = 128 * params.N * params.r + 128 * params.r * params.p + 32 * 1024 * 1024;
  const secret = Buffer.from(passphrase.normalize('NFC'), 'utf8');
  try {
    return await scrypt(secret, salt, 32, { ...params, maxmem });
  } finally {
    secret.fill(0);
  }
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
  const out = Buffer.alloc(RECOVERY_BYTES);
  let n = 0;
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0 || n > RECOVERY_BYTES) {
      out.fill(0);
      return null;
    }
    value = (value << 5) | v;
    bits += 5;
    if (bits >= 8) {
      if (n < RECOVERY_BYTES) out[n] = (value >>> (bits - 8)) & 0xff;
      n++;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  if (n !== RECOVERY_BYTES) {
    out.fill(0);
    return null;
  }
  return out;
}

function recoveryKek(recovery: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', recovery, salt, 'stepwise recovery key v1', 32));
}

// ---------------------------------------------------------------- operations
export interface NewKeys {
  keyFile: KeyFile;
  /** The caller wipes it (fill(0)) when done. */
  dbKey: Buffer;
  recoveryKey: string;
}

/**
 * A new database key and recovery key, wrapped in a new key file. A rekey keeps the vault's
 * identity (`keep`); a new vault gets a fresh one.
 */
export async function createKeys(
  passphrase: string,
  now: Date,
  scryptParams: ScryptParams = DEFAULT_SCRYPT,
  keep?: { vaultId: string; createdAt: string },
): Promise<NewKeys> {
  const vaultId = keep?.vaultId ?? randomBytes(16).toString('hex');
  const createdAt = keep?.createdAt ?? now.toISOString();
  const dbKey = randomBytes(32);
  const recovery = randomBytes(RECOVERY_BYTES);
  const pSalt = randomBytes(16);
  const rSalt = randomBytes(16);
  const pKek = await passphraseKek(passphrase, pSalt, scryptParams);
  const rKek = recoveryKek(recovery, rSalt);
  try {
    const base = {
      format: KEY_FILE_FORMAT as typeof KEY_FILE_FORMAT,
      version: 2 as const,
      vaultId,
      createdAt,
      cipher: 'sqlcipher-4' as const,
    };
    const pSlot = {
      kdf: 'scrypt' as const,
      N: scryptParams.N,
      r: scryptParams.r,
      p: scryptParams.p,
      salt: pSalt.toString('base64'),
      wrapped: wrap(pKek, dbKey, `${vaultId}:passphrase`),
    };
    const rSlot = {
      kdf: 'hkdf-sha256' as const,
      salt: rSalt.toString('base64'),
      wrapped: wrap(rKek, dbKey, `${vaultId}:recovery`),
    };
    const keyFile: KeyFile = {
      ...base,
      passphrase: { ...pSlot, check: slotCheck(base, 'passphrase', pSlot) },
      recovery: { ...rSlot, check: slotCheck(base, 'recovery', rSlot) },
    };
    return { keyFile, dbKey, recoveryKey: formatRecoveryKey(recovery) };
  } finally {
    pKek.fill(0);
    rKek.fill(0);
    recovery.fill(0);
  }
}

export type Secret = { passphrase: string } | { recoveryKey: string };

const WRONG_PASSPHRASE = 'That passphrase is not right. Please check it and try again.';
const WRONG_RECOVERY_KEY = 'That recovery key does not open this vault. Check each group of four characters and try again.';

/**
 * The database key (a Buffer the caller wipes), or an error: DAMAGED when the slot the secret
 * opens fails its check (checked before any key derivation), WRONG_PASSPHRASE when the secret
 * does not unwrap an intact slot. Never touches the database.
 */
export async function unlockKey(keyFile: KeyFile, secret: Secret): Promise<Buffer> {
  const damage = damagedSlots(keyFile);
  if ('passphrase' in secret) {
    const p = keyFile.passphrase;
    if (damage.passphrase) throw new AppError('DAMAGED', damage.recovery ? KEY_FILE_DAMAGED_MESSAGE : PASSPHRASE_SLOT_DAMAGED);
    const kek = await passphraseKek(secret.passphrase, Buffer.from(p.salt, 'base64'), p);
    try {
      const key = unwrap(kek, p.wrapped, `${keyFile.vaultId}:passphrase`);
      if (!key) throw new AppError('WRONG_PASSPHRASE', WRONG_PASSPHRASE);
      return key;
    } finally {
      kek.fill(0);
    }
  }
  const r = keyFile.recovery;
  if (damage.recovery) throw new AppError('DAMAGED', damage.passphrase ? KEY_FILE_DAMAGED_MESSAGE : RECOVERY_SLOT_DAMAGED);
  const recovery = parseRecoveryKey(secret.recoveryKey);
  if (!recovery) throw new AppError('WRONG_PASSPHRASE', WRONG_RECOVERY_KEY);
  const kek = recoveryKek(recovery, Buffer.from(r.salt, 'base64'));
  recovery.fill(0);
  try {
    const key = unwrap(kek, r.wrapped, `${keyFile.vaultId}:recovery`);
    if (!key) throw new AppError('WRONG_PASSPHRASE', WRONG_RECOVERY_KEY);
    return key;
  } finally {
    kek.fill(0);
  }
}

/** A new key file with the same database key wrapped under a new passphrase (fresh salt). */
export async function rewrapPassphrase(
  keyFile: KeyFile,
  dbKey: Buffer,
  next: string,
  scryptParams: ScryptParams = {
    N: keyFile.passphrase.N,
    r: keyFile.passphrase.r,
    p: keyFile.passphrase.p,
  },
): Promise<KeyFile> {
  const salt = randomBytes(16);
  const kek = await passphraseKek(next, salt, scryptParams);
  try {
    const slot = {
      kdf: 'scrypt' as const,
      N: scryptParams.N,
      r: scryptParams.r,
      p: scryptParams.p,
      salt: salt.toString('base64'),
      wrapped: wrap(kek, dbKey, `${keyFile.vaultId}:passphrase`),
    };
    return { ...keyFile, passphrase: { ...slot, check: slotCheck(keyFile, 'passphrase', slot) } };
  } finally {
    kek.fill(0);
  }
}

export function sameKey(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The text SQLCipher takes as a raw 256-bit key, `x'<64 hex digits>'`, built byte by byte in a
 * Buffer (never a JS string) for `db.key()` / `db.rekey()`. The caller wipes it.
 */
export function rawKeyLiteral(dbKey: Buffer): Buffer {
  const HEX = '0123456789abcdef';
  const out = Buffer.alloc(3 + dbKey.length * 2);
  out[0] = 0x78; // x
  out[1] = 0x27; // '
  for (let i = 0; i < dbKey.length; i++) {
    out[2 + i * 2] = HEX.charCodeAt(dbKey[i]! >> 4);
    out[3 + i * 2] = HEX.charCodeAt(dbKey[i]! & 15);
  }
  out[out.length - 1] = 0x27; // '
  return out;
}
