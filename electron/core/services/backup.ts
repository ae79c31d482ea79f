import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { diskProblem } from '../../host/errors';
import type { CoreContext } from '../core';
import { sql } from '../db/sql';
import type { MetaRow } from '../db/tables';
import { backupKey, openBackupFile, privateTemp, type SealedBackup } from '../vault/backup';
import type { Secret } from '../vault/keyfile';
import { BACKUP_INTERVAL_MS, BACKUP_STALE_MS, backupFileName, backupsToPrune } from '../vault/retention';
import { checkSnapshotFile, proveRestoredVault, restoreBackupInto, type SnapshotCheck } from '../vault/restore';

/*
 * Backups run in the core (its worker thread in the app): the snapshot, sealing and check never
 * touch Electron's main thread. See vault/backup.ts for the file format. Everything is streamed
 * in chunks (issue 12): a backup, its check and a restore hold a few MB whatever the vault's size,
 * and between chunks the core answers other calls — a backup does not run alone. Backups of one
 * core are made one after the other (a second waits for the first), never two at once.
 */

const FOLDER_MESSAGE =
  'The backup folder cannot be reached. Check that the drive is connected, or choose another folder in Settings.';
const FULL_FOLDER = 'The disk of the backup folder is full. Free some space on it, or choose another folder in Settings.';
const READ_ONLY_FOLDER =
  'Stepwise is not allowed to write to the backup folder (it may be read-only). Choose another folder in Settings.';

function meta(core: CoreContext, key: string): string | null {
  return core.read.pluck(sql<Pick<MetaRow, 'value'>>`SELECT value FROM meta WHERE key = ${key}`) ?? null;
}

export function backupStatus(core: CoreContext) {
  const lastBackupAt = meta(core, 'last_backup_at');
  const age = lastBackupAt ? core.now().getTime() - Date.parse(lastBackupAt) : Infinity;
  return {
    lastBackupAt,
    lastBackupFile: meta(core, 'last_backup_file'),
    stale: age > BACKUP_STALE_MS,
    due: age >= BACKUP_INTERVAL_MS,
  };
}

/** A name for a new backup in `folder` that no file has yet. */
/** Makes the backup folder; a full or read-only drive is said as such, anything else is a folder out of reach. */
function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    // Node's recursive mkdir reports a read-only drive as ENOENT: one level at a time, from the
    // nearest folder that exists, gives the real reason.
    let real: unknown = e;
    const missing: string[] = [];
    for (let p = folder; !existsSync(p) && path.dirname(p) !== p; p = path.dirname(p)) missing.unshift(p);
    try {
      for (const m of missing) mkdirSync(m);
    } catch (e2) {
      real = e2;
    }
    const disk = diskProblem(real);
    throw new AppError('IO', !disk ? FOLDER_MESSAGE : disk.message.includes('full') ? FULL_FOLDER : READ_ONLY_FOLDER);
  }
}

/** The temporary files of a backup (see Vault.writeBackup): the snapshot and the sealed file before its name. */
const BACKUP_TEMP = /^(\.stepwise-snapshot|.+\.swbackup)\.\d+-[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?$/;
/** Older than this, a backup's temporary file is from a backup that was cut short (a crash, a kill). */
const STALE_TEMP_MS = 6 * 3600_000;

/** Removes what a backup cut short by a crash left in the folder (encrypted bytes, but disk space). */
function removeStaleTemps(folder: string, now: number): void {
  try {
    for (const name of readdirSync(folder)) {
      if (!BACKUP_TEMP.test(name)) continue;
      const file = path.join(folder, name);
      if (now - statSync(file).mtimeMs > STALE_TEMP_MS) rmSync(file, { force: true });
    }
  } catch {
    // Tidying is tried again with the next backup.
  }
}

function freshName(folder: string, at: Date): string {
  for (let n = 0; n < 1000; n++) {
    const name = backupFileName(at, n);
    if (!existsSync(path.join(folder, name))) return name;
  }
  throw new AppError('CONFLICT', 'The backup folder has too many backups from this moment. Try again in a second.');
}

/** The backup being made by each core, so that a second waits for it. */
const making = new WeakMap<CoreContext, Promise<unknown>>();

function oneAtATime<T>(core: CoreContext, fn: () => Promise<T>): Promise<T> {
  const before = making.get(core) ?? Promise.resolve();
  const run = before.then(fn, fn);
  making.set(
    core,
    run.catch(() => undefined),
  );
  return run;
}

/** The database key of a sealed backup: with the secret, or (none given) the open vault's key when it is the same. */
async function keyOf(sealed: SealedBackup, secret: Secret | undefined, core: CoreContext): Promise<Buffer> {
  let dbKey: Buffer | null = null;
  if (secret) dbKey = await backupKey(sealed, secret);
  else if (core.unlocked) dbKey = core.requireVault().keyFor(sealed.keyFile);
  if (!dbKey)
    throw new AppError(
      'WRONG_PASSPHRASE',
      'This backup was made with other keys. Enter the passphrase (or recovery key) the vault had when the backup was made.',
      { secret: 'needed' },
    );
  return dbKey;
}

function checked(result: SnapshotCheck, createdAt: string) {
  return {
    healthy: result.healthy,
    integrity: result.integrity,
    schemaVersion: result.schemaVersion,
    counts: result.counts,
    createdAt,
  };
}

export const backupHandlers: Handlers<CoreContext>['backup'] = {
  status: (_input, core) => {
    core.requireVault();
    return backupStatus(core);
  },

  create({ folder, kind }, core) {
    core.requireVault();
    if (!path.isAbsolute(folder)) throw new AppError('VALIDATION', 'Choose the backup folder with the folder dialog.');
    return oneAtATime(core, async () => {
      const vault = core.requireVault();
      makeFolder(folder);
      removeStaleTemps(folder, Date.now());
      const at = core.now();
      const name = freshName(folder, at);
      const file = path.join(folder, name);
      const { bytes } = await vault.writeBackup(file, at);
      let pruned: string[] = [];
      if (kind === 'auto') {
        try {
          pruned = backupsToPrune(readdirSync(folder));
          for (const old of pruned) rmSync(path.join(folder, old), { force: true });
        } catch {
          // A backup that was made counts; tidying the folder is tried again next time.
        }
      }
      const iso = at.toISOString();
      core.write({ action: 'created', entity: 'backup', detail: kind }, (w) => {
        for (const [key, value] of [
          ['last_backup_at', iso],
          ['last_backup_file', name],
        ] as const)
          w.run(
            sql`INSERT INTO meta (key, value) VALUES (${key}, ${value}) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
          );
      });
      return { file, at: iso, bytes, pruned };
    });
  },

  async check({ file, secret }, core) {
    const sealed = await openBackupFile(file);
    const dbKey = await keyOf(sealed, secret as Secret | undefined, core);
    // The snapshot is decrypted (SQLCipher's encrypted bytes only) into a private folder, removed after.
    const tmp = privateTemp();
    try {
      const snapshot = path.join(tmp.dir, 'check.db');
      const m = await sealed.unseal(dbKey, snapshot);
      return checked(checkSnapshotFile(snapshot, dbKey, sealed.keyFile.vaultId, core.vaultOptions), m.createdAt);
    } finally {
      dbKey.fill(0);
      tmp.done();
    }
  },

  async restore({ file, secret, target }, core) {
    const sealed = await openBackupFile(file);
    const dbKey = await keyOf(sealed, secret as Secret, core);

    if (target.kind === 'new') {
      const dir = path.resolve(target.vaultDir);
      let restored: Awaited<ReturnType<typeof restoreBackupInto>>;
      try {
        if (core.unlocked && path.resolve(core.vaultDir) === dir)
          throw new AppError(
            'CONFLICT',
            'That is the open vault’s folder. Choose an empty folder, or replace the current vault.',
          );
        restored = await restoreBackupInto(dir, sealed, dbKey, core.vaultOptions);
      } finally {
        dbKey.fill(0);
      }
      const { meta: m, check } = restored;
      // Proven by opening it as the app would (migrating an older backup), then closed.
      try {
        await proveRestoredVault(dir, secret as Secret, core.vaultOptions);
      } catch (e) {
        rmSync(dir, { recursive: true, force: true });
        throw e;
      }
      return { vaultDir: dir, createdAt: m.createdAt, check: checked(check, m.createdAt) };
    }

    // Replace: the restored vault is written beside the live one, the live one set aside, the
    // restored one put in its place and opened; only when it opened and passed its check is the
    // old one removed. On any failure the old one goes back.
    const live = path.resolve(core.vaultDir);
    const tag = `${core.now().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    const staging = `${live}.restoring-${tag}`;
    const aside = `${live}.before-restore-${tag}`;
    let restored: Awaited<ReturnType<typeof restoreBackupInto>>;
    try {
      restored = await restoreBackupInto(staging, sealed, dbKey, core.vaultOptions);
    } catch (e) {
      rmSync(staging, { recursive: true, force: true });
      throw e;
    } finally {
      dbKey.fill(0);
    }
    const { meta: m, check } = restored;
    core.close();
    let swapped = false;
    try {
      if (existsSync(live)) renameSync(live, aside);
      renameSync(staging, live);
      swapped = true;
      await core.openVault(secret as Secret);
      const v = core.requireVault().verify();
      if (!v.healthy) throw new AppError('DAMAGED', 'The restored vault did not pass its check.');
      core.write(
        { action: 'restored', entity: 'vault', detail: `from a backup of ${m.createdAt.slice(0, 10)}` },
        () => undefined,
      );
    } catch (e) {
      core.close();
      if (swapped) rmSync(live, { recursive: true, force: true });
      rmSync(staging, { recursive: true, force: true });
      if (existsSync(aside)) renameSync(aside, live);
      throw e;
    }
    rmSync(aside, { recursive: true, force: true });
    return { vaultDir: live, createdAt: m.createdAt, check: checked(check, m.createdAt) };
  },
};
