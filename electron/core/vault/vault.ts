import { chmodSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/result';
import { recordAudit } from '../db/audit';
import { inTransaction, ReadDb } from '../db/handle';
import { sql, sqlIdentifier } from '../db/sql';
import type { MetaRow } from '../db/tables';
import { createKeys, keyFileSchema, rewrapPassphrase, unlockKey, DEFAULT_SCRYPT, type KeyFile, type Secret } from './keyfile';
import { dbPath, ensureDir, keyPath, readText, vaultExists, writeFileAtomic } from './files';
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

function readKeyFile(dir: string): KeyFile {
  let raw: string;
  try {
    raw = readText(keyPath(dir));
  } catch {
    throw new AppError('NOT_FOUND', 'There is no Stepwise vault in this folder.');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError('DAMAGED', 'The vault’s key file is damaged. Restore the vault folder from a backup.');
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'DAMAGED',
      'The vault’s key file is damaged or was made by another program. Restore the vault folder from a backup.',
    );
  }
  return parsed.data;
}

function openDatabase(file: string, dbKey: Buffer, opts: VaultOptions): Db {
  let db: Db | undefined;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${dbKey.toString('hex')}'"`);
    // Fails with SQLITE_NOTADB when the key does not fit the file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    // Sorts and temporary tables stay in memory: no plaintext temp files.
    db.pragma('temp_store = MEMORY');
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof AppError) throw e;
    throw new AppError('DAMAGED', DAMAGED_MESSAGE);
  }
}

/** An unlocked vault: the open encrypted database and its key file. */
export class Vault {
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly db: Db,
    private keyFile: KeyFile,
    private dbKey: Buffer,
    private readonly opts: VaultOptions,
  ) {}

  static exists(dir: string): boolean {
    return vaultExists(dir);
  }

  /** Creates a new vault in `dir`. Returns it unlocked, with the recovery key to show once. */
  static async create(dir: string, passphrase: string, opts: VaultOptions = {}): Promise<{ vault: Vault; recoveryKey: string }> {
    if (vaultExists(dir)) {
      throw new AppError('CONFLICT', 'A Stepwise vault already exists in this folder. Unlock it instead.');
    }
    ensureDir(dir);
    const now = (opts.now ?? (() => new Date()))();
    const { keyFile, dbKey, recoveryKey } = await createKeys(passphrase, now, opts.scrypt ?? DEFAULT_SCRYPT);
    const db = openDatabase(dbPath(dir), dbKey, opts);
    try {
      // Only the clinician's account may read the vault's files (SQLite gives -wal/-shm the same mode).
      chmodSync(dbPath(dir), 0o600);
      migrate(db, opts.migrations ?? MIGRATIONS, opts.targetVersion);
      const at = now.toISOString();
      inTransaction(db, (w) => {
        w.run(sql`INSERT INTO meta (key, value) VALUES ('vault_id', ${keyFile.vaultId}), ('created_at', ${at})`);
        recordAudit(w, { at, action: 'created', entity: 'vault', entity_id: null, detail: null });
      });
      // The key file is written last: a vault folder without one is not a vault yet.
      writeFileAtomic(keyPath(dir), JSON.stringify(keyFile, null, 2));
    } catch (e) {
      db.close();
      throw e;
    }
    return { vault: new Vault(dir, db, keyFile, dbKey, opts), recoveryKey };
  }

  /** Opens an existing vault with the passphrase or the recovery key, migrating it if needed. */
  static async open(dir: string, secret: Secret, opts: VaultOptions = {}): Promise<Vault> {
    if (!vaultExists(dir)) throw new AppError('NOT_FOUND', 'There is no Stepwise vault in this folder.');
    const keyFile = readKeyFile(dir);
    const dbKey = await unlockKey(keyFile, secret);
    const db = openDatabase(dbPath(dir), dbKey, opts);
    try {
      const id = new ReadDb(db).pluck(sql<Pick<MetaRow, 'value'>>`SELECT value FROM meta WHERE key = 'vault_id'`);
      if (id !== keyFile.vaultId) throw new AppError('DAMAGED', DAMAGED_MESSAGE);
      migrate(db, opts.migrations ?? MIGRATIONS, opts.targetVersion);
    } catch (e) {
      db.close();
      if (e instanceof AppError) throw e;
      throw new AppError('DAMAGED', DAMAGED_MESSAGE);
    }
    return new Vault(dir, db, keyFile, dbKey, opts);
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  get id(): string {
    return this.keyFile.vaultId;
  }

  /** Rewraps the database key under a new passphrase. The database itself is untouched. */
  async changePassphrase(current: Secret, next: string): Promise<void> {
    const key = await unlockKey(this.keyFile, current);
    if (!key.equals(this.dbKey)) throw new AppError('WRONG_PASSPHRASE', 'That passphrase is not right.');
    const updated = await rewrapPassphrase(this.keyFile, this.dbKey, next, this.opts.scrypt);
    writeFileAtomic(keyPath(this.dir), JSON.stringify(updated, null, 2));
    this.keyFile = updated;
  }

  verify(): { healthy: boolean; integrity: string; schemaVersion: number } {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[];
    const integrity = rows.map((r) => r.integrity_check).join('; ');
    const version = schemaVersion(this.db);
    const fk = this.db.pragma('foreign_key_check') as unknown[];
    const healthy = integrity === 'ok' && fk.length === 0 && version === LATEST_VERSION;
    return {
      healthy,
      integrity: fk.length ? `${integrity}; ${fk.length} broken reference(s)` : integrity,
      schemaVersion: version,
    };
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      this.db.close();
      this.dbKey.fill(0);
    }
  }
}
