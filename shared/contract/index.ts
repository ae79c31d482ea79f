import { channelNames, type ApiOf, type HandlersOf } from './define';
import { assignmentsContract } from './assignments';
import { clientsContract, goalsContract } from './clients';
import { libraryContract } from './library';
import { auditContract, internalContract, printContract } from './print';
import { clientImportContract, exportContract, importsContract } from './data';
import { practiceContract, reviewsContract, sessionsContract, timelineContract } from './sessions';
import { appContract, outputContract, settingsContract } from './shell';
import { vaultContract } from './vault';
import { backupContract } from './backup';
import { draftsContract } from './drafts';
import { measuresContract } from './measures';
import { progressContract } from './progress';
import { reportsContract } from './reports';
// ---- today (issue 12)
import { todayContract } from './today';
// ---- end today

export * from './define';
export * from './vault';
export * from './backup';
export * from './drafts';
export * from './print';
export * from './sessions';
export * from './data';
export * from './measures';
export * from './progress';
export * from './reports';
// ---- today (issue 12)
export * from './today';
// ---- end today
// ---- drafts (issue 11)
export * from './library';
export type { OutputTarget } from './shell';

/** Channels answered by the core (in its worker thread, the CLI, or the test harness). */
export const coreContract = {
  vault: vaultContract,
  clients: clientsContract,
  goals: goalsContract,
  library: libraryContract,
  assignments: assignmentsContract,
  sessions: sessionsContract,
  reviews: reviewsContract,
  timeline: timelineContract,
  print: printContract,
  audit: auditContract,
  practice: practiceContract,
  imports: importsContract,
  export: exportContract,
  clientImport: clientImportContract,
  backup: backupContract,
  drafts: draftsContract,
  measures: measuresContract,
  // issue 9: the Progress tab
  progress: progressContract,
  // issue 9: the progress report
  reports: reportsContract,
  // ---- today (issue 12): the Today screen in one call, its long groups paged
  today: todayContract,
  // ---- end today
};

/** Channels answered by the Electron main process itself. */
export const shellContract = {
  app: appContract,
  settings: settingsContract,
  output: outputContract,
};

/** The whole bridge. The preload exposes exactly these functions. */
export const contract = { ...coreContract, ...shellContract };

export type Contract = typeof contract;
export type CoreContract = typeof coreContract;
export type ShellContract = typeof shellContract;
export type StepwiseApi = ApiOf<Contract>;
export type Handlers<Ctx> = HandlersOf<CoreContract, Ctx>;
export type ShellHandlers<Ctx> = HandlersOf<ShellContract, Ctx>;
export const CHANNELS: readonly string[] = channelNames(contract);
export { internalContract };
export type InternalContract = typeof internalContract;

/**
 * What the core answers in its worker (and in the CLI): the renderer's core channels plus the
 * internal ones only a host sends. The renderer never reaches this whole set.
 */
export const workerContract = {
  ...coreContract,
  audit: { ...coreContract.audit, ...internalContract.audit },
  idle: internalContract.idle,
};
export type WorkerContract = typeof workerContract;
export type InternalHandlers<Ctx> = HandlersOf<InternalContract, Ctx>;
export const INTERNAL_CHANNELS: readonly string[] = channelNames(internalContract);
export const CORE_CHANNELS: readonly string[] = channelNames(coreContract);
export const SHELL_CHANNELS: readonly string[] = channelNames(shellContract);
