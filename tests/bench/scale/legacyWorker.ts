import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { Vault } from '../../../electron/core/vault/vault';
import { legacyWriteBackup } from '../../support/legacyBackup';

/**
 * The bench's baseline for the backup (issue 12): the old in-memory backup path
 * (tests/support/legacyBackup.ts), in a worker thread of its own as the app's core would run it,
 * so that the main thread's stalls and the process's memory are measured the same way.
 */
const { vaultDir, passphrase } = workerData as { vaultDir: string; passphrase: string };
const folder = mkdtempSync(path.join(tmpdir(), 'stepwise-bench-oldbackup-'));
void (async () => {
  const vault = await Vault.open(vaultDir, { passphrase });
  try {
    const t0 = performance.now();
    const { bytes } = await legacyWriteBackup(vault, { passphrase }, path.join(folder, 'old.swbackup'), new Date());
    parentPort!.postMessage({ ms: performance.now() - t0, bytes });
  } catch (e) {
    parentPort!.postMessage({ error: e instanceof Error ? e.message : String(e) });
  } finally {
    vault.close();
    rmSync(folder, { recursive: true, force: true });
  }
})();
