import { parentPort, workerData } from 'node:worker_threads';
import { createWorkerDispatcher } from './api';
import { Core } from './core';

/**
 * The core in a worker thread of the Electron main process, so that database and PDF work never
 * stall the window. Messages: { id, channel, input } in, { id, result } out.
 */
interface WorkerInit {
  vaultDir: string;
  nativeBinding?: string;
}

const init = workerData as WorkerInit;
const core = new Core({ vaultDir: init.vaultDir, vault: init.nativeBinding ? { nativeBinding: init.nativeBinding } : {} });
const dispatch = createWorkerDispatcher(core, (line) => process.stderr.write(`${line}\n`));

parentPort!.on('message', (msg: { id: number; channel: string; input: unknown } | { close: true }) => {
  if ('close' in msg) {
    core.close();
    parentPort!.postMessage({ closed: true });
    return;
  }
  void dispatch(msg.channel, msg.input).then((result) => parentPort!.postMessage({ id: msg.id, result }));
});
