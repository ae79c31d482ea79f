import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/result';
import { lockPath } from './files';

export const OPEN_ELSEWHERE_MESSAGE =
  'This vault is open in another Stepwise window or command. Close it there (or wait for the command to finish), then try again.';

/**
 * Every lock connection this process holds. better-sqlite3 closes a connection that is garbage
 * collected, which would drop its lock silently; this set keeps each one reachable until released.
 */
const held = new Set<Database.Database>();

/** Held while one core opens or uses a vault; `release` lets the next one in. */
export interface VaultLock {
  release(): void;
}

/**
 * One process per vault. The lock is an operating-system file lock on `stepwise.lock` (fcntl on
 * macOS and Linux, LockFileEx on Windows), taken through SQLite: an exclusive transaction kept
 * open on an empty, unencrypted database file, with its journal in memory, so the file stays
 * empty and nothing is ever written. The system drops the lock when the holder exits or is
 * killed, so a crash leaves no stale lock; no process id is trusted. SQLite also sees locks
 * held by other connections of the same process (another worker thread, a second core), so two
 * cores in one process exclude each other too. A second opener is refused at once
 * (busy timeout 0), with a message instead of a wait.
 */
export function acquireVaultLock(dir: string, nativeBinding?: string): VaultLock {
  const file = lockPath(dir);
  let db: Database.Database;
  try {
    // Like every file of the vault, readable by the clinician's account only. Created without
    // ever opening an existing one: closing any descriptor of a file drops every fcntl lock this
    // process holds on it, so a second core here must not touch the file the first one locked.
    if (!existsSync(file)) {
      try {
        closeSync(openSync(file, 'wx', 0o600));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    chmodSync(file, 0o600);
    db = new Database(file, { timeout: 0, ...(nativeBinding ? { nativeBinding } : {}) });
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === 'EACCES' || code === 'EROFS' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY')
      throw new AppError('IO', 'Stepwise cannot use the vault folder: it is read-only or not accessible. Check its permissions.');
    throw e;
  }
  try {
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    const code = String((e as { code?: unknown }).code ?? '');
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new AppError('CONFLICT', OPEN_ELSEWHERE_MESSAGE);
    if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))
      throw new AppError('IO', 'Stepwise cannot use the vault folder: it is read-only or not accessible. Check its permissions.');
    throw e;
  }
  held.add(db);
  return {
    release() {
      if (!held.delete(db)) return;
      try {
        db.close();
      } catch {
        // Closing can only fail if the handle is already gone; the lock goes with it.
      }
    },
  };
}
