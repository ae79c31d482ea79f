import { parentPort, workerData } from 'node:worker_threads';
import { serveCore } from '../host/worker';
import { createWorkerDispatcher } from './api';
import { Core } from './core';
import { lockIfIdle } from './idle';
import { purgeBeforeClose } from './services/vault';

/**
 * The core in a worker thread of the Electron main process, so that database and PDF work never
 * stall the window. It speaks the host module's numbered protocol (electron/host/worker.ts).
 */
interface WorkerInit {
  vaultDir: string;
  nativeBinding?: string;
  /** The clinician's auto-lock minutes at start; `idle.setMinutes` updates them. */
  autoLockMinutes?: number;
}

/** How often the core looks whether it has been idle for the auto-lock minutes. */
const IDLE_CHECK_MS = 15_000;

const init = workerData as WorkerInit;
const core = new Core({
  vaultDir: init.vaultDir,
  vault: init.nativeBinding ? { nativeBinding: init.nativeBinding } : {},
  ...(init.autoLockMinutes !== undefined ? { autoLockMinutes: init.autoLockMinutes } : {}),
});
const dispatch = createWorkerDispatcher(core, (line) => process.stderr.write(`${line}\n`));

// Closing runs alone in the core's queue: after every call already received, then the vault is shut.
serveCore(parentPort!, dispatch, () =>
  core.calls.alone(() => {
    purgeBeforeClose(core);
    core.close();
  }),
);

// The core's own auto-lock, beside the main process's (system idle, screen lock, suspend): if no
// call came for the auto-lock minutes, the database is closed and the keys wiped here, even if
// the main process missed it.
setInterval(() => void lockIfIdle(core).catch(() => undefined), IDLE_CHECK_MS).unref();
