import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
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
 *
 * Streamed (issue 12): the format is read and written in chunks of CHUNK bytes, never whole — a
 * vault of a whole career is over a gigabyte. Sealing reads the snapshot file a chunk at a time
 * through the cipher into the backup file; opening decrypts a chunk at a time into a new file
 * (the SQLCipher bytes, still encrypted page by page) or into nothing (a check of the tag only).
 * GCM gives out decrypted bytes before its tag is checked at the end, so nothing unsealed is
 * used — or kept — unless the tag matched: a failing tag removes what was written. Every await on
 * the file system lets the worker answer other calls between chunks. Memory stays at a few
 * chunks whatever the vault's size.
 */

export const BACKUP_FORMAT = 1;
const HKDF_INFO = 'stepwise backup v1';
const SALT_LEN = 16;
const IV_LEN = 12;
const TAG_LEN = 16;
/** A key file is about 1 KB; anything much larger is not one. */
const MAX_KEY_FILE = 16 * 1024;
/** The payload's description is a few hundred bytes. */
const MAX_META = 4096;
/** How much of a backup is read, encrypted or decrypted at a time. */
export const CHUNK = 1024 * 1024;

export const BACKUP_DAMAGED_MESSAGE =
  'That file is not a Stepwise backup, or it is damaged (it may have been cut short or changed). Nothing was changed. Try another backup.';
const BACKUP_WRONG_KEY_MESSAGE =
  'That backup does not open with this key. Use the passphrase (or recovery key) the vault had when the backup was made.';
const NOT_READABLE_MESSAGE = 'That backup file could not be found or read.';

const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

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

const damaged = () => new AppError('DAMAGED', BACKUP_DAMAGED_MESSAGE);

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Never made, or already gone.
  }
}

async function writeAll(fh: FileHandle, bytes: Buffer): Promise<void> {
  let off = 0;
  while (off < bytes.length) off += (await fh.write(bytes, off, bytes.length - off)).bytesWritten;
}

/** Reads exactly `length` bytes at `position`, or fewer only at the end of the file. */
async function readAt(fh: FileHandle, buf: Buffer, length: number, position: number): Promise<number> {
  let got = 0;
  while (got < length) {
    const { bytesRead } = await fh.read(buf, got, length - got, position + got);
    if (bytesRead === 0) break;
    got += bytesRead;
  }
  return got;
}

/**
 * Seals the SQLCipher snapshot file `snapshotFile` (encrypted under `dbKey`) into `out`, a new
 * file (never over another), a chunk at a time, and flushes it to the disk. Returns its size. On
 * any failure `out` is removed.
 */
export async function sealBackupFile(
  snapshotFile: string,
  out: string,
  keyFile: KeyFile,
  dbKey: Buffer,
  meta: BackupMeta,
): Promise<number> {
  const kf = Buffer.from(serializeKeyFile(keyFile), 'utf8');
  const salt = randomBytes(SALT_LEN);
  const iv = randomBytes(IV_LEN);
  const head = Buffer.concat([u32(kf.length), kf, salt, iv]);
  const key = envelopeKey(dbKey, salt);
  let input: FileHandle | undefined;
  let output: FileHandle | undefined;
  try {
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    key.fill(0);
    cipher.setAAD(head);
    input = await open(snapshotFile, 'r');
    output = await open(out, 'wx', 0o600);
    const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
    await writeAll(output, Buffer.concat([head, cipher.update(u32(metaBytes.length)), cipher.update(metaBytes)]));
    let bytes = head.length + 4 + metaBytes.length;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (let at = 0; ;) {
      const n = await readAt(input, buf, CHUNK, at);
      if (n === 0) break;
      // SQLCipher keeps VACUUM INTO's output encrypted; should it ever not, nothing is sealed.
      if (at === 0 && buf.subarray(0, 16).equals(PLAINTEXT_HEADER))
        throw new AppError('INTERNAL', 'The snapshot was not encrypted.');
      at += n;
      const sealed = cipher.update(buf.subarray(0, n));
      await writeAll(output, sealed);
      bytes += sealed.length;
    }
    const last = Buffer.concat([cipher.final(), cipher.getAuthTag()]);
    await writeAll(output, last);
    bytes += last.length;
    await output.sync();
    await output.close();
    output = undefined;
    return bytes;
  } catch (e) {
    await output?.close().catch(() => undefined);
    output = undefined;
    removeQuietly(out);
    throw e;
  } finally {
    key.fill(0);
    await input?.close().catch(() => undefined);
  }
}

/** A backup file whose cleartext head was read, not yet opened. */
export interface SealedBackup {
  keyFile: KeyFile;
  /**
   * Decrypts the payload with the database key, a chunk at a time: into `dest` (a new file, the
   * SQLCipher snapshot; removed again on any failure), or — `dest` null — into nothing, to prove
   * the whole file is as it was sealed. Returns its description once the tag has matched.
   */
  unseal(dbKey: Buffer, dest: string | null): Promise<BackupMeta>;
}

/** Reads a backup file's head (length, key file, salt, nonce); the rest is read by `unseal`. */
export async function openBackupFile(file: string): Promise<SealedBackup> {
  let fh: FileHandle;
  let size: number;
  try {
    fh = await open(file, 'r');
    size = (await fh.stat()).size;
  } catch {
    throw new AppError('NOT_FOUND', NOT_READABLE_MESSAGE);
  }
  let head: Buffer;
  let keyFile: KeyFile;
  try {
    const len = Buffer.alloc(4);
    if (size < 4 || (await readAt(fh, len, 4, 0)) < 4) throw damaged();
    const kfLen = len.readUInt32BE(0);
    if (kfLen < 2 || kfLen > MAX_KEY_FILE || size < 4 + kfLen + SALT_LEN + IV_LEN + 4 + TAG_LEN) throw damaged();
    head = Buffer.alloc(4 + kfLen + SALT_LEN + IV_LEN);
    if ((await readAt(fh, head, head.length, 0)) < head.length) throw damaged();
    try {
      keyFile = parseKeyFile(head.subarray(4, 4 + kfLen).toString('utf8')).keyFile;
    } catch (e) {
      if (e instanceof AppError && e.code === 'NEWER_VERSION') throw e;
      throw damaged();
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('NOT_FOUND', NOT_READABLE_MESSAGE);
  } finally {
    await fh.close().catch(() => undefined);
  }
  const kfLen = head.length - 4 - SALT_LEN - IV_LEN;
  const salt = head.subarray(4 + kfLen, 4 + kfLen + SALT_LEN);
  const iv = head.subarray(4 + kfLen + SALT_LEN);
  const bodyStart = head.length;
  const bodyEnd = size - TAG_LEN;

  return {
    keyFile,
    async unseal(dbKey, dest) {
      const key = envelopeKey(dbKey, salt);
      let input: FileHandle | undefined;
      let output: FileHandle | undefined;
      let made = false;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv);
        key.fill(0);
        decipher.setAAD(head);
        try {
          input = await open(file, 'r');
        } catch {
          throw new AppError('NOT_FOUND', NOT_READABLE_MESSAGE);
        }
        // The file may have changed since its head was read: its size now is what counts.
        if ((await input.stat()).size !== size) throw damaged();
        const tag = Buffer.alloc(TAG_LEN);
        if ((await readAt(input, tag, TAG_LEN, bodyEnd)) < TAG_LEN) throw damaged();
        decipher.setAuthTag(tag);
        if (dest) {
          output = await open(dest, 'wx', 0o600);
          made = true;
        }
        const buf = Buffer.allocUnsafe(CHUNK);
        // The description (a length and JSON) comes first; it is gathered here, the rest streamed.
        let lead: Buffer | null = Buffer.alloc(0);
        let metaLen = -1;
        let metaBytes: Buffer | null = null;
        let checkedHeader = false;
        for (let at = bodyStart; at < bodyEnd;) {
          const want = Math.min(CHUNK, bodyEnd - at);
          const n = await readAt(input, buf, want, at);
          if (n < want) throw damaged();
          at += n;
          let plain: Buffer = decipher.update(buf.subarray(0, n));
          if (lead) {
            lead = Buffer.concat([lead, plain]);
            if (metaLen < 0 && lead.length >= 4) {
              metaLen = lead.readUInt32BE(0);
              if (metaLen > MAX_META) throw damaged();
            }
            if (metaLen < 0 || lead.length < 4 + metaLen) continue;
            plain = lead.subarray(4 + metaLen);
            lead = lead.subarray(0, 4 + metaLen);
            // Kept aside (a few hundred bytes) until the tag has matched.
            metaBytes = Buffer.from(lead.subarray(4));
            lead = null;
          }
          if (!checkedHeader && plain.length >= 16) {
            // A payload that is a plaintext SQLite file was never sealed by Stepwise.
            if (plain.subarray(0, 16).equals(PLAINTEXT_HEADER)) throw damaged();
            checkedHeader = true;
          }
          if (output && plain.length) await writeAll(output, plain);
        }
        try {
          decipher.final();
        } catch {
          // The key file unwrapped this key, so a failing tag means changed bytes, not a wrong key.
          throw damaged();
        }
        if (lead || !metaBytes) throw damaged();
        let meta: BackupMeta;
        try {
          meta = JSON.parse(metaBytes.toString('utf8')) as BackupMeta;
        } catch {
          throw damaged();
        }
        if (meta.format > BACKUP_FORMAT)
          throw new AppError('NEWER_VERSION', 'This backup was made by a newer version of Stepwise. Update Stepwise to open it.');
        if (meta.vaultId !== keyFile.vaultId) throw damaged();
        if (output) {
          await output.sync();
          await output.close();
          output = undefined;
        }
        return meta;
      } catch (e) {
        await output?.close().catch(() => undefined);
        output = undefined;
        if (made && dest) removeQuietly(dest);
        if (e instanceof AppError) throw e;
        throw damaged();
      } finally {
        key.fill(0);
        await input?.close().catch(() => undefined);
      }
    },
  };
}

/** The database key of a backup, from its own key file and the secret. The caller wipes it. */
export async function backupKey(sealed: Pick<SealedBackup, 'keyFile'>, secret: Secret): Promise<Buffer> {
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
