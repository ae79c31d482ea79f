import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { Core } from '../core';
import { Vault } from '../vault/vault';
import { syncBuiltIns } from './library';

/**
 * Brings the built-in worksheets up to date in a vault just unlocked. If that fails, the vault is
 * locked again rather than left open half-prepared.
 */
function openedWithBuiltIns(core: Core): void {
  try {
    syncBuiltIns(core);
  } catch (e) {
    core.close();
    throw e;
  }
}

const status = (core: Core) => ({ exists: Vault.exists(core.vaultDir), unlocked: !!core.vault?.isOpen });

export const vaultHandlers: Handlers<Core>['vault'] = {
  status: (_input, core) => status(core),

  async create({ passphrase }, core) {
    if (core.vault?.isOpen) core.close();
    const { vault, recoveryKey } = await Vault.create(core.vaultDir, passphrase, { ...core.options.vault, now: core.now });
    core.vault = vault;
    try {
      syncBuiltIns(core);
    } catch {
      // The recovery key must reach the clinician whatever happens; the built-ins are synced
      // again at every unlock.
    }
    return { recoveryKey };
  },

  async unlock(secret, core) {
    if (core.vault?.isOpen) return status(core);
    try {
      core.vault = await Vault.open(core.vaultDir, secret, { ...core.options.vault, now: core.now });
    } catch (e) {
      if (e instanceof AppError && e.code === 'WRONG_PASSPHRASE') await core.afterFailure();
      throw e;
    }
    core.attempts.succeed(core.vaultDir);
    core.write(() => core.audit('unlocked', 'vault'));
    openedWithBuiltIns(core);
    return status(core);
  },

  lock: (_input, core) => {
    core.close();
    return status(core);
  },

  async changePassphrase({ current, next }, core) {
    const vault = core.requireVault();
    try {
      await vault.changePassphrase(current, next);
    } catch (e) {
      if (e instanceof AppError && e.code === 'WRONG_PASSPHRASE') await core.afterFailure();
      throw e;
    }
    core.attempts.succeed(core.vaultDir);
    core.write(() => core.audit('changed', 'passphrase'));
    return { changed: true as const };
  },

  verify: (_input, core) => core.requireVault().verify(),

  info: (_input, core) => core.requireVault().info(),
};
