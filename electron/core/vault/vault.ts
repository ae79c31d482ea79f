import {
  accessSync,
  chmodSync,
  closeSync,
  constants as fsConstants,
  existsSync,
  fstatSync,
  fsyncSync,
  openSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/result';
import { diskProblem } from '../../host/errors';
import { auditChainBreak, recordAudit, type AuditRows } from '../db/audit';
import { inTransaction, ReadDb } from '../db/handle';
import { sql, sqlIdentifier } from '../db/sql';
import type { MetaRow } from '../db/tables';
import {
  createKeys,
  damagedSlots,
  parseKeyFile,
  rawKeyLiteral,
  rewrapPassphrase,
  sameKey,
  serializeKeyFile,
  unlockKey,
  DEFAULT_SCRYPT,
  type KeyFile,
  type NewKeys,
  type Secret,
} from './keyfile';
import {
  dbPath,
  ensureDir,
  keyPath,
  KEY_FILE,
  linkExclusive,
  pendingKeyPath,
  readText,
  removeFile,
  replaceFile,
  tempName,
  vaultExists,
  vaultFilesPresent,
  writeFileAtomic,
  writeFileExclusive,
} from './files';
import { acquireVaultLock, type VaultLock } from './lock';
import { BACKUP_FORMAT, openBackupFile, sealBackupFile, type BackupMeta, type SealedBackup } from './backup';
import { LATEST_VERSION, migrate, schemaVersion } from './migrate';
import type { Migration } from './migrations';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export interface VaultOptions {
  /** Path of a better_sqlite3.node built for the host's ABI (Electron); Node uses the default. */
  nativeBinding?: string;
  /** scrypt cost for new keys; tests may lower it, the app never does. */
  scrypt?: { N: number; r: number; p: number };
  now?: () => Date;
  /** Migrations to apply (tests open vaults at earlier versions). */
  migrations?: readonly Migration[];
  targetVersion?: number;
}

const DAMAGED_MESSAGE =
  'The vault could not be read: its database file is damaged or is not a Stepwise vault. Nothing was changed. Restore it from a backup, or contact support.';
const DB_MISSING_MESSAGE =
  'The vault’s database file (stepwise.db) is missing from its folder, so the vault cannot open. Nothing was changed. Put stepwise.db back from a backup of this vault folder.';
const KEY_MISSING_MESSAGE =
  'The vault’s key file (stepwise.key) is missing from its folder, so the vault cannot open. Nothing was changed. Put stepwise.key back from a backup of this vault folder.';
const KEY_MISMATCH_MESSAGE =
  'The vault could not be read with its key file: either the database file (stepwise.db) is damaged, or the key file (stepwise.key) is an old copy from before new keys were made. Nothing was changed. Put back both files from the same backup, or contact support.';
const LOCKED_MESSAGE = 'Stepwise is locked. Unlock it with your passphrase to continue.';

function readKeyFile(file: string): ReturnType<typeof parseKeyFile> {
  let raw: string;
  try {
    raw = readText(file);
  } catch {
    throw new AppError('DAMAGED', KEY_MISSING_MESSAGE);
  }
  return parseKeyFile(raw);
}

/**
 * Opens the encrypted database with a raw 256-bit key. The key reaches SQLCipher as bytes in a
 * Buffer through `db.key()` (better-sqlite3-multiple-ciphers passes it to sqlite3_key), never as
 * a JS string in a `PRAGMA key` statement, and the Buffer is wiped right after.
 */
function openDatabase(file: string, dbKey: Buffer, opts: VaultOptions, create = false): Db {
  let db: Db | undefined;
  const literal = rawKeyLiteral(dbKey);
  try {
    db = new Database(file, { fileMustExist: !create, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(literal);
    // Fails with SQLITE_NOTADB when the key does not fit the file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Deleted content is overwritten with zeros in its page (and freed pages zeroed), not just
    // unlinked: a deleted client leaves nothing behind in the database file (see eraseTraces).
    db.pragma('secure_delete = ON');
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    tuneConnection(db);
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof AppError) throw e;
    // A full disk or a read-only folder is said as such, never as damage.
    const disk = diskProblem(e);
    if (disk) throw new AppError(disk.code, disk.message);
    throw new AppError('DAMAGED', DAMAGED_MESSAGE);
  } finally {
    literal.fill(0);
  }
}

/**
 * How a vault's connection reads at size (issue 12; the same settings for the bench's plain copy):
 *
 * - `temp_store = MEMORY`: sorts and temporary tables stay in memory — no plaintext temp files,
 *   and no temp-file I/O.
 * - `cache_size = -65536` (64 MiB; SQLite's default is 2 MiB): SQLCipher decrypts a page when it
 *   enters the page cache, so a page found in the cache costs no decryption. With the default,
 *   a large vault's hot indexes fall out of the cache and every call decrypts them again
 *   (1.9–2× the cost of plain SQLite); 64 MiB holds the indexes of the screens' queries and the
 *   recent pages of a 1,000,000-record vault, well inside the worker's 300 MB.
 * - `mmap_size = 0`: memory-mapped I/O would map ciphertext, which SQLCipher must decrypt into
 *   the cache anyway; it saves nothing and would put encrypted pages in the process's map. Said
 *   explicitly so the plain copy is measured the same way.
 * - The page size stays SQLCipher's 4096 bytes: it matches the OS page, each page carries its own
 *   IV and MAC (≈1% of 4 KiB), and changing it would need a re-encryption of every vault.
 */
export function tuneConnection(db: Db): void {
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 0');
}

function vaultIdOf(db: Db): string | undefined {
  return new ReadDb(db).pluck(sql<Pick<MetaRow, 'value'>>`SELECT value FROM meta WHERE key = 'vault_id'`);
}

/** Removes the database files a failed create made (they did not exist before it). */
function removeNewDatabase(dir: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) removeFile(`${dbPath(dir)}${suffix}`);
}

/** A break in the audit trail's hash chain, in words, or null when it is whole. */
export function auditChainProblem(db: Db): string | null {
  if (schemaVersion(db) < 4) return null;
  const rows = db
    .prepare('SELECT id, at, action, entity, entity_id, detail, prev_hash, hash FROM audit_event ORDER BY id')
    .iterate() as AuditRows;
  const broken = auditChainBreak(rows);
  return broken ? `audit trail: event ${broken.id} ${broken.reason}` : null;
}

/** Overwrites a file's bytes with zeros in place and flushes it (a missing file is fine). */
function zeroFile(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r+');
  } catch {
    return;
  }
  try {
    const size = fstatSync(fd).size;
    const zeros = Buffer.alloc(Math.min(size, 1 << 20));
    for (let at = 0; at < size; at += zeros.length) writeSync(fd, zeros, 0, Math.min(zeros.length, size - at), at);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** What a check of a database snapshot found. */
export interface SnapshotCheck {
  healthy: boolean;
  integrity: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

/**
 * Opens an encrypted snapshot read-only with `dbKey` and checks it: SQLite's integrity check, the
 * vault's identity, its format version, and how many rows each table holds. DAMAGED when it does
 * not open. The key reaches SQLCipher as bytes, as in openDatabase.
 */
export function checkSnapshotFile(file: string, dbKey: Buffer, vaultId: string, opts: VaultOptions = {}): SnapshotCheck {
  const literal = rawKeyLiteral(dbKey);
  let db: Db | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.key(literal);
    db.pragma('temp_store = MEMORY');
    const sqliteCheck = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const chain = auditChainProblem(db);
    const integrity = chain ? `${sqliteCheck}; ${chain}` : sqliteCheck;
    if (vaultIdOf(db) !== vaultId) throw new AppError('DAMAGED', DAMAGED_MESSAGE);
    const version = schemaVersion(db);
    const read = new ReadDb(db);
    const counts: Record<string, number> = {};
    for (const { name } of read.all(
      sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )) {
      counts[name] = read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM ${sqlIdentifier(name)}`) ?? 0;
    }
    return { healthy: integrity === 'ok' && version <= LATEST_VERSION, integrity, schemaVersion: version, counts };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('DAMAGED', DAMAGED_MESSAGE);
  } finally {
    literal.fill(0);
    db?.close();
  }
}

/**
 * Restores a sealed backup into `dir` (which must hold no vault): its payload is decrypted a chunk
 * at a time straight into the new database file (SQLCipher's bytes, encrypted page by page), the
 * GCM tag checked, the database checked; only then is the key file written. On any failure what
 * was written is removed again, and nothing is kept of a backup that did not pass its check.
 */
export async function restoreBackupInto(
  dir: string,
  sealed: SealedBackup,
  dbKey: Buffer,
  opts: VaultOptions = {},
): Promise<{ meta: BackupMeta; check: SnapshotCheck }> {
  if (existsSync(dir) && vaultFilesPresent(dir).length)
    throw new AppError(
      'CONFLICT',
      `That folder already holds a Stepwise vault (${vaultFilesPresent(dir).join(', ')}). Restore into an empty folder.`,
    );
  ensureDir(dir);
  try {
    const meta = await sealed.unseal(dbKey, dbPath(dir));
    const check = checkSnapshotFile(dbPath(dir), dbKey, sealed.keyFile.vaultId, opts);
    if (!check.healthy)
      throw new AppError('DAMAGED', 'That backup did not pass its check, so it was not restored. Try another backup.');
    writeFileExclusive(keyPath(dir), serializeKeyFile(sealed.keyFile));
    return { meta, check };
  } catch (e) {
    removeNewDatabase(dir);
    removeFile(keyPath(dir));
    throw e;
  }
}

/**
 * An unlocked vault: the open encrypted database, its key file, and the vault lock that keeps
 * every other process (and every other core in this one) out until it is closed.
 */
export class Vault {
  private closed = false;
  /** A deletion's traces are still to be overwritten (eraseTraces found the vault busy). */
  private tracesPending = false;

  private constructor(
    readonly dir: string,
    readonly db: Db,
    private keyFile: KeyFile,
    private dbKey: Buffer,
    private readonly opts: VaultOptions,
    private readonly lock: VaultLock,
  ) {}

  static exists(dir: string): boolean {
    return vaultExists(dir);
  }

  /**
   * Creates a new vault in `dir`. Returns it unlocked, with the recovery key to show once.
   * Never writes over anything: refused when any vault file is in the folder (checked again under
   * the vault lock), and the key file is created exclusively.
   */
  static async create(dir: string, passphrase: string, opts: VaultOptions = {}): Promise<{ vault: Vault; recoveryKey: string }> {
    const refuse = (present: string[]) =>
      new AppError(
        'CONFLICT',
        `This folder already holds a Stepwise vault (${present.join(', ')}), so a new one is not made over it. Unlock it instead, or choose an empty folder.`,
      );
    if (existsSync(dir) && vaultFilesPresent(dir).length) throw refuse(vaultFilesPresent(dir));
    ensureDir(dir);
    const lock = acquireVaultLock(dir, opts.nativeBinding);
    try {
      const present = vaultFilesPresent(dir);
      if (present.length) throw refuse(present);
      const now = (opts.now ?? (() => new Date()))();
      const { keyFile, dbKey, recoveryKey } = await createKeys(passphrase, now, opts.scrypt ?? DEFAULT_SCRYPT);
      let db: Db | undefined;
      try {
        db = openDatabase(dbPath(dir), dbKey, opts, true);
        // Only the clinician's account may read the vault's files (SQLite gives -wal/-shm the same mode).
        chmodSync(dbPath(dir), 0o600);
        migrate(db, opts.migrations ?? MIGRATIONS, opts.targetVersion);
        const d = db;
        const at = now.toISOString();
        inTransaction(d, (w) => {
          w.run(sql`INSERT INTO meta (key, value) VALUES ('vault_id', ${keyFile.vaultId}), ('created_at', ${at})`);
          recordAudit(w, { at, action: 'created', entity: 'vault', entity_id: null, detail: null }, schemaVersion(d) >= 4);
        });
        // The key file is written last: a vault folder without one is not a vault yet.
        try {
          writeFileExclusive(keyPath(dir), serializeKeyFile(keyFile));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw refuse([KEY_FILE]);
          throw e;
        }
      } catch (e) {
        db?.close();
        dbKey.fill(0);
        removeNewDatabase(dir);
        throw e;
      }
      return { vault: new Vault(dir, db, keyFile, dbKey, opts, lock), recoveryKey };
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /**
   * Opens an existing vault with the passphrase or the recovery key, migrating it if needed.
   * Refused at once (CONFLICT) while another process or core has it open.
   */
  static async open(dir: string, secret: Secret, opts: VaultOptions = {}): Promise<Vault> {
    if (!vaultExists(dir)) throw new AppError('NOT_FOUND', 'There is no Stepwise vault in this folder.');
    const lock = acquireVaultLock(dir, opts.nativeBinding);
    try {
      return await Vault.openLocked(dir, secret, opts, lock);
    } catch (e) {
      lock.release();
      throw e;
    }
  }

  /**
   * The key file normally decides. A `stepwise.key.new` beside it means a rekey was interrupted
   * (see rekey): the current key file is tried first — with an unfinished re-encryption, SQLite
   * rolls the database back to the old key as it opens — and only if the database no longer
   * opens with the old key (the re-encryption had committed) is the new key file tried, and then
   * put in place.
   */
  private static async openLocked(dir: string, secret: Secret, opts: VaultOptions, lock: VaultLock): Promise<Vault> {
    if (!existsSync(dbPath(dir))) throw new AppError('DAMAGED', DB_MISSING_MESSAGE);
    const pendingFile = pendingKeyPath(dir);
    const hasPending = existsSync(pendingFile);
    const { keyFile, upgraded } = readKeyFile(keyPath(dir));
    let dbKey = await unlockKey(keyFile, secret);
    let chosen = keyFile;
    let db: Db;
    try {
      db = openDatabase(dbPath(dir), dbKey, opts);
      if (hasPending) removeFile(pendingFile);
    } catch (e) {
      dbKey.fill(0);
      if (!hasPending) throw e instanceof AppError && e.code === 'DAMAGED' ? new AppError('DAMAGED', KEY_MISMATCH_MESSAGE) : e;
      let pending: KeyFile;
      try {
        pending = readKeyFile(pendingFile).keyFile;
      } catch {
        throw e;
      }
      dbKey = await unlockKey(pending, secret);
      try {
        db = openDatabase(dbPath(dir), dbKey, opts);
      } catch (e2) {
        dbKey.fill(0);
        throw e2;
      }
      try {
        replaceFile(pendingFile, keyPath(dir));
      } catch {
        // The pending file keeps working from where it is; the next open tries the swap again.
      }
      chosen = pending;
    }
    try {
      if (vaultIdOf(db) !== chosen.vaultId) throw new AppError('DAMAGED', DAMAGED_MESSAGE);
      migrate(db, opts.migrations ?? MIGRATIONS, opts.targetVersion);
    } catch (e) {
      db.close();
      dbKey.fill(0);
      if (e instanceof AppError) throw e;
      throw new AppError('DAMAGED', DAMAGED_MESSAGE);
    }
    if (upgraded && chosen === keyFile) {
      try {
        writeFileAtomic(keyPath(dir), serializeKeyFile(keyFile));
      } catch {
        // A read-only folder: the version 1 file keeps working; it is upgraded another time.
      }
    }
    return new Vault(dir, db, chosen, dbKey, opts, lock);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get id(): string {
    return this.keyFile.vaultId;
  }

  private requireOpen(): void {
    if (this.closed) throw new AppError('LOCKED', LOCKED_MESSAGE);
  }

  /**
   * A copy of the database key, for work that awaits (scrypt): `close()` may wipe the original
   * meanwhile, and nothing must ever be wrapped around a wiped key. The caller wipes the copy.
   */
  private keyCopy(): Buffer {
    this.requireOpen();
    return Buffer.from(this.dbKey);
  }

  private async checkWith(secret: Secret, dbKey: Buffer): Promise<void> {
    const key = await unlockKey(this.keyFile, secret);
    try {
      if (!sameKey(key, dbKey))
        throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right. Please check it and try again.');
    } finally {
      key.fill(0);
    }
  }

  /** Checks a secret against the open vault: WRONG_PASSPHRASE (or DAMAGED) if it does not open it. */
  async checkSecret(secret: Secret): Promise<void> {
    const dbKey = this.keyCopy();
    try {
      await this.checkWith(secret, dbKey);
    } finally {
      dbKey.fill(0);
    }
    this.requireOpen();
  }

  /**
   * Checks `current`, then wraps the database key under `next` (fresh salt). Writes nothing:
   * `installKeyFile` puts the result in place.
   */
  async preparePassphraseChange(current: Secret, next: string): Promise<KeyFile> {
    const dbKey = this.keyCopy();
    try {
      await this.checkWith(current, dbKey);
      const updated = await rewrapPassphrase(this.keyFile, dbKey, next, this.opts.scrypt);
      this.requireOpen();
      return updated;
    } finally {
      dbKey.fill(0);
    }
  }

  /** Replaces the key file atomically (temporary file, flush, rename, flush the folder). */
  installKeyFile(updated: KeyFile): void {
    this.requireOpen();
    writeFileAtomic(keyPath(this.dir), serializeKeyFile(updated));
    this.keyFile = updated;
  }

  /** Rewraps the database key under a new passphrase. The database itself is untouched. */
  async changePassphrase(current: Secret, next: string): Promise<void> {
    this.installKeyFile(await this.preparePassphraseChange(current, next));
  }

  /**
   * Checks the passphrase, then makes a new database key and a new recovery key (same passphrase,
   * same vault identity), wrapped in a new key file. Writes nothing: `commitRekey` re-encrypts.
   */
  async prepareRekey(passphrase: string): Promise<NewKeys> {
    const dbKey = this.keyCopy();
    try {
      await this.checkWith({ passphrase }, dbKey);
    } finally {
      dbKey.fill(0);
    }
    const p = this.keyFile.passphrase;
    const keys = await createKeys(passphrase, new Date(), this.opts.scrypt ?? { N: p.N, r: p.r, p: p.p }, {
      vaultId: this.keyFile.vaultId,
      createdAt: this.keyFile.createdAt,
    });
    if (this.closed) {
      keys.dbKey.fill(0);
      this.requireOpen();
    }
    return keys;
  }

  /**
   * Re-encrypts the database in place under the new key, then puts the new key file in place.
   * Synchronous from start to end, so nothing else runs in between. Crash safety, step by step:
   *
   * 1. The new key file is written beside the old one as `stepwise.key.new` (flushed). The old
   *    `stepwise.key` stays the live one until step 5.
   * 2. The WAL is checkpointed into the database and the database leaves WAL mode for a
   *    rollback journal: SQLCipher re-encrypts (`sqlite3_rekey`) only outside WAL mode.
   * 3. `db.rekey()` rewrites every page under the new key inside one transaction, its original
   *    pages kept in `stepwise.db-journal`. A crash here leaves a hot journal: the next open,
   *    which tries the old key first, rolls it back and finds the database as it was.
   * 4. Back to WAL mode; a second connection opens the file with the new key alone and reads the
   *    vault's identity back, so the new key is proven before anything depends on it.
   * 5. `stepwise.key.new` is renamed over `stepwise.key` (atomic) and the folder flushed.
   *
   * A crash between 3 and 5 leaves a database that only the new key opens and both key files:
   * the next open finds the old key no longer fits, takes the new key file and finishes step 5.
   * The passphrase opens both files, so the clinician never notices.
   */
  commitRekey(keys: NewKeys): void {
    this.requireOpen();
    const pendingFile = pendingKeyPath(this.dir);
    let rekeyed = false;
    try {
      writeFileAtomic(pendingFile, serializeKeyFile(keys.keyFile));
      this.db.pragma('wal_checkpoint(TRUNCATE)');
      if (String(this.db.pragma('journal_mode = DELETE', { simple: true })).toLowerCase() !== 'delete') {
        throw new AppError('CONFLICT', 'The vault is busy with another task. Please try again in a moment.');
      }
      const literal = rawKeyLiteral(keys.dbKey);
      try {
        this.db.rekey(literal);
      } finally {
        literal.fill(0);
      }
      rekeyed = true;
      this.db.pragma('journal_mode = WAL');
      this.proveKey(keys.dbKey, keys.keyFile.vaultId);
    } catch (e) {
      try {
        this.db.pragma('journal_mode = WAL');
      } catch {
        // Reported below; the vault is closed by the caller on failure.
      }
      keys.dbKey.fill(0);
      // Before the re-encryption the old key file is still the right one and the vault stays open
      // as it was. After it, the new key file must stay for the next open to find (see above), and
      // this connection, whose key no longer matches what the vault holds, is closed.
      if (rekeyed) this.close();
      else removeFile(pendingFile);
      throw e;
    }
    this.keyFile = keys.keyFile;
    this.dbKey.fill(0);
    this.dbKey = keys.dbKey;
    // If this rename fails, the next open completes it: the database already needs the new key.
    try {
      replaceFile(pendingFile, keyPath(this.dir));
    } catch {
      // See above.
    }
  }

  /** Opens the database file again, with `dbKey` only, and checks it is this vault. */
  private proveKey(dbKey: Buffer, vaultId: string): void {
    const probe = openDatabase(dbPath(this.dir), dbKey, this.opts);
    try {
      if (vaultIdOf(probe) !== vaultId) throw new AppError('DAMAGED', DAMAGED_MESSAGE);
    } finally {
      probe.close();
    }
  }

  /**
   * Writes a backup of this vault to `file` (a new file, never over another), streamed (issue 12):
   *
   * 1. A consistent snapshot with `VACUUM INTO` (one read transaction) into a temporary file
   *    beside the backup (so a full disk shows there): SQLCipher writes it encrypted under the same
   *    key, page by page, without holding it in memory. It is the fastest of the three ways, as
   *    it only reads the live database once: the backup API needs a keyed destination that
   *    better-sqlite3 cannot give (its copy would be plaintext), and sqlcipher_export is the same
   *    page copy through an ATTACH plus a schema replay.
   * 2. The snapshot is checked where it lies (integrity, audit chain, identity, counts).
   * 3. It is sealed a chunk at a time into a temporary file beside the backup (backup.ts).
   * 4. The sealed file is read back and its tag checked (every byte as written), then linked to
   *    its name. The temporary files are removed whatever happens.
   *
   * Steps 3–4 await the file system between chunks, so the core answers other calls meanwhile;
   * steps 1–2 are single SQLite statements and hold the worker while they run.
   */
  async writeBackup(file: string, now: Date): Promise<{ bytes: number; check: SnapshotCheck }> {
    this.requireOpen();
    const dir = path.dirname(file);
    // SQLite says only "cannot open" for a folder it may not write to; this says why (EROFS, EACCES).
    accessSync(dir, fsConstants.W_OK);
    const snapshot = tempName(path.join(dir, '.stepwise-snapshot'));
    const sealedTmp = tempName(file);
    const dbKey = this.keyCopy();
    const keyFile = this.keyFile;
    try {
      const meta: BackupMeta = {
        format: BACKUP_FORMAT,
        createdAt: now.toISOString(),
        schemaVersion: schemaVersion(this.db),
        vaultId: keyFile.vaultId,
      };
      this.db.prepare('VACUUM INTO ?').run(snapshot);
      const check = checkSnapshotFile(snapshot, dbKey, keyFile.vaultId, this.opts);
      if (!check.healthy)
        throw new AppError('DAMAGED', 'The backup could not be made: the vault’s own check failed. Run “Verify vault”.');
      const bytes = await sealBackupFile(snapshot, sealedTmp, keyFile, dbKey, meta);
      removeFile(snapshot);
      // Read back: the file on the disk opens with the key and every byte is as it was sealed.
      await (await openBackupFile(sealedTmp)).unseal(dbKey, null);
      linkExclusive(sealedTmp, file);
      return { bytes, check };
    } finally {
      dbKey.fill(0);
      for (const f of [snapshot, `${snapshot}-journal`, `${snapshot}-wal`, `${snapshot}-shm`, sealedTmp]) removeFile(f);
    }
  }

  /**
   * The database key, for a backup made under this vault's present keys (its key file wraps the
   * same recovery slot), or null: then the backup needs its own passphrase. The caller wipes it.
   */
  keyFor(backupKeyFile: KeyFile): Buffer | null {
    if (backupKeyFile.vaultId !== this.keyFile.vaultId) return null;
    if (backupKeyFile.recovery.wrapped.data !== this.keyFile.recovery.wrapped.data) return null;
    return this.keyCopy();
  }

  verify(): { healthy: boolean; integrity: string; schemaVersion: number } {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    const version = schemaVersion(this.db);
    const fk = this.db.pragma('foreign_key_check') as unknown[];
    const problems: string[] = [];
    if (fk.length) problems.push(`${fk.length} broken reference(s)`);
    const chain = auditChainProblem(this.db);
    if (chain) problems.push(chain);
    const keyProblem = this.keyFileProblem();
    if (keyProblem) problems.push(keyProblem);
    const healthy = integrity === 'ok' && problems.length === 0 && version === LATEST_VERSION;
    return {
      healthy,
      integrity: [integrity, ...problems].join('; '),
      schemaVersion: version,
    };
  }

  /** The key file on disk, checked as at unlock: null when sound. */
  private keyFileProblem(): string | null {
    try {
      const { keyFile } = readKeyFile(keyPath(this.dir));
      const damage = damagedSlots(keyFile);
      if (damage.passphrase) return 'key file: its passphrase part is damaged — set a new passphrase to repair it';
      if (damage.recovery) return 'key file: its recovery-key part is damaged — make a new recovery key in Settings';
      return null;
    } catch {
      return 'key file: damaged or missing — make a new recovery key in Settings to write a fresh one';
    }
  }

  info() {
    const read = new ReadDb(this.db);
    const tables = read
      .all(sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .map((r) => r.name);
    const counts: Record<string, number> = {};
    for (const t of tables) {
      // Table names come from sqlite_master, not from input; identifiers cannot be bound.
      counts[t] = read.pluck(sql<{ n: number }>`SELECT count(*) AS n FROM ${sqlIdentifier(t)}`) ?? 0;
    }
    return {
      vaultId: this.keyFile.vaultId,
      createdAt: this.keyFile.createdAt,
      schemaVersion: schemaVersion(this.db),
      appSchemaVersion: LATEST_VERSION,
      cipher: 'SQLCipher 4 (AES-256, raw 256-bit key)',
      kdf: `scrypt N=2^${Math.log2(this.keyFile.passphrase.N)}, r=${this.keyFile.passphrase.r}, p=${this.keyFile.passphrase.p}`,
      counts,
    };
  }

  /**
   * After a deletion (the right to erasure): leaves no copy of deleted content in the vault's
   * files. With `secure_delete` on (set at open), SQLite overwrote the deleted rows with zeros in
   * their pages, but older copies can remain elsewhere: page versions in the WAL's old frames, and
   * space freed before `secure_delete` was on (a name edited in an older vault). So:
   *
   * 1. The WAL is checkpointed into the database (RESTART: every frame copied back, the log
   *    starts over at the next write).
   * 2. VACUUM rebuilds the database from its live rows only: every page is written afresh, free
   *    pages and the unused space inside pages hold no old content, the file shrinks to fit.
   * 3. Checkpoint again (VACUUM went through the WAL), then the WAL's frames — all copied back by
   *    now, so none is needed — are overwritten with zeros and flushed, and the WAL is truncated
   *    to nothing (TRUNCATE). A crash between zeroing and truncating is harmless: SQLite reads a
   *    WAL whose header is zeros as empty, and every frame is already in the database.
   *
   * True when all of it was done; false when the vault was busy (a reader in the way): then the
   * deletion stands and closing the vault (locking) tries again. What SQLite cannot reach is the
   * disk below the file system (blocks a shrinking file gave back, an SSD's remapped cells); they
   * only ever held encrypted pages.
   */
  eraseTraces(): boolean {
    this.requireOpen();
    this.tracesPending = true;
    const done = (r: unknown) => {
      const row = (r as { busy: number; log: number; checkpointed: number }[])[0];
      return !!row && row.busy === 0 && row.log === row.checkpointed;
    };
    if (!done(this.db.pragma('wal_checkpoint(RESTART)'))) return false;
    this.db.exec('VACUUM');
    if (!done(this.db.pragma('wal_checkpoint(RESTART)'))) return false;
    zeroFile(`${dbPath(this.dir)}-wal`);
    if (!done(this.db.pragma('wal_checkpoint(TRUNCATE)'))) return false;
    this.tracesPending = false;
    return true;
  }

  /** Closes the database, wipes the key and releases the vault lock. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    try {
      // A deletion whose traces could not be overwritten then: now, before the vault closes.
      if (this.tracesPending) this.eraseTraces();
    } catch {
      // The checkpoint below still runs.
    }
    this.closed = true;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // The WAL stays; SQLite replays it at the next open.
    } finally {
      try {
        this.db.close();
      } finally {
        this.dbKey.fill(0);
        this.lock.release();
      }
    }
  }
}
