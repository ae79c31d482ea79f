import { parentPort, workerData } from 'node:worker_threads';
import { serveCore } from '../host/worker';
import { createWorkerDispatcher } from './api';
import { Core } from './core';
import { purgeBeforeClose } from './services/vault';

/**
 * The core in a worker thread of the Electron main process, so that database and PDF work never
 * stall the window. It speaks the host module's numbered protocol (electron/host/worker.ts).
 */
interface WorkerInit {
  vaultDir: string;
  nativeBinding?: string;
}

const init = workerData as WorkerInit;
const core = new Core({ vaultDir: init.vaultDir, vault: init.nativeBinding ? { nativeBinding: init.nativeBinding } : {} });
const dispatch = createWorkerDispatcher(core, (line) => process.stderr.write(`${line}\n`));

// Closing runs alone in the core's queue: after every call already received, then the vault is shut.
serveCore(parentPort!, dispatch, () =>
  core.calls.alone(() => {
    purgeBeforeClose(core);
    core.close();
  }),
);
