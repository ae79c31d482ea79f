import { existsSync, mkdirSync, openSync, fsyncSync, closeSync, writeFileSync, renameSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The files of a vault folder. Documented in the README. */
export const DB_FILE = 'stepwise.db';
export const KEY_FILE = 'stepwise.key';

export const dbPath = (dir: string) => path.join(dir, DB_FILE);
export const keyPath = (dir: string) => path.join(dir, KEY_FILE);

export function vaultExists(dir: string): boolean {
  return existsSync(keyPath(dir)) && existsSync(dbPath(dir));
}

export function ensureDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Writes a file so that a crash leaves either the old or the new content, never half of one. */
export function writeFileAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    const dfd = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // Directories cannot be opened for fsync on every platform (Windows); the rename is enough there.
  }
}

export function readText(file: string): string {
  return readFileSync(file, 'utf8');
}
