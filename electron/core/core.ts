import { AppError } from '../../shared/result';
import { AUTO_LOCK_DEFAULT, AUTO_LOCK_MAX, AUTO_LOCK_MIN } from '../../shared/settings';
import { CallQueue } from '../host/queue';
import { inTransaction, ReadDb, type WriteDb } from './db/handle';
import { recordAudit } from './db/audit';
import { forgetPrintedTexts } from './pdf/caches';
import { AttemptCounter, failureDelayMs } from './vault/attempts';
import type { Secret } from './vault/keyfile';
import { Vault, type Db, type VaultOptions } from './vault/vault';
import { takeChangedClients } from './util/clientChanges';

export interface CoreOptions {
  /** The vault folder this core serves. */
  vaultDir: string;
  vault?: VaultOptions;
  now?: () => Date;
  /** How the core waits after repeated wrong passphrases (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
  /** Lock after this many minutes without a call (the clinician's setting; the host updates it). */
  autoLockMinutes?: number;
}

export type AuditAction =
  'created' | 'changed' | 'viewed' | 'exported' | 'printed' | 'archived' | 'restored' | 'deleted' | 'unlocked' | 'imported';

/** One line of the audit trail: what happened to which record, never the content. */
export interface AuditEvent {
  action: AuditAction;
  entity: string;
  entityId?: string | null;
  /** A short non-identifying note (e.g. "status completed"). */
  detail?: string | null;
}

/** The audit events of one write: one, several, or (said explicitly) none. */
export type AuditEvents = AuditEvent | readonly AuditEvent[];

/** The open vault's own operations, without its database. */
export type VaultFile = Pick<
  Vault,
  | 'id'
  | 'verify'
  | 'info'
  | 'isOpen'
  | 'checkSecret'
  | 'preparePassphraseChange'
  | 'installKeyFile'
  | 'prepareRekey'
  | 'commitRekey'
  | 'writeBackup'
  | 'keyFor'
  | 'eraseTraces'
>;

/**
 * What a service sees of the core (its context in every handler): the clock, the read handle,
 * `write()`, and the vault's lifecycle. It has no database handle: a service reads with
 * `core.read` and changes the vault only inside `core.write()`.
 */
export interface CoreContext {
  readonly now: () => Date;
  readonly vaultDir: string;
  readonly attempts: AttemptCounter;
  readonly sleep: (ms: number) => Promise<void>;
  /** How this core opens vaults (native binding, scrypt cost): for a restored copy elsewhere. */
  readonly vaultOptions: VaultOptions;

  /** The read handle of the open vault (LOCKED when there is none). Refuses statements that write. */
  readonly read: ReadDb;

  /**
   * Runs `fn` as one IMMEDIATE transaction and records its audit events in it: all of it is saved,
   * or none of it. `audit` is the event(s), or a function of `fn`'s result that gives them (for
   * a write that may turn out to change nothing, it returns `[]`). Give that function's
   * parameter its type, `(changed: boolean) => …`: TypeScript reads the arguments in order.
   * IDs of new records are made before the write (`newId()`), so the event can name them.
   */
  write<T>(audit: AuditEvents | ((result: T) => AuditEvents), fn: (w: WriteDb) => T): T;

  /**
   * The clients whose rows (client, session, homework review, measure result) changed since the
   * last call in this vault session; null on the first (util/clientChanges). One reader: the
   * caseload flags.
   */
  takeChangedClients(): string[] | null;

  /** The open vault's file operations, or a LOCKED error the clinician understands. */
  requireVault(): VaultFile;
  readonly unlocked: boolean;
  vaultExists(): boolean;
  /** Creates a vault in the folder and keeps it open. Returns the recovery key to show once. */
  createVault(passphrase: string): Promise<{ recoveryKey: string }>;
  /** Opens the vault with the passphrase or the recovery key (migrating it if needed). */
  openVault(secret: Secret): Promise<void>;
  /** Waits as long as the failure count demands; called after a wrong passphrase. */
  afterFailure(): Promise<void>;
  /** The auto-lock minutes for the core's own idle lock (1–60). */
  setAutoLockMinutes(minutes: number): void;
  close(): void;
}

const LOCKED_MESSAGE = 'Stepwise is locked. Unlock it with your passphrase to continue.';

/**
 * The state of one running core: which vault folder it serves and, while unlocked, the open
 * vault. Services receive it as their `CoreContext`; hosts and tests hold the class itself.
 */
export class Core implements CoreContext {
  vault: Vault | null = null;
  readonly attempts = new AttemptCounter();
  /** The order of this core's calls: the ones that open or close the database run alone. */
  readonly calls = new CallQueue();
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;

  /** The core's own auto-lock: minutes without a call after which the vault is closed. */
  private autoLockMs = AUTO_LOCK_DEFAULT * 60_000;
  private lastActivity: number;

  constructor(readonly options: CoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.lastActivity = this.now().getTime();
    if (options.autoLockMinutes !== undefined) this.setAutoLockMinutes(options.autoLockMinutes);
  }

  /** The auto-lock setting, kept within 1–60 minutes (there is no "never"). */
  setAutoLockMinutes(minutes: number): void {
    const m = Number.isFinite(minutes)
      ? Math.min(AUTO_LOCK_MAX, Math.max(AUTO_LOCK_MIN, Math.round(minutes)))
      : AUTO_LOCK_DEFAULT;
    this.autoLockMs = m * 60_000;
  }

  /** A call arrived (or finished): the idle time starts again. */
  noteActivity(): void {
    this.lastActivity = this.now().getTime();
  }

  /** No call for the auto-lock minutes. */
  get idle(): boolean {
    return this.now().getTime() - this.lastActivity >= this.autoLockMs;
  }

  get vaultDir(): string {
    return this.options.vaultDir;
  }

  get vaultOptions(): VaultOptions {
    return { ...this.options.vault, now: this.now };
  }

  /** The open vault, or a LOCKED error the clinician understands. */
  requireVault(): Vault {
    if (!this.vault?.isOpen) throw new AppError('LOCKED', LOCKED_MESSAGE);
    return this.vault;
  }

  get unlocked(): boolean {
    return !!this.vault?.isOpen;
  }

  vaultExists(): boolean {
    return Vault.exists(this.vaultDir);
  }

  /**
   * The raw database, for tests and tools outside the services (which never see it: their
   * context is `CoreContext`).
   */
  get db(): Db {
    return this.requireVault().db;
  }

  get read(): ReadDb {
    return new ReadDb(this.db);
  }

  takeChangedClients(): string[] | null {
    return takeChangedClients(this.db);
  }

  write<T>(audit: AuditEvents | ((result: T) => AuditEvents), fn: (w: WriteDb) => T): T;
  /** A transaction on the raw database, without an audit event: for tests and tools, never services. */
  write<T>(fn: (db: Db) => T): T;
  write<T>(first: AuditEvents | ((result: T) => AuditEvents) | ((db: Db) => T), fn?: (w: WriteDb) => T): T {
    const db = this.db;
    if (fn === undefined) {
      const raw = first as (db: Db) => T;
      return db.transaction(() => raw(db)).immediate();
    }
    return this.writeAudited(db, first as AuditEvents | ((result: T) => AuditEvents), fn);
  }

  private writeAudited<T>(db: Db, audit: AuditEvents | ((result: T) => AuditEvents), fn: (w: WriteDb) => T): T {
    return inTransaction(db, (w) => {
      const result = fn(w);
      const events = typeof audit === 'function' ? audit(result) : audit;
      const at = this.now().toISOString();
      for (const e of Array.isArray(events) ? (events as readonly AuditEvent[]) : [events as AuditEvent]) {
        recordAudit(w, { at, action: e.action, entity: e.entity, entity_id: e.entityId ?? null, detail: e.detail ?? null });
      }
      return result;
    });
  }

  async createVault(passphrase: string): Promise<{ recoveryKey: string }> {
    if (this.vault?.isOpen) throw new AppError('CONFLICT', 'A Stepwise vault already exists in this folder. Unlock it instead.');
    const { vault, recoveryKey } = await Vault.create(this.vaultDir, passphrase, { ...this.options.vault, now: this.now });
    this.vault = vault;
    return { recoveryKey };
  }

  async openVault(secret: Secret): Promise<void> {
    if (this.vault?.isOpen) return;
    this.vault = await Vault.open(this.vaultDir, secret, { ...this.options.vault, now: this.now });
  }

  async afterFailure(): Promise<void> {
    const n = this.attempts.fail(this.vaultDir);
    const delay = failureDelayMs(n);
    if (delay > 0) await this.sleep(delay);
  }

  close(): void {
    this.vault?.close();
    this.vault = null;
    // The PDF engine's memoised texts hold what was printed (client names among it).
    forgetPrintedTexts();
  }
}
