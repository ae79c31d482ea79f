import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseKeyFile, unlockKey, type Secret } from '../../electron/core/vault/keyfile';
import { dbPath, keyPath } from '../../electron/core/vault/files';

/**
 * Reads a vault's files page by page the way SQLCipher 4 wrote them, without SQLite: so a test
 * sees every page — free pages, unused space inside pages, the WAL's old frames — not only what a
 * query reaches. (This SQLite build has no `sqlite_dbpage`, and a query never shows a WAL frame
 * that a later one replaced.)
 *
 * The format (SQLCipher 4 with a raw key, as `openDatabase` keys the vault): 4096-byte pages;
 * the last 80 bytes of each page are reserved: a 16-byte IV, then a 64-byte HMAC-SHA512. The rest
 * is AES-256-CBC under the raw key, without padding. Page 1 begins with the 16-byte salt instead
 * of SQLite's header text, and its encrypted part starts after it. A WAL is a 32-byte header, then
 * frames of a 24-byte frame header and one page, encrypted the same way.
 */
export const PAGE_SIZE = 4096;
const RESERVE = 80;
const IV_LENGTH = 16;
const SALT_LENGTH = 16;

/** One page's plaintext (page 1 without its salt). */
export function decryptPage(page: Buffer, key: Buffer, first: boolean): Buffer {
  const start = first ? SALT_LENGTH : 0;
  const end = PAGE_SIZE - RESERVE;
  const iv = page.subarray(end, end + IV_LENGTH);
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  decipher.setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, end)), decipher.final()]);
}

/** Every page of an encrypted database file, decrypted. */
export function databasePages(file: string, key: Buffer): Buffer[] {
  const bytes = readFileSync(file);
  const pages: Buffer[] = [];
  for (let at = 0; at + PAGE_SIZE <= bytes.length; at += PAGE_SIZE) {
    pages.push(decryptPage(bytes.subarray(at, at + PAGE_SIZE), key, at === 0));
  }
  return pages;
}

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** Every frame of a WAL file (current or left over from before), decrypted; none when it is missing. */
export function walFrames(file: string, key: Buffer): Buffer[] {
  if (!existsSync(file)) return [];
  const bytes = readFileSync(file);
  const frames: Buffer[] = [];
  for (let at = WAL_HEADER; at + FRAME_HEADER + PAGE_SIZE <= bytes.length; at += FRAME_HEADER + PAGE_SIZE) {
    const pageNo = bytes.readUInt32BE(at);
    const page = bytes.subarray(at + FRAME_HEADER, at + FRAME_HEADER + PAGE_SIZE);
    frames.push(decryptPage(page, key, pageNo === 1));
  }
  return frames;
}

/** The database key of a vault folder, from its key file and the passphrase (the caller wipes it). */
export async function vaultKey(dir: string, secret: Secret): Promise<Buffer> {
  return unlockKey(parseKeyFile(readFileSync(keyPath(dir), 'utf8')).keyFile, secret);
}

/** Where a text appears in a vault's files: decrypted database pages, decrypted WAL frames, raw bytes. */
export function findInVault(
  dir: string,
  key: Buffer,
  text: string,
): { pages: number[]; walFrames: number[]; raw: string[]; pagesRead: number; framesRead: number } {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const has = (b: Buffer) => needles.some((n) => b.includes(n));
  const db = dbPath(dir);
  const pages = databasePages(db, key);
  const frames = walFrames(`${db}-wal`, key);
  const raw = ['', '-wal', '-shm', '-journal'].filter((s) => existsSync(`${db}${s}`) && has(readFileSync(`${db}${s}`)));
  return {
    pages: pages.flatMap((p, i) => (has(p) ? [i + 1] : [])),
    walFrames: frames.flatMap((f, i) => (has(f) ? [i] : [])),
    raw: raw.map((s) => `stepwise.db${s}`),
    pagesRead: pages.length,
    framesRead: frames.length,
  };
}
