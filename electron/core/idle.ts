import type { Core } from './core';
import { purgeBeforeClose } from './services/vault';

/**
 * The core's own auto-lock, beside the main process's: when no call has come for the auto-lock
 * minutes, the vault is closed and its keys wiped — even if the main process missed it. Runs
 * alone in the call queue (after any running call), and looks again once its turn comes, since a
 * call may have arrived meanwhile. Returns whether it locked.
 */
export async function lockIfIdle(core: Core): Promise<boolean> {
  if (!core.unlocked || !core.idle) return false;
  return core.calls.alone(() => {
    if (!core.unlocked || !core.idle) return false;
    purgeBeforeClose(core);
    core.close();
    return true;
  });
}
