import type { Handlers } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import type { CoreContext } from '../core';
import { syncBuiltIns } from './library';

/**
 * Brings the built-in worksheets up to date in a vault just unlocked. If that fails, the vault is
 * locked again rather than left open half-prepared.
 */
function openedWithBuiltIns(core: CoreContext): void {
  try {
    syncBuiltIns(core);
  } catch (e) {
    core.close();
    throw e;
  }
}

const status = (core: CoreContext) => ({ exists: core.vaultExists(), unlocked: core.unlocked });

/** A wrong passphrase slows the next attempt; a right one resets the count. */
async function withAttempts<T>(core: CoreContext, fn: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    if (e instanceof AppError && e.code === 'WRONG_PASSPHRASE') await core.afterFailure();
    throw e;
  }
  core.attempts.succeed(core.vaultDir);
  return result;
}

export const vaultHandlers: Handlers<CoreContext>['vault'] = {
  status: (_input, core) => status(core),

  async create({ passphrase }, core) {
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
    if (core.unlocked) return status(core);
    await withAttempts(core, () => core.openVault(secret));
    core.write({ action: 'unlocked', entity: 'vault' }, () => undefined);
    openedWithBuiltIns(core);
    return status(core);
  },

  lock: (_input, core) => {
    core.close();
    return status(core);
  },

  async changePassphrase({ current, next }, core) {
    const vault = core.requireVault();
    await withAttempts(core, () => vault.changePassphrase(current, next));
    core.write({ action: 'changed', entity: 'passphrase' }, () => undefined);
    return { changed: true as const };
  },

  verify: (_input, core) => core.requireVault().verify(),

  info: (_input, core) => core.requireVault().info(),
};
