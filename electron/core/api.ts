import { coreContract, findChannel, internalContract, type ContractDef, type Handlers } from '../../shared/contract';
import { INTERNAL_MESSAGE, type Result } from '../../shared/result';
import { toErrorData, validationError, type Logger } from './errors';
import type { Core } from './core';
import { assignmentsHandlers } from './services/assignments';
import { clientsHandlers, goalsHandlers } from './services/clients';
import { libraryHandlers } from './services/library';
import { auditHandlers, internalHandlers } from './services/audit';
import { printHandlers } from './services/print';
import { vaultHandlers } from './services/vault';

/** One handler map for the whole contract. */
export const handlers: Handlers<Core> = {
  vault: vaultHandlers,
  clients: clientsHandlers,
  goals: goalsHandlers,
  library: libraryHandlers,
  assignments: assignmentsHandlers,
  print: printHandlers,
  audit: auditHandlers,
};

export { internalHandlers, toErrorData, validationError, type Logger };

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

type AnyHandlers<Ctx> = Record<string, Record<string, (input: unknown, ctx: Ctx) => unknown>>;

/**
 * Answers calls for one contract with one handler map: parses input with the channel's schema,
 * runs the handler, checks the output. Used for the core's channels (every host) and for the
 * channels the Electron main process answers itself.
 */
export function createContractDispatcher<Ctx>(def: ContractDef, impl: object, ctx: Ctx, log: Logger): Dispatch {
  const table = impl as AnyHandlers<Ctx>;
  return async (channel, input) => {
    const ch = findChannel(def, channel);
    if (!ch) return { ok: false, error: { code: 'VALIDATION', message: 'Unknown request.' } };
    const [domain, verb] = channel.split('.') as [string, string];
    const handler = table[domain]?.[verb];
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    try {
      const parsed = ch.input.safeParse(input);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error).toData() };
      const value = await handler(parsed.data, ctx);
      const out = ch.output.safeParse(value);
      if (!out.success) {
        log(`stepwise: output of ${channel} does not match the contract`);
        return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
      }
      return { ok: true, value: out.data };
    } catch (e) {
      return { ok: false, error: toErrorData(e, log, channel) };
    }
  };
}

/** The api dispatcher: the one entry to the core for every host (Electron worker, CLI, browser tests). */
export function createDispatcher(core: Core, log: Logger = (l) => process.stderr.write(`${l}\n`)): Dispatch {
  return createContractDispatcher(coreContract, handlers, core, log);
}

/**
 * The core's dispatcher in the Electron worker: the renderer's channels plus the internal ones
 * only the main process sends (the renderer cannot reach those: no IPC handler, no preload entry).
 */
export function createWorkerDispatcher(core: Core, log: Logger): Dispatch {
  const pub = createDispatcher(core, log);
  const internal = createContractDispatcher(internalContract, internalHandlers, core, log);
  return (channel, input) => (findChannel(internalContract, channel) ? internal(channel, input) : pub(channel, input));
}
