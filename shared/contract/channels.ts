import type { ChannelName } from './define';
import type { Contract } from './index';

/**
 * The names of the renderer's channels, without their schemas: the preload builds
 * `window.stepwise` from this list and so carries no zod. The compiler refuses a name that is not
 * in the contract and a channel of the contract missing here; a test keeps the order equal too.
 */
export const CHANNEL_NAMES = [
  'vault.status',
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.changePassphrase',
  'vault.rekey',
  'vault.verify',
  'vault.info',
  'clients.list',
  'clients.get',
  'clients.create',
  'clients.update',
  'clients.archive',
  'clients.restore',
  'goals.list',
  'goals.create',
  'goals.update',
  'library.list',
  'library.get',
  'library.create',
  'library.duplicate',
  'library.update',
  'library.archive',
  'library.restore',
  'assignments.list',
  'assignments.get',
  'assignments.create',
  'assignments.update',
  'assignments.attention',
  'assignments.setStatus',
  'print.assignment',
  'print.packet',
  'audit.list',
  'audit.csv',
  'audit.viewed',
  'backup.status',
  'backup.create',
  'backup.check',
  'backup.restore',
  'drafts.save',
  'drafts.get',
  'drafts.discard',
  'drafts.list',
  'app.info',
  'settings.get',
  'settings.update',
  'output.save',
  'output.print',
] as const satisfies readonly ChannelName<Contract>[];

type Missing = Exclude<ChannelName<Contract>, (typeof CHANNEL_NAMES)[number]>;
/** Compiles only while every channel of the contract is in CHANNEL_NAMES. */
export const CHANNEL_NAMES_COMPLETE: [Missing] extends [never] ? true : { missing: Missing } = true;
