import { findChannel, type ContractDef, type HandlersOf } from '../../shared/contract';
import { INTERNAL_MESSAGE, type Result } from '../../shared/result';
import { toErrorData, validationError, type Logger } from './errors';
import { inputTooLarge } from './limits';
import type { CallQueue } from './queue';

/** One call by channel name. Only the host module and the contract speak in channel names. */
export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export const UNKNOWN_REQUEST: Result<never> = { ok: false, error: { code: 'VALIDATION', message: 'Unknown request.' } };

const ALONE = new WeakSet<object>();

/**
 * Marks handlers that open, close or re-key the database: a dispatcher with a queue runs each of
 * them alone (see CallQueue). Returns a copy of the map; the service's own functions are untouched.
 */
export function runAlone<H extends object, K extends keyof H>(handlers: H, verbs: readonly K[]): H {
  const out = { ...handlers };
  for (const verb of verbs) {
    const fn = handlers[verb] as (...args: unknown[]) => unknown;
    const wrapped = (...args: unknown[]) => fn(...args);
    ALONE.add(wrapped);
    out[verb] = wrapped as H[K];
  }
  return out;
}

export interface DispatcherOptions {
  log: Logger;
  /** Orders the calls (handlers marked with runAlone run alone); without it, calls just run. */
  queue?: CallQueue;
}

type AnyHandler<Ctx> = (input: unknown, ctx: Ctx) => unknown;

/**
 * Answers calls for one contract with one handler map, and is the one place a call is checked:
 * parses the input with the channel's schema, runs the handler, checks the output against the
 * contract. Errors are data. Used for the core's channels (in every host) and for the channels the
 * Electron main process answers itself.
 */
export function createContractDispatcher<C extends ContractDef, Ctx>(
  def: C,
  impl: HandlersOf<C, Ctx>,
  ctx: Ctx,
  opts: DispatcherOptions,
): Dispatch {
  const { log, queue } = opts;
  const table = impl as unknown as Record<string, Record<string, AnyHandler<Ctx> | undefined> | undefined>;
  return async (channel, input) => {
    const ch = findChannel(def, channel);
    if (!ch) return UNKNOWN_REQUEST;
    const dot = channel.indexOf('.');
    const handler = table[channel.slice(0, dot)]?.[channel.slice(dot + 1)];
    if (!handler) return { ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } };
    try {
      const tooLarge = inputTooLarge(input);
      if (tooLarge) return { ok: false, error: { code: 'VALIDATION', message: `That request is too large (${tooLarge}).` } };
      const parsed = ch.input.safeParse(input);
      if (!parsed.success) return { ok: false, error: validationError(parsed.error).toData() };
      const run = () => handler(parsed.data, ctx);
      const value = await (!queue ? run() : ALONE.has(handler) ? queue.alone(run) : queue.run(run));
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
