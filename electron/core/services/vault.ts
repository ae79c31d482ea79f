import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { Core } from '../core';
import type { Secret } from '../vault/keyfile';
import { SerialQueue } from '../vault/serial';
import { Vault } from '../vault/vault';
import { syncBuiltIns } from './library';

/**
 * One vault operation at a time per core: unlock, lock, create, change passphrase and rekey run
 * in arrival order (hosts may queue them too; queuing twice is harmless). Parallel guesses thus
 * wait their turn, each behind the delay the previous wrong one earned.
 */
const queues = new WeakMap<Core, SerialQueue>();
function serially<T>(core: Core, task: () => T | Promise<T>): Promise<T> {
  let q = queues.get(core);
  if (!q) queues.set(core, (q = new SerialQueue()));
  return q.run(task);
}

/**
 * Runs a check of a secret. First waits out what is left of the delay the last wrong secret
 * earned (recorded beside the vault, so a restart or the command line does not skip it); a wrong
 * secret is counted and waited for; a right one resets the count.
 */
async function checkingSecret<T>(core: Core, check: () => Promise<T>): Promise<T> {
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

const status = (core: Core) => ({ exists: Vault.exists(core.vaultDir), unlocked: !!core.vault?.isOpen });

export const vaultHandlers: Handlers<Core>['vault'] = {
  status: (_input, core) => status(core),

  create: ({ passphrase }, core) =>
    serially(core, async () => {
      // An open vault stays open: creating is refused without touching it.
      if (core.vault?.isOpen)
        throw new AppError('CONFLICT', 'A Stepwise vault already exists in this folder. Unlock it instead.');
      await requireStrong(passphrase, 'passphrase');
      const { vault, recoveryKey } = await Vault.create(core.vaultDir, passphrase, { ...core.options.vault, now: core.now });
      core.vault = vault;
      try {
        syncBuiltIns(core);
      } catch {
        // The recovery key must reach the clinician whatever happens; the built-ins are synced
        // again at every unlock.
      }
      return { recoveryKey };
    }),

  unlock: (secret, core) =>
    serially(core, async () => {
      const open = core.vault?.isOpen ? core.vault : null;
      if (open) {
        // Already open: the secret is still checked, and a wrong one changes nothing.
        await checkingSecret(core, () => open.checkSecret(secret as Secret));
        return status(core);
      }
      core.vault = null;
      core.vault = await checkingSecret(core, () =>
        Vault.open(core.vaultDir, secret as Secret, { ...core.options.vault, now: core.now }),
      );
      // Everything after the database opened: if any of it fails, the vault is locked again
      // rather than left open half-prepared (or open after an error the clinician was shown).
      try {
        core.write(() => core.audit('unlocked', 'vault'));
        syncBuiltIns(core);
      } catch (e) {
        core.close();
        throw e;
      }
      return status(core);
    }),

  lock: (_input, core) =>
    serially(core, () => {
      core.close();
      return status(core);
    }),

  changePassphrase: ({ current, next }, core) =>
    serially(core, async () => {
      const vault = core.requireVault();
      await requireStrong(next, 'next');
      const updated = await checkingSecret(core, () => vault.preparePassphraseChange(current as Secret, next));
      // The audit event and the new key file go together: the event is written first, the key
      // file replaced (atomically) inside the same transaction. If the event cannot be written,
      // nothing changed and that is reported; once the key file is in place, the change stands
      // and is reported as done, whatever happens to the commit of the event.
      let installed = false;
      try {
        core.write(() => {
          core.audit('changed', 'passphrase');
          vault.installKeyFile(updated);
          installed = true;
        });
      } catch (e) {
        if (!installed) throw e;
      }
      return { changed: true as const };
    }),

  rekey: ({ passphrase }, core) =>
    serially(core, async () => {
      const vault = core.requireVault();
      const keys = await checkingSecret(core, () => vault.prepareRekey(passphrase));
      try {
        vault.commitRekey(keys);
      } finally {
        if (!vault.isOpen) core.close();
      }
      try {
        core.write(() => core.audit('changed', 'vault', null, 'new database key and recovery key'));
      } catch {
        // The new keys are in place and must reach the clinician; only the record of it failed.
      }
      return { recoveryKey: keys.recoveryKey };
    }),

  verify: (_input, core) => core.requireVault().verify(),

  info: (_input, core) => core.requireVault().info(),
};
