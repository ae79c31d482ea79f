import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import type { Secret } from '../vault/keyfile';
import { syncBuiltIns } from './library';
import { purgeDeletedPractice } from './practice';

/*
 * One vault operation at a time: create, unlock, lock, change passphrase and rekey run alone in
 * the core's call queue (`runAlone` in api.ts), so parallel guesses wait their turn, each behind
 * the delay the previous wrong one earned, and nothing rewraps a key that a lock is wiping.
 */

/**
 * Runs a check of a secret. First waits out what is left of the delay the last wrong secret
 * earned (recorded beside the vault, so a restart or the command line does not skip it); a wrong
 * secret is counted and waited for; a right one resets the count.
 */
async function checkingSecret<T>(core: CoreContext, check: () => Promise<T>): Promise<T> {
  const wait = core.attempts.pendingWaitMs(core.vaultDir);
  if (wait > 0) await core.sleep(wait);
  let value: T;
  try {
    value = await check();
  } catch (e) {
    if (e instanceof AppError && e.code === 'WRONG_PASSPHRASE') await core.afterFailure();
    throw e;
  }
  core.attempts.succeed(core.vaultDir);
  return value;
}

/** Refuses a passphrase that is too easy to guess (the same rule the screens show as you type). */
async function requireStrong(passphrase: string, field: string): Promise<void> {
  // Loaded on first use: the word lists behind the estimate are large.
  const { passphraseProblem } = await import('../../../shared/passphrase');
  const problem = passphraseProblem(passphrase);
  if (problem) throw new AppError('VALIDATION', problem, { [field]: problem });
}

const status = (core: CoreContext) => ({ exists: core.vaultExists(), unlocked: core.unlocked });

/**
 * Deleted practice records can be undone only until the vault locks (or the app quits): then they
 * go for good. Locking never fails for it: a purge that cannot run now runs at the next delete or lock.
 */
export function purgeBeforeClose(core: CoreContext): void {
  try {
    if (core.unlocked) core.write([], (w) => purgeDeletedPractice(w));
  } catch {
    /* the vault closes all the same */
  }
}

export const vaultHandlers: Handlers<CoreContext>['vault'] = {
  status: (_input, core) => status(core),

  async create({ passphrase }, core) {
    // An open vault stays open: creating is refused without touching it.
    if (core.unlocked) throw new AppError('CONFLICT', 'A Stepwise vault already exists in this folder. Unlock it instead.');
    await requireStrong(passphrase, 'passphrase');
    const { recoveryKey } = await core.createVault(passphrase);
    try {
      syncBuiltIns(core);
    } catch {
      // The recovery key must reach the clinician whatever happens; the built-ins are synced
      // again at every unlock.
    }
    return { recoveryKey };
  },

  async unlock(secret, core) {
    if (core.unlocked) {
      // Already open: the secret is still checked, and a wrong one changes nothing.
      const open = core.requireVault();
      await checkingSecret(core, () => open.checkSecret(secret as Secret));
      return status(core);
    }
    await checkingSecret(core, () => core.openVault(secret as Secret));
    // Everything after the database opened: if any of it fails, the vault is locked again rather
    // than left open half-prepared (or open after an error the clinician was shown).
    try {
      core.write({ action: 'unlocked', entity: 'vault' }, () => undefined);
      syncBuiltIns(core);
    } catch (e) {
      core.close();
      throw e;
    }
    return status(core);
  },

  lock: (_input, core) => {
    purgeBeforeClose(core);
    core.close();
    return status(core);
  },

  async changePassphrase({ current, next }, core) {
    const vault = core.requireVault();
    await requireStrong(next, 'next');
    const updated = await checkingSecret(core, () => vault.preparePassphraseChange(current as Secret, next));
    // The new key file is installed (atomically) inside the transaction that records the event.
    // If installing fails, nothing changed and that is reported; once the key file is in place,
    // the change stands and is reported as done, whatever happens to the commit of the event.
    let installed = false;
    try {
      core.write({ action: 'changed', entity: 'passphrase' }, () => {
        vault.installKeyFile(updated);
        installed = true;
      });
    } catch (e) {
      if (!installed) throw e;
    }
    return { changed: true as const };
  },

  async rekey({ passphrase }, core) {
    const vault = core.requireVault();
    const keys = await checkingSecret(core, () => vault.prepareRekey(passphrase));
    try {
      vault.commitRekey(keys);
    } finally {
      if (!vault.isOpen) core.close();
    }
    try {
      core.write({ action: 'changed', entity: 'vault', detail: 'new database key and recovery key' }, () => undefined);
    } catch {
      // The new keys are in place and must reach the clinician; only the record of it failed.
    }
    return { recoveryKey: keys.recoveryKey };
  },

  verify: (_input, core) => core.requireVault().verify(),

  info: (_input, core) => core.requireVault().info(),
};
