import { channelNames, type ApiOf, type HandlersOf } from './define';
import { vaultContract } from './vault';

export * from './define';
export * from './vault';

/** The whole bridge. The preload exposes exactly these functions; the core implements them. */
export const contract = {
  vault: vaultContract,
};

export type Contract = typeof contract;
export type StepwiseApi = ApiOf<Contract>;
export type Handlers<Ctx> = HandlersOf<Contract, Ctx>;
export const CHANNELS: readonly string[] = channelNames(contract);
