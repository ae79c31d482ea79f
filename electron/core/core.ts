import { AppError } from '../../shared/result';
import { CallQueue } from '../host/queue';
import { AttemptCounter, failureDelayMs } from './vault/attempts';
import { Vault, type Db, type VaultOptions } from './vault/vault';

export interface CoreOptions {
  /** The vault folder this core serves. */
  vaultDir: string;
  vault?: VaultOptions;
  now?: () => Date;
  /** How the core waits after repeated wrong passphrases (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

export type AuditAction =
  'created' | 'changed' | 'viewed' | 'exported' | 'printed' | 'archived' | 'restored' | 'deleted' | 'unlocked' | 'imported';

/**
 * The state of one running core: which vault folder it serves and, while unlocked, the open
 * vault. Services receive it as their context.
 */
export class Core {
  vault: Vault | null = null;
  readonly attempts = new AttemptCounter();
  /** The order of this core's calls: the ones that open or close the database run alone. */
  readonly calls = new CallQueue();
  readonly now: () => Date;
  readonly sleep: (ms: number) => Promise<void>;

  constructor(readonly options: CoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  get vaultDir(): string {
    return this.options.vaultDir;
  }

  /** The open vault, or a LOCKED error the clinician understands. */
  requireVault(): Vault {
    if (!this.vault?.isOpen) throw new AppError('LOCKED', 'Stepwise is locked. Unlock it with your passphrase to continue.');
    return this.vault;
  }

  get db(): Db {
    return this.requireVault().db;
  }

  /** Runs `fn` as one write transaction: all of it is saved, or none of it. */
  write<T>(fn: (db: Db) => T): T {
    const db = this.db;
    return db.transaction(() => fn(db)).immediate();
  }

  /** Records that something happened: what and when, never the content. */
  audit(action: AuditAction, entity: string, entityId?: string | null, detail?: string | null): void {
    this.db
      .prepare('INSERT INTO audit_event (at, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?)')
      .run(this.now().toISOString(), action, entity, entityId ?? null, detail ?? null);
  }

  /** Waits as long as the failure count demands; called after a wrong passphrase. */
  async afterFailure(): Promise<void> {
    const n = this.attempts.fail(this.vaultDir);
    const delay = failureDelayMs(n);
    if (delay > 0) await this.sleep(delay);
  }

  close(): void {
    this.vault?.close();
    this.vault = null;
  }
}
