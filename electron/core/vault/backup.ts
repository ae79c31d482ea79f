import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { parseKeyFile, serializeKeyFile, unlockKey, type KeyFile, type Secret } from './keyfile';

/*
 * A backup file: one consistent, encrypted snapshot of a vault — its database and its key file —
 * that opens with the passphrase or the recovery key the vault had when it was made.
 *
 *   offset            bytes   what
 *   0                 4       L, the length of the key file (big-endian)
 *   4                 L       the vault's key file, exactly as `stepwise.key` (wrapped keys, salts,
 *                             scrypt parameters; no client data, nothing a key can be read from)
 *   4+L               16      HKDF salt (random for each backup)
 *   20+L              12      AES-GCM nonce (random)
 *   32+L              n       AES-256-GCM ciphertext of the payload
 *   end-16            16      GCM tag
 *
 * The envelope key is HKDF-SHA256(database key, salt, "stepwise backup v1"): whoever unwraps the
 * database key from the key file (with the passphrase or the recovery key) can open the backup,
 * and nobody else. The GCM tag covers the ciphertext and, as additional data, everything before
 * it, so a changed byte anywhere — key file included — is found before anything is used.
 *
 * The payload is a 4-byte length, a small JSON description (format, time, schema version, vault
 * id) and then the database as SQLCipher wrote it with `VACUUM INTO` — still encrypted page by
 * page under the database key. So the database is never plaintext outside memory at any step:
 * the snapshot file SQLCipher writes is encrypted, the backup is encrypted twice over, and a
 * check or a restore writes back only the SQLCipher bytes.
 *
 * No magic number, no file names, no client data in the clear; the only cleartext part is the
 * key file, which is what `stepwise.key` beside the vault already shows.
 */

export const BACKUP_FORMAT = 1;
const HKDF_INFO = 'stepwise backup v1';
const SALT_LEN = 16;
const IV_LEN = 12;
const TAG_LEN = 16;
/** A key file is about 1 KB; anything much larger is not one. */
const MAX_KEY_FILE = 16 * 1024;
/** The largest backup read into memory (a vault holds text, not media). */
export const MAX_BACKUP_BYTES = 2 * 1024 ** 3 - 1;

export const BACKUP_DAMAGED_MESSAGE =
  'That file is not a Stepwise backup, or it is damaged (it may have been cut short or changed). Nothing was changed. Try another backup.';
const BACKUP_WRONG_KEY_MESSAGE =
  'That backup does not open with this key. Use the passphrase (or recovery key) the vault had when the backup was made.';

export interface BackupMeta {
  format: number;
  createdAt: string;
  schemaVersion: number;
  vaultId: string;
}

function envelopeKey(dbKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, salt, HKDF_INFO, 32));
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Builds the backup file's bytes from the SQLCipher snapshot (encrypted under `dbKey`). */
export function sealBackup(keyFile: KeyFile, dbKey: Buffer, meta: BackupMeta, snapshot: Buffer): Buffer {
  const kf = Buffer.from(serializeKeyFile(keyFile), 'utf8');
  const salt = randomBytes(SALT_LEN);
  const iv = randomBytes(IV_LEN);
  const head = Buffer.concat([u32(kf.length), kf, salt, iv]);
  const key = envelopeKey(dbKey, salt);
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(head);
    const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
    const body = Buffer.concat([
      cipher.update(u32(metaBytes.length)),
      cipher.update(metaBytes),
      cipher.update(snapshot),
      cipher.final(),
    ]);
    return Buffer.concat([head, body, cipher.getAuthTag()]);
  } finally {
    key.fill(0);
  }
}

/** A backup file read and split, not yet opened. */
export interface SealedBackup {
  keyFile: KeyFile;
  open(dbKey: Buffer): { meta: BackupMeta; snapshot: Buffer };
}

export function readBackupFile(file: string): SealedBackup {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new AppError('NOT_FOUND', 'That backup file could not be found or read.');
  }
  if (size > MAX_BACKUP_BYTES) throw new AppError('DAMAGED', BACKUP_DAMAGED_MESSAGE);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new AppError('NOT_FOUND', 'That backup file could not be found or read.');
  }
  return parseBackup(bytes);
}

export function parseBackup(bytes: Buffer): SealedBackup {
  const damaged = () => new AppError('DAMAGED', BACKUP_DAMAGED_MESSAGE);
  if (bytes.length < 4) throw damaged();
  const kfLen = bytes.readUInt32BE(0);
  if (kfLen < 2 || kfLen > MAX_KEY_FILE || bytes.length < 4 + kfLen + SALT_LEN + IV_LEN + 4 + TAG_LEN) throw damaged();
  let keyFile: KeyFile;
  try {
    keyFile = parseKeyFile(bytes.subarray(4, 4 + kfLen).toString('utf8')).keyFile;
  } catch (e) {
    if (e instanceof AppError && e.code === 'NEWER_VERSION') throw e;
    throw damaged();
  }
  const headEnd = 4 + kfLen + SALT_LEN + IV_LEN;
  const head = bytes.subarray(0, headEnd);
  const salt = bytes.subarray(4 + kfLen, 4 + kfLen + SALT_LEN);
  const iv = bytes.subarray(4 + kfLen + SALT_LEN, headEnd);
  const body = bytes.subarray(headEnd, bytes.length - TAG_LEN);
  const tag = bytes.subarray(bytes.length - TAG_LEN);
  return {
    keyFile,
    open(dbKey) {
      const key = envelopeKey(dbKey, salt);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        decipher.setAAD(head);
        decipher.setAuthTag(tag);
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        // The key file unwrapped this key, so a failing tag means changed bytes, not a wrong key.
        throw damaged();
      } finally {
        key.fill(0);
      }
      const metaLen = plain.readUInt32BE(0);
      if (metaLen > 4096 || plain.length < 4 + metaLen) throw damaged();
      let meta: BackupMeta;
      try {
        meta = JSON.parse(plain.subarray(4, 4 + metaLen).toString('utf8')) as BackupMeta;
      } catch {
        throw damaged();
      }
      if (meta.format > BACKUP_FORMAT)
        throw new AppError('NEWER_VERSION', 'This backup was made by a newer version of Stepwise. Update Stepwise to open it.');
      if (meta.vaultId !== keyFile.vaultId) throw damaged();
      return { meta, snapshot: plain.subarray(4 + metaLen) };
    },
  };
}

/** The database key of a backup, from its own key file and the secret. The caller wipes it. */
export async function backupKey(sealed: SealedBackup, secret: Secret): Promise<Buffer> {
  try {
    return await unlockKey(sealed.keyFile, secret);
  } catch (e) {
    if (e instanceof AppError && e.code === 'WRONG_PASSPHRASE') throw new AppError('WRONG_PASSPHRASE', BACKUP_WRONG_KEY_MESSAGE);
    throw e;
  }
}

/**
 * A private temporary folder (mode 0700) for an encrypted snapshot, removed by `done` whatever
 * happens. Only SQLCipher's encrypted bytes are ever written in it.
 */
export function privateTemp(): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-check-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
