/**
 * The host side of the one door to the core, free of Electron and of the core's services: the
 * typed client every host calls through, the contract dispatcher that checks every call once,
 * the call queue, the renderer's router and the worker protocol. Used by the core's worker, the
 * Electron main process, the CLI, the browser-test harness and the tests.
 */
export { hostClient, type HostClient, type HostClientOptions } from './client';
export { createContractDispatcher, runAlone, UNKNOWN_REQUEST, type Dispatch, type DispatcherOptions } from './dispatch';
export { toErrorData, validationError, type Logger } from './errors';
export { CallQueue } from './queue';
export { createRouter } from './router';
export { CoreWorker, serveCore, type FromWorker, type ToWorker, type WorkerPort } from './worker';
export { writeExportFiles } from './exportFiles';
