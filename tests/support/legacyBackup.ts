import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BACKUP_FORMAT, privateTemp, type BackupMeta } from '../../electron/core/vault/backup';
import { keyPath, removeFile, tempName, writeFileExclusive } from '../../electron/core/vault/files';
import { parseKeyFile, serializeKeyFile, unlockKey, type KeyFile, type Secret } from '../../electron/core/vault/keyfile';
import { schemaVersion } from '../../electron/core/vault/migrate';
import { checkSnapshotFile, Vault } from '../../electron/core/vault/vault';

/*
 * The backup path as it was before issue 12 streamed it, kept for the tests and the bench only:
 * the whole snapshot read into memory, sealed with one Buffer.concat, and checked from a second
 * copy written out again. It writes format 1 exactly as the app did, so the tests prove that
 * backups made by earlier versions still check and restore, and the bench can measure the old
 * path beside the new one in the same run. Never used by the app.
 */

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** The old in-memory sealing (format 1). */
export function legacySeal(keyFile: KeyFile, dbKey: Buffer, meta: BackupMeta, snapshot: Buffer): Buffer {
  const kf = Buffer.from(serializeKeyFile(keyFile), 'utf8');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const head = Buffer.concat([u32(kf.length), kf, salt, iv]);
  const key = Buffer.from(hkdfSync('sha256', dbKey, salt, 'stepwise backup v1', 32));
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

/**
 * The old `Vault.writeBackup`: VACUUM INTO a temporary file, read whole, sealed whole, checked from
 * a copy in a private temporary folder, then written. The vault must be open (`vault.db`).
 */
export async function legacyWriteBackup(vault: Vault, secret: Secret, file: string, now: Date): Promise<{ bytes: number }> {
  const { keyFile } = parseKeyFile(readFileSync(keyPath(vault.dir), 'utf8'));
  const dbKey = await unlockKey(keyFile, secret);
  const tmp = tempName(path.join(path.dirname(file), '.stepwise-snapshot'));
  try {
    vault.db.prepare('VACUUM INTO ?').run(tmp);
    const snapshot = readFileSync(tmp);
    removeFile(tmp);
    const meta: BackupMeta = {
      format: BACKUP_FORMAT,
      createdAt: now.toISOString(),
      schemaVersion: schemaVersion(vault.db),
      vaultId: keyFile.vaultId,
    };
    const sealed = legacySeal(keyFile, dbKey, meta, snapshot);
    const check = privateTemp();
    try {
      const copy = path.join(check.dir, 'check.db');
      writeFileExclusive(copy, snapshot);
      if (!checkSnapshotFile(copy, dbKey, keyFile.vaultId).healthy) throw new Error('legacy backup: check failed');
    } finally {
      check.done();
    }
    writeFileExclusive(file, sealed);
    return { bytes: sealed.length };
  } finally {
    dbKey.fill(0);
    removeFile(tmp);
  }
}

/** The old in-memory opening of a whole backup file: its snapshot bytes (a reference for the streamed one). */
export function legacyOpen(bytes: Buffer, dbKey: Buffer): { meta: BackupMeta; snapshot: Buffer } {
  const kfLen = bytes.readUInt32BE(0);
  const headEnd = 4 + kfLen + 16 + 12;
  const head = bytes.subarray(0, headEnd);
  const salt = bytes.subarray(4 + kfLen, 4 + kfLen + 16);
  const iv = bytes.subarray(4 + kfLen + 16, headEnd);
  const key = Buffer.from(hkdfSync('sha256', dbKey, salt, 'stepwise backup v1', 32));
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(head);
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    const plain = Buffer.concat([decipher.update(bytes.subarray(headEnd, bytes.length - 16)), decipher.final()]);
    const metaLen = plain.readUInt32BE(0);
    return {
      meta: JSON.parse(plain.subarray(4, 4 + metaLen).toString('utf8')) as BackupMeta,
      snapshot: plain.subarray(4 + metaLen),
    };
  } finally {
    key.fill(0);
  }
}
