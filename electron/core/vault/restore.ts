import { AppError } from '../../../shared/result';
import type { Secret } from './keyfile';
import { Vault, type VaultOptions } from './vault';

export { checkSnapshotFile, restoreBackupInto, type SnapshotCheck } from './vault';

/**
 * Opens a vault restored into another folder as the app would (migrating an older backup), checks
 * it, and closes it again: the proof that the restore worked. DAMAGED when its check fails.
 */
export async function proveRestoredVault(dir: string, secret: Secret, opts: VaultOptions): Promise<void> {
  const restored = await Vault.open(dir, secret, opts);
  try {
    if (!restored.verify().healthy) throw new AppError('DAMAGED', 'The restored vault did not pass its check.');
  } finally {
    restored.close();
  }
}
