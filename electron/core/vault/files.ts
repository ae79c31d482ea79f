import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';

/** The files of a vault folder. Documented in the README. */
export const DB_FILE = 'stepwise.db';
export const KEY_FILE = 'stepwise.key';
/** A new key file waiting for a rekey to finish (see Vault.commitRekey); never there for long. */
export const PENDING_KEY_FILE = 'stepwise.key.new';
/** Wrong-passphrase count and time: no secret, no client data. */
export const ATTEMPTS_FILE = 'stepwise.attempts';
/** Empty; one process at a time holds an OS lock on it while it opens or uses the vault. */
export const LOCK_FILE = 'stepwise.lock';

export const dbPath = (dir: string) => path.join(dir, DB_FILE);
export const keyPath = (dir: string) => path.join(dir, KEY_FILE);
export const pendingKeyPath = (dir: string) => path.join(dir, PENDING_KEY_FILE);
export const attemptsPath = (dir: string) => path.join(dir, ATTEMPTS_FILE);
export const lockPath = (dir: string) => path.join(dir, LOCK_FILE);

/** The files whose presence means a vault lives (or lived) here: create never writes over them. */
export function vaultFilesPresent(dir: string): string[] {
  return [DB_FILE, `${DB_FILE}-wal`, KEY_FILE, PENDING_KEY_FILE].filter((f) => existsSync(path.join(dir, f)));
}

/** A vault is here when its key file or its database is: with one missing it is damaged, not absent. */
export function vaultExists(dir: string): boolean {
  return existsSync(keyPath(dir)) || existsSync(dbPath(dir));
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

function fsyncDir(dir: string): void {
  try {
    const dfd = openSync(dir, 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directories cannot be opened for fsync on every platform (Windows); the rename is enough there.
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Already gone, or the folder became read-only: nothing more to do.
  }
}

/** Writes `content` to a new file of its own (never an existing one) and flushes it to the disk. */
function writeNewFile(file: string, content: string | Buffer): void {
  const fd = openSync(file, 'wx', 0o600);
  try {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let off = 0;
    while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export const tempName = (file: string) => `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;

/**
 * Writes a file so that a crash leaves either the old or the new content, never half of one:
 * a temporary file beside it, flushed, renamed over the old one, then the folder flushed. The
 * temporary file is removed when anything fails.
 */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = tempName(file);
  try {
    writeNewFile(tmp, content);
    renameSync(tmp, file);
  } catch (e) {
    removeQuietly(tmp);
    throw e;
  }
  fsyncDir(path.dirname(file));
}

/**
 * Like writeFileAtomic, but never replaces a file: fails with EEXIST when `file` is there. The
 * complete, flushed temporary file is hard-linked to its name (link refuses an existing name);
 * on a file system without hard links (FAT on a USB stick) the file is created exclusively.
 */
export function writeFileExclusive(file: string, content: string | Buffer): void {
  const tmp = tempName(file);
  try {
    writeNewFile(tmp, content);
    try {
      linkSync(tmp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw e;
      writeNewFile(file, content);
    }
  } finally {
    removeQuietly(tmp);
  }
  fsyncDir(path.dirname(file));
}

/**
 * Gives the complete, flushed file `tmp` the name `file`, never over another (EEXIST when one is
 * there): a hard link, then `tmp` removed; on a file system without hard links (FAT on a USB
 * stick) a rename after a check that no file has the name.
 */
export function linkExclusive(tmp: string, file: string): void {
  try {
    linkSync(tmp, file);
    removeQuietly(tmp);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || existsSync(file)) throw e;
    renameSync(tmp, file);
  }
  fsyncDir(path.dirname(file));
}

/** Renames `from` over `to` and flushes the folder. */
export function replaceFile(from: string, to: string): void {
  renameSync(from, to);
  fsyncDir(path.dirname(to));
}

export function removeFile(file: string): void {
  removeQuietly(file);
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
