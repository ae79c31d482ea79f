import {
  channelNames,
  coreContract,
  workerContract,
  type Handlers,
  type HandlersOf,
  type WorkerContract,
} from '../../shared/contract';
import { createContractDispatcher, runAlone, type Dispatch, type Logger } from '../host';
import type { Core } from './core';
import { assignmentsHandlers } from './services/assignments';
import { clientsHandlers, goalsHandlers } from './services/clients';
import { importsHandlers } from './services/imports';
import { libraryHandlers } from './services/library';
import { practiceHandlers } from './services/practice';
import { auditHandlers, internalHandlers } from './services/audit';
import { printHandlers } from './services/print';
import { reviewsHandlers } from './services/reviews';
import { sessionsHandlers } from './services/sessions';
import { timelineHandlers } from './services/timeline';
import { vaultHandlers } from './services/vault';
import { exportHandlers } from './services/export';
import { clientImportHandlers } from './services/clientImport';
import { backupHandlers } from './services/backup';
import { draftsHandlers } from './services/drafts';
import { erasureClientHandlers, erasureGoalHandlers } from './services/erasure';
import { measuresHandlers } from './services/measures';
import { progressHandlers } from './services/progress';
import { reportsHandlers } from './services/reports';
// ---- today (issue 12)
import { todayHandlers } from './services/today';
// ---- end today

/**
 * One handler map for the whole contract. The handlers that open, close or re-key the database
 * run alone (the core's CallQueue): never two at once, never under another running call.
 */
export const handlers: Handlers<Core> = {
  vault: runAlone(vaultHandlers, ['create', 'unlock', 'lock', 'changePassphrase', 'rekey']),
  // Deleting a client rewrites the database file (VACUUM, checkpoint): it runs alone.
  clients: runAlone({ ...clientsHandlers, ...erasureClientHandlers }, ['delete']),
  goals: { ...goalsHandlers, ...erasureGoalHandlers },
  library: libraryHandlers,
  assignments: assignmentsHandlers,
  sessions: sessionsHandlers,
  reviews: reviewsHandlers,
  timeline: timelineHandlers,
  print: printHandlers,
  audit: auditHandlers,
  practice: practiceHandlers,
  imports: importsHandlers,
  export: exportHandlers,
  clientImport: clientImportHandlers,
  backup: runAlone(backupHandlers, ['restore']),
  drafts: draftsHandlers,
  measures: measuresHandlers,
  // issue 9: the Progress tab
  progress: progressHandlers,
  // issue 9: the progress report
  reports: reportsHandlers,
  // ---- today (issue 12): the Today screen in one call, its long groups paged
  today: todayHandlers,
  // ---- end today
};

/** The renderer's core channels plus the internal ones only a host sends. */
const workerHandlers: HandlersOf<WorkerContract, Core> = {
  ...handlers,
  audit: { ...handlers.audit, ...internalHandlers.audit },
  idle: internalHandlers.idle,
};

/**
 * Calls that are not the clinician at work: the window's status poll and the main process's
 * backup check. Every other call starts the core's idle time again.
 */
const PASSIVE = new Set(
  channelNames({
    vault: { status: coreContract.vault.status },
    backup: { status: coreContract.backup.status },
    idle: workerContract.idle,
  }),
);

/** A dispatcher that notes each call as activity for the core's own auto-lock (lockIfIdle). */
function noting(core: Core, dispatch: Dispatch): Dispatch {
  return async (channel, input) => {
    if (PASSIVE.has(channel)) return dispatch(channel, input);
    core.noteActivity();
    try {
      return await dispatch(channel, input);
    } finally {
      core.noteActivity();
    }
  };
}

export type { Dispatch, Logger };

/** The api dispatcher for the renderer's core channels only (the tests' cores). */
export function createDispatcher(core: Core, log: Logger = (l) => process.stderr.write(`${l}\n`)): Dispatch {
  return noting(core, createContractDispatcher(coreContract, handlers, core, { log, queue: core.calls }));
}

/**
 * The core's dispatcher in the Electron worker and the CLI: the renderer's channels plus the
 * internal ones only the main process sends (the renderer cannot reach those: no IPC handler, no
 * preload entry).
 */
export function createWorkerDispatcher(core: Core, log: Logger): Dispatch {
  return noting(core, createContractDispatcher(workerContract, workerHandlers, core, { log, queue: core.calls }));
}
