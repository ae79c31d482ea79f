import { z } from 'zod';
import { coreContract, findChannel, type ContractDef, type Handlers } from '../../shared/contract';
import { AppError, INTERNAL_MESSAGE, type AppErrorData, type Result } from '../../shared/result';
import type { Core } from './core';
import { assignmentsHandlers } from './services/assignments';
import { clientsHandlers, goalsHandlers } from './services/clients';
import { libraryHandlers } from './services/library';
import { vaultHandlers } from './services/vault';

/** One handler map for the whole contract. */
export const handlers: Handlers<Core> = {
  vault: vaultHandlers,
  clients: clientsHandlers,
  goals: goalsHandlers,
  library: libraryHandlers,
  assignments: assignmentsHandlers,
};

export type Logger = (line: string) => void;

/** zod issues → a message and per-field messages, in the words the schemas carry. */
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? 'Some of the details are not valid.';
  return new AppError('VALIDATION', first, fields);
}

const SQLITE_CODES: Record<string, AppErrorData> = {
  SQLITE_BUSY: { code: 'CONFLICT', message: 'The vault is busy with another task. Please try again in a moment.' },
  SQLITE_FULL: { code: 'IO', message: 'The disk is full. Free some space, then try again. Nothing was saved.' },
  SQLITE_READONLY: { code: 'IO', message: 'The vault folder cannot be written to. Check that the disk is not read-only.' },
  SQLITE_CORRUPT: { code: 'DAMAGED', message: 'Part of the vault is damaged. Run “Verify vault” and restore from a backup if needed.' },
  SQLITE_NOTADB: { code: 'DAMAGED', message: 'The vault file is damaged or is not a Stepwise vault.' },
};

/** Turns anything thrown into error data. Unknown errors never leak their message or stack. */
export function toErrorData(e: unknown, log: Logger, channel: string): AppErrorData {
  if (e instanceof AppError) return e.toData();
  if (e instanceof z.ZodError) return validationError(e).toData();
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const base = Object.keys(SQLITE_CODES).find((k) => code === k || code.startsWith(`${k}_`));
    if (base) return SQLITE_CODES[base]!;
    if (code === 'ENOSPC') return SQLITE_CODES.SQLITE_FULL!;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      return { code: 'IO', message: 'Stepwise is not allowed to write to that folder. Choose another folder or check its permissions.' };
  }
  // Only the channel and the kind of error: never its message, which could hold client data.
  log(`stepwise: unexpected ${e instanceof Error ? e.name : typeof e} in ${channel}`);
  return { code: 'INTERNAL', message: INTERNAL_MESSAGE };
}

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
